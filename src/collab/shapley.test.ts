import { A, B, C, gameOf, lane, place } from './hand-pool.test-support.ts';
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import { standaloneCosts } from './coalition-cost.ts';
import type { PoolPlace } from './pool-lane.ts';
import { proportional } from './proportional.ts';
import { sampledShapley } from './sampled-shapley.ts';
import { exactShapley } from './shapley.ts';

const c = 2.26;
const miles = (a: PoolPlace, b: PoolPlace): number => greatCircleMiles(a, b) * 1.2;
const d = miles(A, B) * c; // one trip A↔B in dollars

describe('two partners with opposite lanes, 3/wk A→B and 2/wk B→A', () => {
  const lanes = [lane('p1', A, B, 3), lane('p2', B, A, 2)];
  const game = gameOf(lanes);

  it('stand-alone each pays loaded plus empty return; pooled pays 5 loaded + 1 empty', () => {
    const standalone = standaloneCosts(lanes, ['p1', 'p2']);
    expect(standalone.get('p1')).toBeCloseTo(6 * d, 6);
    expect(standalone.get('p2')).toBeCloseTo(4 * d, 6);
    expect(game(new Set(['p1', 'p2']))).toBeCloseTo(6 * d, 6);
    expect(game(new Set())).toBe(0);
  });

  it('Shapley: v1 = 6d, v2 = 4d, v12 = 6d → φ1 = (6 + 2)/2 = 4d, φ2 = (4 + 0)/2 = 2d', () => {
    const shares = exactShapley(['p1', 'p2'], game);
    expect(shares.get('p1')).toBeCloseTo(4 * d, 6);
    expect(shares.get('p2')).toBeCloseTo(2 * d, 6);
    // Savings 4d split evenly: each saves 2d against its stand-alone cost.
  });

  it('proportional: 6d split 6:4 → 3.6d and 2.4d', () => {
    const shares = proportional(['p1', 'p2'], game);
    expect(shares.get('p1')).toBeCloseTo(3.6 * d, 6);
    expect(shares.get('p2')).toBeCloseTo(2.4 * d, 6);
  });
});

describe('a triangle A→B, B→C, C→A, one lane per partner', () => {
  const lanes = [lane('ab', A, B, 1), lane('bc', B, C, 1), lane('ca', C, A, 1)];
  const game = gameOf(lanes);
  const [ab, bc, ca] = [miles(A, B) * c, miles(B, C) * c, miles(C, A) * c];
  const perimeter = ab + bc + ca;

  it('alone each pays twice its lane; any two close the loop with one empty leg; all three run empty-free', () => {
    expect(game(new Set(['ab']))).toBeCloseTo(2 * ab, 6);
    expect(game(new Set(['ab', 'bc']))).toBeCloseTo(perimeter, 6);
    expect(game(new Set(['bc', 'ca']))).toBeCloseTo(perimeter, 6);
    expect(game(new Set(['ab', 'bc', 'ca']))).toBeCloseTo(perimeter, 6);
  });

  it('Shapley charges each partner exactly its own loaded cost', () => {
    // φ_ab = ⅓·2ab + ⅙(P − 2bc) + ⅙(P − 2ca) + ⅓(P − P) = ⅔ab + ⅓(P − bc − ca) = ab.
    const shares = exactShapley(['ab', 'bc', 'ca'], game);
    expect(shares.get('ab')).toBeCloseTo(ab, 6);
    expect(shares.get('bc')).toBeCloseTo(bc, 6);
    expect(shares.get('ca')).toBeCloseTo(ca, 6);
  });
});

// Eight partners on six cities; p6 duplicates p2's lanes, p7 has none.
const CITIES = [
  place('chicago', 41.88, -87.63),
  place('dallas', 32.78, -96.8),
  place('atlanta', 33.75, -84.39),
  place('laredo', 27.51, -99.51),
  place('toronto', 43.65, -79.38),
  place('memphis', 35.15, -90.05),
];
const at = (i: number): PoolPlace => CITIES[i]!;
const EIGHT = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const eightLanes = [
  lane('p0', at(0), at(1), 3),
  lane('p0', at(2), at(0), 1),
  lane('p1', at(1), at(0), 2),
  lane('p2', at(3), at(4), 2),
  lane('p2', at(4), at(5), 1),
  lane('p3', at(4), at(3), 1),
  lane('p3', at(5), at(2), 2),
  lane('p4', at(2), at(3), 1),
  lane('p5', at(0), at(4), 2),
  lane('p5', at(1), at(2), 1),
  lane('p6', at(3), at(4), 2),
  lane('p6', at(4), at(5), 1),
];
const eightGame = gameOf(eightLanes);

describe('Shapley axioms on eight partners', () => {
  const shares = exactShapley(EIGHT, eightGame);

  it('is efficient: the shares add up to the pooled cost', () => {
    const total = [...shares.values()].reduce((sum, s) => sum + s, 0);
    expect(total).toBeCloseTo(eightGame(new Set(EIGHT)), 6);
  });

  it('is symmetric and gives a partner without lanes nothing', () => {
    expect(shares.get('p6')).toBeCloseTo(shares.get('p2')!, 6);
    expect(shares.get('p7')).toBeCloseTo(0, 9);
  });

  it('proportional is efficient, charges p6 like p2 and p7 nothing', () => {
    const split = proportional(EIGHT, eightGame);
    const total = [...split.values()].reduce((sum, s) => sum + s, 0);
    expect(total).toBeCloseTo(eightGame(new Set(EIGHT)), 6);
    expect(split.get('p6')).toBeCloseTo(split.get('p2')!, 6);
    expect(split.get('p7')).toBe(0);
  });

  it('sampled shares are efficient and cover the exact share at about the stated 95%', () => {
    let covered = 0;
    let intervals = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const sampled = sampledShapley(EIGHT, eightGame, { samples: 300, seed }).shares;
      const total = [...sampled.values()].reduce((sum, s) => sum + s.share, 0);
      expect(total).toBeCloseTo(eightGame(new Set(EIGHT)), 9);
      for (const partner of EIGHT) {
        const estimate = sampled.get(partner)!;
        const exact = shares.get(partner)!;
        // A null partner's marginal is always 0: a zero-width interval that must hold exactly.
        if (partner === 'p7') {
          expect(estimate.halfWidth).toBe(0);
          expect(estimate.share).toBe(0);
          continue;
        }
        expect(estimate.halfWidth).toBeGreaterThan(0);
        expect(Math.abs(estimate.share - exact)).toBeLessThan(3 * estimate.halfWidth); // ~5.9 σ
        intervals++;
        if (estimate.low <= exact && exact <= estimate.high) covered++;
      }
    }
    expect(covered / intervals).toBeGreaterThan(0.88);
  });

  it('sampling is reproducible by seed and differs across seeds', () => {
    const once = sampledShapley(EIGHT, eightGame, { samples: 50, seed: 7 }).shares;
    const again = sampledShapley(EIGHT, eightGame, { samples: 50, seed: 7 }).shares;
    const other = sampledShapley(EIGHT, eightGame, { samples: 50, seed: 8 }).shares;
    expect([...again]).toEqual([...once]);
    expect(other.get('p0')!.share).not.toBe(once.get('p0')!.share);
  });
});

describe('sampled Shapley: stratification and stopping', () => {
  it('removes the spread due to join position: a game of coalition size alone is estimated exactly', () => {
    // Marginals range from 100 (joining first) to 100(√10 − √9) ≈ 16 (last): the plain mean's error.
    // Ten players, ten strata of one position each: within a stratum every draw is the same.
    const players = Array.from({ length: 10 }, (_, i) => `q${i}`);
    const game = (s: ReadonlySet<string>) =>
      (s.size === 0 ? 0 : 100 * Math.sqrt(s.size)) + (s.has('q0') ? 7 : 0);
    const run = sampledShapley(players, game, { samples: 400, seed: 3 });
    expect(run.strata).toBe(10);
    const fair = (100 * Math.sqrt(10)) / 10;
    for (const [player, share] of run.shares) {
      expect(share.halfWidth).toBeLessThan(1e-9);
      expect(share.share).toBeCloseTo(player === 'q0' ? fair + 7 : fair, 9);
    }
  });

  it('with a target, tops up the widest partners by single draws and still covers the exact shares', () => {
    let covered = 0;
    let intervals = 0;
    let targeted = 0;
    const shares = exactShapley(EIGHT, eightGame);
    for (let seed = 1; seed <= 20; seed++) {
      const run = sampledShapley(EIGHT, eightGame, { samples: 50_000, seed, relativeHalfWidth: 0.01 });
      targeted += run.targetedDraws;
      expect(run.widestRelativeHalfWidth).toBeLessThanOrEqual(0.01);
      const total = [...run.shares.values()].reduce((sum, s) => sum + s.share, 0);
      expect(total).toBeCloseTo(eightGame(new Set(EIGHT)), 9);
      for (const [partner, estimate] of run.shares) {
        if (partner === 'p7') {
          expect(estimate.share).toBe(0);
          continue;
        }
        intervals++;
        const exact = shares.get(partner)!;
        if (estimate.low <= exact && exact <= estimate.high) covered++;
      }
    }
    expect(targeted).toBeGreaterThan(0);
    expect(covered / intervals).toBeGreaterThan(0.88);
  });

  it('stops at the asked relative width, or when told to, and says how far it got', () => {
    const early = sampledShapley(EIGHT, eightGame, { samples: 100_000, seed: 5, relativeHalfWidth: 0.05 });
    expect(early.samples).toBeLessThan(100_000);
    expect(early.widestRelativeHalfWidth).toBeLessThanOrEqual(0.05);
    const seen: number[] = [];
    const told = sampledShapley(EIGHT, eightGame, {
      samples: 100_000,
      seed: 5,
      stopEarly: (progress) => {
        seen.push(progress.samples);
        return progress.samples >= 300;
      },
    });
    expect(told.samples).toBe(300);
    expect(seen[0]).toBe(160); // the first check: 20 orders per stratum, 8 strata
    expect(() => sampledShapley(EIGHT, eightGame, { samples: 10, seed: 1, relativeHalfWidth: 0 })).toThrow(
      'relativeHalfWidth is 0',
    );
  });
});

describe('Shapley input checks', () => {
  it('refuses duplicate partners, too many for enumeration, bad sample counts and infinite costs', () => {
    expect(() => exactShapley(['p1', 'p1'], () => 0)).toThrow('partner "p1" is listed twice');
    const sixteen = Array.from({ length: 16 }, (_, i) => `p${i}`);
    expect(() => exactShapley(sixteen, () => 0)).toThrow(NorthboundError);
    expect(() => sampledShapley(['p1'], () => 0, { samples: 1, seed: 1 })).toThrow('samples is 1');
    expect(() => exactShapley(['p1'], (s) => (s.size === 0 ? 0 : Infinity))).toThrow(
      'coalition {p1} costs Infinity',
    );
  });
});
