/**
 * Empty-mile share (DESIGN.md §3.9), the first number a backhaul programme should move.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { TripRecord } from './trip-record.ts';

export interface EmptyMileShare {
  readonly trips: number;
  /** Σ southbound loaded miles + reload loaded miles. */
  readonly loadedMiles: number;
  /** Σ reload deadhead miles + empty miles home. */
  readonly emptyMiles: number;
  /** emptyMiles ÷ (loadedMiles + emptyMiles); null when no miles were driven. */
  readonly share: number | null;
}

/**
 * Empty-mile share = Σ empty miles ÷ Σ all miles over the given trips, where a trip's empty miles are
 * its reload deadhead (0 without a reload) plus its emptyHomeMiles, and its loaded miles are the
 * southbound miles plus the reload's loaded miles. Summing miles before dividing weights each trip by
 * its length (a ratio of sums, not a mean of per-trip ratios), so a long empty run home counts for
 * what it costs. Reloads count here whether or not they qualify for the reload rate: the miles were
 * driven either way. O(n).
 */
export function emptyMileShare(trips: readonly TripRecord[]): EmptyMileShare {
  let loadedMiles = 0;
  let emptyMiles = 0;
  for (const trip of trips) {
    requireMiles(trip, 'southboundLoadedMiles', trip.southboundLoadedMiles);
    requireMiles(trip, 'emptyHomeMiles', trip.emptyHomeMiles);
    loadedMiles += trip.southboundLoadedMiles;
    emptyMiles += trip.emptyHomeMiles;
    if (trip.reload !== null) {
      requireMiles(trip, 'reload.deadheadMiles', trip.reload.deadheadMiles);
      requireMiles(trip, 'reload.loadedMiles', trip.reload.loadedMiles);
      loadedMiles += trip.reload.loadedMiles;
      emptyMiles += trip.reload.deadheadMiles;
    }
  }
  const totalMiles = loadedMiles + emptyMiles;
  return {
    trips: trips.length,
    loadedMiles,
    emptyMiles,
    share: totalMiles > 0 ? emptyMiles / totalMiles : null,
  };
}

function requireMiles(trip: TripRecord, field: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute the empty-mile share for delivery ${trip.deliveryId}: ${field} must be a finite number ≥ 0, saw ${value}`,
      { deliveryId: trip.deliveryId, field, value },
    );
  }
}
