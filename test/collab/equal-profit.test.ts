/** The equal-profit method with the real HiGHS adapter (in test/: src/collab may not import src/files). */
import { A, B, C, dollars, gameOf, lane, saltedGames } from '../../src/collab/hand-pool.test-support.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoalitionCostOf } from '../../src/collab/coalition-cost.ts';
import { coreViolations } from '../../src/collab/core-check.ts';
import { equalProfit } from '../../src/collab/equal-profit.ts';
import { loadLinearProgramSolver } from '../../src/files/load-linear-program-solver.ts';

const solve = await loadLinearProgramSolver({ timeLimitSeconds: 30 });
/** An explicit cost game from a table keyed by the sorted member list. */
const tableGame =
  (table: Record<string, number>): CoalitionCostOf =>
  (coalition) =>
    coalition.size === 0 ? 0 : table[[...coalition].sort().join('')]!;

describe('equal-profit method by hand', () => {
  it('two partners with opposite lanes: proportional is in the core, so f = 0 → 3.6d and 2.4d', () => {
    // v1 = 6d, v2 = 4d, v12 = 6d. Equal relative savings y1/6d = y2/4d with y1 + y2 = 6d → 3.6d, 2.4d;
    // both below their stand-alone costs, so in the core.
    const d = dollars(A, B);
    const shares = equalProfit(['p1', 'p2'], gameOf([lane('p1', A, B, 3), lane('p2', B, A, 2)]), solve);
    expect(shares.get('p1')).toBeCloseTo(3.6 * d, 6);
    expect(shares.get('p2')).toBeCloseTo(2.4 * d, 6);
  });

  it('a triangle: everyone saves half, paying its own loaded lane', () => {
    // v(i) = 2l_i, v(ij) = v(N) = P = Σ l: y_i = l_i gives every partner the relative saving ½ (f = 0),
    // and is in the core (y_k ≥ 0 = P − v(ij), y_i ≤ 2l_i).
    const lanes = [lane('ab', A, B, 1), lane('bc', B, C, 1), lane('ca', C, A, 1)];
    const shares = equalProfit(['ab', 'bc', 'ca'], gameOf(lanes), solve);
    expect(shares.get('ab')).toBeCloseTo(dollars(A, B), 6);
    expect(shares.get('bc')).toBeCloseTo(dollars(B, C), 6);
    expect(shares.get('ca')).toBeCloseTo(dollars(C, A), 6);
  });

  it('when the core cuts proportional off: v = 10 each, v12 = 12, v13 = v23 = 20, v123 = 22', () => {
    // Proportional (22/3 each) overcharges {1, 2}: 14.67 > 12. The core forces y3 = 22 − y(12) ≥ 10 and
    // y3 ≤ 10, so y3 = 10 (relative saving 0) and y1 + y2 = 12; the spread max − min of y_i/10 is
    // least at y1 = y2 = 6: f = 1 − 0.6 = 0.4.
    const game = tableGame({ '1': 10, '2': 10, '3': 10, '12': 12, '13': 20, '23': 20, '123': 22 });
    const shares = equalProfit(['1', '2', '3'], game, solve);
    expect(shares.get('1')).toBeCloseTo(6, 6);
    expect(shares.get('2')).toBeCloseTo(6, 6);
    expect(shares.get('3')).toBeCloseTo(10, 6);
    expect(coreViolations(shares, ['1', '2', '3'], game)).toEqual([]);
  });

  it('says so when the core is empty: pairs at 10 cap the total at 15 < 16', () => {
    const game = tableGame({ '1': 10, '2': 10, '3': 10, '12': 10, '13': 10, '23': 10, '123': 16 });
    expect(() => equalProfit(['1', '2', '3'], game, solve)).toThrow('the core of these 3 partners is empty');
  });

  it('charges a partner without lanes nothing', () => {
    const shares = equalProfit(['p1', 'idle'], gameOf([lane('p1', A, B, 2)]), solve);
    expect(shares.get('idle')).toBeCloseTo(0, 6);
    expect(shares.get('p1')).toBeCloseTo(4 * dollars(A, B), 6);
  });

  it('finds the same spread with row generation as with every core row, and the same empty cores', () => {
    fc.assert(
      fc.property(saltedGames, ({ partners, game }) => {
        const run = (rowsPerRound?: number) => {
          try {
            return equalProfit(partners, game, solve, rowsPerRound === undefined ? {} : { rowsPerRound });
          } catch (error) {
            expect(String(error)).toContain('is empty');
            return null;
          }
        };
        const generated = run();
        const plain = run(Infinity);
        expect(generated === null).toBe(plain === null);
        if (generated === null || plain === null) return;
        // f = the largest difference of relative savings: unique, though the allocation need not be.
        const spread = (shares: ReadonlyMap<string, number>) => {
          const relative = partners.map((p) => shares.get(p)! / game(new Set([p])));
          return Math.max(...relative) - Math.min(...relative);
        };
        expect(spread(generated)).toBeCloseTo(spread(plain), 5);
        const slack = 1e-6 * Math.max(...partners.map((p) => game(new Set([p]))));
        expect(coreViolations(generated, partners, game).filter((v) => v.excess > slack)).toEqual([]);
      }),
      { numRuns: 25, seed: 11 },
    );
  });
});
