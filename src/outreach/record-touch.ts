/**
 * Sequences (DESIGN.md §3.4): "email day 0, call day 2, email day 5", stopping on reply.
 *
 * The sequence starts at the rep's first touch, not at task creation: day 0 is when the first email
 * actually went out, so a task picked up late still gets its call two days after that email. After
 * touch k (1-based) the next touch is due at sequenceStartedAt + steps[k].day days; after the last one
 * nextStepAt is null and the task waits for a reply — or, nurtureAfterDays after the last touch was
 * due, the weekly run moves it to nurture (sequenceExhausted).
 *
 * Days are 24-hour spans of elapsed time: a daylight-saving change moves a reminder's wall-clock time
 * by an hour, which matters to nobody, while calendar arithmetic would need the prospect's clock here.
 */
import { NorthboundError } from '../domain/errors.ts';
import {
  DEFAULT_SEQUENCE,
  type OutreachTask,
  type SequenceStep,
  type TaskEvent,
} from '../domain/outreach-task.ts';
import { DEFAULT_CADENCE_RULES, type CadenceRules } from './cadence-rules.ts';

const DAY_MS = 24 * 3_600_000;

/** A task after a change, with the audit events the change wrote (oldest first). */
export interface TaskChange {
  readonly task: OutreachTask;
  readonly events: readonly TaskEvent[];
}

/** Steps must start on day 0 and never go back in time, or "the next touch" has no meaning. */
function checkSteps(steps: readonly SequenceStep[], taskId: string): void {
  const days = steps.map((step) => step.day);
  const why =
    steps.length === 0
      ? 'it has no steps'
      : days[0] !== 0
        ? 'its first step is not on day 0'
        : days.some((day, i) => !Number.isFinite(day) || (i > 0 && day < (days[i - 1] ?? 0)))
          ? 'its days are not finite and non-decreasing'
          : null;
  if (why !== null) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot run the sequence of task ${taskId}: ${why}, saw days [${days.join(', ')}]`,
      { taskId, days },
    );
  }
}

/** The outcome's instant must be a date and not before the task existed. */
export function checkTaskTime(task: OutreachTask, at: Date, attempted: string): void {
  if (Number.isNaN(at.getTime())) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot ${attempted} on task ${task.taskId}: the time is not a date`,
      {
        taskId: task.taskId,
      },
    );
  }
  if (at.getTime() < task.createdAt.getTime()) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot ${attempted} on task ${task.taskId} at ${at.toISOString()}: the task was only created at ${task.createdAt.toISOString()}`,
      { taskId: task.taskId, at: at.toISOString() },
    );
  }
}

const touchRefusals: Readonly<Partial<Record<OutreachTask['state'], string>>> = {
  new: 'it is new and has no rep yet; assign it first',
  replied: 'the prospect replied, which stopped the sequence',
  quoted: 'the prospect replied and was quoted, which stopped the sequence',
  booked: 'it is booked; from booked nothing follows',
  lost: 'it is lost; from lost nothing follows',
};

/**
 * A touch (email, call, note) done at `at`. assigned → contacted on the first touch (the sequence
 * starts); contacted → contacted on the next; nurture → contacted re-engages the prospect with a fresh
 * sequence (day 0 = now). Touching after a reply or on a closed task, or beyond the last step, is a
 * conflict. Pure: returns a new task and one 'touch' event.
 */
export function recordTouch(
  task: OutreachTask,
  at: Date,
  steps: readonly SequenceStep[] = DEFAULT_SEQUENCE,
  actor: string = task.repId ?? 'system',
  note: string | null = null,
): TaskChange {
  checkSteps(steps, task.taskId);
  checkTaskTime(task, at, 'log a touch');
  const refusal = touchRefusals[task.state];
  if (refusal !== undefined) {
    throw new NorthboundError('conflict', `Cannot log a touch on task ${task.taskId}: ${refusal}`, {
      taskId: task.taskId,
      state: task.state,
    });
  }
  const continuing = task.state === 'contacted';
  if (continuing && task.stepsDone >= steps.length) {
    throw new NorthboundError(
      'conflict',
      `Cannot log a touch on task ${task.taskId}: its sequence is used up (${task.stepsDone} of ${steps.length} touches done); log replied, lost or nurture`,
      { taskId: task.taskId, stepsDone: task.stepsDone },
    );
  }
  // A contacted task always has a start; `?? at` only covers rows written before the column existed.
  const startedAt = continuing ? (task.sequenceStartedAt ?? at) : at;
  const stepsDone = continuing ? task.stepsDone + 1 : 1;
  const nextStep = steps[stepsDone];
  const updated: OutreachTask = {
    ...task,
    state: 'contacted',
    sequenceStartedAt: startedAt,
    stepsDone,
    nextStepAt: nextStep === undefined ? null : new Date(startedAt.getTime() + nextStep.day * DAY_MS),
    updatedAt: at,
  };
  const event: TaskEvent = {
    taskId: task.taskId,
    at,
    kind: 'touch',
    fromState: task.state,
    toState: 'contacted',
    repId: task.repId,
    actor,
    note,
    loadId: null,
  };
  return { task: updated, events: [event] };
}

/**
 * Has a contacted task run through its sequence without an answer? True when every step is done and
 * `now` is at least nurtureAfterDays past the day the last touch was due (sequenceStartedAt + last
 * step's day). The weekly run then moves it to nurture.
 */
export function sequenceExhausted(
  task: OutreachTask,
  now: Date,
  rules: CadenceRules = DEFAULT_CADENCE_RULES,
  steps: readonly SequenceStep[] = DEFAULT_SEQUENCE,
): boolean {
  const lastStep = steps[steps.length - 1];
  if (task.state !== 'contacted' || task.sequenceStartedAt === null || lastStep === undefined) return false;
  if (task.stepsDone < steps.length) return false;
  const lastTouchDue = task.sequenceStartedAt.getTime() + lastStep.day * DAY_MS;
  return now.getTime() >= lastTouchDue + rules.nurtureAfterDays * DAY_MS;
}
