/**
 * The import use case end to end over real files, the real gazetteer and every store engine:
 * atomic rejection that names row/field/value and leaves the store unchanged, idempotent re-import,
 * --skip-invalid with a rejects file, NDJSON, and a refused header.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportFileInput } from '../src/app/import-file.ts';
import { silentProgress, type Store } from '../src/app/ports.ts';
import { asId, type TenantId } from '../src/domain/ids.ts';
import { loadGazetteer } from '../src/files/load-gazetteer.ts';
import { nodeFiles } from '../src/files/node-files.ts';
import { ENGINES } from './support/store-engines.ts';

const TENANT = asId<TenantId>('carrier');
const HEADER = 'delivery_id,truck_id,dest_city,dest_region,delivered_at,equipment,loaded_miles';
const GOOD_ROWS = [
  'D1,T1,Dallas,TX,2026-11-03T14:00:00-06:00,dry_van,1450',
  'D2,T2,Laredo,TX,2026-11-04T09:30:00-06:00,reefer,1700',
  'D3,T1,"St. Louis",MO,2026-11-10T11:00:00-06:00,dry_van,900',
];

describe.each(ENGINES)('importing files on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'nb-import-'));
  const deps = () => ({
    store,
    files: nodeFiles,
    gazetteer: loadGazetteer(),
    now: () => new Date(),
    progress: silentProgress,
  });
  const input = (path: string, overrides: Partial<ImportFileInput> = {}): ImportFileInput => ({
    tenantId: TENANT,
    kind: 'deliveries',
    path,
    skipInvalid: false,
    allowExtra: false,
    batchRows: 2,
    ...overrides,
  });
  const write = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    await store.ensureTenant(TENANT);
  });
  afterAll(async () => dispose());

  it('imports a good file, then reports 0 new the second time', async () => {
    const path = write('deliveries.csv', [HEADER, ...GOOD_ROWS]);
    const first = await importFile(deps(), input(path));
    expect(first).toMatchObject({
      committed: true,
      rowsRead: 3,
      rowsNew: 3,
      rowsUnchanged: 0,
      rowsRejected: 0,
    });
    const second = await importFile(deps(), input(path));
    expect(second).toMatchObject({ committed: true, rowsNew: 0, rowsUnchanged: 3, rowsUpdated: 0 });
    expect(second.rejectsFile).toBeNull();
  });

  it('refuses a file with a misspelt equipment, naming row, field and value, and stores nothing', async () => {
    const before = await store.countRows(TENANT);
    const path = write('bad-deliveries.csv', [
      HEADER,
      'D10,T1,Dallas,TX,2026-11-11T14:00:00-06:00,dry_van,1450',
      'D11,T2,Dallas,TX,2026-11-11T15:00:00-06:00,reefr,1450',
      'D12,T3,Dallas,TX,2026-11-12T15:00:00-06:00,flatbed,1450',
    ]);
    const report = await importFile(deps(), input(path));
    expect(report.committed).toBe(false);
    expect(report.rowsRejected).toBe(1);
    expect(report.errors[0]).toMatchObject({
      file: 'bad-deliveries.csv',
      row: 3,
      field: 'equipment',
      value: 'reefr',
    });
    expect(report.errors[0]?.message).toMatch(/^Cannot import bad-deliveries\.csv row 3: equipment "reefr"/);
    expect(await store.countRows(TENANT)).toEqual(before);
    expect(report.rejectsFile).toBe(join(dir, 'bad-deliveries.rejects.csv'));
  });

  it('with skipInvalid stores the good rows and writes the rejects beside the input', async () => {
    const path = write('mixed.csv', [
      HEADER,
      'D20,T1,Dallas,TX,2026-11-11T14:00:00-06:00,dry_van,1450',
      'D21,T2,Dalas,TX,2026-11-11T15:00:00-06:00,reefer,1450',
      'D22,T3,Houston,TX,2026-11-12 15:00,flatbed,1450',
    ]);
    const report = await importFile(deps(), input(path, { skipInvalid: true }));
    expect(report).toMatchObject({ committed: true, rowsRead: 3, rowsNew: 1, rowsRejected: 2 });
    const rejects = readFileSync(join(dir, 'mixed.rejects.csv'), 'utf8').trim().split('\n');
    expect(rejects).toHaveLength(3);
    expect(rejects[0]).toBe(`row,field,value,expected,message,${HEADER}`);
    expect(rejects[1]).toMatch(/^3,dest_city,Dalas,/);
    expect(rejects[1]).toContain('D21,T2,Dalas,TX');
    expect(rejects[2]).toMatch(/^4,delivered_at,2026-11-12 15:00,/);
  });

  it('refuses conflicting duplicate ids unless skipping invalid rows', async () => {
    const lines = [
      HEADER,
      'D30,T1,Dallas,TX,2026-11-11T14:00:00-06:00,dry_van,1450',
      'D30,T1,Dallas,TX,2026-11-11T14:00:00-06:00,dry_van,1500',
    ];
    const path = write('dupes.csv', lines);
    const refused = await importFile(deps(), input(path));
    expect(refused).toMatchObject({ committed: false, rowsRejected: 1 });
    expect(refused.errors[0]?.message).toContain('id "D30" already appears at row 2 with different values');
    const kept = await importFile(deps(), input(path, { skipInvalid: true }));
    expect(kept).toMatchObject({ committed: true, rowsNew: 1, rowsRejected: 1 });
  });

  it('imports NDJSON with the same field names', async () => {
    const path = write('fleet.ndjson', [
      '{"truck_id":"T1","equipment":"dry_van","home_city":"Mississauga","home_region":"ON","credentials":["fast","bonded"]}',
      '{"truck_id":"T2","equipment":"reefer","home_city":"Montréal","home_region":"QC","domicile":"CA"}',
    ]);
    const report = await importFile(deps(), input(path, { kind: 'fleet' }));
    expect(report).toMatchObject({ committed: true, rowsNew: 2 });
    expect((await store.countRows(TENANT)).trucks).toBe(2);
  });

  it('refuses a file whose header lacks a required column, even with skipInvalid', async () => {
    const path = write('no-dest.csv', [
      'delivery_id,truck_id,dest_city,delivered_at',
      'D40,T1,Dallas,2026-11-11T14:00:00Z',
    ]);
    const report = await importFile(deps(), input(path, { skipInvalid: true }));
    expect(report).toMatchObject({ committed: false, fileRefused: true, rowsRead: 0, rowsRejected: 0 });
    expect(report.errors[0]?.message).toContain('dest_region');
    expect(existsSync(join(dir, 'no-dest.rejects.csv'))).toBe(true);
  });
});
