/**
 * Everything the row generators share: the materialised world (world-model.ts), the calendar, the
 * reference data and the rates calibrated to the size's targets. Built once by generateWorld; each
 * row stream is a pure function of the plan, so streams can be iterated in any order, any number of
 * times, with the same result.
 */
import type { PlaceCatalog } from './place-catalog.ts';
import type { TruckingEconomics } from './reference-data.ts';
import type { TradeFlows } from './trade-flows.ts';
import type { WorldCalendar } from './world-calendar.ts';
import type { Bot, Broker, Carrier, Consignee, LatentLane, Shipper, SurgeEvent } from './world-model.ts';
import type { WorldScale, WorldSize } from './world-size.ts';

export interface SignalRates {
  /** Chance that a lane shipment (after the lane's first, which is always searched) is searched for. */
  readonly searchProbability: number;
  /** Extra searches for a searched shipment: Poisson mean (re-searches, a second board). */
  readonly extraSearchesMean: number;
  /** One-off searches per weekday across all shippers (weekends get a fraction). */
  readonly oneOffsPerWeekday: number;
  /** Share of signals re-sent verbatim (same signal_id): feeds do that. */
  readonly exactDuplicateRate: number;
  /** Share of signals echoed seconds later under a new signal_id (double submits, two scrapers). */
  readonly nearDuplicateRate: number;
}

export interface LoadRates {
  /** Lanes whose shipments the carrier sees as load offers, with the chance each shipment is posted. */
  readonly visibleLanes: readonly { readonly lane: LatentLane; readonly postProbability: number }[];
  /** Spot (one-off) load offers per week, from shippers near the landing zones. */
  readonly spotLoadsPerWeek: number;
  readonly spotShippers: readonly Shipper[];
  /** Lanes of shippers already under contract with the carrier: every shipment is a committed offer. */
  readonly partnered: ReadonlySet<LatentLane>;
}

export interface WorldPlan {
  readonly seed: number;
  readonly size: WorldSize;
  readonly scale: WorldScale;
  readonly calendar: WorldCalendar;
  readonly places: PlaceCatalog;
  readonly flows: TradeFlows;
  readonly economics: TruckingEconomics;
  readonly carrier: Carrier;
  readonly consignees: readonly Consignee[];
  readonly shippers: readonly Shipper[];
  readonly lanes: readonly LatentLane[];
  readonly bots: readonly Bot[];
  readonly brokers: readonly Broker[];
  /** Corridor surges near asOf (surge-events.ts). */
  readonly surges: readonly SurgeEvent[];
  readonly signalRates: SignalRates;
  readonly loadRates: LoadRates;
}
