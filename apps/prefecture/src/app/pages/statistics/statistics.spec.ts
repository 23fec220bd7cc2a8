import { frDuration, parisToday, periodOf } from './statistics';

describe('statistics page helpers', () => {
  it('write a median duration at the precision it has', () => {
    expect(frDuration(40)).toBe('40 s');
    expect(frDuration(12 * 60)).toBe('12 min');
    expect(frDuration(5 * 3600 + 7 * 60)).toBe('5 h 07 min');
    expect(frDuration(3 * 86_400)).toBe('3 j');
    expect(frDuration(3 * 86_400 + 4 * 3600 + 20 * 60)).toBe('3 j 4 h');
  });

  it('give the presets’ periods, ending today in Paris, both ends included', () => {
    expect(periodOf('7', '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(periodOf('30', '2026-03-02')).toEqual({ from: '2026-02-01', to: '2026-03-02' });
    expect(periodOf('year', '2026-03-02')).toEqual({ from: '2026-01-01', to: '2026-03-02' });
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
