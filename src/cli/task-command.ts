/** `northbound task T42`: the task, its drafted outreach, and its audit trail. */
import { Command } from 'commander';
import { showTask } from '../app/show-task.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { formatTable } from './format-table.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';
import { taskJson } from './task-json.ts';

export const taskCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('task'))
    .description('show one task: its draft and its audit trail')
    .argument('<task>', 'the task id (e.g. T42)')
    .action(async (taskId: string, options: CommonOptions) => {
      try {
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const { task, events } = await showTask(store, tenantOf(services, options), taskId);
          emit(
            options,
            {
              task: taskJson(task),
              events: events.map((e) => ({
                at: e.at.toISOString(),
                kind: e.kind,
                from_state: e.fromState,
                to_state: e.toState,
                rep_id: e.repId,
                actor: e.actor,
                note: e.note,
                load_id: e.loadId,
              })),
            },
            () =>
              [
                `${task.taskId} · tier ${task.tier} · ${task.companyName ?? task.companyId} · ${task.state}` +
                  ` · rep ${task.repId ?? '—'} · due ${task.dueAt.toISOString().slice(0, 16)} UTC`,
                `Lane: ${task.lane.originLabel} → ${task.lane.destRegion}, ${task.lane.equipment}; zone ${task.zoneLabel ?? '—'}`,
                '',
                `Subject: ${task.draft.email.subject}`,
                task.draft.email.body,
                '',
                `Call opener: ${task.draft.callOpener}`,
                `Social note: ${task.draft.socialNote}`,
                '',
                'History',
                formatTable(
                  [
                    { header: 'at (UTC)' },
                    { header: 'what' },
                    { header: 'rep' },
                    { header: 'by' },
                    { header: 'note' },
                  ],
                  events.map((e) => [
                    e.at.toISOString().slice(0, 16).replace('T', ' '),
                    e.kind === 'transition' || e.kind === 'created'
                      ? `${e.fromState ?? '∅'} → ${e.toState}`
                      : `${e.kind} (${e.toState})`,
                    e.repId ?? '—',
                    e.actor,
                    [e.note, e.loadId === null ? null : `load ${e.loadId}`]
                      .filter((x) => x !== null)
                      .join('; '),
                  ]),
                ),
              ].join('\n'),
          );
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
