/**
 * The overdue review (DESIGN.md §3.4: "reassign and escalate when overdue"), run with each weekly run
 * and on demand.
 *
 * Overdue means a promise to a prospect was missed:
 * - first outreach: the task is still 'assigned' after its SLA due time (no grace: the SLA is the grace);
 * - a sequence touch: the task is 'contacted' and its next touch is more than overdueGraceHours late
 *   (a call a few hours late is normal; a day late means the sequence has stalled).
 * Every overdue task is escalated (escalations + 1, an 'escalation' event) so the planner sees it.
 * A missed first outreach is also reassigned — the rep has not started, so nothing is lost by moving
 * it — to another rep with room, by assignTasks' rules (owners first, else round-robin; never to a
 * non-owner while the zone has other owners), with a fresh SLA due time from now. When nobody else has
 * room it stays with its rep, escalated. A missed sequence touch is never reassigned: the prospect has
 * heard from that rep, and changing voices mid-sequence would cost more than the delay.
 *
 * Capacity is shared: tasks compete in order — tier A first, then the longest overdue, then taskId —
 * and a reassigned task frees a slot with its old rep and takes one with the new.
 * `openLoad` counts the open tasks each rep holds now, these tasks included.
 *
 * Pure: the tasks passed in are untouched; updated copies and their events come back as actions.
 * Complexity: O(T log T + T·R) for T tasks and R reps.
 */
import { NorthboundError } from '../domain/errors.ts';
import { formatLocalTimestamp } from '../domain/local-time.ts';
import type { OutreachTask, TaskEvent } from '../domain/outreach-task.ts';
import { assignTasks, type AssignableRep } from './assign-tasks.ts';
import { DEFAULT_CADENCE_RULES, type CadenceRules } from './cadence-rules.ts';
import { slaDueAt } from './sla-due-at.ts';

const HOUR_MS = 3_600_000;

export type MissedStep = 'first_outreach' | 'sequence_touch';

export interface OverdueAction {
  /** The task after the review: escalated, and perhaps with a new rep and due time. */
  readonly task: OutreachTask;
  /** 'escalation', then 'reassignment' when it moved. */
  readonly events: readonly TaskEvent[];
  readonly missed: MissedStep;
  /** The move, or null when the task stayed with its rep. */
  readonly reassignment: { readonly fromRepId: string | null; readonly toRepId: string } | null;
  /** Why a missed first outreach stayed with its rep; null when it moved or was a sequence touch. */
  readonly stayedBecause: 'territory_full' | 'team_full' | null;
}

export interface OverdueReview {
  /** One per overdue task, in the order they were served. */
  readonly actions: readonly OverdueAction[];
  /** The round-robin cursor after the review (see assignTasks). */
  readonly cursor: string | null;
}

export interface Overdue {
  readonly task: OutreachTask;
  readonly missed: MissedStep;
  /** The deadline that was missed (due time, or the touch time plus grace). */
  readonly deadline: number;
}

export function findOverdue(task: OutreachTask, nowMs: number, graceMs: number): Overdue | null {
  if (task.state === 'assigned' && task.dueAt.getTime() < nowMs) {
    return { task, missed: 'first_outreach', deadline: task.dueAt.getTime() };
  }
  if (task.state === 'contacted' && task.nextStepAt !== null && task.nextStepAt.getTime() + graceMs < nowMs) {
    return { task, missed: 'sequence_touch', deadline: task.nextStepAt.getTime() + graceMs };
  }
  return null;
}

const servingOrder = (a: Overdue, b: Overdue): number =>
  a.task.tier.localeCompare(b.task.tier) ||
  a.deadline - b.deadline ||
  (a.task.taskId < b.task.taskId ? -1 : a.task.taskId > b.task.taskId ? 1 : 0);

export function reviewOverdue(
  tasks: readonly OutreachTask[],
  now: Date,
  reps: readonly AssignableRep[],
  openLoad: ReadonlyMap<string, number>,
  cursor: string | null,
  rules: CadenceRules = DEFAULT_CADENCE_RULES,
): OverdueReview {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) {
    throw new NorthboundError(
      'invalid_input',
      'Cannot review overdue tasks: the time given as now is not a date',
    );
  }
  const overdue = tasks
    .map((task) => findOverdue(task, nowMs, rules.overdueGraceHours * HOUR_MS))
    .filter((found): found is Overdue => found !== null)
    .sort(servingOrder);

  const load = new Map(openLoad);
  let roundRobin = cursor;
  const actions = overdue.map(({ task, missed }): OverdueAction => {
    const region = task.lane.originRegion;
    const escalated: OutreachTask = { ...task, escalations: task.escalations + 1, updatedAt: now };
    const missedWhat =
      missed === 'first_outreach'
        ? `first outreach was due ${formatLocalTimestamp(task.dueAt.getTime(), region)}`
        : `touch ${task.stepsDone + 1} was due ${formatLocalTimestamp(task.nextStepAt?.getTime() ?? nowMs, region)}`;
    const escalation: TaskEvent = {
      taskId: task.taskId,
      at: now,
      kind: 'escalation',
      fromState: task.state,
      toState: task.state,
      repId: task.repId,
      actor: 'system',
      note: `Escalation ${escalated.escalations}: ${missedWhat}`,
      loadId: null,
    };
    if (missed === 'sequence_touch') {
      return { task: escalated, events: [escalation], missed, reassignment: null, stayedBecause: null };
    }

    const others = reps.filter((rep) => rep.repId !== task.repId);
    const plan = assignTasks([{ key: task.taskId, zoneLabel: task.zoneLabel }], others, load, roundRobin);
    const [choice] = plan.assignments;
    if (choice === undefined || choice.repId === null) {
      const stayedBecause = choice?.reason === 'territory_full' ? 'territory_full' : 'team_full';
      return { task: escalated, events: [escalation], missed, reassignment: null, stayedBecause };
    }
    const toRepId = choice.repId;
    roundRobin = plan.cursor;
    if (task.repId !== null) load.set(task.repId, Math.max(0, (load.get(task.repId) ?? 0) - 1));
    load.set(toRepId, (load.get(toRepId) ?? 0) + 1);
    const dueAt = slaDueAt(task.tier, now, task.signalAt, region, rules);
    const reassignment: TaskEvent = {
      taskId: task.taskId,
      at: now,
      kind: 'reassignment',
      fromState: 'assigned',
      toState: 'assigned',
      repId: toRepId,
      actor: 'system',
      note: `Reassigned from ${task.repId ?? 'nobody'} to ${toRepId} (${choice.reason}); now due ${formatLocalTimestamp(dueAt.getTime(), region)}`,
      loadId: null,
    };
    return {
      task: { ...escalated, repId: toRepId, dueAt },
      events: [escalation, reassignment],
      missed,
      reassignment: { fromRepId: task.repId, toRepId },
      stayedBecause: null,
    };
  });
  return { actions, cursor: roundRobin };
}
