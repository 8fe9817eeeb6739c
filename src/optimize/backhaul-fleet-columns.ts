/**
 * The trucks as typed columns for the candidate loop (backhaul-candidates.ts), read and checked in one
 * pass, and the search box around each: the loop then touches numbers only.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { LatLon } from '../domain/geo.ts';
import { countryOf, type Region } from '../domain/regions.ts';
import type { Truck } from '../domain/truck.ts';
import { CREDENTIAL_BIT, EQUIPMENT_CODE } from './backhaul-load-columns.ts';
import type { ResolvedBackhaulOptions } from './backhaul-options.ts';
import { cosLatitude } from './backhaul-road-miles.ts';

const DEGREES = 180 / Math.PI;

/** A truck at the end of its southbound delivery: where and when it is free. */
export interface AvailableTruck {
  readonly truck: Truck;
  readonly position: LatLon & { readonly region: Region };
  readonly availableAt: Date;
}

export interface BackhaulFleetColumns {
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly cosLat: Float64Array;
  /** Bare {lat, lon} copies of the positions, for a custom distance provider. */
  readonly positions: readonly LatLon[];
  /** EQUIPMENT_CODE of the trailer. */
  readonly equipment: Uint8Array;
  /** Credentials held, as CREDENTIAL_BIT bits. */
  readonly credentials: Int32Array;
  /** 1 for a Canadian-domiciled truck. */
  readonly canadian: Uint8Array;
  /** 1 when the truck stands in the US. */
  readonly inUs: Uint8Array;
  /** Road miles from where the truck stands to home (the empty run a match saves). */
  readonly emptyHomeMiles: Float64Array;
  /** max(availableAt, plannedAt), epoch ms. */
  readonly freeAtMs: Float64Array;
  /** Index of the truck's home terminal in `homes`. */
  readonly homeOf: Int32Array;
  /** Home terminals, numbered in order of first appearance, and their cos(latitude). */
  readonly homes: readonly LatLon[];
  readonly homeCosLat: Float64Array;
}

/** O(T); throws NorthboundError('invalid_input') naming the first truck with an unknown trailer or date. */
export function readBackhaulFleet(
  trucks: readonly AvailableTruck[],
  options: ResolvedBackhaulOptions,
  plannedAtMs: number,
): BackhaulFleetColumns {
  const t = trucks.length;
  const fleet = {
    lat: new Float64Array(t),
    lon: new Float64Array(t),
    cosLat: new Float64Array(t),
    positions: new Array<LatLon>(t),
    equipment: new Uint8Array(t),
    credentials: new Int32Array(t),
    canadian: new Uint8Array(t),
    inUs: new Uint8Array(t),
    emptyHomeMiles: new Float64Array(t),
    freeAtMs: new Float64Array(t),
    homeOf: new Int32Array(t),
    homes: [] as LatLon[],
    homeCosLat: new Float64Array(t),
  };
  const homeIds = new Map<string, number>();
  for (let i = 0; i < t; i++) {
    const { truck, position, availableAt } = trucks[i]!;
    const equipment = EQUIPMENT_CODE.get(truck.equipment);
    if (equipment === undefined || !Number.isFinite(availableAt.getTime())) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot build backhaul candidates: truck ${truck.truckId} (#${i + 1}) has equipment "${truck.equipment}" and availableAt ${String(availableAt)}; expected a known trailer type and a valid date`,
        { truckId: truck.truckId },
      );
    }
    fleet.lat[i] = position.lat;
    fleet.lon[i] = position.lon;
    fleet.cosLat[i] = cosLatitude(position.lat);
    fleet.positions[i] = { lat: position.lat, lon: position.lon };
    fleet.equipment[i] = equipment;
    for (const credential of truck.credentials) fleet.credentials[i]! |= CREDENTIAL_BIT.get(credential) ?? 0;
    fleet.canadian[i] = truck.domicile === 'CA' ? 1 : 0;
    fleet.inUs[i] = countryOf(position.region) === 'US' ? 1 : 0;
    fleet.emptyHomeMiles[i] = options.distance.roadMiles(fleet.positions[i]!, truck.home);
    fleet.freeAtMs[i] = Math.max(availableAt.getTime(), plannedAtMs);
    const key = `${truck.home.lat},${truck.home.lon}`;
    let home = homeIds.get(key);
    if (home === undefined) {
      home = fleet.homes.length;
      homeIds.set(key, home);
      fleet.homes.push({ lat: truck.home.lat, lon: truck.home.lon });
      fleet.homeCosLat[home] = cosLatitude(truck.home.lat);
    }
    fleet.homeOf[i] = home;
  }
  return fleet;
}

/**
 * Writes into `box` [minLon, minLat, maxLon, maxLat] the box holding every point within `radians` (great
 * circle) of (lat, lon): exact for a spherical cap; the whole longitude range when the cap reaches a pole
 * or the antimeridian. O(1).
 */
export function searchBox(lat: number, lon: number, radians: number, box: Float64Array): void {
  const dLat = radians * DEGREES;
  const [minLat, maxLat] = [lat - dLat, lat + dLat];
  if (minLat <= -90 || maxLat >= 90) {
    box.set([-180, Math.max(-90, minLat), 180, Math.min(90, maxLat)]);
    return;
  }
  const dLon = Math.asin(Math.min(1, Math.sin(radians) / Math.cos(lat / DEGREES))) * DEGREES;
  if (lon - dLon < -180 || lon + dLon > 180) box.set([-180, minLat, 180, maxLat]);
  else box.set([lon - dLon, minLat, lon + dLon, maxLat]);
}
