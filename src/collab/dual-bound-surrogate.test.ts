/**
 * The dual-bound surrogate and what it rests on: PoolGame's dual prices (tight, 1-Lipschitz, a lower
 * bound everywhere) and marginal costs; then sampled Shapley with the surrogate as control variate,
 * against exact Shapley on pools small enough to enumerate.
 */
import { describe, expect, it } from 'vitest';
import type { Equipment } from '../domain/equipment.ts';
import { SeededRandom } from '../sim/seeded-random.ts';
import { coalitionCost, poolGameFor } from './coalition-cost.ts';
import { coverLanes } from './cover-lanes.ts';
import { DualBoundSurrogate } from './dual-bound-surrogate.ts';
import { CITIES } from './hand-pool.test-support.ts';
import type { PoolLane } from './pool-lane.ts';
import { PoolGame } from './pool-game.ts';
import { sampledShapley } from './sampled-shapley.ts';
import { exactShapley } from './shapley.ts';

const EQUIPMENT: readonly Equipment[] = ['dry_van', 'reefer', 'flatbed'];

/** `partners` partners with 2–5 lanes each between the cities above; partner "idle" has none. */
function randomPool(partners: number, seed: number): { lanes: PoolLane[]; partners: string[] } {
  const random = new SeededRandom(seed, 'surrogate-test');
  const lanes: PoolLane[] = [];
  for (let p = 0; p < partners; p++) {
    const count = random.intBetween(2, 5);
    for (let l = 0; l < count; l++) {
      const from = random.intBetween(0, CITIES.length - 1);
      const step = random.intBetween(1, CITIES.length - 1);
      lanes.push({
        partnerId: `p${p}`,
        laneId: `p${p}-${l}`,
        origin: CITIES[from]!,
        dest: CITIES[(from + step) % CITIES.length]!,
        equipment: EQUIPMENT[random.intBetween(0, 2)]!,
        loadsPerWeek: random.intBetween(1, 4),
      });
    }
  }
  return { lanes, partners: [...Array.from({ length: partners }, (_, p) => `p${p}`), 'idle'] };
}

/** Truck balance per place of game g for a set of pool partner indices. */
function balanceOf(game: PoolGame, g: number, members: readonly number[]): Float64Array {
  const balance = new Float64Array(game.placesOf(g));
  for (const k of members) {
    const own = game.balanceOf(g, k);
    if (own === null) continue;
    own.place.forEach((place, e) => (balance[place] = balance[place]! + own.trucks[e]!));
  }
  return balance;
}

describe('PoolGame dual prices and marginal costs', () => {
  it('prices are tight at their coalition and a lower bound on every other coalition’s empty miles', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { lanes } = randomPool(7, seed);
      const game = new PoolGame(lanes, { costPerMile: 1 });
      const random = new SeededRandom(seed, 'coalitions');
      const coalitions = Array.from({ length: 12 }, () =>
        Array.from({ length: 7 }, (_, k) => k).filter(() => random.chance(0.5)),
      );
      for (let g = 0; g < game.equipmentCount; g++) {
        // Empty miles of this equipment for a coalition, straight from coverLanes over its lanes.
        const emptyMiles = (members: readonly number[]) => {
          const names = new Set(members.map((k) => `p${k}`));
          const own = lanes.filter((l) => names.has(l.partnerId) && l.equipment === game.equipmentOf(g));
          return coverLanes(own, { costPerMile: 1 }).emptyCost;
        };
        for (const members of coalitions) {
          const price = game.dualPrices(g, balanceOf(game, g, members));
          const dot = (b: Float64Array) => b.reduce((sum, x, p) => sum + x * price[p]!, 0);
          expect(dot(balanceOf(game, g, members))).toBeCloseTo(emptyMiles(members), 6);
          for (const other of coalitions) {
            expect(dot(balanceOf(game, g, other))).toBeLessThanOrEqual(emptyMiles(other) + 1e-6);
          }
        }
      }
    }
  });

  it('marginalCost equals cost(S ∪ {i}) − cost(S), and is exactly 0 for a partner without lanes', () => {
    const { lanes, partners } = randomPool(9, 3);
    const game = new PoolGame(lanes);
    const random = new SeededRandom(3, 'marginals');
    for (let t = 0; t < 40; t++) {
      const members = new Set(partners.filter(() => random.chance(0.5)));
      for (const partner of partners) {
        const marginal = game.marginalCost(members, partner);
        if (members.has(partner) || partner === 'idle') {
          expect(marginal).toBe(0);
          continue;
        }
        const expected = game.cost(new Set([...members, partner])) - game.cost(members);
        expect(marginal).toBeCloseTo(expected, 6);
      }
    }
  });
});

describe('DualBoundSurrogate', () => {
  const { lanes, partners } = randomPool(12, 5);
  const game = poolGameFor(lanes);
  const surrogate = new DualBoundSurrogate(game, partners, { seed: 9 });
  const emptyCost = (members: ReadonlySet<string>) =>
    coverLanes(lanes.filter((l) => members.has(l.partnerId))).emptyCost;

  it('runs the bound along an order: 0 when empty, never above the real empty cost, 0 for "idle"', () => {
    const random = new SeededRandom(4, 'orders');
    for (let t = 0; t < 20; t++) {
      const order = partners.map((_, i) => i);
      random.shuffle(order);
      surrogate.clear();
      let bound = 0;
      const members = new Set<string>();
      for (const i of order) {
        const change = surrogate.join(i);
        if (partners[i] === 'idle') expect(change).toBe(0);
        bound += change;
        members.add(partners[i]!);
        expect(bound).toBeGreaterThanOrEqual(-1e-6);
        expect(bound).toBeLessThanOrEqual(emptyCost(members) + 1e-6);
      }
    }
  });

  it('marginal on any coalition equals the running difference, without disturbing the running one', () => {
    const order = partners.map((_, i) => i);
    new SeededRandom(8, 'marginal').shuffle(order);
    surrogate.clear();
    for (let count = 0; count < order.length; count++) {
      const i = order[count]!;
      const direct = surrogate.marginal(order, count, i);
      expect(surrogate.join(i)).toBeCloseTo(direct, 6);
    }
  });

  it('as control variate, sampled Shapley still covers the exact shares and stays efficient', () => {
    const exact = exactShapley(partners, (s) => coalitionCost(lanes, s));
    const pooled = coalitionCost(lanes, new Set(partners));
    let covered = 0;
    let intervals = 0;
    let surrogateOrders = 0;
    let targeted = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const run = sampledShapley(partners, (s) => coalitionCost(lanes, s), {
        samples: 20_000,
        seed,
        relativeHalfWidth: 0.01,
        controlVariate: new DualBoundSurrogate(game, partners, { seed }),
        marginalCostOf: (coalition, partner) => game.marginalCost(coalition, partner),
      });
      surrogateOrders += run.surrogateOrders;
      targeted += run.targetedDraws;
      expect(run.widestRelativeHalfWidth).toBeLessThanOrEqual(0.01);
      const total = [...run.shares.values()].reduce((sum, s) => sum + s.share, 0);
      expect(total).toBeCloseTo(pooled, 6);
      for (const [partner, estimate] of run.shares) {
        if (partner === 'idle') {
          expect(estimate.share).toBe(0);
          continue;
        }
        intervals++;
        const share = exact.get(partner)!;
        if (estimate.low <= share && share <= estimate.high) covered++;
      }
    }
    expect(surrogateOrders).toBeGreaterThan(0);
    expect(targeted).toBeGreaterThan(0); // the single draws, with their own surrogate marginals, ran
    expect(covered / intervals).toBeGreaterThan(0.88);
  });
});
