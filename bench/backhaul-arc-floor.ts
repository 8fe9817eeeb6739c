/**
 * The plan bench's anchor (bench/backhaul-plan.ts): the least work any generator of the given arcs does —
 * allocate the arc columns of the sparse problem (column, cost, deadhead, miles home, pickup instant) and
 * compute each arc's deadhead (great circle × 1.2) from typed arrays, row by row. Positions and
 * cos(latitude) are read into typed arrays first, as the generator does. Returns the sum of the deadheads
 * (checked by the caller, so the loop cannot be optimised away). O(trucks + loads + arcs).
 */
import type { Load } from '../src/domain/load.ts';
import type { AvailableTruck } from '../src/optimize/backhaul-candidates.ts';
import { cosLatitude, greatCircleRoadMiles } from '../src/optimize/backhaul-road-miles.ts';
import type { SparseAssignmentProblem } from '../src/optimize/sparse-assignment.ts';

export function arcFloor(
  trucks: readonly AvailableTruck[],
  loads: readonly Load[],
  problem: SparseAssignmentProblem,
): number {
  const [truckLat, truckLon, truckCos] = [0, 0, 0].map(() => new Float64Array(trucks.length)) as [
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  trucks.forEach(({ position }, i) => {
    truckLat[i] = position.lat;
    truckLon[i] = position.lon;
    truckCos[i] = cosLatitude(position.lat);
  });
  const [loadLat, loadLon, loadCos] = [0, 0, 0].map(() => new Float64Array(loads.length)) as [
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  loads.forEach(({ origin }, j) => {
    loadLat[j] = origin.lat;
    loadLon[j] = origin.lon;
    loadCos[j] = cosLatitude(origin.lat);
  });
  const { rowStart, colIndex } = problem;
  const arcs = colIndex.length;
  const columns = new Int32Array(arcs);
  const [cost, deadhead, homeMiles, pickupAt] = [0, 0, 0, 0].map(() => new Float64Array(arcs)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  let sum = 0;
  for (let i = 0; i < problem.rows; i++) {
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const j = colIndex[p]!;
      const miles = greatCircleRoadMiles(
        truckLat[i]!,
        truckLon[i]!,
        truckCos[i]!,
        loadLat[j]!,
        loadLon[j]!,
        loadCos[j]!,
        1.2,
      );
      columns[p] = j;
      deadhead[p] = miles;
      cost[p] = -miles;
      homeMiles[p] = miles;
      pickupAt[p] = p;
      sum += miles;
    }
  }
  return sum;
}
