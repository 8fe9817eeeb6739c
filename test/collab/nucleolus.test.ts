/**
 * The nucleolus core with the real HiGHS adapter. These tests live in test/ rather than beside
 * src/collab/nucleolus.ts because the layering rule keeps src/collab (tests included) from importing
 * the src/files adapter, and the house rule wants the real solver, not a stand-in.
 */
import {
  A,
  B,
  C,
  dollars,
  gameOf,
  lane,
  place,
  saltedGames,
} from '../../src/collab/hand-pool.test-support.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoalitionCostOf } from '../../src/collab/coalition-cost.ts';
import { coreViolations } from '../../src/collab/core-check.ts';
import { nucleolus } from '../../src/collab/nucleolus.ts';
import { NorthboundError } from '../../src/domain/errors.ts';
import { loadLinearProgramSolver } from '../../src/files/load-linear-program-solver.ts';

const solve = await loadLinearProgramSolver({ timeLimitSeconds: 30 });

describe('nucleolus of the bankruptcy game = the Talmud rule (Aumann & Maschler 1985)', () => {
  // Claims d = (100, 200, 300) on an estate E. The gain game is v(S) = max(0, E − d(N∖S)): what S is
  // sure to get. As a cost game we allocate the unpaid claims, c(S) = d(S) − v(S) — the same game
  // shifted by the additive d, so its nucleolus is d − (the gain game's nucleolus) = d − Talmud.
  // Aumann & Maschler's Table 1: E = 100 → (33⅓, 33⅓, 33⅓); 200 → (50, 75, 75); 300 → (50, 100, 150).
  const claims: Record<string, number> = { a: 100, b: 200, c: 300 };
  const partners = ['a', 'b', 'c'];
  const lossGame =
    (estate: number): CoalitionCostOf =>
    (coalition) => {
      const claimed = [...coalition].reduce((sum, p) => sum + claims[p]!, 0);
      const othersClaim = 600 - claimed;
      return claimed - Math.max(0, estate - othersClaim);
    };
  const cases: [number, [number, number, number]][] = [
    [100, [100 / 3, 100 / 3, 100 / 3]],
    [200, [50, 75, 75]],
    [300, [50, 100, 150]],
  ];
  for (const [estate, talmud] of cases) {
    it(`estate ${estate}: losses d − (${talmud.map((t) => t.toFixed(2)).join(', ')})`, () => {
      const shares = nucleolus(partners, lossGame(estate), solve);
      partners.forEach((p, i) => expect(shares.get(p)).toBeCloseTo(claims[p]! - talmud[i]!, 5));
    });
  }
});

describe('nucleolus by hand on the classic pools', () => {
  it('two partners with opposite lanes split the saving evenly: 4d and 2d', () => {
    // v1 = 6d (3 out, 3 back empty), v2 = 4d, v12 = 6d; with two players the nucleolus equalises the
    // excesses 6d − x1 = 4d − x2 under x1 + x2 = 6d → x1 = 4d, x2 = 2d.
    const d = dollars(A, B);
    const shares = nucleolus(['p1', 'p2'], gameOf([lane('p1', A, B, 3), lane('p2', B, A, 2)]), solve);
    expect(shares.get('p1')).toBeCloseTo(4 * d, 6);
    expect(shares.get('p2')).toBeCloseTo(2 * d, 6);
  });

  it('a triangle: each partner pays its own loaded lane', () => {
    // v(i) = 2·l_i, v(ij) = v(N) = P = Σ l. A pair's excess is P − (P − x_k) = x_k, a singleton's 2l_i − x_i,
    // so min(x_i, 2l_i − x_i) ≤ l_i: stage 1 pins the shortest lane's partner at x = l, stage 2 the next,
    // and efficiency the last: x_i = l_i.
    const lanes = [lane('ab', A, B, 1), lane('bc', B, C, 1), lane('ca', C, A, 1)];
    const shares = nucleolus(['ab', 'bc', 'ca'], gameOf(lanes), solve);
    expect(shares.get('ab')).toBeCloseTo(dollars(A, B), 6);
    expect(shares.get('bc')).toBeCloseTo(dollars(B, C), 6);
    expect(shares.get('ca')).toBeCloseTo(dollars(C, A), 6);
  });
});

const CITIES = [
  place('chicago', 41.88, -87.63),
  place('dallas', 32.78, -96.8),
  place('atlanta', 33.75, -84.39),
  place('laredo', 27.51, -99.51),
  place('toronto', 43.65, -79.38),
  place('memphis', 35.15, -90.05),
];

describe('nucleolus properties on random pools', () => {
  it('is efficient, in the core (lane covering games have one) and symmetric', () => {
    const laneArb = fc.record({
      partner: fc.integer({ min: 0, max: 4 }),
      from: fc.integer({ min: 0, max: CITIES.length - 1 }),
      step: fc.integer({ min: 1, max: CITIES.length - 1 }),
      volume: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(laneArb, { minLength: 1, maxLength: 8 }), (drawn) => {
        const lanes = drawn.map((x) =>
          lane(`p${x.partner}`, CITIES[x.from]!, CITIES[(x.from + x.step) % CITIES.length]!, x.volume),
        );
        // A twin of p0 with the same lanes must pay what p0 pays.
        const twin = lanes.filter((l) => l.partnerId === 'p0').map((l) => ({ ...l, partnerId: 'twin' }));
        const all = [...lanes, ...twin];
        const partners = [...new Set(all.map((l) => l.partnerId))].sort();
        const game = gameOf(all);
        const shares = nucleolus(partners, game, solve);
        const pooled = game(new Set(partners));
        const total = [...shares.values()].reduce((a, b) => a + b, 0);
        expect(Math.abs(total - pooled)).toBeLessThanOrEqual(1e-6 * Math.max(1, pooled));
        // Within the LP tolerance of the scaled game (1e-6 × the largest coalition cost).
        const slack = 1e-5 * Math.max(1, ...partners.map((p) => game(new Set([p]))));
        const violations = coreViolations(shares, partners, game).filter((v) => v.excess > slack);
        expect(violations).toEqual([]);
        if (twin.length > 0) expect(shares.get('twin')).toBeCloseTo(shares.get('p0')!, 3);
      }),
      { numRuns: 40, seed: 2026 },
    );
  });

  it('is the same with row generation as with every coalition in every LP', () => {
    // Random cost games with an imputation: v(S) = Σ_{i∈S} a_i − g(S), g ≥ 0 supermodular-ish noise.
    fc.assert(
      fc.property(saltedGames, ({ partners, game }) => {
        const generated = nucleolus(partners, game, solve);
        const plain = nucleolus(partners, game, solve, { rowsPerRound: Infinity });
        for (const p of partners) expect(generated.get(p)).toBeCloseTo(plain.get(p)!, 4);
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('gives a partner without lanes nothing and refuses games with no imputation', () => {
    const shares = nucleolus(['p1', 'idle'], gameOf([lane('p1', A, B, 2)]), solve);
    expect(shares.get('idle')).toBeCloseTo(0, 6);
    expect(() => nucleolus(['x', 'y'], (s) => (s.size === 2 ? 3 : s.size), solve)).toThrow(NorthboundError);
    expect(() => nucleolus(['x', 'x'], () => 0, solve)).toThrow('partner "x" is listed twice');
  });
});
