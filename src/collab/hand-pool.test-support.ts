/**
 * The hand-checkable pools the allocation tests share: three places A, B, C a few dozen miles apart,
 * dry-van lanes between them, and the cost game of a lane list. Costs in dollars at the default
 * $2.26/mi over road miles (great-circle × 1.2), so a test can write its expected values by hand.
 */
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
