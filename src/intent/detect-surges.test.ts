import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import {
  DEFAULT_SURGE_OPTIONS,
  detectSurges,
  surgeTest,
  VARIANCE_QUADRATURE,
  type SingleSurgeTest,
  type SurgeTest,
} from './detect-surges.ts';
import { negativeBinomialUpperTail } from './negative-binomial.ts';
import { CountSampler } from './seeded-normal.test-support.ts';

/** Twelve baseline weeks, then the gap week t−1, then week t. */
const weeks = (baseline: readonly number[], gap: number, now: number): number[] => [...baseline, gap, now];

const STEADY_TEN = [10, 11, 9, 10, 12, 10, 9, 11, 10, 10, 11, 9];
const STEADY_THREE = [3, 2, 4, 3, 3, 2, 3, 4, 3, 3, 2, 3];

/** `count` ordinary corridors around 10 a week: the steady baseline rotated, week t at 9, 10 or 11. */
function steadyCorridors(count: number): number[][] {
  return Array.from({ length: count }, (_, j) => {
    const rotated = STEADY_TEN.map((_, w) => STEADY_TEN[(w + j) % STEADY_TEN.length] as number);
    return weeks(rotated, 10, 9 + (j % 3));
  });
}

const only = (series: readonly number[], options = {}): SurgeTest => detectSurges([series], options)[0]!;

describe('detectSurges: the flagging rules', () => {
  it('(a) does not flag a steady corridor at its usual level, and scores it near 50', () => {
    const result = only(weeks(STEADY_TEN, 10, 11));
    expect(result.flagged).toBe(false);
    expect(result.score).toBeGreaterThan(35);
    expect(result.score).toBeLessThan(65);
    expect(result.baselineMean).toBeCloseTo(122 / 12, 12);
    expect(result.ratio).toBeCloseTo(11 / (122 / 12), 12);
  });

  it('(b) flags a 3× week with ≥ 5 signals tested with 10 steady corridors', () => {
    // Baseline 35 signals over 12 weeks (2.9/week), week t 9. Fifty companions would be too many for any
    // test with a Poisson floor: BH's first threshold 0.1/51 ≈ 0.002 is below even the plug-in Poisson(2.9)
    // P(X ≥ 9) ≈ 0.003. A larger surge clears fifty (next test).
    const results = detectSurges([weeks(STEADY_THREE, 3, 9), ...steadyCorridors(10)]);
    expect(results[0]!.flagged).toBe(true);
    expect(results[0]!.ratio).toBeCloseTo(9 / (35 / 12), 12);
    expect(results[0]!.score).toBeGreaterThan(99);
    expect(results.slice(1).some((r) => r.flagged)).toBe(false);
  });

  it('(b) flags a 4× week (12 against 2.9) among 50 steady corridors', () => {
    const results = detectSurges([
      ...steadyCorridors(25),
      weeks(STEADY_THREE, 3, 12),
      ...steadyCorridors(25),
    ]);
    expect(results.map((r) => r.flagged)).toEqual(results.map((_, i) => i === 25));
  });

  it('(c) does not flag a 3× week of only 4 signals, though it is significant', () => {
    const series = weeks([1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1], 1, 4);
    const result = only(series);
    expect(result.ratio).toBe(3);
    expect(result.qValue).toBeLessThanOrEqual(DEFAULT_SURGE_OPTIONS.fdrQ);
    expect(result.flagged).toBe(false);
    // It is the minimum count, not the statistics, that holds it back.
    expect(only(series, { minSignals: 4 }).flagged).toBe(true);
  });

  it('(c) does not flag a significant week under 1.5× its baseline', () => {
    const series = weeks([100, 98, 103, 101, 99, 97, 102, 100, 104, 96, 100, 101], 100, 140);
    const result = only(series);
    expect(result.ratio).toBeLessThan(1.5);
    expect(result.qValue).toBeLessThan(0.01);
    expect(result.flagged).toBe(false);
    expect(only(series, { minRatio: 1.3 }).flagged).toBe(true);
  });

  it('flags 5 signals after twelve silent weeks, even among 100 corridors, but not 1–4', () => {
    const silent = new Array<number>(12).fill(0);
    const five = detectSurges([...steadyCorridors(100), weeks(silent, 0, 5)])[100]!;
    expect(five.ratio).toBeNull();
    expect(five.baselineMean).toBe(0);
    expect(five.flagged).toBe(true);
    // No variance to average over: the Jeffreys Gamma–Poisson predictive, mean 0.5/12 and shape ½.
    const predictive = negativeBinomialUpperTail(5, 0.5 / 12, (0.5 / 12) * (13 / 12)).pValue;
    expect(five.pValue / predictive - 1).toBeCloseTo(0, 12);
    expect(five.pValue).toBeGreaterThan(5e-7);
    for (const now of [1, 2, 3, 4]) expect(only(weeks(silent, 0, now)).flagged).toBe(false);
  });

  it('(e) scores monotonically in the week’s count: ≈ 50 at the mean, low far below, high far above', () => {
    let previous: SingleSurgeTest | null = null;
    for (let now = 0; now <= 40; now += 1) {
      const result = surgeTest(weeks(STEADY_TEN, 10, now), DEFAULT_SURGE_OPTIONS);
      if (previous !== null) {
        expect(result.score).toBeGreaterThanOrEqual(previous.score);
        expect(result.pValue).toBeLessThanOrEqual(previous.pValue);
      }
      previous = result;
    }
    const score = (now: number): number => surgeTest(weeks(STEADY_TEN, 10, now), DEFAULT_SURGE_OPTIONS).score;
    expect(Math.abs(score(10) - 50)).toBeLessThan(10);
    expect(score(3)).toBeLessThan(10);
    expect(score(0)).toBeLessThan(score(3));
    expect(score(5)).toBeLessThan(50);
    expect(score(25)).toBeGreaterThan(99);
    // Over-dispersed baseline: same monotonicity, 50 near the mean.
    const bursty = [0, 12, 3, 0, 7, 1, 15, 2, 0, 9, 4, 1];
    const burstyScores = Array.from({ length: 31 }, (_, now) => only(weeks(bursty, 5, now)).score);
    burstyScores.slice(1).forEach((s, i) => expect(s).toBeGreaterThanOrEqual(burstyScores[i] as number));
    expect(Math.abs((burstyScores[4] as number) - 50)).toBeLessThan(15);
  });
});

describe('detectSurges: false discovery control on simulated corridors', () => {
  /**
   * A corridor's weekly counts: negative binomial with a per-corridor mean in [0.5, 20] and shape r
   * log-uniform in [1, 50] (so a fifth have r < 2, variance over mean² / 2: strongly over-dispersed). All
   * fourteen weeks share one distribution; a surge multiplies week t's mean by 3–5.
   */
  function corridor(sampler: CountSampler, surge: boolean): { counts: number[]; shape: number } {
    const mean = sampler.random.between(0.5, 20);
    const shape = Math.exp(sampler.random.next() * Math.log(50));
    const counts = Array.from({ length: 14 }, () => sampler.negativeBinomial(mean, shape));
    if (surge) counts[13] = sampler.negativeBinomial(mean * sampler.random.between(3, 5), shape);
    return { counts, shape };
  }

  const SEEDS = 100;

  it('(d) keeps the mean false discovery proportion ≤ 0.10 (1,000 nulls, 50 surges) and finds surges', () => {
    let falseDiscoveryProportions = 0;
    let surgesWithFive = 0;
    let surgesFound = 0;
    let moderateWithFive = 0;
    let moderateFound = 0;
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const sampler = new CountSampler(seed, 'surge-fdr');
      const corridors = Array.from({ length: 1050 }, (_, i) => corridor(sampler, i >= 1000));
      const results = detectSurges(corridors.map((c) => c.counts));
      let falseFlags = 0;
      let flags = 0;
      results.forEach((result, i) => {
        const surge = i >= 1000;
        if (result.flagged) {
          flags += 1;
          if (!surge) falseFlags += 1;
        }
        if (surge && result.observed >= 5) {
          surgesWithFive += 1;
          if (result.flagged) surgesFound += 1;
          if ((corridors[i] as { shape: number }).shape >= 10) {
            moderateWithFive += 1;
            if (result.flagged) moderateFound += 1;
          }
        }
      });
      falseDiscoveryProportions += flags === 0 ? 0 : falseFlags / flags;
    }
    expect(falseDiscoveryProportions / SEEDS).toBeLessThanOrEqual(0.1);
    // Power: even knowing each corridor's true mean and shape, BH finds only about two thirds of these
    // surges (a 4× week of an r ≈ 1 corridor is often within its own tail). Measured: ~0.5 overall, ~0.7
    // among corridors with r ≥ 10.
    expect(surgesFound / surgesWithFive).toBeGreaterThan(0.4);
    expect(moderateFound / moderateWithFive).toBeGreaterThan(0.6);
  });

  it('(d) flags anything in at most 15% of weeks when all 1,000 corridors are null', () => {
    let seedsWithAFlag = 0;
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const sampler = new CountSampler(seed, 'surge-global-null');
      const results = detectSurges(Array.from({ length: 1000 }, () => corridor(sampler, false).counts));
      if (results.some((r) => r.flagged)) seedsWithAFlag += 1;
    }
    expect(seedsWithAFlag / SEEDS).toBeLessThanOrEqual(0.15);
  });
});

describe('detectSurges: windows, results and input checks', () => {
  it('takes the baseline from the weeks before the gap, never the gap week or week t', () => {
    const series = [500, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 900, 7];
    const result = only(series);
    expect(result.baselineMean).toBe(6.5);
    expect(result.baselineVariance).toBeCloseTo(13, 12);
    expect(result.observed).toBe(7);
    const custom = only([1, 2, 3, 4, 100, 5], { baselineWeeks: 3, gapWeeks: 1 });
    expect(custom.baselineMean).toBe(3);
    expect(custom.observed).toBe(5);
  });

  it('returns results in input order; surgeTest gives the same numbers without the adjustment', () => {
    const input = [weeks(STEADY_TEN, 10, 11), weeks(STEADY_THREE, 3, 9), weeks(STEADY_TEN, 10, 4)];
    const results = detectSurges(input);
    input.forEach((series, i) => {
      const { qValue, flagged, ...single } = results[i]!;
      expect(single).toEqual(surgeTest(series, DEFAULT_SURGE_OPTIONS));
      expect(qValue).toBeGreaterThanOrEqual(single.pValue);
      expect(typeof flagged).toBe('boolean');
    });
    expect(detectSurges([])).toEqual([]);
  });

  it('averages over the variance with a rule that reproduces the Gamma(4) moments', () => {
    // The variance at node x is s²·4/x, so E[1/X] = 1/3 gives the mean inflation ν/(ν − 2) = 4/3 of
    // Student's t, and E[1/X²] = 1/6 its spread; E[X] = 4 and E[X²] = 20 check the bulk.
    const { nodes, weights } = VARIANCE_QUADRATURE;
    const moment = (k: number): number =>
      nodes.reduce((sum, x, i) => sum + (weights[i] as number) * x ** k, 0);
    expect(moment(0)).toBeCloseTo(1, 14);
    expect(Math.abs(moment(-1) / (1 / 3) - 1)).toBeLessThan(0.002);
    expect(Math.abs(moment(-2) / (1 / 6) - 1)).toBeLessThan(0.001);
    expect(Math.abs(moment(1) / 4 - 1)).toBeLessThan(0.002);
    expect(Math.abs(moment(2) / 20 - 1)).toBeLessThan(0.01);
    nodes.slice(1).forEach((x, i) => expect(x).toBeGreaterThan(nodes[i] as number));
  });

  it('rejects a short series naming its index and length, and bad counts or options', () => {
    const ok = weeks(STEADY_TEN, 10, 10);
    expect(() => detectSurges([ok, ok.slice(0, 13)])).toThrow(/Series 1 has 13 weeks; .* at least 14/);
    const error = (() => {
      try {
        detectSurges([ok, ok, weeks([...STEADY_TEN.slice(0, 11), Number.NaN], 1, 1)]);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(NorthboundError);
    expect((error as NorthboundError).code).toBe('invalid_input');
    expect((error as NorthboundError).message).toMatch(/^Series 2: Week 11 count must be finite/);
    expect(() => detectSurges([weeks(STEADY_TEN, 10, 2.5)])).toThrow(/non-negative integer, saw 2.5/);
    expect(() => detectSurges([ok], { fdrQ: 0 })).toThrow(/fdrQ must be in \(0, 1\], saw 0/);
    expect(() => detectSurges([ok], { baselineWeeks: 1 })).toThrow(/baselineWeeks must be an integer ≥ 2/);
    expect(() => surgeTest(ok.slice(0, 5), DEFAULT_SURGE_OPTIONS)).toThrow(/5 weeks; .* at least 14/);
  });
});
