import { NorthboundError } from '../domain/errors.ts';
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import { DEFAULT_ROAD_FACTOR, greatCircleMiles } from '../domain/geo.ts';
import { DEFAULT_COST_PER_MILE } from '../domain/units.ts';
import { solveMinCostFlow } from '../optimize/solve-min-cost-flow.ts';
import type { PoolLane, PoolPlace } from './pool-lane.ts';

export interface CoverLanesOptions {
  /** All-in truck cost per mile, loaded or empty (DESIGN.md §3.6: $2.26/mi, ATRI 2024). */
  readonly costPerMile?: number;
  /** Road miles = great-circle miles × this. */
  readonly roadFactor?: number;
  /**
   * Give every ordered pair of places an empty arc, not only surplus → deficit. Same optimum; the
   * potentials then price every possible repositioning, which the dual allocation's core guarantee needs
   * (dual-allocation.ts). O(places²) arcs: meant for pools, not national networks.
   */
  readonly allEmptyArcs?: boolean;
}

/** Trucks driven empty from one place to another each week to be where the next loads start. */
export interface EmptyMove {
  readonly equipment: Equipment;
  readonly from: string;
  readonly to: string;
  readonly trucksPerWeek: number;
  /** Road miles of one such move. */
  readonly miles: number;
}

/** Dual price of a place's truck balance: a truck is worth `potential` more at this place (see below). */
export interface PlacePotential {
  readonly equipment: Equipment;
  readonly place: string;
  readonly potential: number;
}

export interface LaneCovering {
  /** loadedCost + emptyCost, per week. */
  readonly totalCost: number;
  readonly loadedCost: number;
  readonly emptyCost: number;
  readonly emptyMoves: readonly EmptyMove[];
  readonly potentials: readonly PlacePotential[];
}

/**
 * Lane covering (DESIGN.md §3.7): the cheapest weekly fleet circulation that hauls every lane's volume,
 * as one min-cost circulation per equipment (trailers do not substitute for each other).
 *
 * Network per equipment: one node per distinct place key. Each lane is a loaded arc origin → dest with
 * lower bound loadsPerWeek, unbounded above, costing c × road miles (its lower bound is the loaded cost).
 * Loaded volume leaves each place v with a surplus s(v) = trucks arriving − trucks leaving; empty arcs
 * run from every place with s > 0 to every place with s < 0 at c × road miles.
 *
 * Why the complete bipartite surplus → deficit graph is enough: in an optimal circulation the flow above
 * the fixed loaded volume decomposes into paths from surplus to deficit places plus cycles, and cycles
 * cost ≥ 0 so can be dropped. Road miles (great-circle × a constant) obey the triangle inequality, so a
 * path through intermediate places never beats the direct empty arc from its first to its last place.
 * Hence some optimum uses only direct surplus → deficit arcs; the arcs among the rest could only tie.
 *
 * Flow above a lane's volume is a truck driving that lane empty (it costs the same per mile); it is
 * reported as an empty move and counted as empty cost, so loadedCost is always Σ c·miles·loadsPerWeek.
 *
 * Potentials: π from the solver, scaled to dollars, with reduced cost c_a − π[tail] + π[head] ≥ 0 on
 * every arc of the network above (= 0 where empties flow). They are one optimal dual, not unique; for a
 * lane a → b, c·miles − π[a] + π[b] is the marginal cost of one more load per week on it, the basis of a
 * backhaul rate floor.
 *
 * Fractional volumes are solved in floating point: imbalances below ~1e-9 × the largest volume count as
 * balanced (the solver's tolerance), which no real freight volume comes near.
 *
 * Time: one transportation problem per equipment, O(surplus places × deficit places) arcs.
 */
/** The cost per mile and road factor the options give, defaulted and validated: one reading for every caller. */
export function resolveCoverCosts(options: CoverLanesOptions): { costPerMile: number; roadFactor: number } {
  const costPerMile = options.costPerMile ?? DEFAULT_COST_PER_MILE;
  const roadFactor = options.roadFactor ?? DEFAULT_ROAD_FACTOR;
  if (!Number.isFinite(costPerMile) || costPerMile < 0) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot cover lanes: costPerMile is ${costPerMile}, expected a finite non-negative number`,
      { costPerMile },
    );
  }
  if (!Number.isFinite(roadFactor) || roadFactor < 1) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot cover lanes: roadFactor is ${roadFactor}, expected a finite number ≥ 1`,
      { roadFactor },
    );
  }
  return { costPerMile, roadFactor };
}

export function coverLanes(lanes: readonly PoolLane[], options: CoverLanesOptions = {}): LaneCovering {
  const { costPerMile, roadFactor } = resolveCoverCosts(options);
  const byEquipment = new Map<Equipment, PoolLane[]>();
  for (const lane of lanes) {
    validateLane(lane);
    const group = byEquipment.get(lane.equipment);
    if (group === undefined) byEquipment.set(lane.equipment, [lane]);
    else group.push(lane);
  }
  const roadMiles = (a: PoolPlace, b: PoolPlace): number => greatCircleMiles(a, b) * roadFactor;

  let loadedMiles = 0;
  let emptyMiles = 0;
  const emptyMoves: EmptyMove[] = [];
  const potentials: PlacePotential[] = [];
  for (const equipment of EQUIPMENT) {
    const group = byEquipment.get(equipment);
    if (group === undefined) continue;
    const covering = coverOneEquipment(equipment, group, roadMiles, options.allEmptyArcs === true);
    loadedMiles += covering.loadedMiles;
    emptyMiles += covering.emptyMiles;
    emptyMoves.push(...covering.emptyMoves);
    for (const [place, potential] of covering.potentials) {
      potentials.push({ equipment, place, potential: potential * costPerMile });
    }
  }
  const loadedCost = loadedMiles * costPerMile;
  const emptyCost = emptyMiles * costPerMile;
  return { totalCost: loadedCost + emptyCost, loadedCost, emptyCost, emptyMoves, potentials };
}

interface OneEquipmentCovering {
  readonly loadedMiles: number;
  readonly emptyMiles: number;
  readonly emptyMoves: EmptyMove[];
  /** Per place key, in miles. */
  readonly potentials: Map<string, number>;
}

function coverOneEquipment(
  equipment: Equipment,
  lanes: readonly PoolLane[],
  roadMiles: (a: PoolPlace, b: PoolPlace) => number,
  allEmptyArcs: boolean,
): OneEquipmentCovering {
  const places: PoolPlace[] = [];
  const index = new Map<string, number>();
  const placeOf = (place: PoolPlace): number => {
    const known = index.get(place.key);
    if (known !== undefined) {
      const first = places[known]!;
      if (first.lat !== place.lat || first.lon !== place.lon) {
        throw new NorthboundError(
          'invalid_input',
          `Cannot cover lanes: place "${place.key}" appears at (${first.lat}, ${first.lon}) and at ` +
            `(${place.lat}, ${place.lon}); one key must name one place`,
          { key: place.key },
        );
      }
      return known;
    }
    index.set(place.key, places.length);
    places.push(place);
    return places.length - 1;
  };

  const surplus: number[] = [];
  const tails: number[] = [];
  const heads: number[] = [];
  const lowers: number[] = [];
  const costs: number[] = [];
  let loadedMiles = 0;
  for (const lane of lanes) {
    const o = placeOf(lane.origin);
    const d = placeOf(lane.dest);
    while (surplus.length < places.length) surplus.push(0);
    surplus[o] = surplus[o]! - lane.loadsPerWeek;
    surplus[d] = surplus[d]! + lane.loadsPerWeek;
    const laneMiles = roadMiles(lane.origin, lane.dest);
    tails.push(o);
    heads.push(d);
    lowers.push(lane.loadsPerWeek);
    costs.push(laneMiles);
    loadedMiles += laneMiles * lane.loadsPerWeek;
  }
  // Fractional volumes leave rounding dust in the balances; anything below this is balanced.
  let largestVolume = 1;
  for (const volume of lowers) if (volume > largestVolume) largestVolume = volume;
  const dust = 1e-9 * largestVolume;
  for (let s = 0; s < places.length; s++) {
    if (!allEmptyArcs && !(surplus[s]! > dust)) continue;
    for (let t = 0; t < places.length; t++) {
      if (allEmptyArcs ? t === s : !(surplus[t]! < -dust)) continue;
      tails.push(s);
      heads.push(t);
      lowers.push(0);
      costs.push(roadMiles(places[s]!, places[t]!));
    }
  }
  const solution = solveMinCostFlow({
    nodes: places.length,
    supply: new Float64Array(places.length),
    tail: Int32Array.from(tails),
    head: Int32Array.from(heads),
    lower: Float64Array.from(lowers),
    capacity: new Float64Array(tails.length).fill(Infinity),
    cost: Float64Array.from(costs),
  });
  if (solution.status !== 'optimal') {
    // All costs are ≥ 0 and every surplus place can reach every deficit place, so this cannot happen.
    throw new NorthboundError(
      'internal',
      `Cannot cover ${lanes.length} ${equipment} lanes: the circulation solver answered ${solution.status}`,
      { equipment, status: solution.status },
    );
  }

  // Merge empty trucks per (from, to): flow on empty arcs plus flow above volume on loaded arcs.
  const emptyByPair = new Map<string, { from: number; to: number; trucks: number; miles: number }>();
  let emptyMiles = 0;
  for (let a = 0; a < tails.length; a++) {
    const trucks = solution.flow[a]! - lowers[a]!;
    if (!(trucks > dust)) continue;
    const from = tails[a]!;
    const to = heads[a]!;
    const miles = costs[a]!;
    emptyMiles += trucks * miles;
    const pair = `${from}→${to}`;
    const seen = emptyByPair.get(pair);
    if (seen === undefined) emptyByPair.set(pair, { from, to, trucks, miles });
    else seen.trucks += trucks;
  }
  const emptyMoves = [...emptyByPair.values()].map((move) => ({
    equipment,
    from: places[move.from]!.key,
    to: places[move.to]!.key,
    trucksPerWeek: move.trucks,
    miles: move.miles,
  }));
  const potentials = new Map<string, number>();
  for (let v = 0; v < places.length; v++) potentials.set(places[v]!.key, solution.potential[v]!);
  return { loadedMiles, emptyMiles, emptyMoves, potentials };
}

function validateLane(lane: PoolLane): void {
  const fail = (why: string): never => {
    throw new NorthboundError(
      'invalid_input',
      `Cannot cover lane "${lane.laneId}" of partner "${lane.partnerId}": ${why}`,
      { laneId: lane.laneId, partnerId: lane.partnerId },
    );
  };
  if (!Number.isFinite(lane.loadsPerWeek) || lane.loadsPerWeek < 0) {
    fail(`loadsPerWeek is ${lane.loadsPerWeek}, expected a finite non-negative number`);
  }
  for (const [end, place] of [
    ['origin', lane.origin],
    ['dest', lane.dest],
  ] as const) {
    const { lat, lon } = place;
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      fail(`${end} "${place.key}" is at (${lat}, ${lon}), expected a latitude/longitude in range`);
    }
  }
}
