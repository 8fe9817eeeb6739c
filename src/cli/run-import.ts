/** One file import from the command line, as `import <kind>` and `pool import` both run it. */
import { importFile } from '../app/import-file.ts';
import type { ImportKind } from '../ingest/import-kinds.ts';
import { tenantOf, type CommonOptions } from './common-options.ts';
import { describeImport } from './describe-import.ts';
import { EXIT_CODES } from './exit-codes.ts';
import { emit } from './output.ts';
import type { CliServices } from './services.ts';
import { ttyProgress } from './tty-progress.ts';
import { withStore } from './with-store.ts';

export interface ImportOptions extends CommonOptions {
  readonly skipInvalid?: boolean;
  readonly allowExtra?: boolean;
}

export const runImport = (services: CliServices, kind: ImportKind, file: string, options: ImportOptions) =>
  withStore(services, options, async (store) => {
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
  });
