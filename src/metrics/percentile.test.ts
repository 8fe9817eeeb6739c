import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { mean, median, percentile } from './percentile.ts';

const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('median', () => {
  it('takes the middle value for odd n and the mean of the two middle values for even n', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([10, -2])).toBe(4);
  });

  it('is null on an empty sample and leaves the input unsorted', () => {
    expect(median([])).toBeNull();
    const values = [5, 1, 4];
    median(values);
    expect(values).toEqual([5, 1, 4]);
  });
});

describe('percentile (nearest rank)', () => {
  it('returns the ⌈p·n/100⌉-th smallest value', () => {
    expect(percentile(oneTo(10), 90)).toBe(9); // ⌈9⌉ = 9th
    expect(percentile(oneTo(11), 90)).toBe(10); // ⌈9.9⌉ = 10th
    expect(percentile(oneTo(5), 90)).toBe(5); // ⌈4.5⌉ = 5th: below 10 values, p90 is the maximum
    expect(percentile(oneTo(10), 100)).toBe(10);
    expect(percentile(oneTo(10), 1)).toBe(1); // ⌈0.1⌉ = 1st
    expect(percentile([30, 10, 20], 50)).toBe(20); // ⌈1.5⌉ = 2nd
    expect(percentile([40, 10, 30, 20], 50)).toBe(20); // ⌈2⌉ = 2nd: nearest rank, not the median's 25
  });

  it('computes the rank exactly where p/100·n is not (0.07 × 100 = 7.000000000000001)', () => {
    expect(percentile(oneTo(100), 7)).toBe(7);
    expect(percentile(oneTo(50), 14)).toBe(7);
    expect(percentile(oneTo(70), 90)).toBe(63);
  });

  it('is a value with at least p % of the sample at or below it and fewer than p % strictly below', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        (values, percent) => {
          const p = percentile(values, percent) as number;
          const atOrBelow = values.filter((value) => value <= p).length;
          const below = values.filter((value) => value < p).length;
          expect(values).toContain(p);
          expect(atOrBelow * 100).toBeGreaterThanOrEqual(percent * values.length);
          expect(below * 100).toBeLessThan(percent * values.length);
        },
      ),
    );
  });

  it('is null on an empty sample', () => {
    expect(percentile([], 90)).toBeNull();
  });

  it('rejects a percent that is not a whole number from 1 to 100, and non-finite values', () => {
    for (const percent of [0, 101, 90.5, Number.NaN]) {
      expect(() => percentile([1, 2], percent)).toThrow(NorthboundError);
    }
    expect(() => percentile([1, 2], 0)).toThrow(
      'Cannot take a percentile: the percent must be an integer from 1 to 100, saw 0',
    );
    expect(() => median([1, Number.NaN])).toThrow(
      'Cannot compute the median: a value is not a finite number, saw NaN',
    );
  });
});

describe('mean', () => {
  it('averages, and is null on an empty sample', () => {
    expect(mean([10, 12, 36])).toBe(58 / 3);
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([])).toBeNull();
    expect(() => mean([1, Number.POSITIVE_INFINITY])).toThrow(/saw Infinity/);
  });
});
