import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { SeededRandom } from '../sim/seeded-random.ts';
import { benjaminiHochberg } from './benjamini-hochberg.ts';

/** The 15 p-values of Benjamini & Hochberg (1995), §4.1, sorted. */
const BH_1995 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
  0.759, 1.0,
];
/** R: p.adjust(BH_1995, 'BH'), i.e. min over j ≥ i of p(j)·15/j. */
const BH_1995_ADJUSTED = [
  0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571428571, 0.0638571428571, 0.0645, 0.0765, 0.486,
  0.581181818182, 0.714875, 0.753230769231, 0.813214285714, 1.0,
];

describe('benjaminiHochberg', () => {
  it('rejects the first four of the 1995 paper’s fifteen at q = 0.05 (Bonferroni would take three)', () => {
    const { qValues, rejected } = benjaminiHochberg(BH_1995, 0.05);
    expect(Array.from(rejected)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    Array.from(qValues).forEach((q, i) => expect(q).toBeCloseTo(BH_1995_ADJUSTED[i] as number, 10));
  });

  it('keeps input order when the p-values come shuffled', () => {
    const order = [14, 3, 7, 0, 11, 5, 9, 1, 13, 2, 8, 4, 12, 6, 10];
    const shuffled = order.map((i) => BH_1995[i] as number);
    const { qValues, rejected } = benjaminiHochberg(shuffled, 0.05);
    order.forEach((original, position) => {
      expect(qValues[position]).toBeCloseTo(BH_1995_ADJUSTED[original] as number, 10);
      expect(rejected[position]).toBe(original < 4 ? 1 : 0);
    });
  });

  it('steps up: rejects all when the largest clears its threshold though the smallest misses its own', () => {
    // Thresholds k·0.08/4 = 0.02, 0.04, 0.06, 0.08: p(1) = 0.03 misses 0.02, p(4) = 0.06 clears 0.08.
    const { qValues, rejected } = benjaminiHochberg([0.06, 0.03, 0.05, 0.04], 0.08);
    expect(Array.from(rejected)).toEqual([1, 1, 1, 1]);
    expect(Array.from(qValues)).toEqual([0.06, 0.06, 0.06, 0.06]);
  });

  it('gives q-values monotone in p, never below p, never above 1, equal for ties', () => {
    const random = new SeededRandom(7, 'bh-monotone');
    const pValues = Array.from({ length: 500 }, () => (random.chance(0.2) ? 0.25 : random.next() ** 3));
    const { qValues } = benjaminiHochberg(pValues, 0.1);
    const order = pValues.map((_, i) => i).sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
    for (let rank = 1; rank < order.length; rank += 1) {
      const previous = order[rank - 1] as number;
      const current = order[rank] as number;
      expect(qValues[current]).toBeGreaterThanOrEqual(qValues[previous] as number);
      if (pValues[current] === pValues[previous]) expect(qValues[current]).toBe(qValues[previous]);
    }
    qValues.forEach((q, i) => {
      expect(q).toBeGreaterThanOrEqual(pValues[i] as number);
      expect(q).toBeLessThanOrEqual(1);
    });
  });

  it('rejects nothing on evenly spread null p-values, and rarely anything on random uniform ones', () => {
    const even = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    expect(benjaminiHochberg(even, 0.1).rejected.some((r) => r === 1)).toBe(false);

    // Under the global null BH keeps P(any rejection) ≤ q: count seeds with any rejection.
    let seedsWithRejection = 0;
    const seeds = 200;
    for (let seed = 0; seed < seeds; seed += 1) {
      const random = new SeededRandom(seed, 'bh-null');
      const pValues = Float64Array.from({ length: 1000 }, () => random.next());
      if (benjaminiHochberg(pValues, 0.1).rejected.some((r) => r === 1)) seedsWithRejection += 1;
    }
    expect(seedsWithRejection / seeds).toBeLessThanOrEqual(0.15);
  });

  it('finds planted signals among nulls', () => {
    const random = new SeededRandom(3, 'bh-planted');
    const pValues = Array.from({ length: 1000 }, (_, i) => (i < 20 ? random.next() * 1e-6 : random.next()));
    const { rejected } = benjaminiHochberg(pValues, 0.1);
    for (let i = 0; i < 20; i += 1) expect(rejected[i]).toBe(1);
  });

  it('handles no tests at all', () => {
    const { qValues, rejected } = benjaminiHochberg([], 0.1);
    expect(qValues.length).toBe(0);
    expect(rejected.length).toBe(0);
  });

  it('rejects p-values outside [0, 1] and q outside (0, 1], naming them', () => {
    expect(() => benjaminiHochberg([0.1, 1.5], 0.1)).toThrow(/p-value 1 must be in \[0, 1\], saw 1.5/);
    expect(() => benjaminiHochberg([Number.NaN], 0.1)).toThrow(NorthboundError);
    expect(() => benjaminiHochberg([0.1], 0)).toThrow(/q must be in \(0, 1\], saw 0/);
  });
});
