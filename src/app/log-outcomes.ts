/**
 * Use case: a rep logs what happened on tasks (`northbound log T42 replied`), or the demo's simulated
 * reps log a week of work at once. Each outcome goes through the task state machine
 * (src/outreach/task-transitions.ts): an illegal move is refused before anything is written, and a
 * batch is all-or-nothing. A booking must name loads that exist; they are marked booked for the
 * prospect in the same transaction as the task's events.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { TenantId } from '../domain/ids.ts';
import {
  DEFAULT_SEQUENCE,
  type OutreachTask,
  type SequenceStep,
  type TaskEvent,
} from '../domain/outreach-task.ts';
import { transitionTask, type TaskOutcome } from '../outreach/task-transitions.ts';
import type { Store } from './ports.ts';

export interface LoggedOutcome {
  readonly taskId: string;
  readonly outcome: TaskOutcome;
  readonly at: Date;
  /** Who logged it: the rep id, a user name, or "system". */
  readonly actor: string;
  readonly note?: string | null | undefined;
  readonly loadIds?: readonly string[] | undefined;
}

export interface LogOutcomesResult {
  readonly tasks: readonly OutreachTask[];
  readonly events: readonly TaskEvent[];
}

export async function logOutcomes(
  store: Store,
  tenantId: TenantId,
  outcomes: readonly LoggedOutcome[],
  steps: readonly SequenceStep[] = DEFAULT_SEQUENCE,
): Promise<LogOutcomesResult> {
  if (outcomes.length === 0) return { tasks: [], events: [] };
  const ids = [...new Set(outcomes.map((o) => o.taskId.trim().toUpperCase()))];
  const found = await store.cadence.tasks(tenantId, { taskIds: ids });
  const tasks = new Map(found.map((t) => [t.taskId, t]));
  const missing = ids.filter((id) => !tasks.has(id));
  if (missing.length > 0) {
    throw new NorthboundError(
      'not_found',
      `Cannot log an outcome on task ${missing[0]}: no such task for tenant "${tenantId}" (ids look like T42; see \`northbound tasks\`)`,
      { taskIds: missing },
    );
  }
  const loadIds = [...new Set(outcomes.flatMap((o) => o.loadIds ?? []))];
  if (loadIds.length > 0) {
    const existing = await store.cadence.existingLoads(tenantId, loadIds);
    const unknown = loadIds.find((id) => !existing.has(id));
    if (unknown !== undefined) {
      throw new NorthboundError(
        'not_found',
        `Cannot link load "${unknown}" to a booking: no such load for tenant "${tenantId}" (import it with \`northbound import loads FILE\` first)`,
        { loadId: unknown },
      );
    }
  }
  const events: TaskEvent[] = [];
  const bookings: { loadIds: readonly string[]; shipperId: string }[] = [];
  for (const o of outcomes) {
    const id = o.taskId.trim().toUpperCase();
    const change = transitionTask(tasks.get(id)!, o.outcome, {
      at: o.at,
      actor: o.actor,
      note: o.note ?? null,
      ...(o.loadIds === undefined ? {} : { loadIds: o.loadIds }),
      steps,
    });
    tasks.set(id, change.task);
    events.push(...change.events);
    if (o.outcome === 'booked') bookings.push({ loadIds: o.loadIds ?? [], shipperId: change.task.companyId });
  }
  const changed = ids.map((id) => tasks.get(id)!);
  await store.cadence.saveTaskChanges(tenantId, { tasks: changed, events, bookings });
  return { tasks: changed, events };
}
