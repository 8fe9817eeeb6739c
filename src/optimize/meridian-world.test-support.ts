/**
 * The hand-checked backhaul world the candidate, plan and chain tests share. Its trucks, loads and port
 * are built here once; each test writes its own cases on it.
 */
import type { BorderPort } from '../domain/border-port.ts';
import type { Equipment } from '../domain/equipment.ts';
import type { DistanceProvider } from '../domain/geo.ts';
import { asId, type LoadId, type TruckId } from '../domain/ids.ts';
import type { Load } from '../domain/load.ts';
import type { Region } from '../domain/regions.ts';
import type { Credential } from '../domain/truck.ts';
import { miles } from '../domain/units.ts';
import type { AvailableTruck } from './backhaul-candidates.ts';

/**
 * The hand-checked world: every place on the meridian 83° W (lat = "mile marker" / 100), distances from a
 * flat provider (100 road miles per degree), so deadheads are round numbers and drives whole hours at
 * 50 mph. Home terminal at 45° N (ON); the only border port at 44° N; US points below it.
 */
export const T0 = Date.parse('2025-03-03T12:00:00Z');
export const HOUR = 3_600_000;
export const at = (hours: number): Date => new Date(T0 + hours * HOUR);
export const flat: DistanceProvider = {
  roadMiles: (a, b) => miles(100 * Math.hypot(a.lat - b.lat, a.lon - b.lon)),
};
export const place = (lat: number, region: Region, lon = -83) => ({ lat, lon, region });
export const PORT: BorderPort = {
  portCode: '3899',
  portName: 'Test Bridge',
  crossingName: 'Test Bridge',
  state: 'MI',
  cbpDistrict: 'Detroit',
  lat: 44,
  lon: -83,
  trucksInbound2018: 1000,
  monthsReported2018: 12,
  handlesTrucks: true,
};

export interface TruckSpec {
  readonly equipment?: Equipment;
  readonly credentials?: Credential[];
  readonly domicile?: 'CA' | 'US';
  readonly home?: { lat: number; lon: number; region: Region };
  readonly availableAt?: Date;
}
export function truckAt(id: string, lat: number, region: Region, spec: TruckSpec = {}): AvailableTruck {
  const home = spec.home ?? place(45, 'ON');
  return {
    truck: {
      truckId: asId<TruckId>(id),
      equipment: spec.equipment ?? 'dry_van',
      homeCity: 'Home',
      homeRegion: home.region,
      home: { lat: home.lat, lon: home.lon },
      domicile: spec.domicile ?? 'CA',
      credentials: spec.credentials ?? [],
    },
    position: place(lat, region),
    availableAt: spec.availableAt ?? at(0),
  };
}
export function loadOf(
  id: string,
  from: ReturnType<typeof place>,
  to: ReturnType<typeof place>,
  rate: number,
  spec: Partial<Load> = {},
): Load {
  const resolved = (p: ReturnType<typeof place>) => ({
    ...p,
    city: 'X',
    marketId: null,
    resolvedBy: 'latlon' as const,
  });
  return {
    loadId: asId<LoadId>(id),
    shipperId: null,
    shipperName: null,
    origin: resolved(from),
    dest: resolved(to),
    pickupEarliest: at(0),
    pickupLatest: at(10),
    deliveryLatest: null,
    equipment: 'dry_van',
    weightLb: null,
    rate,
    currency: 'USD',
    status: 'offered',
    requirements: [],
    preArranged: true,
    ...spec,
  };
}
