import { NorthboundError } from '../domain/errors.ts';
import type { Equipment } from '../domain/equipment.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import { coverLanes, resolveCoverCosts, type CoverLanesOptions } from './cover-lanes.ts';
import { DEFAULT_MARKET_RATES, type MarketRate, type MarketRates } from './market-rates.ts';
import type { PoolLane } from './pool-lane.ts';

export interface BackhaulRateFloorOptions extends CoverLanesOptions {
  /** Market references by equipment; DEFAULT_MARKET_RATES (DAT June 2024) when left out. */
  readonly marketRates?: MarketRates;
}

/** One lane's backhaul rate floor beside the market. Money in USD, per load unless it says per mile. */
export interface LaneRateFloor {
  readonly laneId: string;
  readonly partnerId: string;
  readonly equipment: Equipment;
  readonly origin: string;
  readonly dest: string;
  /** Road miles of one loaded trip. */
  readonly miles: number;
  /** c × miles: driving the loaded trip itself. */
  readonly tripCost: number;
  /** What one more load per week on this lane adds to the pool's weekly cost: the least to accept. */
  readonly floor: number;
  readonly floorPerMile: number;
  readonly market: MarketRate;
  /** floorPerMile ÷ the market's spot (contract) rate per mile; NaN for a zero-mile lane. */
  readonly shareOfSpot: number;
  readonly shareOfContract: number;
}

/**
 * Backhaul rate floor per lane (DESIGN.md §3.7): the marginal cost of serving one more load per week on
 * the lane with the pool's fleet — low where a truck would otherwise return empty, the full loaded trip
 * plus the empty repositioning it causes where the load adds to an imbalance — beside a market
 * reference by equipment and the share of it the floor is.
 *
 * From the pooled covering's dual: with potentials π (coverLanes' convention, reduced cost
 * c·miles − π(origin) + π(dest) ≥ 0 on every arc), the lane's reduced cost is a subgradient of the pooled
 * cost in its volume, so cost(volume + 1) − cost(volume) ≥ c·miles − π(origin) + π(dest). The solver's π
 * is one optimal dual among many when a place is exactly balanced (degenerate), and then that bound can
 * be strict: two balanced opposite lanes each cost a loaded trip plus an empty return to grow, yet the
 * solver's π prices each at one trip (and other optimal duals price one at 0 — any |π(a) − π(b)| ≤ one
 * trip is optimal). The floor must not undersell, so it takes the largest reduced cost
 * over all optimal duals, which is the exact right-derivative:
 *   floor = c·miles(o, d) + dist(d → o)
 * where dist is the shortest path in the residual network of the pooled optimum: an arc u → v at
 * c·miles(u, v) between any two places (an empty or extra loaded trip, unbounded), and v → u at
 * −c·miles(u, v) wherever the optimum drives trucks u → v above the loaded volume (one fewer such trip).
 * The extra load goes o → d; the cheapest way to close the circulation again is that path back. No
 * residual cycle is negative at an optimum, so floor ≥ 0 and it equals the dual bound when π is unique.
 *
 * Complexity: one coverLanes over all lanes, then Floyd–Warshall per equipment, O(places³) — pools have
 * tens to hundreds of places, not national networks.
 */
export function backhaulRateFloor(
  lanes: readonly PoolLane[],
  options: BackhaulRateFloorOptions = {},
): readonly LaneRateFloor[] {
  const { costPerMile, roadFactor } = resolveCoverCosts(options);
  const market = options.marketRates ?? DEFAULT_MARKET_RATES;
  const covering = coverLanes(lanes, options);
  const miles = (a: PoolLane['origin'], b: PoolLane['origin']): number => greatCircleMiles(a, b) * roadFactor;

  const distances = new Map<Equipment, { index: Map<string, number>; dist: Float64Array; size: number }>();
  const equipmentOf = new Set(lanes.map((lane) => lane.equipment));
  for (const equipment of equipmentOf) {
    const places = new Map<string, PoolLane['origin']>();
    for (const lane of lanes) {
      if (lane.equipment !== equipment) continue;
      places.set(lane.origin.key, lane.origin);
      places.set(lane.dest.key, lane.dest);
    }
    const list = [...places.values()];
    const size = list.length;
    const index = new Map(list.map((place, i) => [place.key, i]));
    const dist = new Float64Array(size * size);
    for (let u = 0; u < size; u++) {
      for (let v = 0; v < size; v++) dist[u * size + v] = costPerMile * miles(list[u]!, list[v]!);
    }
    for (const move of covering.emptyMoves) {
      if (move.equipment !== equipment) continue;
      const from = index.get(move.from)!;
      const to = index.get(move.to)!;
      const back = to * size + from;
      dist[back] = Math.min(dist[back]!, -costPerMile * move.miles);
    }
    for (let k = 0; k < size; k++) {
      for (let u = 0; u < size; u++) {
        const viaK = dist[u * size + k]!;
        for (let v = 0; v < size; v++) {
          const through = viaK + dist[k * size + v]!;
          if (through < dist[u * size + v]!) dist[u * size + v] = through;
        }
      }
    }
    distances.set(equipment, { index, dist, size });
  }

  return lanes.map((lane) => {
    const { index, dist, size } = distances.get(lane.equipment)!;
    const laneMiles = miles(lane.origin, lane.dest);
    const tripCost = costPerMile * laneMiles;
    const back = dist[index.get(lane.dest.key)! * size + index.get(lane.origin.key)!]!;
    // A negative residual cycle would mean the covering was not optimal; allow float dust only.
    const raw = tripCost + back;
    if (raw < -1e-6 * Math.max(1, tripCost)) {
      throw new NorthboundError(
        'internal',
        `Cannot price lane "${lane.laneId}": the residual cycle through it costs ${raw}, expected ≥ 0 at the optimum`,
        { laneId: lane.laneId },
      );
    }
    const floor = Math.max(0, raw);
    const floorPerMile = laneMiles > 0 ? floor / laneMiles : 0;
    const reference = market[lane.equipment];
    return {
      laneId: lane.laneId,
      partnerId: lane.partnerId,
      equipment: lane.equipment,
      origin: lane.origin.key,
      dest: lane.dest.key,
      miles: laneMiles,
      tripCost,
      floor,
      floorPerMile,
      market: reference,
      shareOfSpot: laneMiles > 0 ? floorPerMile / reference.spotPerMile : NaN,
      shareOfContract: laneMiles > 0 ? floorPerMile / reference.contractPerMile : NaN,
    };
  });
}
