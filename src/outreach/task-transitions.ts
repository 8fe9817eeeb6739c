/**
 * The outreach task state machine (DESIGN.md §3.4). Every change is pure — a new task and its audit
 * events come back, the input is untouched — and every change writes at least one TaskEvent.
 *
 *   new ─assignTask─▶ assigned ─contacted─▶ contacted ─replied─▶ replied ─quoted─▶ quoted
 *                            (first touch)     │     ▲                   │                  │
 *                                              └─────┘                   │ booked    booked │
 *                                        contacted (next touch)          ▼                  │
 *                                                                      booked ◀─────────────┘
 *
 *   assigned | contacted | replied | quoted ─lost─▶ lost
 *   assigned | contacted | replied | quoted ─nurture─▶ nurture ─contacted (re-engaged)─▶ contacted
 *                                                      nurture ─lost─▶ lost
 *   booked and lost are terminal.
 *
 *   from \ to   contacted  replied  quoted  booked  lost  nurture
 *   new         (assignment only, new → assigned: assignTask)
 *   assigned        ✓                                 ✓      ✓
 *   contacted       ✓         ✓                       ✓      ✓
 *   replied                            ✓       ✓      ✓      ✓
 *   quoted                                     ✓      ✓      ✓
 *   nurture         ✓                                 ✓
 *   booked, lost    terminal: nothing follows
 *
 * Why: a reply stops the sequence (nextStepAt = null) and only then can a quote or booking follow; a
 * booking needs a reply first because nobody books freight with a shipper who never answered.
 * "contacted" is a touch and goes through recordTouch (first touch starts the sequence; from nurture
 * it restarts it). A booking links to its loads: at least one load id, appended to task.loadIds,
 * one event per load so every load traces back to its task.
 *
 * assignTask lives here, not in assign-tasks.ts, so the whole machine — its one entry edge included —
 * is in one file; assign-tasks.ts only decides who gets what.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { OutreachTask, SequenceStep, TaskEvent, TaskState } from '../domain/outreach-task.ts';
import { checkTaskTime, recordTouch, type TaskChange } from './record-touch.ts';

export const TASK_OUTCOMES = ['contacted', 'replied', 'quoted', 'booked', 'lost', 'nurture'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** The outcomes a rep may log from each state. */
export const TASK_TRANSITIONS: Readonly<Record<TaskState, readonly TaskOutcome[]>> = {
  new: [],
  assigned: ['contacted', 'lost', 'nurture'],
  contacted: ['contacted', 'replied', 'lost', 'nurture'],
  replied: ['quoted', 'booked', 'lost', 'nurture'],
  quoted: ['booked', 'lost', 'nurture'],
  nurture: ['contacted', 'lost'],
  booked: [],
  lost: [],
};

export interface TransitionContext {
  readonly at: Date;
  /** The rep or user logging the outcome ("system" for the weekly run). */
  readonly actor: string;
  readonly note?: string | null;
  /** Loads a booking links to (required for 'booked', refused otherwise). */
  readonly loadIds?: readonly string[];
  /** The sequence a 'contacted' touch follows; DEFAULT_SEQUENCE when absent. */
  readonly steps?: readonly SequenceStep[];
}

function whatFollows(state: TaskState): string {
  if (state === 'new') return 'from new only assignment follows';
  const allowed = TASK_TRANSITIONS[state];
  return allowed.length === 0
    ? `from ${state} nothing follows`
    : `from ${state} only ${allowed.join(', ')} follow`;
}

/** Applies a logged outcome. Throws conflict when the machine has no such edge, invalid_input on bad data. */
export function transitionTask(
  task: OutreachTask,
  outcome: TaskOutcome,
  context: TransitionContext,
): TaskChange {
  const { at, actor } = context;
  const note = context.note ?? null;
  if (!TASK_TRANSITIONS[task.state].includes(outcome)) {
    throw new NorthboundError(
      'conflict',
      `Cannot log "${outcome}" on task ${task.taskId}: it is ${task.state}; ${whatFollows(task.state)}`,
      { taskId: task.taskId, state: task.state, outcome },
    );
  }
  const loadIds = context.loadIds ?? [];
  if (outcome !== 'booked' && loadIds.length > 0) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot log "${outcome}" on task ${task.taskId} with loads ${loadIds.join(', ')}: loads link only to a booking`,
      { taskId: task.taskId, loadIds },
    );
  }
  if (outcome === 'contacted') return recordTouch(task, at, context.steps, actor, note);
  checkTaskTime(task, at, `log "${outcome}"`);

  const event = (loadId: string | null): TaskEvent => ({
    taskId: task.taskId,
    at,
    kind: 'transition',
    fromState: task.state,
    toState: outcome,
    repId: task.repId,
    actor,
    note,
    loadId,
  });
  // Every outcome but contacted stops the sequence: a reply ends it, the others close or park the task.
  const moved: OutreachTask = { ...task, state: outcome, nextStepAt: null, updatedAt: at };
  if (outcome !== 'booked') return { task: moved, events: [event(null)] };

  const newLoads = [...new Set(loadIds)];
  if (newLoads.length === 0 || newLoads.some((loadId) => loadId.trim() === '')) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot log "booked" on task ${task.taskId}: a booking needs at least one non-empty load id, saw [${loadIds.map((id) => JSON.stringify(id)).join(', ')}]`,
      { taskId: task.taskId, loadIds },
    );
  }
  const linked = newLoads.filter((loadId) => !task.loadIds.includes(loadId));
  return {
    task: { ...moved, loadIds: [...task.loadIds, ...linked] },
    events: newLoads.map((loadId) => event(loadId)),
  };
}

/**
 * new → assigned: gives the task to a rep. The only way out of new; called by the weekly run after
 * assignTasks has chosen the rep, so `actor` is usually "system".
 */
export function assignTask(task: OutreachTask, repId: string, at: Date, actor: string): TaskChange {
  if (task.state !== 'new') {
    throw new NorthboundError(
      'conflict',
      `Cannot assign task ${task.taskId} to ${repId}: it is ${task.state} (held by ${task.repId ?? 'nobody'}); only a new task is assigned`,
      { taskId: task.taskId, state: task.state, repId },
    );
  }
  if (repId.trim() === '') {
    throw new NorthboundError('invalid_input', `Cannot assign task ${task.taskId}: the rep id is empty`, {
      taskId: task.taskId,
    });
  }
  checkTaskTime(task, at, `assign to ${repId}`);
  const event: TaskEvent = {
    taskId: task.taskId,
    at,
    kind: 'transition',
    fromState: 'new',
    toState: 'assigned',
    repId,
    actor,
    note: null,
    loadId: null,
  };
  return { task: { ...task, state: 'assigned', repId, updatedAt: at }, events: [event] };
}
