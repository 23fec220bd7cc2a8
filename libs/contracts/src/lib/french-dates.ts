import { parisClock } from './paris-clock';

/**
 * Dates and times as French is written, in Paris time, the same for drivers, agents and emails:
 * « 1er décembre 2026 », « 12 mars 2026 à 20 h 15 ». Written by hand rather than with Intl (see
 * paris-clock.ts), and because Intl writes « 1 décembre » and « 20:15 ».
 */
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const SHORT_MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];
const twoDigits = (n: number) => String(n).padStart(2, '0');

type Instant = Date | string | null | undefined;
const toDate = (value: Instant): Date | null =>
  value === null || value === undefined || value === '' ? null : new Date(value);

/** « 1er décembre 2026 », « 12 mars 2026 »; `short`: « 1er déc. 2026 ». */
export function frenchDate(value: Instant, months: 'long' | 'short' = 'long'): string {
  const date = toDate(value);
  if (!date) return '';
  const { day, monthIndex, year } = parisClock(date);
  return `${day === 1 ? '1er' : day} ${(months === 'long' ? MONTHS : SHORT_MONTHS)[monthIndex]} ${year}`;
}

/** « 20 h 15 », « 09 h 05 ». */
export function frenchTime(value: Instant): string {
  const date = toDate(value);
  if (!date) return '';
  const { hours, minutes } = parisClock(date);
  return `${twoDigits(hours)} h ${twoDigits(minutes)}`;
}

/** « 1er décembre 2026 à 20 h 15 ». */
export function frenchDateTime(value: Instant, months: 'long' | 'short' = 'long'): string {
  const date = toDate(value);
  return date ? `${frenchDate(date, months)} à ${frenchTime(date)}` : '';
}
