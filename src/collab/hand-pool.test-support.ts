/**
 * The hand-checkable pools the allocation tests share: three places A, B, C a few dozen miles apart,
 * dry-van lanes between them, and the cost game of a lane list. Costs in dollars at the default
 * $2.26/mi over road miles (great-circle × 1.2), so a test can write its expected values by hand.
 */
import fc from 'fast-check';
import { greatCircleMiles } from '../domain/geo.ts';
import { coalitionCost, type CoalitionCostOf } from './coalition-cost.ts';
import type { PoolLane, PoolPlace } from './pool-lane.ts';

export const place = (key: string, lat: number, lon: number): PoolPlace => ({ key, lat, lon });

export const lane = (
  partnerId: string,
  origin: PoolPlace,
  dest: PoolPlace,
  loadsPerWeek: number,
): PoolLane => ({
  partnerId,
  laneId: `${partnerId}:${origin.key}-${dest.key}`,
  origin,
  dest,
  equipment: 'dry_van',
  loadsPerWeek,
});

export const gameOf =
  (lanes: readonly PoolLane[]): CoalitionCostOf =>
  (coalition) =>
    coalitionCost(lanes, coalition);

export const A = place('A', 0, 0);
export const B = place('B', 0, 1);
export const C = place('C', 1, 0.5);

/** One trip between two places, in dollars. */
export const dollars = (a: PoolPlace, b: PoolPlace): number => greatCircleMiles(a, b) * 1.2 * 2.26;

/**
 * Seeded cost games for comparing two ways of solving the same LP: 3–7 partners q_i, each alone
 * costing 10–100; a coalition of k ≥ 2 saves 5% per extra member, less a 0–6 wobble drawn from a salt
 * and its members (so coalitions of one size differ, and some games have an empty core).
 */
export const saltedGames = fc
  .tuple(
    fc.array(fc.integer({ min: 10, max: 100 }), { minLength: 3, maxLength: 7 }),
    fc.integer({ min: 1, max: 1_000_000 }),
  )
  .map(([standalone, salt]) => {
    const partners = standalone.map((_, i) => `q${i}`);
    const game: CoalitionCostOf = (coalition) => {
      const members = partners.filter((p) => coalition.has(p));
      const sum = members.reduce((a, p) => a + standalone[partners.indexOf(p)]!, 0);
      const key = members.reduce((a, p) => a * 31 + partners.indexOf(p) + 1, salt);
      return members.length < 2 ? sum : sum * (1 - 0.05 * (members.length - 1)) - (key % 7);
    };
    return { partners, game };
  });

/** Real North American freight cities, for random pools in tests (the first seven are the classic set). */
export const CITIES: readonly PoolPlace[] = [
  { key: 'Chicago, IL', lat: 41.88, lon: -87.63 },
  { key: 'Dallas, TX', lat: 32.78, lon: -96.8 },
  { key: 'Atlanta, GA', lat: 33.75, lon: -84.39 },
  { key: 'Detroit, MI', lat: 42.33, lon: -83.05 },
  { key: 'Toronto, ON', lat: 43.65, lon: -79.38 },
  { key: 'Laredo, TX', lat: 27.51, lon: -99.51 },
  { key: 'Memphis, TN', lat: 35.15, lon: -90.05 },
  { key: 'Montreal, QC', lat: 45.5, lon: -73.57 },
  { key: 'Denver, CO', lat: 39.74, lon: -104.99 },
  { key: 'Columbus, OH', lat: 39.96, lon: -83.0 },
];
