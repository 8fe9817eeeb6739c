/**
 * `northbound log T42 replied [--note …] [--load L-9]`: record what happened on a task. The state
 * machine refuses illegal moves (booked → contacted) and nothing is written when it does; every
 * accepted move is timestamped and audited, and a booking links the loads it names.
 */
import { Command } from 'commander';
import { logOutcomes } from '../app/log-outcomes.ts';
import { NorthboundError } from '../domain/errors.ts';
import { TASK_OUTCOMES, type TaskOutcome } from '../outreach/task-transitions.ts';
import { parseAsOf } from './as-of-option.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';
import { taskJson } from './task-json.ts';

interface LogOptions extends CommonOptions {
  readonly note?: string;
  readonly load?: string[];
  readonly at?: string;
  readonly by?: string;
}

function parseOutcome(value: string): TaskOutcome {
  const outcome = value.trim().toLowerCase();
  if (!(TASK_OUTCOMES as readonly string[]).includes(outcome)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot log "${value}": it is not an outcome (expected one of ${TASK_OUTCOMES.join(', ')})`,
      { value },
    );
  }
  return outcome as TaskOutcome;
}

export const logCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('log'))
    .description(`log an outcome on a task: ${TASK_OUTCOMES.join(' | ')}`)
    .argument('<task>', 'the task id (e.g. T42)')
    .argument('<outcome>', TASK_OUTCOMES.join(' | '))
    .option('--note <text>', 'what was said or agreed')
    .option('--load <id...>', 'the load(s) a booking links to (required for booked)')
    .option('--at <instant>', 'when it happened (default: now)')
    .option('--by <who>', 'who logs it (default: the task’s rep)')
    .action(async (taskId: string, outcomeText: string, options: LogOptions) => {
      try {
        const outcome = parseOutcome(outcomeText);
        const at = options.at === undefined ? services.now() : parseAsOf(options.at, 'log');
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const tenantId = tenantOf(services, options);
          const [task] = await store.cadence.tasks(tenantId, { taskIds: [taskId] });
          const result = await logOutcomes(store, tenantId, [
            {
              taskId,
              outcome,
              at,
              actor: options.by ?? task?.repId ?? 'user',
              note: options.note ?? null,
              ...(options.load === undefined ? {} : { loadIds: options.load }),
            },
          ]);
          const changed = result.tasks[0]!;
          emit(options, { task: taskJson(changed), events: result.events.length }, () =>
            [
              `${changed.taskId} ${changed.companyName ?? changed.companyId}: now ${changed.state}` +
                (changed.nextStepAt === null
                  ? ''
                  : `, next touch ${changed.nextStepAt.toISOString().slice(0, 16)} UTC`) +
                (changed.loadIds.length === 0 ? '' : `; loads ${changed.loadIds.join(', ')}`),
            ].join('\n'),
          );
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
