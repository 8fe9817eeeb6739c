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
 *   credentials    the load's hazmat/fast/bonded/twic requirements ⊄ the truck's credentials
 *   cabotage       chain openers only (legs: 'first'): more than maxDomesticDeadheadMiles empty to the
 *                  domestic pickup, or a destination away from home (BackhaulCandidateInput.legs)
 *   empty_crossing a truck in the US would cross into Canada empty to pick up (no crossing is planned
 *                  for empty runs, so such pickups are left out)
 *   window         cannot reach the pickup before the window closes, or would wait more than maxWaitHours
 *   value          the value is not above the row's floor (0: only positive-value arcs)
 *   radius         deadhead beyond deadheadRadiusMiles (road miles)
 *   delivery       cannot deliver by the load's deliveryLatest
 * Equipment and the load classes a Canadian truck may not take at all (§3.8: a final load must end in
 * Canada and, if picked up in the US, be pre-arranged; an opener must be a pre-arranged US → US load)
 * are matched by construction — separate spatial indexes — so such pairs are never examined or counted;
 * neither are pickups in time buckets the truck cannot reach. Value is tested before the exact deadhead by an upper
 * bound that needs no deadhead (deadhead ≥ 0); both use the same rounding, so the bound never drops an
 * arc the exact value keeps.
 *
 * Timing shares hoursOfServiceDriveTime with the plan validator: the truck is free at max(availableAt,
 * plannedAt), drives the deadhead, picks up at max(arrival, pickupEarliest); a US → Canada load is
 * timed through its border port (LoadRoutes). Instants are rounded up to the whole minute.
 *
 * Speed, for 10k trucks × 100k loads: one bounding box per truck (the great-circle cap of the radius),
 * asked of the few kdbush indexes over load origins that can hold its loads (LoadOriginIndex: its trailer
 * type, the loads it may legally take, the six-hour buckets of pickup windows it can reach) — geokdbush's
 * `around` is not used because it sorts by distance through a heap of objects, and every load in range is
 * wanted, unsorted. Then typed-array tests in index order (neighbouring loads in neighbouring slots);
 * distances to a truck's home are memoised per (home terminal, load) while the terminals are few.
 * Nothing is allocated per examined pair or per arc. O(T·(buckets·log M) + examined pairs).
 */
import KDBush from 'kdbush';
import type { BorderPort } from '../domain/border-port.ts';
import {
  chooseBorderPort,
  DEFAULT_PORT_TIE_MILES,
  type BorderPortChoice,
} from '../compliance/choose-border-port.ts';
import type { CabotageLimits } from '../compliance/cabotage-rules.ts';
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { DistanceProvider, LatLon } from '../domain/geo.ts';
import type { Load } from '../domain/load.ts';
import { countryOf, type Region } from '../domain/regions.ts';
import { CREDENTIALS, type Truck } from '../domain/truck.ts';
import {
  resolveBackhaulOptions,
  type BackhaulOptions,
  type ResolvedBackhaulOptions,
} from './backhaul-options.ts';
import type { SparseAssignmentProblem } from './sparse-assignment.ts';

/** A truck at the end of its southbound delivery: where and when it is free. */
export interface AvailableTruck {
  readonly truck: Truck;
  readonly position: LatLon & { readonly region: Region };
  readonly availableAt: Date;
}

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

/** Per-arc arrays are views of growable buffers (no copy of ~2M arcs), in CSR order with `problem`. */
export interface BackhaulCandidates {
  /** Rows = trucks, columns = loads, in input order; cost = −value in cents; unmatchedCost all 0. */
  readonly problem: SparseAssignmentProblem & { readonly unmatchedCost: Float64Array };
  readonly options: ResolvedBackhaulOptions;
  /** Per arc: road miles empty to the pickup. */
  readonly deadheadMiles: Float64Array;
  /** Per arc: road miles from the load's destination to the truck's home. */
  readonly homeMiles: Float64Array;
  /** Per arc: planned pickup instant, epoch ms. */
  readonly pickupAtMs: Float64Array;
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
  /** Truck–load pairs the truck's index queries returned (its equipment, legal class, time buckets). */
  readonly examined: number;
  readonly excluded: Readonly<Record<ArcExclusion, number>>;
}

const CREDENTIAL_BIT = new Map<string, number>(CREDENTIALS.map((credential, k) => [credential, 1 << k]));
const EQUIPMENT_CODE = new Map<Equipment, number>(EQUIPMENT.map((kind, k) => [kind, k]));
const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;
const ceilToMinute = (ms: number): number => Math.ceil(ms / MS_PER_MINUTE) * MS_PER_MINUTE;
const EARTH_RADIUS_MILES = 3958.7613;
const DEGREES = 180 / Math.PI;
/** Memoise distances to homes only while the table stays under 32 MB. */
const MAX_HOME_MEMO = 4_000_000;
/** A bare {lat, lon} copy, so the distance provider sees few object shapes. */
const point = (at: LatLon): LatLon => ({ lat: at.lat, lon: at.lon });
/** Pickup windows are bucketed by their opening, six hours per bucket. */
const SLAB_MS = 6 * MS_PER_HOUR;

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
      'Cannot build backhaul candidates: plannedAt is not a valid date',
    );
  }
  const first = (input.legs ?? 'final') === 'first';
  if (input.minValueCents !== undefined && input.minValueCents.length !== trucks.length) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot build backhaul candidates: minValueCents has ${input.minValueCents.length} entries for ${trucks.length} trucks`,
    );
  }
  const { distance, costPerMileUsd: c, cadPerUsd } = options;
  const hosMs = options.driveTimeMs;
  const columns = readLoads(loads, first, cadPerUsd);
  const routes = new LoadRoutes(loads, input.ports, distance, hosMs, plannedAtMs, options.cabotageLimits);
  const { loadedMiles } = routes;
  const rateUsd = columns.rateUsd;

  // Loads are renumbered into index order (p), so a range query reads neighbouring array slots.
  const m = loads.length;
  const index = new LoadOriginIndex(columns);
  const order = index.order;
  const inOrder = <A extends Int32Array | Uint8Array | Float64Array>(column: A): A =>
    column.map((_, p) => column[order[p]!]!) as A;
  const requirementMask = inOrder(columns.requirements);
  const originUs = inOrder(columns.originUs);
  const crossesAt = inOrder(columns.crosses);
  const earliest = inOrder(columns.earliest);
  const latest = inOrder(columns.latest);
  const deliveryLatest = inOrder(columns.deadline);
  const rateAt = inOrder(rateUsd);
  const loadedAt = inOrder(loadedMiles);
  const originLat = inOrder(columns.originLat);
  const originLon = inOrder(columns.originLon);
  const destLat = inOrder(columns.destLat);
  const destLon = inOrder(columns.destLon);
  /** Per position: an upper bound on the miles via the border port (NaN until needed). */
  const viaPortBound = new Float64Array(m).fill(NaN);
  // The provider is handed these two reused points (it must not keep them): no object per pair.
  const pickup: { lat: number; lon: number } = { lat: 0, lon: 0 };
  const drop: { lat: number; lon: number } = { lat: 0, lon: 0 };
  const borderFloorMs = plannedAtMs + options.cabotageLimits.emanifestLeadHours * MS_PER_HOUR;

  // Per truck, and the home-distance memo shared by trucks of one terminal.
  const t = trucks.length;
  const emptyHomeMiles = new Float64Array(t);
  const freeAtMs = new Float64Array(t);
  const homeOf = new Int32Array(t);
  const positions: LatLon[] = new Array<LatLon>(t);
  const truckHomes: LatLon[] = new Array<LatLon>(t);
  const homes = new Map<string, number>();
  trucks.forEach((row, i) => {
    requireTruck(row, i);
    positions[i] = point(row.position);
    truckHomes[i] = point(row.truck.home);
    emptyHomeMiles[i] = distance.roadMiles(positions[i]!, truckHomes[i]!);
    freeAtMs[i] = Math.max(row.availableAt.getTime(), plannedAtMs);
    const key = `${row.truck.home.lat},${row.truck.home.lon}`;
    if (!homes.has(key)) homes.set(key, homes.size);
    homeOf[i] = homes.get(key)!;
  });
  const memo = homes.size * m <= MAX_HOME_MEMO ? new Float64Array(homes.size * m).fill(NaN) : null;

  // Views, not copies, are returned: a copy of ~2M arcs would cost 70 MB and a full GC on a big heap.
  const arcs = new ArcBuffer(Math.max(1024, t * 16));
  const rowStart = new Int32Array(t + 1);
  let examined = 0;
  const radius = options.deadheadRadiusMiles;
  const { maxDomesticDeadheadMiles, homewardToleranceMiles } = options.cabotageLimits;
  const maxWaitMs = options.maxWaitHours * MS_PER_HOUR;
  const reachMs = maxWaitMs + hosMs(radius);
  const searchRadians = options.searchRadiusMiles / EARTH_RADIUS_MILES;
  let [credentials, cabotage, emptyCrossing, window, value, outOfRadius, late] = [0, 0, 0, 0, 0, 0, 0];
  const sample = Math.min(t, 256);
  for (let i = 0; i < t; i++) {
    // Size the arc columns once from the first trucks' yield: each regrowth of ~2M arcs costs a copy and,
    // on a big heap, a full GC.
    if (i === sample && sample < t) arcs.reserve(Math.ceil((arcs.size / sample) * t * 1.15));
    rowStart[i] = arcs.size;
    const truck = trucks[i]!.truck;
    const position = positions[i]!;
    const home = truckHomes[i]!;
    const canadian = truck.domicile === 'CA';
    const inUs = countryOf(trucks[i]!.position.region) === 'US';
    if (first && (!canadian || !inUs)) continue;
    let credentialMask = 0;
    for (const credential of truck.credentials) credentialMask |= CREDENTIAL_BIT.get(credential) ?? 0;
    const freeAt = freeAtMs[i]!;
    const floor = first ? -Infinity : (input.minValueCents?.[i] ?? 0);
    const savedUsd = c * emptyHomeMiles[i]!;
    const memoRow = homeOf[i]! * m;
    const [minLon, minLat, maxLon, maxLat] = boundingBox(position, searchRadians);
    for (const group of index.groups(
      EQUIPMENT_CODE.get(truck.equipment)!,
      canadian,
      freeAt,
      freeAt + reachMs,
    )) {
      const found = group.index.range(minLon, minLat, maxLon, maxLat);
      const { start, position: positionOf } = group;
      examined += found.length;
      for (let k = 0; k < found.length; k++) {
        const p = start + positionOf[found[k]!]!;
        if ((requirementMask[p]! & ~credentialMask) !== 0) {
          credentials++;
          continue;
        }
        if (inUs && originUs[p] === 0) {
          emptyCrossing++;
          continue;
        }
        if (latest[p]! < freeAt || earliest[p]! > freeAt + reachMs) {
          window++;
          continue;
        }
        let homeMiles = memo === null ? NaN : memo[memoRow + p]!;
        if (homeMiles !== homeMiles) {
          drop.lat = destLat[p]!;
          drop.lon = destLon[p]!;
          homeMiles = distance.roadMiles(drop, home);
          if (memo !== null) memo[memoRow + p] = homeMiles;
        }
        const baseUsd = rateAt[p]! - c * (loadedAt[p]! + homeMiles) + savedUsd;
        if (Math.round(baseUsd * 100) <= floor) {
          value++;
          continue;
        }
        pickup.lat = originLat[p]!;
        pickup.lon = originLon[p]!;
        const deadhead = distance.roadMiles(position, pickup);
        if (deadhead > radius) {
          outOfRadius++;
          continue;
        }
        // §3.8 incidental domestic move: a short empty run, in the general direction of home.
        if (
          first &&
          (deadhead > maxDomesticDeadheadMiles ||
            homeMiles > distance.roadMiles(pickup, home) + homewardToleranceMiles)
        ) {
          cabotage++;
          continue;
        }
        const arrival = ceilToMinute(freeAt + hosMs(deadhead));
        const pickupAt = Math.max(arrival, earliest[p]!);
        if (pickupAt > latest[p]! || pickupAt - arrival > maxWaitMs) {
          window++;
          continue;
        }
        const deadline = deliveryLatest[p]!;
        if (deadline < Infinity) {
          // LoadRoutes' bounds: a + b ≥ loaded miles; a + b ≤ one reference port's route + tie allowance.
          const fastest = pickupAt + hosMs(loadedAt[p]!);
          let onTime = fastest <= deadline;
          if (onTime && crossesAt[p] === 0) onTime = ceilToMinute(fastest) <= deadline;
          else if (onTime) {
            let bound = viaPortBound[p]!;
            if (bound !== bound) bound = viaPortBound[p] = routes.crossingBoundMiles(order[p]!);
            const latestPossible = Math.max(pickupAt, borderFloorMs) + hosMs(bound) + 2 * MS_PER_MINUTE;
            onTime =
              latestPossible <= deadline || routes.loadedRun(order[p]!, pickupAt).deliverAtMs <= deadline;
          }
          if (!onTime) {
            late++;
            continue;
          }
        }
        const cents = Math.round((baseUsd - c * deadhead) * 100);
        if (cents <= floor) {
          value++;
          continue;
        }
        arcs.push(order[p]!, -cents, deadhead, homeMiles, pickupAt);
      }
    }
  }
  rowStart[t] = arcs.size;
  return {
    problem: {
      rows: t,
      cols: m,
      rowStart,
      colIndex: arcs.colIndex.subarray(0, arcs.size),
      cost: arcs.cost.subarray(0, arcs.size),
      unmatchedCost: new Float64Array(t),
    },
    options,
    deadheadMiles: arcs.deadhead.subarray(0, arcs.size),
    homeMiles: arcs.homeMiles.subarray(0, arcs.size),
    pickupAtMs: arcs.pickupAt.subarray(0, arcs.size),
    loadedMiles,
    rateUsd,
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

/**
 * The longitude/latitude box holding every point within `radians` (great circle) of `at`: exact for a
 * spherical cap; the whole longitude range when the cap reaches a pole or the antimeridian.
 */
function boundingBox(at: LatLon, radians: number): [number, number, number, number] {
  const dLat = radians * DEGREES;
  const minLat = at.lat - dLat;
  const maxLat = at.lat + dLat;
  if (minLat <= -90 || maxLat >= 90) return [-180, Math.max(-90, minLat), 180, Math.min(90, maxLat)];
  const dLon = Math.asin(Math.min(1, Math.sin(radians) / Math.cos(at.lat / DEGREES))) * DEGREES;
  if (at.lon - dLon < -180 || at.lon + dLon > 180) return [-180, minLat, 180, maxLat];
  return [at.lon - dLon, minLat, at.lon + dLon, maxLat];
}

interface OriginGroup {
  readonly index: KDBush;
  /** The group's loads hold positions start … start + size − 1 of LoadOriginIndex.order. */
  readonly start: number;
  /** Position within the group (kd order) of each index item id. */
  readonly position: Int32Array;
  /** Latest pickupLatest in the group: a truck free after it has nothing here. */
  readonly latestMs: number;
}

/**
 * kdbush indexes over load origins, one per (trailer type, legal for a Canadian truck or not, six-hour
 * bucket of pickupEarliest). A truck searches only its trailer type, only the legal part when Canadian,
 * and only buckets whose windows can overlap [free, free + reach]: pairs these rule out are never
 * examined. A handful of bounding-box queries per truck, O(log M + found) each.
 *
 * `order` lists the loads group by group, each group in its kd-tree order, so the loads one query finds
 * (a few tree leaves) sit next to each other in every array indexed by position.
 */
class LoadOriginIndex {
  readonly order: Int32Array;
  private readonly parts = new Map<number, OriginGroup[]>();
  private readonly baseMs: number;

  constructor(columns: LoadColumns) {
    const m = columns.earliest.length;
    this.order = new Int32Array(m);
    this.baseMs = columns.earliest.reduce((min, ms) => Math.min(min, ms), Infinity);
    const buckets = new Map<number, Map<number, number[]>>();
    for (let j = 0; j < m; j++) {
      const key = columns.equipment[j]! * 2 + (columns.legal[j] === 1 ? 0 : 1);
      const slab = Math.floor((columns.earliest[j]! - this.baseMs) / SLAB_MS);
      const slabs = buckets.get(key) ?? new Map<number, number[]>();
      buckets.set(key, slabs);
      const members = slabs.get(slab) ?? [];
      slabs.set(slab, members);
      members.push(j);
    }
    let start = 0;
    for (const [key, slabs] of buckets) {
      const groups: OriginGroup[] = [];
      for (const [slab, members] of slabs) {
        const index = new KDBush(members.length, 64, Float64Array);
        let latestMs = -Infinity;
        for (const j of members) {
          index.add(columns.originLon[j]!, columns.originLat[j]!);
          latestMs = Math.max(latestMs, columns.latest[j]!);
        }
        index.finish();
        const position = new Int32Array(members.length);
        index.ids.forEach((id, kdPosition) => {
          position[id] = kdPosition;
          this.order[start + kdPosition] = members[id]!;
        });
        groups[slab] = { index, start, position, latestMs };
        start += members.length;
      }
      this.parts.set(key, groups);
    }
  }

  /** Groups a truck of this trailer type, free over [fromMs, toMs], has to search. */
  groups(equipmentCode: number, canadian: boolean, fromMs: number, toMs: number): OriginGroup[] {
    const last = Math.floor((toMs - this.baseMs) / SLAB_MS);
    const found: OriginGroup[] = [];
    for (const part of canadian ? [0] : [0, 1]) {
      const groups = this.parts.get(equipmentCode * 2 + part) ?? [];
      for (let slab = 0; slab <= last && slab < groups.length; slab++) {
        const group = groups[slab];
        if (group !== undefined && group.latestMs >= fromMs) found.push(group);
      }
    }
    return found;
  }
}

/** Arc columns grown by doubling: the arc count is known only at the end. */
class ArcBuffer {
  size = 0;
  colIndex: Int32Array;
  cost: Float64Array;
  deadhead: Float64Array;
  homeMiles: Float64Array;
  pickupAt: Float64Array;

  constructor(capacity: number) {
    this.colIndex = new Int32Array(capacity);
    this.cost = new Float64Array(capacity);
    this.deadhead = new Float64Array(capacity);
    this.homeMiles = new Float64Array(capacity);
    this.pickupAt = new Float64Array(capacity);
  }

  push(col: number, cost: number, deadhead: number, homeMiles: number, pickupAt: number): void {
    if (this.size === this.colIndex.length) this.grow();
    const p = this.size++;
    this.colIndex[p] = col;
    this.cost[p] = cost;
    this.deadhead[p] = deadhead;
    this.homeMiles[p] = homeMiles;
    this.pickupAt[p] = pickupAt;
  }

  /** Room for at least `capacity` arcs in all. */
  reserve(capacity: number): void {
    if (capacity > this.colIndex.length) this.grow(capacity);
  }

  private grow(capacity = this.colIndex.length * 2): void {
    const widen = <A extends Int32Array | Float64Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.colIndex = widen(this.colIndex, new Int32Array(capacity));
    this.cost = widen(this.cost, new Float64Array(capacity));
    this.deadhead = widen(this.deadhead, new Float64Array(capacity));
    this.homeMiles = widen(this.homeMiles, new Float64Array(capacity));
    this.pickupAt = widen(this.pickupAt, new Float64Array(capacity));
  }
}

/** The load records as columns in input order, read in one pass: later passes touch typed arrays only. */
interface LoadColumns {
  readonly equipment: Uint8Array;
  /** 1 when a Canadian truck may take the load in this mode (§3.8): it then sits in the legal index. */
  readonly legal: Uint8Array;
  readonly requirements: Int32Array;
  readonly originUs: Uint8Array;
  /** 1 for a US → Canada load. */
  readonly crosses: Uint8Array;
  readonly earliest: Float64Array;
  readonly latest: Float64Array;
  /** deliveryLatest, or Infinity. */
  readonly deadline: Float64Array;
  readonly rateUsd: Float64Array;
  readonly originLat: Float64Array;
  readonly originLon: Float64Array;
  readonly destLat: Float64Array;
  readonly destLon: Float64Array;
}

function readLoads(loads: readonly Load[], first: boolean, cadPerUsd: number): LoadColumns {
  const m = loads.length;
  const [equipment, legal, originUs, crosses] = [0, 0, 0, 0].map(() => new Uint8Array(m)) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  const requirements = new Int32Array(m);
  const [earliest, latest, deadline, rateUsd, originLat, originLon, destLat, destLon] = Array.from(
    { length: 8 },
    () => new Float64Array(m),
  ) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  loads.forEach((load, j) => {
    requireLoad(load, j);
    const fromUs = countryOf(load.origin.region) === 'US';
    const toCanada = countryOf(load.dest.region) === 'CA';
    equipment[j] = EQUIPMENT_CODE.get(load.equipment)!;
    legal[j] = (first ? fromUs && !toCanada && load.preArranged : toCanada && (!fromUs || load.preArranged))
      ? 1
      : 0;
    for (const requirement of load.requirements)
      requirements[j]! |= CREDENTIAL_BIT.get(requirement.toLowerCase()) ?? 0;
    originUs[j] = fromUs ? 1 : 0;
    crosses[j] = fromUs && toCanada ? 1 : 0;
    earliest[j] = load.pickupEarliest.getTime();
    latest[j] = load.pickupLatest.getTime();
    deadline[j] = load.deliveryLatest === null ? Infinity : load.deliveryLatest.getTime();
    rateUsd[j] = load.currency === 'CAD' ? load.rate / cadPerUsd : load.rate;
    originLat[j] = load.origin.lat;
    originLon[j] = load.origin.lon;
    destLat[j] = load.dest.lat;
    destLon[j] = load.dest.lon;
  });
  return {
    equipment,
    legal,
    requirements,
    originUs,
    crosses,
    earliest,
    latest,
    deadline,
    rateUsd,
    originLat,
    originLon,
    destLat,
    destLon,
  };
}

function requireLoad(load: Load, j: number): void {
  const problems: string[] = [];
  if (!EQUIPMENT_CODE.has(load.equipment)) problems.push(`equipment "${load.equipment}" is not known`);
  if (!(Number.isFinite(load.rate) && load.rate >= 0))
    problems.push(`rate ${load.rate} is not an amount ≥ 0`);
  const from = load.pickupEarliest.getTime();
  const to = load.pickupLatest.getTime();
  if (!(Number.isFinite(from) && Number.isFinite(to) && from <= to)) {
    problems.push(
      `pickup window ${String(load.pickupEarliest)} – ${String(load.pickupLatest)} is not a valid range`,
    );
  }
  if (load.deliveryLatest !== null && !Number.isFinite(load.deliveryLatest.getTime())) {
    problems.push('deliveryLatest is not a valid date');
  }
  if (problems.length > 0) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot build backhaul candidates: load ${load.loadId} (#${j + 1}): ${problems.join('; ')}`,
      { loadId: load.loadId },
    );
  }
}

function requireTruck(row: AvailableTruck, i: number): void {
  if (!EQUIPMENT_CODE.has(row.truck.equipment) || !Number.isFinite(row.availableAt.getTime())) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot build backhaul candidates: truck ${row.truck.truckId} (#${i + 1}) has equipment "${row.truck.equipment}" and availableAt ${String(row.availableAt)}; expected a known trailer type and a valid date`,
      { truckId: row.truck.truckId },
    );
  }
}

/** Degrees, longitude shrunk at 45° N: only to rank ports, never as a distance. */
const flatDistance = (a: LatLon, b: LatLon): number =>
  Math.hypot(a.lat - b.lat, (a.lon - b.lon) * Math.SQRT1_2);

/** Ports used to bound a crossing's miles before the exact (slower) port choice. */
const REFERENCE_PORTS = 12;

/**
 * The loaded run of each load, memoised: for a US → Canada load, the border port chooseBorderPort picks
 * and the border arrival; for every load, the delivery instant from a pickup instant. Times follow the
 * plan validator: the loaded run of a crossing load takes hos(a + b) for a miles to the port and b after
 * it, and the border arrival is at least hos(a) after pickup and emanifestLeadHours after plannedAt (so
 * the eManifest deadline is still ahead when the plan is made); the delivery at least hos(b) after that.
 *
 * chooseBorderPort scans every port (~50 µs), too slow for every examined pair, so the deadline test in
 * buildBackhaulCandidates tries bounds first: delivery ≥ pickup + hos(loaded) (a + b ≥ loaded, triangle
 * inequality), and delivery ≤ max(pickup, plannedAt + lead) + hos(S) + 2 min, where S =
 * crossingBoundMiles ≥ a + b (hos(a) + hos(b) ≤ hos(a + b) since ⌊x⌋ + ⌊y⌋ ≤ ⌊x + y⌋; 2 min of rounding).
 * Only a deadline between the two needs the exact port.
 */
export class LoadRoutes {
  readonly loadedMiles: Float64Array;
  private readonly crosses: Uint8Array;
  private readonly choices: (BorderPortChoice | undefined)[];
  private readonly reference: readonly LatLon[];
  private readonly leadMs: number;

  constructor(
    private readonly loads: readonly Load[],
    private readonly ports: readonly BorderPort[],
    private readonly distance: DistanceProvider,
    private readonly hosMs: (miles: number) => number,
    private readonly plannedAtMs: number,
    limits: CabotageLimits,
  ) {
    const m = loads.length;
    this.loadedMiles = new Float64Array(m);
    this.crosses = new Uint8Array(m);
    this.choices = new Array<BorderPortChoice | undefined>(m);
    this.leadMs = limits.emanifestLeadHours * MS_PER_HOUR;
    this.reference = ports
      .filter((port) => port.handlesTrucks && (port.trucksInbound2018 ?? 0) >= 1)
      .sort((a, b) => (b.trucksInbound2018 ?? 0) - (a.trucksInbound2018 ?? 0))
      .slice(0, REFERENCE_PORTS)
      .map(point);
    loads.forEach((load, j) => {
      this.loadedMiles[j] = distance.roadMiles(load.origin, load.dest);
      const crossing = countryOf(load.origin.region) === 'US' && countryOf(load.dest.region) === 'CA';
      this.crosses[j] = crossing ? 1 : 0;
      if (crossing && this.reference.length === 0) {
        throw new NorthboundError(
          'invalid_input',
          `Cannot time load ${load.loadId} (${load.origin.region} → ${load.dest.region}): none of the ${ports.length} border ports given handles trucks`,
          { loadId: load.loadId },
        );
      }
    });
  }

  /** The border port of a US → Canada load (chooseBorderPort), null for any other load. */
  crossing(j: number): BorderPortChoice | null {
    if (this.crosses[j] === 0) return null;
    const load = this.loads[j]!;
    return (this.choices[j] ??= chooseBorderPort(load.origin, load.dest, this.ports, this.distance));
  }

  /** Border arrival (NaN when the load does not cross) and delivery for a pickup at pickupAtMs. */
  loadedRun(j: number, pickupAtMs: number): { readonly arriveAtMs: number; readonly deliverAtMs: number } {
    const choice = this.crossing(j);
    if (choice === null) {
      return { arriveAtMs: NaN, deliverAtMs: ceilToMinute(pickupAtMs + this.hosMs(this.loadedMiles[j]!)) };
    }
    const a = choice.milesToPort;
    const b = choice.milesPortToDestination;
    const arriveAtMs = ceilToMinute(Math.max(pickupAtMs + this.hosMs(a), this.plannedAtMs + this.leadMs));
    const deliverAtMs = ceilToMinute(Math.max(pickupAtMs + this.hosMs(a + b), arriveAtMs + this.hosMs(b)));
    return { arriveAtMs, deliverAtMs };
  }

  /**
   * An upper bound on the chosen port's a + b: any one port's route bounds the shortest, so the reference
   * port with the shortest route by a flat-earth estimate is measured properly (2 distance calls, not 24).
   */
  crossingBoundMiles(j: number): number {
    const { origin, dest } = this.loads[j]!;
    let best: LatLon = this.reference[0]!;
    let bestEstimate = Infinity;
    for (const port of this.reference) {
      const estimate = flatDistance(origin, port) + flatDistance(port, dest);
      if (estimate < bestEstimate) [best, bestEstimate] = [port, estimate];
    }
    const miles = this.distance.roadMiles(origin, best) + this.distance.roadMiles(best, dest);
    return miles + DEFAULT_PORT_TIE_MILES;
  }
}
