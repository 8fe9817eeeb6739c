/**
 * The loads in grid order (BackhaulOriginGrid), packed for the candidate loop (backhaul-candidates.ts).
 * The loop's cost is memory, not arithmetic: at national scale it examines ~9M truck–load pairs and
 * every fact it reads for a pair on a separate array is another cache line. So the facts every examined
 * pair needs share one record of 8 numbers (64 bytes) in `hot`; what only a few pairs reach stays in
 * plain columns.
 *
 * `hot`, 8 numbers per position p, at 8p + …:
 *   0 pickupEarliest, epoch ms      1 origin latitude       2 origin longitude
 *   3 pickupLatest, epoch ms        4 flags: the credentials required (CREDENTIAL_BIT bits)
 *                                     + PICKUP_IN_US when the pickup is in the US
 *   5 rate, USD                     6 loaded road miles     7 cos(origin latitude)
 * The offsets are written as literals in the loop (a named constant there is a load, not a number).
 */
import type { LatLon } from '../domain/geo.ts';
import { CREDENTIALS } from '../domain/truck.ts';
import type { BackhaulLoadColumns } from './backhaul-load-columns.ts';
import type { ResolvedBackhaulOptions } from './backhaul-options.ts';
import { greatCircleRoadMiles } from './backhaul-road-miles.ts';

export const RECORD_SIZE = 8;
/** Flag bit of hot[8p + 4], above the credential bits: the pickup is in the US. */
export const PICKUP_IN_US = 1 << CREDENTIALS.length;

export interface BackhaulLoadRecords {
  /** Position p holds load order[p]. */
  readonly order: Int32Array;
  readonly hot: Float64Array;
  /** deliveryLatest (epoch ms) or Infinity. */
  readonly deadline: Float64Array;
  /** Drive time of the loaded run under hours of service, ms (no border port). */
  readonly loadedDriveMs: Float64Array;
  /** 1 for a US → Canada load. */
  readonly crosses: Uint8Array;
  readonly destLat: Float64Array;
  readonly destLon: Float64Array;
  readonly destCosLat: Float64Array;
}

/** O(M). */
export function packLoadRecords(
  columns: BackhaulLoadColumns,
  order: Int32Array,
  loadedMiles: Float64Array,
  driveTimeMs: (miles: number) => number,
): BackhaulLoadRecords {
  const m = order.length;
  const hot = new Float64Array(m * RECORD_SIZE);
  const records = {
    order,
    hot,
    deadline: new Float64Array(m),
    loadedDriveMs: new Float64Array(m),
    crosses: new Uint8Array(m),
    destLat: new Float64Array(m),
    destLon: new Float64Array(m),
    destCosLat: new Float64Array(m),
  };
  for (let p = 0; p < m; p++) {
    const j = order[p]!;
    const q = p * RECORD_SIZE;
    hot[q] = columns.earliest[j]!;
    hot[q + 1] = columns.originLat[j]!;
    hot[q + 2] = columns.originLon[j]!;
    hot[q + 3] = columns.latest[j]!;
    hot[q + 4] = columns.requirements[j]! | (columns.originUs[j] === 1 ? PICKUP_IN_US : 0);
    hot[q + 5] = columns.rateUsd[j]!;
    hot[q + 6] = loadedMiles[j]!;
    hot[q + 7] = columns.originCosLat[j]!;
    records.deadline[p] = columns.deadline[j]!;
    records.loadedDriveMs[p] = driveTimeMs(loadedMiles[j]!);
    records.crosses[p] = columns.crosses[j]!;
    records.destLat[p] = columns.destLat[j]!;
    records.destLon[p] = columns.destLon[j]!;
    records.destCosLat[p] = columns.destCosLat[j]!;
  }
  return records;
}

/**
 * Road miles from the destination of the load at grid position p to `home`, as the provider measures
 * them (inline for the default distance); `drop` is the reused point a custom provider is handed.
 */
export function milesHome(
  records: BackhaulLoadRecords,
  p: number,
  home: LatLon,
  homeCosLat: number,
  options: ResolvedBackhaulOptions,
  drop: { lat: number; lon: number },
): number {
  if (options.greatCircleDistance) {
    const { destLat, destLon, destCosLat } = records;
    return greatCircleRoadMiles(
      destLat[p]!,
      destLon[p]!,
      destCosLat[p]!,
      home.lat,
      home.lon,
      homeCosLat,
      options.roadFactor,
    );
  }
  drop.lat = records.destLat[p]!;
  drop.lon = records.destLon[p]!;
  return options.distance.roadMiles(drop, home);
}
