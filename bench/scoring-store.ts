/**
 * The stores the scoring bench reads: the bench world's fleet, deliveries and signals imported once
 * through the real importFile and kept between runs (importing the large world takes 8–10 minutes per
 * engine). A PGlite data directory beside the world files, and a PostgreSQL schema named after the
 * world; both are reused while they hold the manifest's signal count, and refilled otherwise.
 * `--pglite-dir` / `--pg-schema` point the bench at stores prepared another way (e.g. `northbound demo`).
 */
import { join } from 'node:path';
import { importFile } from '../src/app/import-file.ts';
import { silentProgress, type Store } from '../src/app/ports.ts';
import { openStore, type StoreLocation } from '../src/db/open-store.ts';
import type { Gazetteer } from '../src/domain/gazetteer.ts';
import { asId, type TenantId } from '../src/domain/ids.ts';
import { nodeFiles } from '../src/files/node-files.ts';
import type { ImportKind } from '../src/ingest/import-kinds.ts';
import type { BenchWorld } from './bench-world.ts';
import { BENCH_BATCH_ROWS } from './import-twice.ts';

export const SCORING_TENANT = asId<TenantId>('default');

export async function openScoringStore(
  location: StoreLocation,
  world: BenchWorld,
  gazetteer: Gazetteer,
  log: (line: string) => void,
): Promise<Store> {
  const store = await openStore(location);
  try {
    await store.ensureTenant(SCORING_TENANT);
    // Filled when the last signals import read the whole file (ids repeated in the file count once,
    // so the row count in the table is not the file's).
    const runs = await store.importRuns(SCORING_TENANT, 20);
    const filled = (kind: string, rows: number) => runs.some((r) => r.kind === kind && r.rowsRead === rows);
    if (filled('signals', world.signals.rows) && filled('deliveries', world.deliveries.rows)) return store;
    log(`filling the scoring store (${store.engine} at ${store.location}); the large world takes minutes`);
    for (const kind of ['fleet', 'deliveries', 'signals'] as const satisfies readonly ImportKind[]) {
      const started = performance.now();
      const report = await importFile(
        { store, files: nodeFiles, gazetteer, now: () => new Date(), progress: silentProgress },
        {
          tenantId: SCORING_TENANT,
          kind,
          path: join(world.dir, `${kind}.csv`),
          skipInvalid: false,
          allowExtra: false,
          batchRows: BENCH_BATCH_ROWS,
        },
      );
      if (!report.committed) throw new Error(`The bench world's ${kind}.csv was refused`);
      log(`  ${kind}: ${report.rowsRead} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
