import { medianOfBuckets, splitPeriod } from './request-statistics.service';

describe('splitPeriod', () => {
  it('reads whole months in the monthly rollup and the other days day by day', () => {
    expect(splitPeriod('2025-01-01', '2025-01-31')).toEqual({
      months: ['2025-01', '2025-01'],
      days: [],
    });
    expect(splitPeriod('2025-01-11', '2025-01-11')).toEqual({
      months: null,
      days: [['2025-01-11', '2025-01-11']],
    });
    expect(splitPeriod('2024-12-15', '2025-07-01')).toEqual({
      months: ['2025-01', '2025-06'],
      days: [
        ['2024-12-15', '2024-12-31'],
        ['2025-07-01', '2025-07-01'],
      ],
    });
    expect(splitPeriod('2024-02-01', '2024-02-29')).toEqual({
      months: ['2024-02', '2024-02'],
      days: [],
    });
    expect(splitPeriod('2025-01-15', '2025-02-10')).toEqual({
      months: null,
      days: [['2025-01-15', '2025-02-10']],
    });
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
