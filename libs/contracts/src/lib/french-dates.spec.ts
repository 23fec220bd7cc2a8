import { frenchDate, frenchDateTime, frenchTime } from './french-dates';

describe('French dates and times', () => {
  it('writes « 1er » on the first of a month, long and short, in Paris time', () => {
    expect(frenchDate('2026-12-01T09:00:00Z')).toBe('1er décembre 2026');
    expect(frenchDate('2026-12-01T09:00:00Z', 'short')).toBe('1er déc. 2026');
    // 23:30 UTC on 30 November is already 1 December in Paris.
    expect(frenchDate('2026-11-30T23:30:00Z')).toBe('1er décembre 2026');
    expect(frenchDate('2026-12-02T09:00:00Z')).toBe('2 décembre 2026');
    expect(frenchDate('2026-12-11T09:00:00Z')).toBe('11 décembre 2026');
    expect(frenchDate('2027-01-21T09:00:00Z', 'short')).toBe('21 janv. 2027');
  });

  it('writes times « 20 h 15 » in Europe/Paris, summer and winter', () => {
    expect(frenchTime('2026-12-01T19:15:00Z')).toBe('20 h 15');
    expect(frenchTime('2026-07-01T18:15:00Z')).toBe('20 h 15');
    expect(frenchTime('2026-07-01T07:05:00Z')).toBe('09 h 05');
    expect(frenchDateTime('2026-12-01T19:15:00Z')).toBe('1er décembre 2026 à 20 h 15');
    expect(frenchDateTime('2026-12-01T19:15:00Z', 'short')).toBe('1er déc. 2026 à 20 h 15');
  });

  it('writes nothing for no date', () => {
    expect(frenchDate(null)).toBe('');
    expect(frenchTime(undefined)).toBe('');
    expect(frenchDateTime('')).toBe('');
  });
});
