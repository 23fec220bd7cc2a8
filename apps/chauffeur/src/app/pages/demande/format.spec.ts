import { dateFr, dateTimeFr, integerFr, kilobytes } from './format';
import { parisClock } from '@t3p/contracts/texts';

const HOUR_MS = 3_600_000;
const intlParts = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function intlClock(instant: Date) {
  const part = (type: string) =>
    Number(intlParts.formatToParts(instant).find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    monthIndex: part('month') - 1,
    day: part('day'),
    hours: part('hour'),
    minutes: part('minute'),
  };
}

describe('parisClock (without Intl)', () => {
  it('agrees with Intl every 30 minutes around each change of time, 1996–2040', () => {
    for (let year = 1996; year <= 2040; year += 1) {
      for (const month of [2, 9]) {
        // From the 24th 00:00 UTC to the 1st of next month: covers every possible last Sunday.
        for (
          let time = Date.UTC(year, month, 24);
          time < Date.UTC(year, month + 1, 1, 6);
          time += HOUR_MS / 2
        ) {
          const instant = new Date(time);
          expect([instant.toISOString(), parisClock(instant)]).toEqual([
            instant.toISOString(),
            intlClock(instant),
          ]);
        }
      }
    }
  });

  it('agrees with Intl on instants spread over decades', () => {
    for (
      let time = Date.UTC(1996, 0, 1);
      time < Date.UTC(2045, 0, 1);
      time += 7 * 24 * HOUR_MS + 37 * 60_000 + 13_000
    ) {
      const instant = new Date(time);
      expect([instant.toISOString(), parisClock(instant)]).toEqual([
        instant.toISOString(),
        intlClock(instant),
      ]);
    }
  });
});

describe('French formats', () => {
  it('writes dates and times as Intl does, in Paris time, with « 1er » on the first of a month', () => {
    for (const iso of [
      '2026-03-12T13:03:00Z',
      '2026-03-29T00:59:00Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:30:00Z',
      '2026-12-31T23:30:00Z',
      '2027-01-01T08:05:09Z',
    ]) {
      const date = new Date(iso);
      const day = date
        .toLocaleDateString('fr-FR', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'Europe/Paris',
        })
        .replace(/^1 /, '1er ');
      const time = date
        .toLocaleTimeString('fr-FR', {
          hour: '2-digit',
          minute: '2-digit',
          timeZone: 'Europe/Paris',
        })
        .replace(':', ' h ');
      expect(dateFr(iso)).toBe(day);
      expect(dateTimeFr(iso)).toBe(`${day} à ${time}`);
    }
    expect(dateFr('2026-12-31T23:30:00Z')).toBe('1er janvier 2027');
    expect(dateTimeFr('2026-03-12T13:03:00Z')).toBe('12 mars 2026 à 14 h 03');
    expect(dateFr(null)).toBe('');
    expect(dateTimeFr(undefined)).toBe('');
  });

  it('groups digits and rounds kilobytes as Intl does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_234_567, -4_200])
      expect(integerFr(n)).toBe(n.toLocaleString('fr-FR'));
    for (let bytes = 0; bytes < 12_000_000; bytes += 997) {
      expect(kilobytes(bytes)).toBe(
        `${(bytes / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Ko`,
      );
    }
    expect(kilobytes(36_045)).toBe('35,2 Ko');
  });
});
