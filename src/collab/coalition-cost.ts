import { coverLanes, type CoverLanesOptions } from './cover-lanes.ts';
import type { PoolLane } from './pool-lane.ts';

/**
 * What a coalition of partners would pay per week to cover all of its members' lanes with one shared
 * fleet (DESIGN.md §3.7): the lane-covering circulation over those lanes only. The empty coalition, and a
 * coalition of partners without lanes, costs 0. Time: one coverLanes over the members' lanes.
 */
export function coalitionCost(
  lanes: readonly PoolLane[],
  partners: ReadonlySet<string>,
  options: CoverLanesOptions = {},
): number {
  return coverLanes(
    lanes.filter((lane) => partners.has(lane.partnerId)),
    options,
  ).totalCost;
}

/** Each partner's cost on its own: its lanes covered by its own fleet, the baseline every saving is against. */
export function standaloneCosts(
  lanes: readonly PoolLane[],
  partners: readonly string[],
  options: CoverLanesOptions = {},
): ReadonlyMap<string, number> {
  return new Map(partners.map((partner) => [partner, coalitionCost(lanes, new Set([partner]), options)]));
}

/** A cost game: what a coalition (a set of partner ids) pays on its own. Must be finite; v(∅) = 0 expected. */
export type CoalitionCostOf = (coalition: ReadonlySet<string>) => number;
