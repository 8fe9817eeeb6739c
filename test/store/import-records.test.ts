/**
 * The store contract, on every engine (PGlite always; PostgreSQL when DATABASE_URL is set, and
 * mandatorily in CI): idempotent merges, atomic rollback, duplicate handling, tenant isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '../../src/ingest/import-kinds.ts';
import type { ImportedRecords, ImportRequest, Store } from '../../src/app/ports.ts';
import { asId, type TenantId } from '../../src/domain/ids.ts';
import { ENGINES } from '../support/store-engines.ts';
import { delivery, rep, signal, truck } from '../support/records.ts';

const T1 = asId<TenantId>('carrier-a');
const T2 = asId<TenantId>('carrier-b');

function request<K extends ImportKind>(
  tenantId: TenantId,
  kind: K,
  records: ImportedRecords[K][],
  overrides: Partial<ImportRequest<K>> = {},
): ImportRequest<K> {
  return {
    tenantId,
    kind,
    fileName: `${kind}.csv`,
    startedAt: new Date('2026-11-20T12:00:00Z'),
    now: () => new Date('2026-11-20T12:00:05Z'),
    conflictPolicy: 'reject',
    fill: async (session) => {
      await session.stage(records.map((record, i) => ({ row: i + 2, record })));
      return { rowsRead: records.length, rowsRejected: 0, commit: true };
    },
    ...overrides,
  };
}

describe.each(ENGINES)('store on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    await store.ensureTenant(T1);
    await store.ensureTenant(T2);
  });
  afterAll(async () => dispose());

  it('stores new rows, then reports them unchanged, then updates a changed one', async () => {
    const first = await store.importRecords(request(T1, 'fleet', [truck('T1'), truck('T2')]));
    expect(first).toMatchObject({ committed: true, rowsNew: 2, rowsUpdated: 0, rowsUnchanged: 0 });

    const again = await store.importRecords(request(T1, 'fleet', [truck('T1'), truck('T2')]));
    expect(again).toMatchObject({ committed: true, rowsNew: 0, rowsUpdated: 0, rowsUnchanged: 2 });

    const changed = await store.importRecords(
      request(T1, 'fleet', [truck('T1', { equipment: 'reefer' }), truck('T2')]),
    );
    expect(changed).toMatchObject({ rowsNew: 0, rowsUpdated: 1, rowsUnchanged: 1 });
    expect(await store.fleetByEquipment(T1)).toEqual([
      { equipment: 'dry_van', trucks: 1 },
      { equipment: 'reefer', trucks: 1 },
    ]);
  });

  it('rolls back everything when the fill says not to commit, and records no run', async () => {
    const runsBefore = (await store.importRuns(T1, 100)).length;
    const result = await store.importRecords(
      request(T1, 'fleet', [], {
        fill: async (session) => {
          await session.stage([{ row: 2, record: truck('T9') }]);
          return { rowsRead: 2, rowsRejected: 1, commit: false };
        },
      }),
    );
    expect(result).toMatchObject({ committed: false, rowsNew: 0, rowsRejected: 1 });
    expect((await store.countRows(T1)).trucks).toBe(2);
    expect((await store.importRuns(T1, 100)).length).toBe(runsBefore);
  });

  it('rolls back when the fill throws midway', async () => {
    await expect(
      store.importRecords(
        request(T1, 'fleet', [], {
          fill: async (session) => {
            await session.stage([{ row: 2, record: truck('T8') }]);
            throw new Error('disk gone');
          },
        }),
      ),
    ).rejects.toThrow('disk gone');
    expect((await store.countRows(T1)).trucks).toBe(2);
  });

  it('collapses verbatim repeats of an id and refuses conflicting ones unless told to keep the first', async () => {
    const verbatim = await store.importRecords(
      request(T1, 'signals', [
        signal('S1', 'C1', '2026-11-02T10:00:00Z'),
        signal('S1', 'C1', '2026-11-02T10:00:00Z'),
      ]),
    );
    expect(verbatim).toMatchObject({ committed: true, rowsNew: 1, rowsUnchanged: 0, conflicts: [] });

    const clash = [signal('S2', 'C1', '2026-11-03T10:00:00Z'), signal('S2', 'C1', '2026-11-04T10:00:00Z')];
    const refused = await store.importRecords(request(T1, 'signals', clash));
    expect(refused).toMatchObject({ committed: false, rowsRejected: 1 });
    expect(refused.conflicts).toEqual([{ id: 'S2', firstRow: 2, row: 3 }]);
    expect((await store.countRows(T1)).signals).toBe(1);

    const kept = await store.importRecords(request(T1, 'signals', clash, { conflictPolicy: 'keep-first' }));
    expect(kept).toMatchObject({ committed: true, rowsNew: 1, rowsRejected: 1 });
    expect(await store.signalSpan(T1)).toEqual({
      first: new Date('2026-11-02T10:00:00Z'),
      last: new Date('2026-11-03T10:00:00Z'),
    });
  });

  it('learns companies from signals, newest facts first', async () => {
    await store.importRecords(
      request(T2, 'signals', [
        signal('S1', 'ACME', '2026-10-01T10:00:00Z', { name: 'Acme Old', employees: 40 }),
        signal('S2', 'ACME', '2026-10-08T10:00:00Z', { name: 'Acme Foods', domain: 'acme.example' }),
      ]),
    );
    expect((await store.countRows(T2)).companies).toBe(1);
    expect((await store.countRows(T1)).companies).toBe(1);
  });

  it('keeps tenants apart: the same ids in two tenants are two rows', async () => {
    const other = await store.importRecords(request(T2, 'fleet', [truck('T1')]));
    expect(other.rowsNew).toBe(1);
    expect((await store.countRows(T2)).trucks).toBe(1);
    expect((await store.countRows(T1)).trucks).toBe(2);
  });

  it('groups deliveries by market, or by city when no market is near', async () => {
    await store.importRecords(
      request(T1, 'deliveries', [
        delivery('D1', 'T1', '2026-11-03T15:00:00-06:00', '4684888'),
        delivery('D2', 'T2', '2026-11-10T15:00:00-06:00', '4684888', 'Irving'),
        delivery('D3', 'T1', '2026-11-11T15:00:00-06:00', null, 'Tinytown'),
      ]),
    );
    // T1 and T2 are in carrier-a's fleet; all three deliveries are by known trucks.
    expect(await store.deliveriesWithoutTruck(T1)).toBe(0);
    expect(await store.topDestinationMarkets(T1, 5)).toEqual([
      { marketId: '4684888', city: 'Dallas', region: 'TX', deliveries: 2, trucks: 2, weeks: 2 },
      { marketId: null, city: 'Tinytown', region: 'TX', deliveries: 1, trucks: 1, weeks: 1 },
    ]);
  });

  it('counts deliveries by trucks the fleet does not have', async () => {
    await store.importRecords(
      request(T2, 'deliveries', [
        delivery('D1', 'T1', '2026-11-03T15:00:00Z', null),
        delivery('D2', 'GHOST', '2026-11-03T15:00:00Z', null),
      ]),
    );
    expect(await store.deliveriesWithoutTruck(T2)).toBe(1);
  });

  it('round-trips lists with commas and quotes, and keeps empty apart from absent', async () => {
    const result = await store.importRecords(
      request(T1, 'reps', [rep('R1', ['Dallas, TX', 'Say "hi", Ontario']), rep('R2', [])]),
    );
    expect(result.rowsNew).toBe(2);
    const again = await store.importRecords(
      request(T1, 'reps', [rep('R1', ['Dallas, TX', 'Say "hi", Ontario']), rep('R2', [])]),
    );
    expect(again).toMatchObject({ rowsNew: 0, rowsUnchanged: 2 });
  });

  it('records each committed import as a run', async () => {
    const runs = await store.importRuns(T1, 100);
    expect(runs[0]).toMatchObject({ kind: 'reps', fileName: 'reps.csv', rowsRead: 2, rowsUnchanged: 2 });
    expect(runs.every((r) => r.finishedAt >= r.startedAt)).toBe(true);
  });
});
