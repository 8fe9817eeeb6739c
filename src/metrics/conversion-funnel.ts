/**
 * The outreach funnel (DESIGN.md §3.9): signalling companies → contacted → quoted → booked.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { OutreachRecord } from './trip-record.ts';

export interface ConversionFunnel {
  /** Distinct companies that searched (the top); null when the grouping has no signal counts (reps). */
  readonly signallingCompanies: number | null;
  /** Outreach tasks created (one per worked prospect). */
  readonly tasks: number;
  readonly contacted: number;
  readonly quoted: number;
  readonly booked: number;
  readonly lost: number;
  /** contacted ÷ signallingCompanies. */
  readonly contactedRate: number | null;
  /** quoted ÷ contacted. */
  readonly quotedRate: number | null;
  /** booked ÷ quoted. */
  readonly bookedRate: number | null;
  /** booked ÷ signallingCompanies: §1's "signal-to-booked conversion". */
  readonly signalToBookedRate: number | null;
}

/**
 * Funnel over the given tasks, as of `asOf` (a step at or after it has not happened yet):
 * - contacted = tasks with a first contact, a quote or a booking recorded (a later step implies the
 *   earlier ones, so a booked task counts as contacted and quoted too — reps do log straight to booked);
 * - quoted = tasks with a quote or a booking; booked = tasks with a booking; lost = tasks lost;
 * - step rates: contacted ÷ signalling companies, quoted ÷ contacted, booked ÷ quoted, and the end-to-end
 *   booked ÷ signalling companies. A rate is null when its denominator is 0 or unknown, never NaN.
 * The top counts company × corridor pairs when rows are summed over corridors: a company searching two
 * corridors is two chances to convert. O(n).
 */
export function conversionFunnel(
  tasks: readonly OutreachRecord[],
  signallingCompanies: number | null,
  asOf: Date,
): ConversionFunnel {
  if (signallingCompanies !== null && !(Number.isInteger(signallingCompanies) && signallingCompanies >= 0)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot build the conversion funnel: signalling companies must be a whole number ≥ 0, saw ${signallingCompanies}`,
      { signallingCompanies },
    );
  }
  const asOfMs = asOf.getTime();
  const happened = (at: Date | null): boolean => at !== null && at.getTime() < asOfMs;
  let contacted = 0;
  let quoted = 0;
  let booked = 0;
  let lost = 0;
  for (const task of tasks) {
    const isBooked = happened(task.bookedAt);
    const isQuoted = isBooked || happened(task.reachedQuotedAt);
    if (isQuoted || happened(task.firstContactAt)) contacted += 1;
    if (isQuoted) quoted += 1;
    if (isBooked) booked += 1;
    if (happened(task.lostAt)) lost += 1;
  }
  return {
    signallingCompanies,
    tasks: tasks.length,
    contacted,
    quoted,
    booked,
    lost,
    contactedRate: ratio(contacted, signallingCompanies),
    quotedRate: ratio(quoted, contacted),
    bookedRate: ratio(booked, quoted),
    signalToBookedRate: ratio(booked, signallingCompanies),
  };
}

const ratio = (part: number, whole: number | null): number | null =>
  whole === null || whole === 0 ? null : part / whole;
