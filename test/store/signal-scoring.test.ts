/**
 * The packed scoring read (migrations/0004_signal_scoring.sql, src/db/read-signal-columns.ts) against
 * the row read it replaces (src/db/read-signal-rows.ts), on every engine: a small world's signals go
 * in through the real import, and the two reads must give the same columns — company by company, row
 * by row, with searcher ids, origin points, labels, markets, regions, equipment and industry — for the
 * scoring window and for windows starting and ending mid-day; again after an unchanged re-import
 * (which must not touch the packed days), after a re-import that changes, moves and adds rows, and
 * after rows are deleted.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/app/import-file.ts';
import { silentProgress, type Store } from '../../src/app/ports.ts';
import { openDatabase, storeOn } from '../../src/db/open-store.ts';
import { readSignalColumns } from '../../src/db/read-signal-columns.ts';
import { readSignalRows } from '../../src/db/read-signal-rows.ts';
import type { SqlDatabase } from '../../src/db/sql-database.ts';
import { asId, type TenantId } from '../../src/domain/ids.ts';
import { demoWorldFiles } from '../../src/files/demo-world-files.ts';
import { loadGazetteer } from '../../src/files/load-gazetteer.ts';
import { nodeFiles } from '../../src/files/node-files.ts';
import { writeWorld } from '../../src/files/write-world.ts';
import { csvRecord } from '../../src/ingest/csv-field.ts';
import { SCORING_LOOKBACK_DAYS } from '../../src/intent/scoring-options.ts';
import { generateWorld } from '../../src/sim/generate-world.ts';
import { rowsByCompany } from '../support/signal-rows.ts';

const TENANT = asId<TenantId>('scoring-test');
const OTHER_TENANT = asId<TenantId>('scoring-other');
const AS_OF = new Date('2026-11-16T00:00:00Z');
const DAY_MS = 86_400_000;
const gazetteer = loadGazetteer();
const databaseUrl = process.env['DATABASE_URL'];

interface Opened {
  readonly db: SqlDatabase;
  readonly store: Store;
  dispose(): Promise<void>;
}

const ENGINES: readonly { name: string; open(): Promise<Opened> }[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openDatabase({ dataDir: null });
      const store = await storeOn(db);
      return { db, store, dispose: () => store.close() };
    },
  },
  ...(databaseUrl === undefined || databaseUrl === ''
    ? []
    : [
        {
          name: 'postgres',
          async open(): Promise<Opened> {
            const schema = `nb_test_scoring_${Date.now().toString(36)}_${process.pid}`;
            const db = await openDatabase({ databaseUrl, dataDir: null, schema });
            const store = await storeOn(db);
            return {
              db,
              store,
              async dispose() {
                await store.close();
                const client = new pg.Client({ connectionString: databaseUrl });
                await client.connect();
                await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
                await client.end();
              },
            };
          },
        },
      ]),
];

describe.each(ENGINES)('packed scoring read on $name', (engine) => {
  let opened: Opened;
  let dir: string;
  let header: string[];
  let records: string[][];

  const importSignals = async (tenantId: TenantId = TENANT) => {
    const report = await importFile(
      { store: opened.store, files: nodeFiles, gazetteer, now: () => new Date(), progress: silentProgress },
      {
        tenantId,
        kind: 'signals',
        path: join(dir, 'signals.csv'),
        skipInvalid: false,
        allowExtra: false,
        batchRows: 500,
      },
    );
    expect(report.committed).toBe(true);
    return report;
  };
  /** The file may repeat a signal verbatim (feeds echo rows); the store keeps one per id. */
  const distinctIds = () => new Set(records.map((row) => row[header.indexOf('signal_id')]!)).size;
  const writeSignals = (rows: readonly (readonly string[])[]) =>
    writeFileSync(join(dir, 'signals.csv'), [header, ...rows].map((r) => csvRecord(r)).join(''));
  const packedDays = async () =>
    (
      await opened.db.query<{ day: number; version: string; digest: string }>(
        `SELECT day, xmin::text AS version, md5(packed) AS digest FROM signal_scoring_days
         WHERE tenant_id = $1 ORDER BY day`,
        [TENANT],
      )
    ).rows;

  async function expectReadsAgree(from: Date, to: Date): Promise<number> {
    const rows = await readSignalRows(opened.db, TENANT, from, to);
    const packed = await readSignalColumns(opened.db, TENANT, from, to);
    expect(packed.length).toBe(rows.length);
    expect(rowsByCompany(packed)).toEqual(rowsByCompany(rows));
    expect(packed.searcherCount).toBe(rows.searcherCount);
    expect(packed.placeLat.length).toBe(rows.placeLat.length);
    expect([...packed.marketIds].sort()).toEqual([...rows.marketIds].sort());
    expect([...packed.industries].sort()).toEqual([...rows.industries].sort());
    // Each company's rows in time order: the invariant the scoring core's single pass relies on.
    for (let c = 0; c + 1 < packed.companyStart.length; c++) {
      for (let i = packed.companyStart[c]! + 1; i < packed.companyStart[c + 1]!; i++) {
        expect(packed.observedAtMs[i]!).toBeGreaterThanOrEqual(packed.observedAtMs[i - 1]!);
      }
    }
    return packed.length;
  }

  const windows = (): [Date, Date][] => [
    [new Date(AS_OF.getTime() - SCORING_LOOKBACK_DAYS * DAY_MS), AS_OF],
    [new Date(AS_OF.getTime() - 40.3 * DAY_MS), new Date(AS_OF.getTime() - 3.7 * DAY_MS)],
    [new Date(AS_OF.getTime() - 400 * DAY_MS), new Date(AS_OF.getTime() + 30 * DAY_MS)],
  ];

  beforeAll(async () => {
    opened = await engine.open();
    await opened.store.ensureTenant(TENANT);
    await opened.store.ensureTenant(OTHER_TENANT);
    dir = mkdtempSync(join(tmpdir(), 'nb-scoring-'));
    const world = generateWorld(demoWorldFiles.referenceData(), gazetteer, {
      size: 'small',
      seed: 11,
      asOf: AS_OF,
    });
    await writeWorld(world, dir);
    const text = readFileSync(join(dir, 'signals.csv'), 'utf8');
    const [first, ...rest] = parse(text, { relaxColumnCount: false }) as string[][];
    if (first === undefined) throw new Error('the small world wrote signals.csv without a header');
    [header, records] = [first, rest];
    await importSignals();
    // Another tenant's signals in the same tables must not leak into this tenant's read.
    await importSignals(OTHER_TENANT);
  }, 180_000);

  afterAll(async () => {
    await opened?.dispose();
  });

  it('reads the same columns as the row read, for whole and partial days', async () => {
    const counts = [];
    for (const [from, to] of windows()) counts.push(await expectReadsAgree(from, to));
    expect(counts[0]).toBeGreaterThan(300);
    expect(counts[2]).toBe(distinctIds());
  });

  it('leaves the packed days untouched on an unchanged re-import', async () => {
    const before = await packedDays();
    expect(before.length).toBeGreaterThan(50);
    const report = await importSignals();
    expect(report.rowsUnchanged).toBe(distinctIds());
    expect(await packedDays()).toEqual(before);
  });

  it('repacks changed, moved and new rows on a re-import, and deleted rows', async () => {
    const column = (name: string) => {
      const at = header.indexOf(name);
      if (at < 0) throw new Error(`signals.csv has no ${name}`);
      return at;
    };
    const [id, observed, company, searcher, dest, equipment, industry] = [
      'signal_id',
      'observed_at',
      'company_id',
      'searcher_id',
      'dest_region',
      'equipment',
      'industry',
    ].map(column) as [number, number, number, number, number, number, number];
    // Changes keyed by the signal id's ordinal, so an id the file repeats changes alike in every copy.
    const ordinal = new Map<string, number>();
    for (const row of records) if (!ordinal.has(row[id]!)) ordinal.set(row[id]!, ordinal.size);
    const changed = records.map((row) => {
      const r = ordinal.get(row[id]!)!;
      const next = [...row];
      if (r % 7 === 0)
        next[observed] = new Date(Date.parse(row[observed]!) - 3 * DAY_MS + 1234).toISOString();
      if (r % 11 === 0) next[company] = `NEW-${row[company]}`;
      if (r % 13 === 0) next[searcher] = '';
      if (r % 17 === 0) next[dest] = 'QC';
      if (r % 19 === 0) next[equipment] = 'reefer';
      if (r % 23 === 0) next[industry] = r % 2 === 0 ? '' : 'new industry';
      return next;
    });
    const added = [...new Map(records.map((row) => [row[id]!, row])).values()]
      .filter((row) => ordinal.get(row[id]!)! % 29 === 0)
      .map((row) => {
        const next = [...row];
        next[id] = `${row[id]}-again`;
        next[observed] = new Date(Date.parse(row[observed]!) + 90_000).toISOString();
        return next;
      });
    writeSignals([...changed, ...added]);
    const before = await packedDays();
    const report = await importSignals();
    expect(report.rowsNew).toBe(added.length);
    expect(report.rowsUpdated).toBeGreaterThan(distinctIds() / 4);
    const after = await packedDays();
    expect(after.map((d) => d.digest)).not.toEqual(before.map((d) => d.digest));
    for (const [from, to] of windows()) await expectReadsAgree(from, to);

    await opened.db.query(`DELETE FROM signals WHERE tenant_id = $1 AND signal_id LIKE '%5'`, [TENANT]);
    for (const [from, to] of windows()) await expectReadsAgree(from, to);
    const remaining = await opened.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM signals WHERE tenant_id = $1',
      [TENANT],
    );
    const packedTotal = await opened.db.query<{ n: number }>(
      'SELECT coalesce(sum(signals), 0)::int AS n FROM signal_scoring_days WHERE tenant_id = $1',
      [TENANT],
    );
    expect(packedTotal.rows[0]?.n).toBe(remaining.rows[0]?.n);
  });
});
