/**
 * Candidate arcs for backhaul matching (DESIGN.md §3.6, §3.8): which truck can take which load, and what
 * it is worth against driving home empty, as a sparse assignment problem (rows = trucks, columns = loads,
 * both in input order) plus per-arc facts in typed arrays.
 *
 * Value of truck i taking load j, in USD (rates quoted in CAD converted at cadPerUsd):
 *   rate_j − c·(deadhead_ij + loaded_j + dist(dest_j, home_i)) + c·dist(pos_i, home_i)
 * kept in whole cents; the arc's cost is −cents (minimised) and every truck's unmatched cost is 0, the
 * value of driving home empty.
 *
 * An arc exists only when every rule holds. They are tested cheapest first; an examined pair that fails
 * is counted once, under the first failing reason, in this order:
 *   credentials    the load's hazmat/fast/bonded/twic requirements ⊄ the truck's credentials (bitmasks)
 *   empty_crossing a truck in the US would cross into Canada empty to pick up (no crossing is planned
 *                  for empty runs, so such pickups are left out)
 *   window         the window closes before the truck is free (then, after the deadhead: cannot reach
 *                  the pickup before the window closes, or would wait more than maxWaitHours)
 *   value          the value is not above the row's floor (0: only positive-value arcs), first by an
 *                  upper bound that needs no deadhead (deadhead ≥ 0; same rounding, so the bound never
 *                  drops an arc the exact value keeps), then exactly
 *   radius         deadhead beyond deadheadRadiusMiles (road miles)
 *   cabotage       chain openers only (legs: 'first'): more than maxDomesticDeadheadMiles empty to the
 *                  domestic pickup, or a destination away from home (BackhaulCandidateInput.legs)
 *   delivery       cannot deliver by the load's deliveryLatest
 * Equipment and the load classes a Canadian truck may not take at all (§3.8: a final load must end in
 * Canada and, if picked up in the US, be pre-arranged; an opener must be a pre-arranged US → US load)
 * are matched by construction — separate parts of the grid (backhaul-load-columns.ts) — so such pairs are
 * never examined or counted; neither are loads outside the truck's search box or whose window cannot be
 * open between free and free + reach (BackhaulOriginGrid). `examined` counts the rest.
 *
 * Timing shares hoursOfServiceDriveTime (closed form, backhaul-options.ts) with the plan validator: the
 * truck is free at max(availableAt, plannedAt), drives the deadhead, picks up at max(arrival,
 * pickupEarliest); a US → Canada load is timed through its border port (LoadRoutes). Instants are rounded
 * up to the whole minute.
 *
 * Speed, for 10k trucks × 100k loads (~9M examined pairs, ~2M arcs): loads are read once into typed
 * columns in grid order (loads one truck scans sit in neighbouring slots); per truck, a walk over the grid
 * cells of its search box (the great-circle cap of the radius) in its parts, a binary search per cell on
 * window opening, then number-only tests. The deadhead, the one trigonometric cost, is computed only for
 * pairs that pass every cheaper test, inline for the default distance (backhaul-road-miles.ts); the value
 * before the truck's own terms (with the miles from each load to each home terminal) is memoised while the
 * terminals are few; the drive time of each loaded run and its crossing bound once per load. The exact
 * arrival (hours of service of the deadhead) is worked out only when the window and delivery tests fail
 * at the latest arrival any in-radius deadhead allows (backhaul-delivery-check.ts: every test only gets
 * harder as the pickup gets later). Nothing is allocated per examined pair or per arc;
 * arcs (column, cost) go straight into growable typed arrays. An arc's deadhead, miles home and pickup
 * instant are recomputed when asked (arcFacts), not stored: ~55 MB less of fresh array buffers per
 * build, and V8 pays for every ~64 MB of those with a full GC of the caller's heap (backhaul-arc-facts.ts).
 * O(M log M + T·(cells · log) + examined pairs).
 */
import { NorthboundError } from '../domain/errors.ts';
import type { Load } from '../domain/load.ts';
import type { BorderPort } from '../domain/border-port.ts';
import { arcFactsReader, type BackhaulArcFacts } from './backhaul-arc-facts.ts';
import { BackhaulArcBuffer } from './backhaul-arc-buffer.ts';
import { BackhaulDeliveryCheck } from './backhaul-delivery-check.ts';
import { readBackhaulFleet, searchBox, type AvailableTruck } from './backhaul-fleet-columns.ts';
import { legalPart, readBackhaulLoads } from './backhaul-load-columns.ts';
import { milesHome, packLoadRecords, PICKUP_IN_US } from './backhaul-load-records.ts';
import { LoadRoutes } from './backhaul-load-routes.ts';
import {
  resolveBackhaulOptions,
  type BackhaulOptions,
  type ResolvedBackhaulOptions,
} from './backhaul-options.ts';
import { BackhaulOriginGrid } from './backhaul-origin-grid.ts';
import { greatCircleRoadMiles } from './backhaul-road-miles.ts';
import type { SparseAssignmentProblem } from './sparse-assignment.ts';
import { ceilToMinute, MS_PER_MINUTE } from './ceil-to-minute.ts';

// The truck input type lives with the truck columns; callers keep importing it from here.
export type { AvailableTruck } from './backhaul-fleet-columns.ts';
export type { BackhaulArcFacts } from './backhaul-arc-facts.ts';

export const ARC_EXCLUSIONS = [
  'credentials',
  'cabotage',
  'empty_crossing',
  'window',
  'value',
  'radius',
  'delivery',
] as const;
export type ArcExclusion = (typeof ARC_EXCLUSIONS)[number];

export interface BackhaulCandidateInput {
  readonly trucks: readonly AvailableTruck[];
  readonly loads: readonly Load[];
  /** Border ports (loadBorderPorts): US → Canada loads are timed through the port chooseBorderPort picks. */
  readonly ports: readonly BorderPort[];
  /** When the plan is made: nothing is planned before it, and eManifest deadlines must lie after it. */
  readonly plannedAt: Date;
  /**
   * 'final' (default): loads a truck may haul as its last leg, home-bound (for a Canadian truck: ending
   * in Canada). 'first': chain openers for Canadian trucks (backhaul-chains.ts) — a pre-arranged US → US
   * load, picked up by a truck standing in the US at most maxDomesticDeadheadMiles away, ending no more
   * than homewardToleranceMiles farther from home than it starts; no value floor (the chain's value is
   * what counts). US-domiciled trucks get no openers.
   */
  readonly legs?: 'final' | 'first';
  /** Per truck: keep an arc only when its value in cents is above this; default 0. Ignored for 'first'. */
  readonly minValueCents?: Float64Array;
}

/** The arc arrays are views of growable buffers (no copy of ~2M arcs), in CSR order. */
export interface BackhaulCandidates {
  /**
   * Rows = trucks, columns = loads, in input order; cost = −value in cents; unmatchedCost all 0. Within a
   * row the arcs come in grid order (BackhaulOriginGrid), not by column.
   */
  readonly problem: SparseAssignmentProblem & { readonly unmatchedCost: Float64Array };
  readonly options: ResolvedBackhaulOptions;
  /**
   * Arc p's deadhead, miles home and pickup instant, recomputed on demand exactly as the loop computed
   * them (backhaul-arc-facts.ts: not stored per arc). O(log trucks); throws RangeError for a bad p.
   */
  readonly arcFacts: (p: number) => BackhaulArcFacts;
  /** Per load: road miles origin → destination. */
  readonly loadedMiles: Float64Array;
  /** Per load: offered rate in USD. */
  readonly rateUsd: Float64Array;
  /** Per truck: road miles from where it stands to home (the empty run the match saves). */
  readonly emptyHomeMiles: Float64Array;
  /** Per truck: when it is free to move, epoch ms (max of availableAt and plannedAt). */
  readonly freeAtMs: Float64Array;
  /** Border ports and loaded-run timing per load, memoised; the planner reuses it. */
  readonly routes: LoadRoutes;
  /** Truck–load pairs the truck's grid walk reached (its parts, its search box, its time reach). */
  readonly examined: number;
  readonly excluded: Readonly<Record<ArcExclusion, number>>;
}

const MS_PER_HOUR = 3_600_000;
const EARTH_RADIUS_MILES = 3958.7613;
const MILES_PER_DEGREE = (EARTH_RADIUS_MILES * Math.PI) / 180;
/** Memoise distances to homes only while the table stays under 32 MB. */
const MAX_HOME_MEMO = 4_000_000;
/**
 * Grid cells per search radius: smaller cells scan fewer loads outside the box, larger ones do fewer
 * binary searches. On the plan bench's 10k × 100k instance, pairs scanned + binary-search probes:
 * 2 → 11.55M + 1.08M, 3 → 10.56M + 1.51M, 4 → 10.10M + 1.98M, 6 → 9.54M + 3.03M; flat around 3.
 */
const CELLS_PER_RADIUS = 3;
/** Trucks whose yield sizes the arc buffers (each regrowth of ~2M arcs costs a copy and a full GC). */
const SAMPLE_TRUCKS = 256;

export function buildBackhaulCandidates(
  input: BackhaulCandidateInput,
  overrides: Partial<BackhaulOptions> = {},
): BackhaulCandidates {
  const options = resolveBackhaulOptions(overrides);
  const { trucks, loads } = input;
  const plannedAtMs = input.plannedAt.getTime();
  if (!Number.isFinite(plannedAtMs)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot build backhaul candidates: plannedAt ${String(input.plannedAt)} is not a valid date`,
    );
  }
  const first = (input.legs ?? 'final') === 'first';
  if (input.minValueCents !== undefined && input.minValueCents.length !== trucks.length) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot build backhaul candidates: minValueCents has ${input.minValueCents.length} entries for ${trucks.length} trucks`,
    );
  }
  const { distance, costPerMileUsd: c, greatCircleDistance: inline, roadFactor } = options;
  const hosMs = options.driveTimeMs;
  const columns = readBackhaulLoads(loads, first, options.cadPerUsd);
  const routes = new LoadRoutes(loads, columns, input.ports, options, plannedAtMs);
  const m = loads.length;
  const grid = new BackhaulOriginGrid(
    columns,
    options.searchRadiusMiles / MILES_PER_DEGREE / CELLS_PER_RADIUS,
  );
  const { cellStart, cellWindowMs, bands, lonCells } = grid;
  const records = packLoadRecords(columns, grid.order, routes.loadedMiles, hosMs);
  const { order, hot, deadline } = records;
  // The provider, when custom, is handed these two reused points (it must not keep them).
  const pickup: { lat: number; lon: number } = { lat: 0, lon: 0 };
  const drop: { lat: number; lon: number } = { lat: 0, lon: 0 };
  const borderFloorMs = plannedAtMs + options.cabotageLimits.emanifestLeadHours * MS_PER_HOUR;
  const delivery = new BackhaulDeliveryCheck(records, routes, hosMs, borderFloorMs);

  const t = trucks.length;
  const fleet = readBackhaulFleet(trucks, options, plannedAtMs);
  const { emptyHomeMiles, freeAtMs, homeOf, homes } = fleet;
  /**
   * Per (home terminal, position), filled on first use: rate − c·(loaded + road miles from the load's
   * destination to the home), the value before the truck's own terms.
   */
  const memo = homes.length * m <= MAX_HOME_MEMO ? new Float64Array(homes.length * m).fill(NaN) : null;

  const arcs = new BackhaulArcBuffer(Math.max(1024, t * 16));
  const rowStart = new Int32Array(t + 1);
  let examined = 0;
  const radius = options.deadheadRadiusMiles;
  const { maxDomesticDeadheadMiles, homewardToleranceMiles } = options.cabotageLimits;
  const maxWaitMs = options.maxWaitHours * MS_PER_HOUR;
  // The latest opening worth scanning: wait ≤ maxWait after an arrival ≤ ⌈free + hos(radius)⌉ (to the minute).
  const reachMs = maxWaitMs + hosMs(radius) + MS_PER_MINUTE;
  const searchRadians = options.searchRadiusMiles / EARTH_RADIUS_MILES;
  const box = new Float64Array(4);
  let [credentials, cabotage, emptyCrossing, window, value, outOfRadius, late] = [0, 0, 0, 0, 0, 0, 0];
  const sample = Math.min(t, SAMPLE_TRUCKS);
  for (let i = 0; i < t; i++) {
    if (i === sample && sample < t) arcs.reserve(Math.ceil((arcs.size / sample) * t * 1.15));
    rowStart[i] = arcs.size;
    const canadian = fleet.canadian[i] === 1;
    const inUs = fleet.inUs[i] === 1;
    if (first && (!canadian || !inUs)) continue;
    const truckLat = fleet.lat[i]!;
    const truckLon = fleet.lon[i]!;
    const truckCosLat = fleet.cosLat[i]!;
    const home = homes[homeOf[i]!]!;
    const homeCosLat = fleet.homeCosLat[homeOf[i]!]!;
    const credentialMask = fleet.credentials[i]!;
    const freeAt = freeAtMs[i]!;
    const horizon = freeAt + reachMs;
    const floor = first ? -Infinity : (input.minValueCents?.[i] ?? 0);
    const savedUsd = c * emptyHomeMiles[i]!;
    const memoRow = homeOf[i]! * m;
    // Arrival bounds for any deadhead in 0 … radius (hos and the rounding up are monotone): when a
    // load's window holds both, the exact arrival cannot fail the window and is not needed.
    const earliestArrival = ceilToMinute(freeAt);
    const latestArrival = ceilToMinute(freeAt + hosMs(radius));
    searchBox(truckLat, truckLon, searchRadians, box);
    const [minLon, minLat, maxLon, maxLat] = [box[0]!, box[1]!, box[2]!, box[3]!];
    const firstBand = Math.max(0, grid.band(minLat));
    const lastBand = Math.min(bands - 1, grid.band(maxLat));
    const firstCell = Math.max(0, grid.lonCell(minLon));
    const lastCell = Math.min(lonCells - 1, grid.lonCell(maxLon));
    const firstPart = legalPart(fleet.equipment[i]!);
    const lastPart = canadian ? firstPart : firstPart + 1;
    for (let part = firstPart; part <= lastPart; part++) {
      for (let band = firstBand; band <= lastBand; band++) {
        const row = (part * bands + band) * lonCells;
        for (let k = row + firstCell; k <= row + lastCell; k++) {
          let p = cellStart[k]!;
          const end = cellStart[k + 1]!;
          if (p === end) continue;
          // The first load whose window can still be open at freeAt (hot[8p] = pickupEarliest).
          const from = freeAt - cellWindowMs[k]!;
          let hi = end;
          while (p < hi) {
            const mid = (p + hi) >>> 1;
            if (hot[mid * 8]! < from) p = mid + 1;
            else hi = mid;
          }
          for (; p < end; p++) {
            const q = p * 8; // the record layout: backhaul-load-records.ts
            const opensAt = hot[q]!;
            if (opensAt > horizon) break;
            const lat = hot[q + 1]!;
            const lon = hot[q + 2]!;
            if (lat < minLat || lat > maxLat || lon < minLon || lon > maxLon) continue;
            examined++;
            const flags = hot[q + 4]!;
            if ((flags & ~credentialMask & (PICKUP_IN_US - 1)) !== 0) {
              credentials++;
              continue;
            }
            if (inUs && (flags & PICKUP_IN_US) === 0) {
              emptyCrossing++;
              continue;
            }
            const closesAt = hot[q + 3]!;
            if (closesAt < freeAt) {
              window++;
              continue;
            }
            let partUsd = memo === null ? NaN : memo[memoRow + p]!;
            if (partUsd !== partUsd) {
              partUsd =
                hot[q + 5]! - c * (hot[q + 6]! + milesHome(records, p, home, homeCosLat, options, drop));
              if (memo !== null) memo[memoRow + p] = partUsd;
            }
            const baseUsd = partUsd + savedUsd;
            if (Math.round(baseUsd * 100) <= floor) {
              value++;
              continue;
            }
            let deadhead: number;
            if (inline) {
              deadhead = greatCircleRoadMiles(
                truckLat,
                truckLon,
                truckCosLat,
                lat,
                lon,
                hot[q + 7]!,
                roadFactor,
              );
            } else {
              pickup.lat = lat;
              pickup.lon = lon;
              deadhead = distance.roadMiles(fleet.positions[i]!, pickup);
            }
            if (deadhead > radius) {
              outOfRadius++;
              continue;
            }
            // §3.8 incidental domestic move: a short empty run, in the general direction of home.
            if (first) {
              pickup.lat = lat;
              pickup.lon = lon;
              if (
                deadhead > maxDomesticDeadheadMiles ||
                milesHome(records, p, home, homeCosLat, options, drop) >
                  distance.roadMiles(pickup, home) + homewardToleranceMiles
              ) {
                cabotage++;
                continue;
              }
            }
            // The window and delivery tests at the latest pickup any deadhead within the radius allows:
            // passed there, they are passed at the real one (backhaul-delivery-check.ts), which is then
            // not needed. Otherwise both exactly, in this order.
            const due = deadline[p]!;
            if (
              closesAt < latestArrival ||
              opensAt - earliestArrival > maxWaitMs ||
              (due < Infinity && !delivery.surelyOnTime(p, due, Math.max(latestArrival, opensAt)))
            ) {
              const arrival = ceilToMinute(freeAt + hosMs(deadhead));
              const pickupAt = Math.max(arrival, opensAt);
              if (pickupAt > closesAt || pickupAt - arrival > maxWaitMs) {
                window++;
                continue;
              }
              if (due < Infinity && !delivery.onTime(p, due, pickupAt)) {
                late++;
                continue;
              }
            }
            const cents = Math.round((baseUsd - c * deadhead) * 100);
            if (cents <= floor) {
              value++;
              continue;
            }
            arcs.push(order[p]!, -cents);
          }
        }
      }
    }
  }
  rowStart[t] = arcs.size;
  const problem = {
    rows: t,
    cols: m,
    rowStart,
    colIndex: arcs.colIndex.subarray(0, arcs.size),
    cost: arcs.cost.subarray(0, arcs.size),
    unmatchedCost: new Float64Array(t),
  };
  return {
    problem,
    options,
    arcFacts: arcFactsReader(problem, fleet, columns, options),
    loadedMiles: routes.loadedMiles,
    rateUsd: columns.rateUsd,
    emptyHomeMiles,
    freeAtMs,
    routes,
    examined,
    excluded: {
      credentials,
      cabotage,
      empty_crossing: emptyCrossing,
      window,
      value,
      radius: outOfRadius,
      delivery: late,
    },
  };
}
