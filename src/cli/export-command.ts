/**
 * `northbound export hubspot|salesforce|ics|eml`: the open outreach tasks for a CRM import, a calendar,
 * or as draft emails (one .eml per task) a rep opens in their mail client.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { EXPORT_FORMATS, exportTasks, type ExportFormat } from '../app/export-tasks.ts';
import { NorthboundError } from '../domain/errors.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';

interface ExportOptions extends CommonOptions {
  readonly out?: string;
  readonly rep?: string;
}

const DEFAULT_OUT: Record<ExportFormat, string> = {
  hubspot: 'tasks-hubspot.csv',
  salesforce: 'tasks-salesforce.csv',
  ics: 'tasks.ics',
  eml: 'drafts',
};

export const exportCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('export'))
    .description('export open tasks: hubspot or salesforce CSV, an .ics calendar, or .eml drafts')
    .argument('<format>', EXPORT_FORMATS.join(' | '))
    .option('--out <path>', 'file to write (a directory for eml)')
    .option('--rep <id>', 'only this rep’s tasks')
    .action(async (format: string, options: ExportOptions) => {
      try {
        if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
          throw new NorthboundError(
            'invalid_input',
            `Cannot export "${format}": expected one of ${EXPORT_FORMATS.join(', ')}`,
            { format },
          );
        }
        const chosen = format as ExportFormat;
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const result = await exportTasks(
            { store, files: services.files },
            {
              tenantId: tenantOf(services, options),
              format: chosen,
              out: resolve(options.out ?? DEFAULT_OUT[chosen]),
              repId: options.rep,
              now: services.now(),
            },
          );
          emit(options, result, () =>
            chosen === 'eml'
              ? `${result.files.length} drafts written to ${resolve(options.out ?? DEFAULT_OUT.eml)}`
              : `${result.tasks} tasks written to ${result.files[0]}`,
          );
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
