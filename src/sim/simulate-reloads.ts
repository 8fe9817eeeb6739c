/**
 * Which load each truck takes home after a week's southbound deliveries, in the demo's simulated
 * quarter — the return legs the metrics (§3.9) measure.
 *
 * 1. Planned loads first: committed (the carrier's existing partner lanes) and booked (lanes the
 *    outreach programme won) go, earliest pickup first, to the nearest truck of the right equipment
 *    that is empty in time — delivered within the 72 h before the pickup window closes and no more than
 *    the reload radius plus a day's deadhead away.
 * 2. Then reactive reloading, the status quo the programme is measured against: after delivering, a
 *    dispatcher searches the board for an offered load near the drop (within the reload radius) that
 *    can be picked up in the next 48 h; other carriers compete for the same loads, so a search finds
 *    one only some of the time (`spotFindRate`). Otherwise the truck drives home empty.
 * Greedy, not optimal: the exact matching is src/optimize's job; this is the world's behaviour.
 * Complexity O(L·T) per week (hundreds × hundreds).
 */
import type { Equipment } from '../domain/equipment.ts';
import { greatCircleMiles, DEFAULT_ROAD_FACTOR, type LatLon } from '../domain/geo.ts';
import { SeededRandom } from './seeded-random.ts';

const HOUR_MS = 3_600_000;

export interface ArrivingTruck {
  readonly deliveryId: string;
  readonly truckId: string;
  readonly deliveredAt: Date;
  readonly at: LatLon;
  readonly equipment: Equipment;
}

export interface ReloadOffer {
  readonly loadId: string;
  readonly origin: LatLon;
  readonly pickupEarliest: Date;
  readonly pickupLatest: Date;
  readonly equipment: Equipment;
  readonly status: 'offered' | 'committed' | 'booked';
}

export interface SimulatedReload {
  readonly deliveryId: string;
  readonly truckId: string;
  readonly loadId: string;
  readonly pickedUpAt: Date;
  readonly deadheadMiles: number;
  readonly source: 'spot' | 'programme' | 'plan';
}

export interface ReloadBehaviour {
  readonly reloadRadiusMiles: number;
  /** How far a planned load may pull a truck (reload radius plus a day's deadhead). */
  readonly plannedRadiusMiles: number;
  readonly spotSearchHours: number;
  readonly spotFindRate: number;
  readonly mph: number;
}

export const DEFAULT_RELOAD_BEHAVIOUR: ReloadBehaviour = {
  reloadRadiusMiles: 100,
  plannedRadiusMiles: 250,
  spotSearchHours: 48,
  spotFindRate: 0.5,
  mph: 50,
};

export function simulateReloads(
  trucks: readonly ArrivingTruck[],
  offers: readonly ReloadOffer[],
  seed: number,
  behaviour: ReloadBehaviour = DEFAULT_RELOAD_BEHAVIOUR,
): SimulatedReload[] {
  const used = new Set<string>();
  const taken = new Set<string>();
  const out: SimulatedReload[] = [];
  const road = (a: LatLon, b: LatLon) => greatCircleMiles(a, b) * DEFAULT_ROAD_FACTOR;

  const planned = offers
    .filter((o) => o.status !== 'offered')
    .sort(
      (a, b) => a.pickupEarliest.getTime() - b.pickupEarliest.getTime() || a.loadId.localeCompare(b.loadId),
    );
  for (const load of planned) {
    let best: { truck: ArrivingTruck; miles: number; at: number } | null = null;
    for (const truck of trucks) {
      if (used.has(truck.deliveryId) || truck.equipment !== load.equipment) continue;
      const delivered = truck.deliveredAt.getTime();
      if (delivered < load.pickupLatest.getTime() - 72 * HOUR_MS) continue;
      const miles = road(truck.at, load.origin);
      if (miles > behaviour.plannedRadiusMiles) continue;
      const at = Math.max(load.pickupEarliest.getTime(), delivered + (miles / behaviour.mph) * HOUR_MS);
      if (at > load.pickupLatest.getTime()) continue;
      if (best === null || miles < best.miles) best = { truck, miles, at };
    }
    if (best === null) continue;
    used.add(best.truck.deliveryId);
    taken.add(load.loadId);
    out.push({
      deliveryId: best.truck.deliveryId,
      truckId: best.truck.truckId,
      loadId: load.loadId,
      pickedUpAt: new Date(best.at),
      deadheadMiles: Math.round(best.miles * 10) / 10,
      source: load.status === 'booked' ? 'programme' : 'plan',
    });
  }

  const board = offers.filter((o) => o.status === 'offered');
  const waiting = [...trucks].sort(
    (a, b) => a.deliveredAt.getTime() - b.deliveredAt.getTime() || a.deliveryId.localeCompare(b.deliveryId),
  );
  for (const truck of waiting) {
    if (used.has(truck.deliveryId)) continue;
    if (!new SeededRandom(seed, 'spot', truck.deliveryId).chance(behaviour.spotFindRate)) continue;
    const delivered = truck.deliveredAt.getTime();
    const searchEnd = delivered + behaviour.spotSearchHours * HOUR_MS;
    let best: { load: ReloadOffer; miles: number; at: number } | null = null;
    for (const load of board) {
      if (taken.has(load.loadId) || load.equipment !== truck.equipment) continue;
      const miles = road(truck.at, load.origin);
      if (miles > behaviour.reloadRadiusMiles) continue;
      const at = Math.max(load.pickupEarliest.getTime(), delivered + (miles / behaviour.mph) * HOUR_MS);
      if (at > load.pickupLatest.getTime() || at > searchEnd) continue;
      if (best === null || miles < best.miles) best = { load, miles, at };
    }
    if (best === null) continue;
    used.add(truck.deliveryId);
    taken.add(best.load.loadId);
    out.push({
      deliveryId: truck.deliveryId,
      truckId: truck.truckId,
      loadId: best.load.loadId,
      pickedUpAt: new Date(best.at),
      deadheadMiles: Math.round(best.miles * 10) / 10,
      source: 'spot',
    });
  }
  return out;
}
