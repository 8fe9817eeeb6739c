/** `northbound import <kind> <file>`: validate and store one file (DESIGN.md §7). */
import { Argument, Command, Option } from 'commander';
import { importFile } from '../app/import-file.ts';
import { IMPORT_KINDS, type ImportKind } from '../ingest/import-kinds.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { describeImport } from './describe-import.ts';
import { EXIT_CODES } from './exit-codes.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';
import { ttyProgress } from './tty-progress.ts';

interface ImportOptions extends CommonOptions {
  readonly skipInvalid?: boolean;
  readonly allowExtra?: boolean;
}

export const importCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('import'))
    .description('import a CSV or NDJSON file: fleet, deliveries, signals, loads or reps')
    .addArgument(new Argument('<kind>', 'what the file holds').choices(IMPORT_KINDS))
    .argument('<file>', 'path to a .csv, .ndjson or .jsonl file')
    .option('--skip-invalid', 'store the valid rows and write rejects to <file>.rejects.csv')
    .addOption(new Option('--allow-extra', 'ignore columns the format does not define'))
    .action(async (kind: ImportKind, file: string, options: ImportOptions) => {
      try {
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const tenantId = tenantOf(services, options);
          await store.ensureTenant(tenantId);
          const report = await importFile(
            {
              store,
              files: services.files,
              gazetteer: services.gazetteer(),
              now: services.now,
              progress: ttyProgress(!options.json),
            },
            {
              tenantId,
              kind,
              path: file,
              skipInvalid: options.skipInvalid ?? false,
              allowExtra: options.allowExtra ?? false,
              batchRows: services.config.importBatchRows,
            },
          );
          emit(options, report, () => describeImport(report));
          if (!report.committed) process.exitCode = EXIT_CODES.import_rejected;
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
