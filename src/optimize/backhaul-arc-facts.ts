/**
 * The facts of one candidate arc — road miles empty to the pickup, road miles from the load's destination
 * home, the planned pickup instant — recomputed on demand from the truck and load columns by the same
 * expressions, with the same operands, as the candidate loop (backhaul-candidates.ts), so they equal what
 * the loop computed to the bit (backhaul-candidates-reference.test.ts holds them to the reference).
 *
 * Why not kept per arc: three Float64 columns for ~2M arcs are ~55 MB of fresh array buffers per build
 * (with the growth margin), and V8 answers every ~64 MB of new array buffers with a full mark-compact of
 * the caller's whole heap (a planner holding 100k Load objects: 100+ ms each). The callers read the facts
 * of the arcs they pick — one per truck — or of the chain openers; the loop needs only cost and column.
 */
import type { BackhaulFleetColumns } from './backhaul-fleet-columns.ts';
import type { BackhaulLoadColumns } from './backhaul-load-columns.ts';
import type { ResolvedBackhaulOptions } from './backhaul-options.ts';
import { greatCircleRoadMiles } from './backhaul-road-miles.ts';
import type { SparseAssignmentProblem } from './sparse-assignment.ts';
import { ceilToMinute } from './ceil-to-minute.ts';

export interface BackhaulArcFacts {
  /** Road miles empty from where the truck stands to the pickup. */
  readonly deadheadMiles: number;
  /** Road miles from the load's destination to the truck's home. */
  readonly homeMiles: number;
  /** Planned pickup instant, epoch ms. */
  readonly pickupAtMs: number;
}

/** The facts of arc p of `problem` (rows = the fleet's trucks, columns = the loads, input order). */
export function arcFactsReader(
  problem: Pick<SparseAssignmentProblem, 'rows' | 'rowStart' | 'colIndex'>,
  fleet: BackhaulFleetColumns,
  loads: BackhaulLoadColumns,
  options: ResolvedBackhaulOptions,
): (p: number) => BackhaulArcFacts {
  const { rows, rowStart, colIndex } = problem;
  const { distance, greatCircleDistance: inline, roadFactor } = options;
  const hosMs = options.driveTimeMs;
  return (p) => {
    if (!(Number.isInteger(p) && p >= 0 && p < colIndex.length)) {
      throw new RangeError(`arc ${p} is not one of the ${colIndex.length} candidate arcs`);
    }
    // The truck: the last row starting at or before p (empty rows share their start with the next row).
    let [lo, hi] = [0, rows - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (rowStart[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    const i = lo;
    const j = colIndex[p]!;
    const home = fleet.homes[fleet.homeOf[i]!]!;
    const homeCosLat = fleet.homeCosLat[fleet.homeOf[i]!]!;
    const [lat, lon, destLat, destLon] = [
      loads.originLat[j]!,
      loads.originLon[j]!,
      loads.destLat[j]!,
      loads.destLon[j]!,
    ];
    const deadheadMiles = inline
      ? greatCircleRoadMiles(
          fleet.lat[i]!,
          fleet.lon[i]!,
          fleet.cosLat[i]!,
          lat,
          lon,
          loads.originCosLat[j]!,
          roadFactor,
        )
      : distance.roadMiles(fleet.positions[i]!, { lat, lon });
    const homeMiles = inline
      ? greatCircleRoadMiles(
          destLat,
          destLon,
          loads.destCosLat[j]!,
          home.lat,
          home.lon,
          homeCosLat,
          roadFactor,
        )
      : distance.roadMiles({ lat: destLat, lon: destLon }, home);
    const arrival = ceilToMinute(fleet.freeAtMs[i]! + hosMs(deadheadMiles));
    return { deadheadMiles, homeMiles, pickupAtMs: Math.max(arrival, loads.earliest[j]!) };
  };
}
