/**
 * The plain records the metrics core reads (DESIGN.md §3.9). The app layer builds them from the store
 * (deliveries, matched loads, outreach tasks, signals); the core never queries anything.
 *
 * Instants are Date objects, miles and USD are plain numbers (the caller converts CAD and kilometres
 * before it gets here: metrics add them up across trips and must not mix units).
 */
import type { TaskTier } from '../domain/outreach-task.ts';

/** The northbound load a truck picked up after a southbound delivery. */
export interface ReloadLeg {
  readonly loadId: string;
  readonly pickedUpAt: Date;
  /** Empty miles from the delivery point to the reload's pickup. */
  readonly deadheadMiles: number;
  /** Loaded miles of the reload itself. */
  readonly loadedMiles: number;
  readonly revenueUsd: number;
  /** The pickup lies inside the landing zone's reload radius (100 mi by default; the caller measures it). */
  readonly withinReloadRadius: boolean;
}

/**
 * One southbound delivery (the truck "lands") and what followed it up to the truck's return home.
 * Invariant: the miles of one trip's round are split into loaded (southbound + reload) and empty
 * (reload deadhead + emptyHomeMiles), so no mile is counted twice.
 */
export interface TripRecord {
  readonly truckId: string;
  readonly deliveryId: string;
  readonly deliveredAt: Date;
  /** The landing market's label, e.g. "Dallas, TX". */
  readonly zone: string;
  /** The return corridor's label, e.g. "Dallas, TX → ON · dry van". */
  readonly corridor: string;
  /** The rep who owns the landing zone (territory), null when nobody does. */
  readonly repId: string | null;
  readonly southboundLoadedMiles: number;
  readonly southboundRevenueUsd: number;
  /** Null when the truck went home without a load. */
  readonly reload: ReloadLeg | null;
  /**
   * Empty miles driven home after the last loaded leg: from the delivery point when there is no reload,
   * from the reload's destination otherwise (0 when the reload delivers at the home terminal).
   */
  readonly emptyHomeMiles: number;
}

/** One outreach task's timeline, as far as the metrics need it (DESIGN.md §3.4's states, timestamped). */
export interface OutreachRecord {
  readonly taskId: string;
  readonly tier: TaskTier;
  readonly repId: string | null;
  readonly corridor: string;
  /** The landing zone nearest the prospect, null when none is within reach. */
  readonly zone: string | null;
  /** The prospect's latest search when the task was created: the start of "signal to first outreach". */
  readonly signalAt: Date;
  readonly createdAt: Date;
  /** The first touch of the sequence; null until the rep makes it. */
  readonly firstContactAt: Date | null;
  readonly reachedQuotedAt: Date | null;
  readonly bookedAt: Date | null;
  readonly lostAt: Date | null;
}

/** Which period of a report a figure belongs to: `all`, or `before` / `after` a programme start. */
export type KpiPeriodName = 'all' | 'before' | 'after';

/**
 * The top of the funnel: distinct companies that searched a corridor during one period. Distinct counts
 * do not add across periods (a company searching before and after counts once in `all`), so the caller
 * counts them per period and says which period each row is for.
 */
export interface CorridorSignals {
  readonly period: KpiPeriodName;
  readonly corridor: string;
  /** The landing zone the searches sit nearest, null when none is within reach. */
  readonly zone: string | null;
  readonly companies: number;
}
