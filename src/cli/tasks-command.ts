/** `northbound tasks`: the outreach tasks a rep works from — what is due next, what is overdue. */
import { Command } from 'commander';
import { listTasks, type TaskList } from '../app/list-tasks.ts';
import { NorthboundError } from '../domain/errors.ts';
import { DEFAULT_SEQUENCE, TASK_STATES, isTaskState, type TaskState } from '../domain/outreach-task.ts';
import { nextTouch } from '../outreach/next-touch.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { formatTable } from './format-table.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';
import { taskJson } from './task-json.ts';

interface TasksOptions extends CommonOptions {
  readonly rep?: string;
  readonly overdue?: boolean;
  readonly state?: string;
}

function parseStates(value: string | undefined): TaskState[] | undefined {
  if (value === undefined) return undefined;
  if (value === 'all') return [...TASK_STATES];
  const states = value.split(',').map((s) => s.trim());
  const wrong = states.find((s) => !isTaskState(s));
  if (wrong !== undefined) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot list tasks: --state "${wrong}" is not a task state (expected ${TASK_STATES.join(', ')} or all)`,
      { value },
    );
  }
  return states as TaskState[];
}

const when = (d: Date | null): string => (d === null ? '—' : d.toISOString().slice(0, 16).replace('T', ' '));

function describeTasks(list: TaskList): string {
  if (list.tasks.length === 0) return 'No tasks match. The weekly run (northbound week) creates them.';
  const table = formatTable(
    [
      { header: 'task' },
      { header: 'tier' },
      { header: 'company' },
      { header: 'zone' },
      { header: 'rep' },
      { header: 'state' },
      { header: 'next' },
      { header: 'due (UTC)' },
      { header: '' },
    ],
    list.tasks.map(({ task, overdue, nextDueAt }) => {
      const touch = nextTouch(task, DEFAULT_SEQUENCE);
      const next =
        touch !== null
          ? `${touch.channel} (${touch.number} of ${touch.of})`
          : task.state === 'replied'
            ? 'quote'
            : task.state === 'quoted'
              ? 'follow up on quote'
              : '—';
      return [
        task.taskId,
        task.tier,
        task.companyName ?? task.companyId,
        task.zoneLabel ?? '—',
        task.repId ?? '—',
        task.state,
        next,
        when(nextDueAt),
        overdue ? `OVERDUE${task.escalations > 0 ? ` ×${task.escalations}` : ''}` : '',
      ];
    }),
  );
  const overdue = list.tasks.filter((t) => t.overdue).length;
  return `${list.tasks.length} tasks, ${overdue} overdue\n\n${table}`;
}

export const tasksCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('tasks'))
    .description('list outreach tasks: due next first, overdue flagged')
    .option('--rep <id>', 'only this rep’s tasks')
    .option('--overdue', 'only overdue tasks')
    .option('--state <list>', 'states to list, comma-separated, or "all" (default: the active ones)')
    .action(async (options: TasksOptions) => {
      try {
        const states = parseStates(options.state);
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const list = await listTasks(store, tenantOf(services, options), {
            now: services.now(),
            repId: options.rep,
            overdueOnly: options.overdue === true,
            states,
          });
          emit(options, { tasks: list.tasks.map((t) => taskJson(t.task, t.overdue)) }, () =>
            describeTasks(list),
          );
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
