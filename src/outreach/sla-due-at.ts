/**
 * When a new outreach task is due (DESIGN.md §3.4: "tier A within 24 h, same business day when the
 * signal is fresh; tier B within 48 h").
 *
 * Time is judged on the prospect's clock — the local time of its origin state — because "same business
 * day" means the shipper's business day: a Los Angeles shipper searching at 14:30 Pacific can still be
 * called today, while the same instant is 17:30 in New York and that shipper has gone home.
 *
 * - Tier A, fresh signal (createdAt − signalAt < freshSignalHours), created on a business day before the
 *   close: due at the close that day. The search is hot; the rep calls while the shipper is at the desk.
 * - Otherwise: createdAt + slaHours[tier] counting only hours of business weekdays (weekend hours do not
 *   count, so a Friday task is not overdue on Sunday when nobody could have called). Hours are real
 *   elapsed hours; with a Monday–Friday week every daylight-saving change (02:00 on a Sunday) falls in
 *   uncounted time, so the local wall-clock time carries over unchanged.
 */
import { NorthboundError } from '../domain/errors.ts';
import { localTimeToInstant, utcOffsetMinutes } from '../domain/local-time.ts';
import type { TaskTier } from '../domain/outreach-task.ts';
import type { Region } from '../domain/regions.ts';
import { checkCadenceRules, DEFAULT_CADENCE_RULES, type CadenceRules } from './cadence-rules.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The local calendar day holding an instant, as that date's 00:00 UTC (as localTimeToInstant takes it). */
function localDayOf(region: Region, instantMs: number): number {
  const wallClock = instantMs + utcOffsetMinutes(region, instantMs) * MINUTE_MS;
  return Math.floor(wallClock / DAY_MS) * DAY_MS;
}

/**
 * `fromMs` plus `hours` of business weekdays in `region`. Walks local days: O(days spanned), at most
 * hours / 24 business days plus the non-business days between them.
 */
function addBusinessHours(
  region: Region,
  fromMs: number,
  hours: number,
  weekdays: ReadonlySet<number>,
): number {
  let remaining = hours * HOUR_MS;
  let at = fromMs;
  for (;;) {
    const day = localDayOf(region, at);
    // Local midnights are never skipped or repeated: North American clocks change at 02:00.
    const nextMidnight = localTimeToInstant(region, day + DAY_MS, 0);
    if (weekdays.has(new Date(day).getUTCDay())) {
      const span = nextMidnight - at;
      // `<=`: a deadline landing exactly on midnight is the end of this day (Tuesday 00:00 = end of Monday).
      if (remaining <= span) return at + remaining;
      remaining -= span;
    }
    at = nextMidnight;
  }
}

export function slaDueAt(
  tier: TaskTier,
  createdAt: Date,
  signalAt: Date,
  region: Region,
  rules: CadenceRules = DEFAULT_CADENCE_RULES,
): Date {
  checkCadenceRules(rules);
  const createdMs = createdAt.getTime();
  const signalMs = signalAt.getTime();
  if (Number.isNaN(createdMs) || Number.isNaN(signalMs)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute the SLA due time of a tier-${tier} task: createdAt ${String(createdAt)} and signalAt ${String(signalAt)} must both be valid dates`,
      { tier, region },
    );
  }
  const weekdays = new Set(rules.businessDay.weekdays);
  if (tier === 'A' && createdMs - signalMs < rules.freshSignalHours * HOUR_MS) {
    const day = localDayOf(region, createdMs);
    const close = localTimeToInstant(region, day, rules.businessDay.closesAtMinute);
    if (weekdays.has(new Date(day).getUTCDay()) && createdMs < close) return new Date(close);
  }
  return new Date(addBusinessHours(region, createdMs, rules.slaHours[tier], weekdays));
}
