/**
 * The delivery test of the candidate loop (backhaul-candidates.ts): can the load at a grid position,
 * picked up at a given instant, be delivered by its deliveryLatest? Bounds first, the exact border port
 * only between them (LoadRoutes: a + b ≥ loaded miles; a + b ≤ one reference port's route + the tie
 * allowance, so delivery ≤ max(pickup, eManifest floor) + hos(that bound) + 2 min of rounding).
 *
 * Every test here only gets harder as the pickup gets later (sums, max and the rounding up are all
 * monotone), so a test passed at some instant is passed at every earlier one: the loop asks surelyOnTime
 * at the latest pickup any deadhead within the radius allows and, when that holds, needs no exact
 * arrival at all.
 */
import type { BackhaulLoadRecords } from './backhaul-load-records.ts';
import type { LoadRoutes } from './backhaul-load-routes.ts';
import { ceilToMinute, MS_PER_MINUTE } from './ceil-to-minute.ts';

export class BackhaulDeliveryCheck {
  /** Per position: hos(an upper bound on the miles via the border port), NaN until needed. */
  private readonly viaPortDriveMs: Float64Array;

  constructor(
    private readonly records: BackhaulLoadRecords,
    private readonly routes: LoadRoutes,
    private readonly hosMs: (miles: number) => number,
    /** plannedAt + the eManifest lead: no border arrival before it. */
    private readonly borderFloorMs: number,
  ) {
    this.viaPortDriveMs = new Float64Array(records.order.length).fill(NaN);
  }

  /** Exact: a pickup at pickupAt delivers the load at position p by `due` (epoch ms, finite). */
  onTime(p: number, due: number, pickupAt: number): boolean {
    const fastest = pickupAt + this.records.loadedDriveMs[p]!;
    if (!(fastest <= due)) return false;
    if (this.records.crosses[p] === 0) return ceilToMinute(fastest) <= due;
    return (
      this.latestPossible(p, pickupAt) <= due ||
      this.routes.loadedRun(this.records.order[p]!, pickupAt).deliverAtMs <= due
    );
  }

  /** From the bounds alone (no port choice): true only when onTime(p, due, pickupAt) holds. */
  surelyOnTime(p: number, due: number, pickupAt: number): boolean {
    const fastest = pickupAt + this.records.loadedDriveMs[p]!;
    if (!(fastest <= due)) return false;
    if (this.records.crosses[p] === 0) return ceilToMinute(fastest) <= due;
    return this.latestPossible(p, pickupAt) <= due;
  }

  /** An upper bound on the delivery of a crossing load picked up at pickupAt. */
  private latestPossible(p: number, pickupAt: number): number {
    let viaPortMs = this.viaPortDriveMs[p]!;
    if (viaPortMs !== viaPortMs) {
      viaPortMs = this.hosMs(this.routes.crossingBoundMiles(this.records.order[p]!));
      this.viaPortDriveMs[p] = viaPortMs;
    }
    return Math.max(pickupAt, this.borderFloorMs) + viaPortMs + 2 * MS_PER_MINUTE;
  }
}
