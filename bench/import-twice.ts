/**
 * Stages E and E2: the real import use case (importFile, as `northbound import` runs it) into a fresh
 * store, then the same file again into the same store — the idempotent re-import, where every row is
 * staged, hashed and found unchanged. Opening the store, migrating and creating the tenant are not
 * timed; the import is, end to end (file stat, stream, parse, stage, merge, commit).
 */
import { importFile } from '../src/app/import-file.ts';
import { silentProgress } from '../src/app/ports.ts';
import type { StoreLocation } from '../src/db/open-store.ts';
import type { Gazetteer } from '../src/domain/gazetteer.ts';
import { asId, type TenantId } from '../src/domain/ids.ts';
import { nodeFiles } from '../src/files/node-files.ts';
import type { ImportKind } from '../src/ingest/import-kinds.ts';
import { openTimedStore, type ImportPhases } from './timed-store.ts';

/** The product's default (NORTHBOUND_IMPORT_BATCH_ROWS). */
export const BENCH_BATCH_ROWS = 5000;

export interface ImportRun {
  readonly seconds: number;
  readonly rowsRead: number;
  readonly rowsNew: number;
  readonly rowsUpdated: number;
  readonly rowsUnchanged: number;
  readonly rowsRejected: number;
  readonly phases: ImportPhases;
}

export async function importTwice(
  location: StoreLocation,
  path: string,
  kind: ImportKind,
  gazetteer: Gazetteer,
): Promise<[first: ImportRun, again: ImportRun]> {
  const tenantId = asId<TenantId>('bench');
  const timed = await openTimedStore(location);
  try {
    await timed.store.ensureTenant(tenantId);
    const once = async (): Promise<ImportRun> => {
      timed.reset();
      const started = performance.now();
      const report = await importFile(
        { store: timed.store, files: nodeFiles, gazetteer, now: () => new Date(), progress: silentProgress },
        { tenantId, kind, path, skipInvalid: false, allowExtra: false, batchRows: BENCH_BATCH_ROWS },
      );
      const seconds = (performance.now() - started) / 1000;
      if (!report.committed) {
        throw new Error(`The bench import of ${path} was refused: ${report.errors[0]?.message ?? '?'}`);
      }
      return {
        seconds,
        rowsRead: report.rowsRead,
        rowsNew: report.rowsNew,
        rowsUpdated: report.rowsUpdated,
        rowsUnchanged: report.rowsUnchanged,
        rowsRejected: report.rowsRejected,
        phases: timed.phases(seconds),
      };
    };
    const first = await once();
    const again = await once();
    return [first, again];
  } finally {
    await timed.close();
  }
}
