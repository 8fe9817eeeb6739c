/**
 * The world's calendar: 52 weeks of history ending at `asOf`, then one scheduled week after it.
 *
 * Day 0 is the UTC date 364 days before asOf's UTC date, so days 0…363 are history, day 364 is
 * asOf's own date and days 364…370 are the week ahead (scheduled deliveries, open load offers, and
 * searches already made for them). Week w is days 7w…7w+6; every week holds each weekday once.
 * Local times are placed on a day's date in the region's own clock (src/domain/local-time.ts).
 */
import { NorthboundError } from '../domain/errors.ts';
import { localTimeToInstant } from '../domain/local-time.ts';
import type { Region } from '../domain/regions.ts';

const DAY_MS = 86_400_000;
export const HISTORY_WEEKS = 52;
export const HISTORY_DAYS = HISTORY_WEEKS * 7;
/** History plus the scheduled week. */
export const CALENDAR_WEEKS = HISTORY_WEEKS + 1;
export const CALENDAR_DAYS = CALENDAR_WEEKS * 7;

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export class WorldCalendar {
  readonly asOfMs: number;
  /** 00:00 UTC of day 0. */
  readonly startMs: number;

  constructor(asOf: Date) {
    const asOfMs = asOf.getTime();
    if (!Number.isFinite(asOfMs)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot build the world calendar: asOf "${String(asOf)}" is not a valid date`,
      );
    }
    this.asOfMs = asOfMs;
    this.startMs = Math.floor(asOfMs / DAY_MS) * DAY_MS - HISTORY_DAYS * DAY_MS;
  }

  /** The date of day `day` as its 00:00 UTC (what localTimeToInstant takes). */
  dayDateMs(day: number): number {
    return this.startMs + day * DAY_MS;
  }

  weekday(day: number): Weekday {
    return new Date(this.dayDateMs(day)).getUTCDay() as Weekday;
  }

  /** The day of week `week` that falls on `weekday`. */
  dayOfWeekday(week: number, weekday: Weekday): number {
    const first = week * 7;
    return first + ((weekday - this.weekday(first) + 7) % 7);
  }

  /** The instant a clock in `region` shows `minutesIntoDay` on day `day`. */
  instant(region: Region, day: number, minutesIntoDay: number): number {
    return localTimeToInstant(region, this.dayDateMs(day), minutesIntoDay);
  }

  /** Day index of an instant (may be negative or ≥ CALENDAR_DAYS outside the calendar). */
  dayOf(instantMs: number): number {
    return Math.floor((instantMs - this.startMs) / DAY_MS);
  }

  /** ISO date (YYYY-MM-DD) of a day, for truth records. */
  isoDate(day: number): string {
    return new Date(this.dayDateMs(day)).toISOString().slice(0, 10);
  }
}
