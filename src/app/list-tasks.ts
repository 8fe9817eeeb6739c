/**
 * Use case: the task list a rep or manager works from (`northbound tasks`). Open tasks by default
 * (assigned, contacted, replied, quoted, and any still new), each marked overdue by the same rule the
 * weekly run escalates on, soonest due first.
 */
import type { TenantId } from '../domain/ids.ts';
import { ACTIVE_TASK_STATES, type OutreachTask, type TaskState } from '../domain/outreach-task.ts';
import type { Rep } from '../domain/rep.ts';
import { DEFAULT_CADENCE_RULES, type CadenceRules } from '../outreach/cadence-rules.ts';
import { findOverdue } from '../outreach/review-overdue.ts';
import type { Store } from './ports.ts';

export interface ListTasksOptions {
  readonly now: Date;
  readonly repId?: string | undefined;
  readonly overdueOnly?: boolean | undefined;
  /** Which states to list; the active ones by default. */
  readonly states?: readonly TaskState[] | undefined;
  readonly rules?: CadenceRules | undefined;
}

export interface ListedTask {
  readonly task: OutreachTask;
  readonly overdue: boolean;
  /** The next thing due: the next sequence touch, else the SLA due time (null when closed). */
  readonly nextDueAt: Date | null;
}

export interface TaskList {
  readonly reps: readonly Rep[];
  readonly tasks: readonly ListedTask[];
}

export async function listTasks(
  store: Store,
  tenantId: TenantId,
  options: ListTasksOptions,
): Promise<TaskList> {
  const rules = options.rules ?? DEFAULT_CADENCE_RULES;
  const graceMs = rules.overdueGraceHours * 3_600_000;
  const reps = await store.cadence.reps(tenantId);
  const tasks = await store.cadence.tasks(tenantId, {
    states: options.states ?? ACTIVE_TASK_STATES,
    repId: options.repId,
  });
  const listed = tasks
    .map((task): ListedTask => {
      const open = ACTIVE_TASK_STATES.includes(task.state);
      return {
        task,
        overdue: findOverdue(task, options.now.getTime(), graceMs) !== null,
        nextDueAt: !open
          ? null
          : task.state === 'assigned' || task.state === 'new'
            ? task.dueAt
            : task.nextStepAt,
      };
    })
    .filter((t) => !options.overdueOnly || t.overdue)
    .sort(
      (a, b) =>
        (a.nextDueAt?.getTime() ?? Infinity) - (b.nextDueAt?.getTime() ?? Infinity) ||
        a.task.taskId.localeCompare(b.task.taskId, 'en', { numeric: true }),
    );
  return { reps, tasks: listed };
}
