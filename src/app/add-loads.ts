/**
 * Use case: loads that arrive from inside the product rather than from a file — a booking's committed
 * loads in the demo, and later EDI tenders. They go through the same idempotent merge as
 * `northbound import loads` (staged, hashed, upserted by load_id, recorded as an import run), so a
 * re-run changes nothing and the store has one way in for loads.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { TenantId } from '../domain/ids.ts';
import type { Load } from '../domain/load.ts';
import type { ImportResult, Store } from './ports.ts';

export async function addLoads(
  store: Store,
  tenantId: TenantId,
  loads: readonly Load[],
  source: string,
  now: () => Date,
): Promise<ImportResult> {
  const result = await store.importRecords({
    tenantId,
    kind: 'loads',
    fileName: source,
    startedAt: now(),
    conflictPolicy: 'reject',
    now,
    async fill(session) {
      await session.stage(loads.map((record, i) => ({ row: i + 1, record })));
      return { rowsRead: loads.length, rowsRejected: 0, commit: true };
    },
  });
  if (!result.committed) {
    throw new NorthboundError(
      'conflict',
      `Cannot add ${loads.length} loads from ${source}: the store refused them`,
      {
        conflicts: result.conflicts,
      },
    );
  }
  return result;
}
