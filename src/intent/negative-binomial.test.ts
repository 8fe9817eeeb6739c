import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import {
  fitBaseline,
  logGamma,
  MIN_MEAN,
  negativeBinomialUpperTail,
  negativeBinomialUpperTailInto,
} from './negative-binomial.ts';

/**
 * Brute force, independent of the code under test: pmf terms in log space straight from the product
 * formula (no cancellation-avoiding tricks), the upper tail summed term by term from `observed` to far
 * past where terms vanish.
 */
function bruteUpperTail(observed: number, mean: number, variance: number): number {
  const poisson = variance <= mean;
  const shape = poisson ? 0 : (mean * mean) / (variance - mean);
  const odds = poisson ? 0 : (variance - mean) / variance;
  let logTerm = poisson ? -mean : shape * Math.log(1 - odds);
  let sum = 0;
  for (let k = 0; k < observed + 4000; k += 1) {
    if (k > 0) logTerm += poisson ? Math.log(mean / k) : Math.log(((shape + k - 1) / k) * odds);
    if (k >= observed) sum += Math.exp(logTerm);
  }
  return sum;
}

const relativeError = (actual: number, expected: number): number => Math.abs(actual / expected - 1);

describe('negativeBinomialUpperTail', () => {
  it('matches the Poisson closed form: P(X ≥ 5) for Poisson(2) is 1 − 7e⁻²', () => {
    const { pValue, midP } = negativeBinomialUpperTail(5, 2, 2);
    expect(pValue).toBeCloseTo(1 - 7 * Math.exp(-2), 14);
    // P(X = 5) = e⁻²·2⁵/5!
    expect(midP).toBeCloseTo(1 - 7 * Math.exp(-2) - (Math.exp(-2) * 32) / 120 / 2, 14);
    // A variance below the mean (under-dispersion) is read as Poisson too.
    expect(negativeBinomialUpperTail(5, 2, 0.5).pValue).toBe(pValue);
  });

  it('matches the r = 2 closed form P(X ≥ k) = (2/3)^k·(k + 3)/3 (mean 4, variance 12)', () => {
    for (const k of [1, 2, 5, 10, 30]) {
      const expected = Math.pow(2 / 3, k) * ((k + 3) / 3);
      expect(relativeError(negativeBinomialUpperTail(k, 4, 12).pValue, expected)).toBeLessThan(1e-12);
    }
    expect(negativeBinomialUpperTail(5, 4, 12).pValue).toBeCloseTo(256 / 729, 14);
  });

  it('keeps relative precision deep in the tail (geometric: P(X ≥ k) = (m/(1+m))^k)', () => {
    // mean 1, variance 2 → r = 1; P(X ≥ 60) = 2⁻⁶⁰ ≈ 8.7e-19, far below 1 − P(X < 60)'s rounding.
    for (const k of [20, 40, 60]) {
      expect(relativeError(negativeBinomialUpperTail(k, 1, 2).pValue, Math.pow(2, -k))).toBeLessThan(1e-12);
    }
  });

  it('agrees with brute-force summation across means, dispersions and counts', () => {
    const cases: [number, number][] = [
      [0.3, 0.3],
      [0.3, 2],
      [2.5, 2.7],
      [3, 40],
      [8, 8.5],
      [20, 420],
      [15, 16],
      [50, 2500],
    ];
    for (const [mean, variance] of cases) {
      for (const observed of [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144]) {
        const expected = bruteUpperTail(observed, mean, variance);
        const { pValue } = negativeBinomialUpperTail(observed, mean, variance);
        // 1e-9 absolute everywhere; relative too wherever the answer is representable.
        expect(Math.abs(pValue - expected)).toBeLessThan(1e-9);
        if (expected > 1e-290) expect(relativeError(pValue, expected)).toBeLessThan(1e-9);
      }
    }
  });

  it('steps exactly by P(X = n) between counts and puts the mid-p half-way, across every path switch', () => {
    for (const [mean, variance] of [
      [3, 3],
      [3, 9],
      [0.05, 5],
    ] as const) {
      for (let n = 0; n < 60; n += 1) {
        const here = negativeBinomialUpperTail(n, mean, variance);
        const next = negativeBinomialUpperTail(n + 1, mean, variance);
        expect(next.pValue).toBeLessThanOrEqual(here.pValue);
        expect(Math.abs(here.midP - (here.pValue + next.pValue) / 2)).toBeLessThan(
          1e-15 + 1e-9 * here.pValue,
        );
      }
    }
  });

  it('is continuous across the Poisson boundary (variance a hair above the mean)', () => {
    const poisson = negativeBinomialUpperTail(12, 5, 5).pValue;
    const nearlyPoisson = negativeBinomialUpperTail(12, 5, 5 * (1 + 1e-8)).pValue;
    expect(relativeError(nearlyPoisson, poisson)).toBeLessThan(1e-6);
  });

  it('handles large means and counts (log-gamma start) against brute force', () => {
    // Poisson(1000): P(0) underflows, so both tails start at the observed count.
    for (const observed of [900, 1000, 1100, 1200]) {
      const expected = bruteUpperTail(observed, 1000, 1000);
      const { pValue } = negativeBinomialUpperTail(observed, 1000, 1000);
      expect(Math.abs(pValue - expected)).toBeLessThan(1e-9);
      expect(relativeError(pValue, expected)).toBeLessThan(1e-8);
    }
    // A count past the fast path's 1000 with a modest, over-dispersed mean.
    const expected = bruteUpperTail(1500, 400, 2000);
    expect(relativeError(negativeBinomialUpperTail(1500, 400, 2000).pValue, expected)).toBeLessThan(1e-8);
    // Far beyond anything representable: exactly 0, never negative or NaN.
    expect(negativeBinomialUpperTail(5000, 5, 5)).toEqual({ pValue: 0, midP: 0 });
    expect(negativeBinomialUpperTail(1e7, 10, 1e4).pValue).toBeLessThan(1e-300);
  });

  it('makes a count of 0 or less certain and floors a non-positive mean', () => {
    expect(negativeBinomialUpperTail(0, 2, 2)).toEqual({ pValue: 1, midP: 1 - Math.exp(-2) / 2 });
    expect(negativeBinomialUpperTail(-3, 2, 2)).toEqual({ pValue: 1, midP: 1 });
    expect(relativeError(negativeBinomialUpperTail(1, 0, 0).pValue, -Math.expm1(-MIN_MEAN))).toBeLessThan(
      1e-12,
    );
    expect(relativeError(negativeBinomialUpperTail(1, -4, 0).pValue, MIN_MEAN)).toBeLessThan(1e-6);
  });

  it('writes the same pair in place', () => {
    const out = new Float64Array(2);
    for (const [observed, mean, variance] of [
      [7, 3, 9],
      [0, 2, 2],
      [-1, 2, 2],
      [1500, 400, 2000],
    ] as const) {
      negativeBinomialUpperTailInto(out, observed, mean, variance);
      const { pValue, midP } = negativeBinomialUpperTail(observed, mean, variance);
      expect(Array.from(out)).toEqual([pValue, midP]);
    }
  });

  it('rejects a non-integer count and non-finite or negative moments, naming the value', () => {
    expect(() => negativeBinomialUpperTail(2.5, 2, 2)).toThrow(/integer, saw 2.5/);
    expect(() => negativeBinomialUpperTail(2, Number.NaN, 2)).toThrow(NorthboundError);
    expect(() => negativeBinomialUpperTail(2, 2, -1)).toThrow(/variance -1/);
    expect(() => negativeBinomialUpperTail(2, 2, Infinity)).toThrow(/variance Infinity/);
  });
});

describe('logGamma', () => {
  it('matches factorials and Γ(½) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(0.01)).toBeCloseTo(4.599479878042022, 12);
  });
});

describe('fitBaseline', () => {
  it('gives the sample mean and the unbiased (n − 1) variance of the half-open range', () => {
    const counts = [99, 2, 4, 4, 4, 5, 5, 7, 9, 99];
    const { mean, variance } = fitBaseline(counts, 1, 9);
    expect(mean).toBe(5);
    expect(variance).toBeCloseTo(32 / 7, 14);
    expect(fitBaseline(new Float64Array([3, 3, 3]), 0, 3)).toEqual({ mean: 3, variance: 0 });
  });

  it('stays exact when the mean dwarfs the spread', () => {
    const { variance } = fitBaseline([1e9 + 1, 1e9 + 2, 1e9 + 3], 0, 3);
    expect(variance).toBe(1);
  });

  it('rejects a range of fewer than 2 weeks or outside the counts, and bad counts, naming them', () => {
    expect(() => fitBaseline([1, 2, 3], 2, 3)).toThrow(
      /at least 2 weeks inside the 3 given, saw weeks \[2, 3\)/,
    );
    expect(() => fitBaseline([1, 2, 3], -1, 2)).toThrow(NorthboundError);
    expect(() => fitBaseline([1, 2, 3], 1, 4)).toThrow(NorthboundError);
    expect(() => fitBaseline([1, Number.NaN, 3], 0, 3)).toThrow(
      /Week 1 count must be finite and ≥ 0, saw NaN/,
    );
    expect(() => fitBaseline([1, -2, 3], 0, 3)).toThrow(/saw -2/);
  });
});
