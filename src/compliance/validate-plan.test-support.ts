/**
 * Shared by validate-plan.test.ts and validate-plan-cabotage.test.ts. Hand-built plans on a flat test
 * map (100 road miles per degree, straight lines) so every distance and time below can be checked with
 * a calculator. Home is Toronto-ish at (10, 0), the border port at (8, 0).
 *
 * The good plan, truck T1 (Canadian, dry van, FAST), free at (0, 0) TX on 2025-03-03 08:00Z:
 *   L1 domestic TX → OK: empty 50 mi (1 h) to (0, 0.5), picked up 10:00; loaded 304.1 mi (6.08 h) to (3, 0),
 *      delivered 16:30. Home distance falls from 1001.2 mi to 700 mi.
 *   L2 northbound MO → ON: empty 50 mi (1 h) to (3.5, 0), picked up 18:00; 450 mi to the port (9 h),
 *      arriving 03:00 on the 4th (eManifest deadline 02:00); 200 mi on (4 h); 650 mi in all = 13 h
 *      driving + one 10 h rest = 23 h, delivered 17:00 on the 4th.
 */
import { type BackhaulPlan, type PlannedLeg, type TruckPlan } from '../domain/backhaul-plan.ts';
import type { BorderPort } from '../domain/border-port.ts';
import type { DistanceProvider, LatLon } from '../domain/geo.ts';
import type { CompanyId, LoadId } from '../domain/ids.ts';
import type { Load } from '../domain/load.ts';
import type { Region } from '../domain/regions.ts';
import { miles } from '../domain/units.ts';
import { validatePlan, type PlanValidationContext } from './validate-plan.ts';

export const flat: DistanceProvider = {
  roadMiles: (a: LatLon, b: LatLon) => miles(100 * Math.hypot(a.lat - b.lat, a.lon - b.lon)),
};
export const at = (iso: string): Date => new Date(iso);

export function load(
  id: string,
  origin: [number, number, Region],
  dest: [number, number, Region],
  window: [string, string],
  extra: Partial<Load> = {},
): Load {
  const place = ([lat, lon, region]: [number, number, Region]) => ({
    lat,
    lon,
    region,
    city: `${region} city`,
    marketId: null,
    resolvedBy: 'latlon' as const,
  });
  return {
    loadId: id as LoadId,
    shipperId: 'S1' as CompanyId,
    shipperName: 'Shipper',
    origin: place(origin),
    dest: place(dest),
    pickupEarliest: at(window[0]),
    pickupLatest: at(window[1]),
    deliveryLatest: null,
    equipment: 'dry_van',
    weightLb: 40_000,
    rate: 2000,
    currency: 'USD',
    status: 'committed',
    requirements: [],
    preArranged: true,
    ...extra,
  };
}

export function leg(
  l: Load,
  pickupAt: string,
  deliverAt: string,
  extra: Partial<PlannedLeg> = {},
): PlannedLeg {
  return {
    loadId: l.loadId,
    origin: { lat: l.origin.lat, lon: l.origin.lon, region: l.origin.region },
    dest: { lat: l.dest.lat, lon: l.dest.lon, region: l.dest.region },
    pickupAt: at(pickupAt),
    deliverAt: at(deliverAt),
    deadheadMiles: 50,
    preArranged: l.preArranged,
    requirements: l.requirements,
    equipment: l.equipment,
    ...extra,
  };
}

export function port(portCode: string, portName: string, trucks: number, lon = 0): BorderPort {
  return {
    portCode,
    portName,
    crossingName: portName,
    state: 'NY',
    cbpDistrict: 'Buffalo, NY',
    lat: 8,
    lon,
    trucksInbound2018: trucks,
    monthsReported2018: trucks > 0 ? 12 : 0,
    handlesTrucks: trucks > 0,
  };
}

export const L1 = load('L1', [0, 0.5, 'TX'], [3, 0, 'OK'], ['2025-03-03T09:00Z', '2025-03-03T12:00Z']);
export const L2 = load('L2', [3.5, 0, 'MO'], [10, 0, 'ON'], ['2025-03-03T17:00Z', '2025-03-03T20:00Z']);
export const leg1 = leg(L1, '2025-03-03T10:00Z', '2025-03-03T16:30Z');
export const leg2 = leg(L2, '2025-03-03T18:00Z', '2025-03-04T17:00Z');
export const crossing = {
  portCode: '0901',
  portName: 'Buffalo-Niagara Falls',
  arriveAt: at('2025-03-04T03:00Z'),
  emanifestDeadline: at('2025-03-04T02:00Z'),
};
export const T1: TruckPlan = {
  truckId: 'T1',
  domicile: 'CA',
  equipment: 'dry_van',
  credentials: ['fast'],
  start: { lat: 0, lon: 0, region: 'TX', at: at('2025-03-03T08:00Z') },
  home: { lat: 10, lon: 0, region: 'ON' },
  legs: [leg1, leg2],
  crossing,
};
export const PORTS = [
  port('0901', 'Buffalo-Niagara Falls', 941_574),
  port('0101', 'Portland', 0),
  port('0902', 'Lewiston', 1000, 1),
];

export function check(
  trucks: TruckPlan[],
  loads: Load[] = [L1, L2],
  extra: Partial<PlanValidationContext> = {},
) {
  const plan: BackhaulPlan = { trucks, createdAt: at('2025-03-03T06:00Z') };
  const context: PlanValidationContext = {
    loads: new Map(loads.map((l) => [l.loadId, l])),
    ports: new Map(PORTS.map((p) => [p.portCode, p])),
    distance: flat,
    ...extra,
  };
  return validatePlan(plan, context);
}
export const rules = (violations: ReturnType<typeof check>) => violations.map((v) => `${v.loadId}:${v.rule}`);
