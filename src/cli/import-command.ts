/** `northbound import <kind> <file>`: validate and store one file (DESIGN.md §7). */
import { Argument, Command, Option } from 'commander';
import { IMPORT_KINDS, type ImportKind } from '../ingest/import-kinds.ts';
import { withCommonOptions } from './common-options.ts';
import { runImport, type ImportOptions } from './run-import.ts';
import type { CliServices } from './services.ts';

export const importCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('import'))
    .description('import a CSV or NDJSON file: fleet, deliveries, signals, loads, reps or lanes')
    .addArgument(new Argument('<kind>', 'what the file holds').choices(IMPORT_KINDS))
    .argument('<file>', 'path to a .csv, .ndjson or .jsonl file')
    .option('--skip-invalid', 'store the valid rows and write rejects to <file>.rejects.csv')
    .addOption(new Option('--allow-extra', 'ignore columns the format does not define'))
    .action((kind: ImportKind, file: string, options: ImportOptions) =>
      runImport(services, kind, file, options),
    );
