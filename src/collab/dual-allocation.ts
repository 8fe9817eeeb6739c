/**
 * The LP-dual allocation of a pool's cost (DESIGN.md §3.7): each partner pays, for each of its lanes,
 * the lane's volume × its reduced cost at the pooled optimum, c_lane − π(origin) + π(dest), where π are
 * the circulation's place potentials (a truck is worth π more at a place).
 *
 * Why it adds up: in a circulation Σ_a c_a x_a = Σ_a rc_a x_a (the potential terms telescope), and at
 * the optimum an empty arc with rc > 0 carries nothing and a lane carrying more than its volume has
 * rc = 0, so the pooled cost = Σ_lanes volume × rc: the allocation is efficient.
 * Why no coalition would do better alone (Owen's LP-game argument): the potentials satisfy rc ≥ 0 on
 * every arc of the pooled network, and with an empty arc between every pair of places
 * (coverLanes' allEmptyArcs) every arc a coalition could use is one of them; so π is a feasible dual for
 * the coalition's own circulation, whose cost is therefore ≥ Σ over its lanes of volume × rc — what the
 * allocation charges it. The allocation is in the core. One circulation solve in all.
 */
import { greatCircleMiles } from '../domain/geo.ts';
import { coverLanes, resolveCoverCosts, type CoverLanesOptions } from './cover-lanes.ts';
import type { PoolLane } from './pool-lane.ts';

export function dualAllocation(
  lanes: readonly PoolLane[],
  partners: readonly string[],
  options: CoverLanesOptions = {},
): ReadonlyMap<string, number> {
  const { costPerMile, roadFactor } = resolveCoverCosts(options);
  const covering = coverLanes(lanes, { ...options, allEmptyArcs: true });
  const potential = new Map(covering.potentials.map((p) => [`${p.equipment}|${p.place}`, p.potential]));
  const allocation = new Map<string, number>(partners.map((partner) => [partner, 0]));
  for (const lane of lanes) {
    if (!allocation.has(lane.partnerId)) continue;
    const laneCost = greatCircleMiles(lane.origin, lane.dest) * roadFactor * costPerMile;
    const reduced =
      laneCost -
      (potential.get(`${lane.equipment}|${lane.origin.key}`) ?? 0) +
      (potential.get(`${lane.equipment}|${lane.dest.key}`) ?? 0);
    allocation.set(lane.partnerId, allocation.get(lane.partnerId)! + lane.loadsPerWeek * reduced);
  }
  return allocation;
}
