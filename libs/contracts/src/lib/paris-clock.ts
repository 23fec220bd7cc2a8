/**
 * Wall-clock time in Paris, computed without `Intl`. The first `Intl.DateTimeFormat` or
 * `toLocaleString` of a page starts ICU's date and number machinery, about 15 ms of script on a
 * fast machine and four times that on a mid-range phone, in the very task that renders the
 * wizard's first screen. France follows the EU rule (since 1996): UTC+2 from the last Sunday of
 * March, 01:00 UTC, to the last Sunday of October, 01:00 UTC; UTC+1 otherwise. The unit test
 * compares every hour around each change, and dates across decades, with `Intl`'s answer, so
 * that a change of the rule (or of the tz database) shows up there.
 */
export interface ParisClock {
  year: number;
  /** 0 = January. */
  monthIndex: number;
  day: number;
  hours: number;
  minutes: number;
}

const HOUR_MS = 3_600_000;

/** The last Sunday of the month, 01:00 UTC, in epoch milliseconds. */
function lastSundayOneAmUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

export function parisOffsetHours(instant: Date): number {
  const year = instant.getUTCFullYear();
  const time = instant.getTime();
  return time >= lastSundayOneAmUtc(year, 2) && time < lastSundayOneAmUtc(year, 9) ? 2 : 1;
}

export function parisClock(instant: Date): ParisClock {
  const shifted = new Date(instant.getTime() + parisOffsetHours(instant) * HOUR_MS);
  return {
    year: shifted.getUTCFullYear(),
    monthIndex: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
  };
}
