/**
 * The as-of date every analysis command takes: a date (2026-11-16, read as 00:00 UTC) or an ISO
 * instant. The default is this week's Monday 00:00 UTC — the planning week starts then, so the
 * weeks the commands count back are ISO weeks and a day's runs agree.
 */
import { NorthboundError } from '../domain/errors.ts';

/** Monday 00:00 UTC of the week containing `now`. */
export function startOfWeek(now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000);
}

export function parseAsOf(value: string, command: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot run ${command}: --as-of "${value}" is not a date (expected e.g. 2026-11-16 or 2026-11-16T08:00:00-05:00)`,
      { value },
    );
  }
  return date;
}

export const asOfFrom = (value: string | undefined, now: Date, command: string): Date =>
  value === undefined ? startOfWeek(now) : parseAsOf(value, command);

/** A positive integer option, or a clear error naming the option and the value. */
export function parseCount(value: string, option: string, command: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot run ${command}: ${option} "${value}" is not a whole number ≥ 1`,
      { option, value },
    );
  }
  return n;
}
