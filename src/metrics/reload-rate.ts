/**
 * Reload rate and reload wait (DESIGN.md §3.9): how often a truck that lands picks up a northbound load
 * nearby and soon, and how long it waits for it.
 */
import { NorthboundError } from '../domain/errors.ts';
import { mean, median } from './percentile.ts';
import type { TripRecord } from './trip-record.ts';

const HOUR_MS = 3_600_000;

/** The window a pickup must fall in to count as a reload: 48 h after delivery (§3.9's default). */
export const DEFAULT_RELOAD_WINDOW_HOURS = 48;

export interface ReloadRate {
  /** Trips that landed (the denominator). */
  readonly trips: number;
  /** Trips with a qualifying reload: picked up within the window and inside the reload radius. */
  readonly reloads: number;
  /** Trips that had a northbound load that does not qualify (picked up too late or too far away). */
  readonly excludedReloads: number;
  /** reloads ÷ trips; null when no trip landed. */
  readonly rate: number | null;
  /** Hours from delivery to pickup over the qualifying reloads; null when there are none. */
  readonly medianWaitHours: number | null;
  readonly meanWaitHours: number | null;
}

/**
 * Reload rate = trips whose reload was picked up at most `windowHours` (48) after delivery AND inside the
 * zone's reload radius, ÷ all trips given (the caller passes the trips landing in one zone, or in any
 * grouping). Reload wait = hours from delivery to pickup over those qualifying reloads only: a load
 * taken three days later is a different trip plan, not a slow reload. The window is inclusive (a pickup
 * exactly 48 h after delivery counts). Median as defined in percentile.ts. O(n log n) for the median.
 */
export function reloadRate(
  trips: readonly TripRecord[],
  windowHours: number = DEFAULT_RELOAD_WINDOW_HOURS,
): ReloadRate {
  if (!(Number.isFinite(windowHours) && windowHours >= 0)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute the reload rate: the reload window must be a finite number of hours ≥ 0, saw ${windowHours}`,
      { windowHours },
    );
  }
  const waits: number[] = [];
  let excludedReloads = 0;
  for (const trip of trips) {
    const reload = trip.reload;
    if (reload === null) continue;
    const waitHours = (reload.pickedUpAt.getTime() - trip.deliveredAt.getTime()) / HOUR_MS;
    if (!(waitHours >= 0)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot compute the reload wait for delivery ${trip.deliveryId}: reload ${reload.loadId} is picked up at ` +
          `${isoOrInvalid(reload.pickedUpAt)}, before the delivery at ${isoOrInvalid(trip.deliveredAt)}`,
        { deliveryId: trip.deliveryId, loadId: reload.loadId },
      );
    }
    if (waitHours <= windowHours && reload.withinReloadRadius) waits.push(waitHours);
    else excludedReloads += 1;
  }
  return {
    trips: trips.length,
    reloads: waits.length,
    excludedReloads,
    rate: trips.length > 0 ? waits.length / trips.length : null,
    medianWaitHours: median(waits),
    meanWaitHours: mean(waits),
  };
}

const isoOrInvalid = (at: Date): string =>
  Number.isNaN(at.getTime()) ? 'an invalid date' : at.toISOString();
