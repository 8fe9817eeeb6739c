/**
 * Where a task stands in its sequence: the next touch to make ("touch 2 of 3, a call"), or none once the
 * sequence has stopped (a reply, a quote) or run out — what the task list and every export show.
 */
import type { OutreachChannel, OutreachTask, SequenceStep } from '../domain/outreach-task.ts';

/** The next touch of a task's sequence: "touch 2 of 3, a call". */
export interface NextTouch {
  readonly channel: OutreachChannel;
  /** 1-based. */
  readonly number: number;
  readonly of: number;
}

export function nextTouch(task: OutreachTask, sequence: readonly SequenceStep[]): NextTouch | null {
  if (task.state === 'replied' || task.state === 'quoted') return null;
  // Before the first touch the sequence has not started, so nextStepAt may still be null.
  if (task.nextStepAt === null && task.stepsDone > 0) return null;
  const step = sequence[task.stepsDone];
  return step ? { channel: step.channel, number: task.stepsDone + 1, of: sequence.length } : null;
}
