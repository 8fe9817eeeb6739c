/**
 * When a latent lane ships. A pure function of (seed, lane, week), so the signal stream (searches come
 * before shipments) and the load stream (some shipments are posted as offers) see the same shipments
 * without either storing them.
 */
import type { UsState } from '../domain/regions.ts';
import { SeededRandom } from './seeded-random.ts';
import type { WorldCalendar } from './world-calendar.ts';
import type { LatentLane } from './world-model.ts';

/** Even a steady lane skips a week now and then (plant shutdowns, holidays). */
const SKIP_RATE = 0.08;
/** Pickups 07:00–15:00 local. */
const PICKUP_FIRST_MINUTE = 7 * 60;
const PICKUP_WINDOW_MINUTES = 8 * 60;

export interface Shipment {
  readonly lane: LatentLane;
  readonly week: number;
  readonly day: number;
  /** Pickup appointment (earliest), as an instant, and as local minutes into the day. */
  readonly pickupMs: number;
  readonly pickupMinute: number;
  /** The lane's first shipment in the calendar: always searched for (the need is new). */
  readonly firstOfLane: boolean;
}

function isActive(lane: Omit<LatentLane, 'firstWeek'>, week: number): boolean {
  return week >= lane.startWeek && week <= lane.endWeek;
}

/** Shipments the lane plans in `week`, before any random skip. */
function plannedCount(lane: Omit<LatentLane, 'firstWeek'>, week: number): number {
  if (!isActive(lane, week)) return 0;
  if (lane.loadsPerWeek < 1) {
    const offset = (((week - lane.phase) % lane.everyWeeks) + lane.everyWeeks) % lane.everyWeeks;
    return offset === 0 ? 1 : 0;
  }
  return Math.round(lane.loadsPerWeek);
}

/** Expected shipments over calendar weeks [fromWeek, toWeek) — for calibrating rates to targets. */
export function expectedShipments(lane: LatentLane, fromWeek: number, toWeek: number): number {
  let total = 0;
  for (let week = Math.max(fromWeek, lane.startWeek); week < toWeek && week <= lane.endWeek; week += 1) {
    total += plannedCount(lane, week) * (1 - SKIP_RATE);
  }
  return total;
}

/** The first calendar week ≥ 0 in which the lane plans a shipment (stored on the lane as firstWeek). */
export function firstPlannedWeek(lane: Omit<LatentLane, 'firstWeek'>): number {
  for (let week = Math.max(0, lane.startWeek); week <= lane.endWeek; week += 1) {
    if (plannedCount(lane, week) > 0) return week;
  }
  return Infinity;
}

export function shipmentsInWeek(
  seed: number,
  calendar: WorldCalendar,
  lane: LatentLane,
  week: number,
): Shipment[] {
  const planned = plannedCount(lane, week);
  if (planned === 0) return [];
  const random = new SeededRandom(seed, 'shipments', lane.index, week);
  const first = week === lane.firstWeek;
  // The first shipment always happens: it is what the lane's first search was for.
  if (!first && random.chance(SKIP_RATE)) return [];
  const shipments: Omit<Shipment, 'firstOfLane'>[] = [];
  const start = random.int(lane.weekdays.length);
  for (let k = 0; k < planned; k += 1) {
    const weekday = lane.weekdays[(start + k) % lane.weekdays.length] ?? 2;
    const day = calendar.dayOfWeekday(week, weekday);
    const minute = PICKUP_FIRST_MINUTE + random.int(PICKUP_WINDOW_MINUTES);
    shipments.push({
      lane,
      week,
      day,
      pickupMs: calendar.instant(lane.shipper.state as UsState, day, minute),
      pickupMinute: minute,
    });
  }
  shipments.sort((a, b) => a.pickupMs - b.pickupMs);
  return shipments.map((shipment, k) => ({ ...shipment, firstOfLane: first && k === 0 }));
}
