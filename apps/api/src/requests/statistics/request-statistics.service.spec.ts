import type { StatisticPeriod } from './request-statistics.repository';
import { medianOfBuckets, splitPeriod } from './request-statistics.service';

describe('splitPeriod', () => {
  it('reads whole months in the monthly rollup and the other days day by day', () => {
    const cases: [string, string, StatisticPeriod][] = [
      ['2025-01-01', '2025-01-31', { months: ['2025-01', '2025-01'], days: [] }],
      ['2025-01-11', '2025-01-11', { months: null, days: [['2025-01-11', '2025-01-11']] }],
      [
        '2024-12-15',
        '2025-07-01',
        {
          months: ['2025-01', '2025-06'],
          days: [
            ['2024-12-15', '2024-12-31'],
            ['2025-07-01', '2025-07-01'],
          ],
        },
      ],
      ['2024-02-01', '2024-02-29', { months: ['2024-02', '2024-02'], days: [] }],
      ['2025-01-15', '2025-02-10', { months: null, days: [['2025-01-15', '2025-02-10']] }],
    ];
    for (const [from, to, expected] of cases) expect(splitPeriod(from, to)).toEqual(expected);
  });
});

describe('medianOfBuckets', () => {
  it('gives the lower middle value’s bucket, as its geometric middle (±2.5 %)', () => {
    expect(medianOfBuckets(new Map())).toBeNull();
    expect(medianOfBuckets(new Map([[0, 3]]))).toEqual({
      count: 3,
      seconds: 0,
      lowSeconds: 0,
      highSeconds: 1,
    });
    // 1.05^10 ≈ 1.629, 1.05^11 ≈ 1.710: the middle ≈ 1.669.
    const median = medianOfBuckets(
      new Map([
        [11, 2],
        [200, 1],
        [3, 1],
      ]),
    );
    expect(median).toMatchObject({ count: 4, seconds: 2, lowSeconds: 1, highSeconds: 2 });
  });
});
