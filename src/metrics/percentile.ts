/**
 * Order statistics for the metrics, with one documented definition each so two reports always agree:
 *
 * - median: the middle value of the sorted sample for odd n, the mean of the two middle values for even n;
 * - percentile p (an integer 1…100): nearest rank, the ⌈p·n/100⌉-th smallest value. It is always one of
 *   the observed values (no interpolation), so "p90 = 30 h" means some task really waited 30 h, and
 *   at least p % of the values are ≤ it. For n < 10 the p90 is the maximum.
 * - mean: the arithmetic mean.
 *
 * Every function returns null on an empty sample instead of NaN, so reports and JSON never carry NaN.
 */
import { NorthboundError } from '../domain/errors.ts';

/**
 * The nearest-rank percentile: the ⌈percent·n/100⌉-th smallest value, null when there are none.
 * The rank is computed from integers (percent·n is exact, one rounding in the division) so e.g. p7 of
 * 100 values is the 7th, not the 8th that ⌈0.07·100⌉ = ⌈7.000000000000001⌉ would give. O(n log n) for
 * the sort of a copy.
 */
export function percentile(values: readonly number[], percent: number): number | null {
  if (!(Number.isInteger(percent) && percent >= 1 && percent <= 100)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot take a percentile: the percent must be an integer from 1 to 100, saw ${percent}`,
      { percent },
    );
  }
  const sorted = sortedCopy(values, `the ${percent}th percentile`);
  if (sorted.length === 0) return null;
  const rank = Math.ceil((percent * sorted.length) / 100);
  return sorted[rank - 1] as number;
}

/** The median: the mean of the two middle values for even n. Null when there are none. O(n log n). */
export function median(values: readonly number[]): number | null {
  const sorted = sortedCopy(values, 'the median');
  const n = sorted.length;
  if (n === 0) return null;
  if (n % 2 === 1) return sorted[(n - 1) / 2] as number;
  return ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
}

/** The arithmetic mean, null when there are no values. O(n). */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) {
    requireFinite(value, 'the mean');
    sum += value;
  }
  return sum / values.length;
}

function sortedCopy(values: readonly number[], what: string): Float64Array {
  const sorted = new Float64Array(values.length);
  values.forEach((value, i) => {
    requireFinite(value, what);
    sorted[i] = value;
  });
  // A typed array sorts numerically without a comparator callback.
  return sorted.sort();
}

function requireFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute ${what}: a value is not a finite number, saw ${value}`,
      {
        value,
      },
    );
  }
}
