import { resolveCoverCosts, type CoverLanesOptions } from './cover-lanes.ts';
import type { PoolLane } from './pool-lane.ts';
import { PoolGame } from './pool-game.ts';

/** One PoolGame per lanes array and cost settings: allocations ask the same pool thousands of times. */
const games = new WeakMap<readonly PoolLane[], Map<string, PoolGame>>();

/**
 * What a coalition of partners would pay per week to cover all of its members' lanes with one shared
 * fleet (DESIGN.md §3.7): the lane-covering circulation over those lanes only — coverLanes' optimum,
 * computed by the pool's PoolGame (built on the first call for this lanes array and these costs, then
 * reused; see pool-game.ts for what it caches). The empty coalition, and a coalition of partners without
 * lanes, costs 0. The lanes array is read once per cost setting and must not change afterwards.
 * Time: one transportation problem per equipment whose members changed since the last call.
 */
export function coalitionCost(
  lanes: readonly PoolLane[],
  partners: ReadonlySet<string>,
  options: CoverLanesOptions = {},
): number {
  return poolGameFor(lanes, options).cost(partners);
}

/** The PoolGame coalitionCost uses for these lanes and cost settings (built on first use, then kept). */
export function poolGameFor(lanes: readonly PoolLane[], options: CoverLanesOptions = {}): PoolGame {
  const { costPerMile, roadFactor } = resolveCoverCosts(options);
  const settings = `${costPerMile}|${roadFactor}`;
  let bySettings = games.get(lanes);
  if (bySettings === undefined) games.set(lanes, (bySettings = new Map()));
  let game = bySettings.get(settings);
  if (game === undefined || game.laneCount !== lanes.length) {
    game = new PoolGame(lanes, { costPerMile, roadFactor });
    bySettings.set(settings, game);
  }
  return game;
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
