/**
 * The load records as typed-array columns, read and checked in one pass, so the candidate loop touches
 * numbers only: no Date, no string, no object per examined pair (backhaul-candidates.ts).
 *
 * Each load also gets its *part*, the index partition the truck search uses: trailer type × whether a
 * Canadian truck may take the load in this mode (§3.8). A Canadian truck searches one part, a US one two;
 * pairs of another trailer type or an illegal class are never examined.
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { Load } from '../domain/load.ts';
import { countryOf } from '../domain/regions.ts';
import { CREDENTIALS } from '../domain/truck.ts';
import { cosLatitude } from './backhaul-road-miles.ts';

/** Bit k set: credential CREDENTIALS[k] (a load's requirement or a truck's holding). */
export const CREDENTIAL_BIT: ReadonlyMap<string, number> = new Map(
  CREDENTIALS.map((credential, k) => [credential, 1 << k]),
);
export const EQUIPMENT_CODE: ReadonlyMap<Equipment, number> = new Map(EQUIPMENT.map((kind, k) => [kind, k]));
/** Parts: two per trailer type. */
export const PART_COUNT = EQUIPMENT.length * 2;
/** The part of a trailer type's loads a Canadian truck may take; +1 is the rest (US trucks only). */
export const legalPart = (equipmentCode: number): number => equipmentCode * 2;

export interface BackhaulLoadColumns {
  readonly size: number;
  /** legalPart(equipment), +1 when a Canadian truck may not take the load in this mode. */
  readonly part: Uint8Array;
  /** Credentials required, as CREDENTIAL_BIT bits (requirements that are not credentials are ignored). */
  readonly requirements: Int32Array;
  /** 1 when the pickup is in the US. */
  readonly originUs: Uint8Array;
  /** 1 for a US → Canada load (timed through a border port). */
  readonly crosses: Uint8Array;
  /** Pickup window, epoch ms. */
  readonly earliest: Float64Array;
  readonly latest: Float64Array;
  /** deliveryLatest in epoch ms, or Infinity. */
  readonly deadline: Float64Array;
  readonly rateUsd: Float64Array;
  readonly originLat: Float64Array;
  readonly originLon: Float64Array;
  readonly originCosLat: Float64Array;
  readonly destLat: Float64Array;
  readonly destLon: Float64Array;
  readonly destCosLat: Float64Array;
}

/**
 * Reads every load (in input order) into columns; throws NorthboundError('invalid_input') naming the
 * first bad load. `first`: parts for chain openers (legal = a pre-arranged US → US load) instead of final
 * loads (legal = ends in Canada and, when picked up in the US, pre-arranged). O(M).
 */
export function readBackhaulLoads(
  loads: readonly Load[],
  first: boolean,
  cadPerUsd: number,
): BackhaulLoadColumns {
  const size = loads.length;
  const columns = emptyColumns(size);
  for (let j = 0; j < size; j++) {
    const load = loads[j]!;
    const equipment = EQUIPMENT_CODE.get(load.equipment);
    const earliest = load.pickupEarliest.getTime();
    const latest = load.pickupLatest.getTime();
    const deadline = load.deliveryLatest === null ? Infinity : load.deliveryLatest.getTime();
    if (
      equipment === undefined ||
      !(Number.isFinite(load.rate) && load.rate >= 0) ||
      !(Number.isFinite(earliest) && Number.isFinite(latest) && earliest <= latest) ||
      deadline !== deadline
    ) {
      throw loadError(load, j);
    }
    const { origin, dest } = load;
    const fromUs = countryOf(origin.region) === 'US';
    const toCanada = countryOf(dest.region) === 'CA';
    const legal = first ? fromUs && !toCanada && load.preArranged : toCanada && (!fromUs || load.preArranged);
    columns.part[j] = legalPart(equipment) + (legal ? 0 : 1);
    let requirements = 0;
    for (const requirement of load.requirements) {
      requirements |= CREDENTIAL_BIT.get(requirement.toLowerCase()) ?? 0;
    }
    columns.requirements[j] = requirements;
    columns.originUs[j] = fromUs ? 1 : 0;
    columns.crosses[j] = fromUs && toCanada ? 1 : 0;
    columns.earliest[j] = earliest;
    columns.latest[j] = latest;
    columns.deadline[j] = deadline;
    columns.rateUsd[j] = load.currency === 'CAD' ? load.rate / cadPerUsd : load.rate;
    // Each field of a place read once: a place's reads can miss V8's property caches (a place built by
    // an object spread has a hidden class of its own), ~300 ns each.
    const [originLat, destLat] = [origin.lat, dest.lat];
    columns.originLat[j] = originLat;
    columns.originLon[j] = origin.lon;
    columns.originCosLat[j] = cosLatitude(originLat);
    columns.destLat[j] = destLat;
    columns.destLon[j] = dest.lon;
    columns.destCosLat[j] = cosLatitude(destLat);
  }
  return columns;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function emptyColumns(size: number): Mutable<BackhaulLoadColumns> {
  return {
    size,
    part: new Uint8Array(size),
    requirements: new Int32Array(size),
    originUs: new Uint8Array(size),
    crosses: new Uint8Array(size),
    earliest: new Float64Array(size),
    latest: new Float64Array(size),
    deadline: new Float64Array(size),
    rateUsd: new Float64Array(size),
    originLat: new Float64Array(size),
    originLon: new Float64Array(size),
    originCosLat: new Float64Array(size),
    destLat: new Float64Array(size),
    destLon: new Float64Array(size),
    destCosLat: new Float64Array(size),
  };
}

/** Every problem of a load that failed the quick test, in one message. */
function loadError(load: Load, j: number): NorthboundError {
  const problems: string[] = [];
  if (!EQUIPMENT_CODE.has(load.equipment)) {
    problems.push(`equipment "${load.equipment}" is not one of ${EQUIPMENT.join(', ')}`);
  }
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
    problems.push(`deliveryLatest ${String(load.deliveryLatest)} is not a valid date`);
  }
  return new NorthboundError(
    'invalid_input',
    `Cannot build backhaul candidates: load ${load.loadId} (#${j + 1}): ${problems.join('; ')}`,
    { loadId: load.loadId },
  );
}
