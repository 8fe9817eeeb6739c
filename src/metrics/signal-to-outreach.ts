/**
 * Time from signal to first outreach (DESIGN.md §3.9): how fast a rep touches a prospect after its
 * latest search — the SLA of §3.4 (tier A same day, tier B within 48 h) seen from the outcome side.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { TaskTier } from '../domain/outreach-task.ts';
import { median, percentile } from './percentile.ts';
import type { OutreachRecord } from './trip-record.ts';

const HOUR_MS = 3_600_000;

export interface OutreachTiming {
  readonly tasks: number;
  /** Tasks with a first contact recorded before the as-of instant: the sample of the timings. */
  readonly withFirstContact: number;
  /** Tasks still waiting for a first touch as of the as-of instant (not contacted, quoted, booked or lost). */
  readonly waiting: number;
  /** Hours from signal to first contact: median and nearest-rank p90 (percentile.ts); null without a sample. */
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
}

export interface SignalToOutreach {
  readonly overall: OutreachTiming;
  readonly byTier: Readonly<Record<TaskTier, OutreachTiming>>;
}

/**
 * Signal to first outreach = hours from a task's signalAt to its firstContactAt, over the tasks given
 * whose first contact is recorded before `asOf`: median and p90 overall and per tier, plus the count
 * still waiting. Everything is judged as of `asOf` (the report's end), so re-running a past report on
 * today's data gives the same answer: a contact, quote, booking or loss at or after `asOf` has not
 * happened yet. A task closed without a recorded first contact (lost, or logged straight to quoted or
 * booked) is neither timed nor waiting. O(n log n).
 */
export function signalToOutreach(tasks: readonly OutreachRecord[], asOf: Date): SignalToOutreach {
  const asOfMs = asOf.getTime();
  const timings: Record<TaskTier, Sample> = { A: emptySample(), B: emptySample() };
  const overall = emptySample();
  for (const task of tasks) {
    const tierSample = timings[task.tier];
    if (tierSample === undefined) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot time outreach for task ${task.taskId}: tier must be A or B, saw "${String(task.tier)}"`,
        { taskId: task.taskId, tier: task.tier },
      );
    }
    for (const sample of [overall, tierSample]) sample.tasks += 1;
    const contactMs = recordedMs(task.firstContactAt, asOfMs);
    if (contactMs !== null) {
      const hours = (contactMs - task.signalAt.getTime()) / HOUR_MS;
      if (!(hours >= 0)) {
        throw new NorthboundError(
          'invalid_input',
          `Cannot time outreach for task ${task.taskId}: first contact at ${iso(task.firstContactAt)} is before ` +
            `its signal at ${iso(task.signalAt)}`,
          { taskId: task.taskId },
        );
      }
      for (const sample of [overall, tierSample]) sample.hours.push(hours);
    } else if (
      recordedMs(task.reachedQuotedAt, asOfMs) === null &&
      recordedMs(task.bookedAt, asOfMs) === null &&
      recordedMs(task.lostAt, asOfMs) === null
    ) {
      for (const sample of [overall, tierSample]) sample.waiting += 1;
    }
  }
  return { overall: summarize(overall), byTier: { A: summarize(timings.A), B: summarize(timings.B) } };
}

interface Sample {
  tasks: number;
  waiting: number;
  readonly hours: number[];
}

const emptySample = (): Sample => ({ tasks: 0, waiting: 0, hours: [] });

const summarize = (sample: Sample): OutreachTiming => ({
  tasks: sample.tasks,
  withFirstContact: sample.hours.length,
  waiting: sample.waiting,
  medianHours: median(sample.hours),
  p90Hours: percentile(sample.hours, 90),
});

/** The instant in ms when it is recorded before `asOfMs`, else null (not happened yet). */
const recordedMs = (at: Date | null, asOfMs: number): number | null =>
  at !== null && at.getTime() < asOfMs ? at.getTime() : null;

const iso = (at: Date | null): string =>
  at === null || Number.isNaN(at.getTime()) ? String(at) : at.toISOString();
