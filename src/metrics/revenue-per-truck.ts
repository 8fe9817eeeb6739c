/**
 * Revenue per truck per week and its quarterly stability (DESIGN.md §3.9): backhauls should not only
 * raise revenue per truck but make it steadier, week to week, within a quarter.
 */
import { NorthboundError } from '../domain/errors.ts';
import { mean } from './percentile.ts';
import type { TripRecord } from './trip-record.ts';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface RevenueWindow {
  /** The period, [from, to): revenue earned at an instant inside it counts. */
  readonly from: Date;
  readonly to: Date;
  /** Trucks in the fleet: the divisor. */
  readonly fleetSize: number;
}

export interface WeekRevenue {
  /** Monday 00:00 UTC. */
  readonly weekStart: Date;
  /** The calendar quarter holding the week's Thursday, e.g. "2024-Q4". */
  readonly quarter: string;
  /** The whole week lies inside the period; partial weeks are listed but kept out of means and CVs. */
  readonly complete: boolean;
  readonly revenueUsd: number;
  readonly revenuePerTruckUsd: number;
}

export interface QuarterStability {
  readonly quarter: string;
  /** Complete weeks of the period in this quarter: the sample. */
  readonly completeWeeks: number;
  readonly meanRevenuePerTruckUsd: number | null;
  /** Population standard deviation ÷ mean of the weekly series; null with < 2 weeks or a zero mean. */
  readonly coefficientOfVariation: number | null;
}

export interface RevenuePerTruck {
  readonly fleetSize: number;
  readonly weeks: readonly WeekRevenue[];
  readonly quarters: readonly QuarterStability[];
  readonly completeWeeks: number;
  /** Mean weekly revenue per truck over the period's complete weeks. */
  readonly meanRevenuePerTruckUsd: number | null;
  /** The same CV over all complete weeks of the period: what before/after compares. */
  readonly coefficientOfVariation: number | null;
}

/**
 * Revenue per truck per week = (southbound revenue of trips delivered that week + reload revenue picked
 * up that week) ÷ fleet size, for every ISO week (Monday 00:00 UTC start) that overlaps [from, to).
 * Revenue is placed by the instant it is earned, not by trip, so a reload picked up on Monday after a
 * Sunday delivery lands in the next week, and revenue outside [from, to) is left out.
 *
 * Stability: per calendar quarter, the coefficient of variation of the weekly series = population
 * standard deviation ÷ mean over the quarter's complete weeks; null when the mean is 0 or there are
 * fewer than 2 weeks. A week belongs to the quarter holding its Thursday — the ISO 8601 rule for years,
 * i.e. the quarter holding most of its days. Weeks cut by the period's edges are listed with
 * `complete: false` but left out of means and CVs: a 2-day week would read as a slump.
 * O(trips + weeks).
 */
export function revenuePerTruck(trips: readonly TripRecord[], window: RevenueWindow): RevenuePerTruck {
  const { from, to, fleetSize } = window;
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!(fromMs < toMs)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute revenue per truck: the period must start before it ends, saw ${String(from)} → ${String(to)}`,
      { from, to },
    );
  }
  if (!(Number.isInteger(fleetSize) && fleetSize > 0)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute revenue per truck: the fleet size must be a whole number of trucks > 0, saw ${fleetSize}`,
      { fleetSize },
    );
  }

  const firstWeekMs = mondayOnOrBefore(fromMs);
  const weekCount = Math.ceil((toMs - firstWeekMs) / WEEK_MS);
  const revenueByWeek = new Float64Array(weekCount);
  const earn = (trip: TripRecord, field: string, atMs: number, revenueUsd: number): void => {
    if (!(Number.isFinite(revenueUsd) && revenueUsd >= 0)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot compute revenue per truck for delivery ${trip.deliveryId}: ${field} must be a finite number ≥ 0, saw ${revenueUsd}`,
        { deliveryId: trip.deliveryId, field, value: revenueUsd },
      );
    }
    if (atMs >= fromMs && atMs < toMs) {
      const week = Math.floor((atMs - firstWeekMs) / WEEK_MS);
      revenueByWeek[week] = (revenueByWeek[week] as number) + revenueUsd;
    }
  };
  for (const trip of trips) {
    earn(trip, 'southboundRevenueUsd', trip.deliveredAt.getTime(), trip.southboundRevenueUsd);
    if (trip.reload !== null) {
      earn(trip, 'reload.revenueUsd', trip.reload.pickedUpAt.getTime(), trip.reload.revenueUsd);
    }
  }

  const weeks: WeekRevenue[] = [];
  const completeByQuarter = new Map<string, number[]>();
  const complete: number[] = [];
  for (let week = 0; week < weekCount; week += 1) {
    const startMs = firstWeekMs + week * WEEK_MS;
    const quarter = quarterOf(startMs + 3 * DAY_MS);
    const isComplete = startMs >= fromMs && startMs + WEEK_MS <= toMs;
    const revenueUsd = revenueByWeek[week] as number;
    const revenuePerTruckUsd = revenueUsd / fleetSize;
    weeks.push({
      weekStart: new Date(startMs),
      quarter,
      complete: isComplete,
      revenueUsd,
      revenuePerTruckUsd,
    });
    // Every quarter the period touches gets a row, even one with no complete week (its figures null).
    const series = completeByQuarter.get(quarter) ?? [];
    completeByQuarter.set(quarter, series);
    if (isComplete) {
      series.push(revenuePerTruckUsd);
      complete.push(revenuePerTruckUsd);
    }
  }

  const quarters = [...completeByQuarter].map(([quarter, series]): QuarterStability => ({
    quarter,
    completeWeeks: series.length,
    meanRevenuePerTruckUsd: mean(series),
    coefficientOfVariation: coefficientOfVariation(series),
  }));
  return {
    fleetSize,
    weeks,
    quarters,
    completeWeeks: complete.length,
    meanRevenuePerTruckUsd: mean(complete),
    coefficientOfVariation: coefficientOfVariation(complete),
  };
}

/**
 * Population standard deviation ÷ mean (two passes, so the deviations are taken from the exact mean);
 * null for fewer than 2 values or a zero mean.
 */
function coefficientOfVariation(values: readonly number[]): number | null {
  const average = mean(values);
  if (values.length < 2 || average === null || average === 0) return null;
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  return Math.sqrt(squares / values.length) / average;
}

/** Monday 00:00 UTC of the ISO week holding the instant. Epoch day 0 (1970-01-01) was a Thursday. */
function mondayOnOrBefore(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  const daysSinceMonday = (((day + 3) % 7) + 7) % 7;
  return (day - daysSinceMonday) * DAY_MS;
}

const quarterOf = (ms: number): string => {
  const at = new Date(ms);
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
};
