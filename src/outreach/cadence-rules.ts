/**
 * The knobs of the weekly cadence (DESIGN.md §3.4): SLA hours per tier, the business day, what counts
 * as a fresh signal, when a finished sequence goes to nurture and how late a sequence touch may be
 * before it is escalated. Every number is a default, not a constant.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { TaskTier } from '../domain/outreach-task.ts';

/** The working week of the prospect's local clock. */
export interface BusinessDay {
  /**
   * Opening, in minutes after local midnight. The SLA arithmetic needs only the close (a task created
   * before opening is still due at that day's close); the opening is kept so the calendar reads whole.
   */
  readonly opensAtMinute: number;
  /** Close, in minutes after local midnight: a fresh tier-A task created before it is due at it. */
  readonly closesAtMinute: number;
  /** Business weekdays, 0 = Sunday … 6 = Saturday. Hours of the other days do not count toward an SLA. */
  readonly weekdays: readonly number[];
}

export interface CadenceRules {
  /** The SLA of each tier in business hours (hours of business weekdays; weekend hours do not count). */
  readonly slaHours: Readonly<Record<TaskTier, number>>;
  readonly businessDay: BusinessDay;
  /** A tier-A task whose signal is younger than this at creation is due the same business day. */
  readonly freshSignalHours: number;
  /** A contacted task whose last sequence touch is this many days past is moved to nurture. */
  readonly nurtureAfterDays: number;
  /** A sequence touch this many hours late makes the task overdue (first outreach has no grace). */
  readonly overdueGraceHours: number;
}

export const DEFAULT_CADENCE_RULES: CadenceRules = {
  slaHours: { A: 24, B: 48 },
  businessDay: { opensAtMinute: 8 * 60, closesAtMinute: 17 * 60, weekdays: [1, 2, 3, 4, 5] },
  freshSignalHours: 24,
  nurtureAfterDays: 7,
  overdueGraceHours: 24,
};

const MINUTES_PER_DAY = 24 * 60;

function fail(field: string, why: string, value: unknown): never {
  throw new NorthboundError(
    'config_invalid',
    `Cannot use cadence rules: ${field} ${why}, saw ${JSON.stringify(value)}`,
    { field, value },
  );
}

function checkNonNegative(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) fail(field, 'must be a finite number ≥ 0', value);
}

/**
 * Returns the rules unchanged when they make sense, else throws config_invalid naming the field.
 * The checks guard the arithmetic: an empty working week would make business-hour counting loop forever.
 */
export function checkCadenceRules(rules: CadenceRules): CadenceRules {
  checkNonNegative('slaHours.A', rules.slaHours.A);
  checkNonNegative('slaHours.B', rules.slaHours.B);
  checkNonNegative('freshSignalHours', rules.freshSignalHours);
  checkNonNegative('nurtureAfterDays', rules.nurtureAfterDays);
  checkNonNegative('overdueGraceHours', rules.overdueGraceHours);
  const { opensAtMinute, closesAtMinute, weekdays } = rules.businessDay;
  for (const [field, minute] of [
    ['businessDay.opensAtMinute', opensAtMinute],
    ['businessDay.closesAtMinute', closesAtMinute],
  ] as const) {
    if (!Number.isInteger(minute) || minute < 0 || minute > MINUTES_PER_DAY) {
      fail(field, `must be a whole minute of the day (0–${MINUTES_PER_DAY})`, minute);
    }
  }
  if (opensAtMinute >= closesAtMinute) {
    fail('businessDay', 'must open before it closes', { opensAtMinute, closesAtMinute });
  }
  if (weekdays.length === 0) fail('businessDay.weekdays', 'must name at least one weekday', weekdays);
  for (const day of weekdays) {
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      fail('businessDay.weekdays', 'must hold weekdays 0 (Sunday) to 6 (Saturday)', weekdays);
    }
  }
  return rules;
}
