import { describe, expect, test } from 'vitest';
import { IMPORT_SPECS } from './import-kinds.ts';
import { readRows } from './read-rows.ts';
import type { ReadRowsOptions, SourceRow } from './source-row.ts';

async function* bytes(text: string, size = 5): AsyncIterable<Uint8Array> {
  const all = new TextEncoder().encode(text);
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

async function read(
  text: string,
  options: Partial<ReadRowsOptions> = {},
): Promise<{ rows: SourceRow[]; header: readonly string[] | null }> {
  let header: readonly string[] | null = null;
  const rows: SourceRow[] = [];
  for await (const row of readRows(bytes(text), {
    fileName: 'fleet.ndjson',
    format: 'ndjson',
    kind: 'fleet',
    allowExtra: false,
    onHeader: (columns) => (header = columns),
    ...options,
  })) {
    rows.push(row);
  }
  return { rows, header };
}

const truck = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ truck_id: 'T-1', equipment: 'reefer', home_city: 'Toronto', home_region: 'ON', ...extra });

describe('readRows (NDJSON)', () => {
  test('reports the kind columns as the header and fills every column on every row', async () => {
    const { rows, header } = await read(`${truck()}\n`);
    expect(header).toEqual(['truck_id', 'equipment', 'home_city', 'home_region', 'domicile', 'credentials']);
    expect(rows).toEqual([
      {
        row: 1,
        fields: {
          truck_id: 'T-1',
          equipment: 'reefer',
          home_city: 'Toronto',
          home_region: 'ON',
          domicile: '',
          credentials: '',
        },
      },
    ]);
  });

  test('numbers, booleans and null become strings; arrays in list columns are joined with ";"', async () => {
    const { rows } = await read(truck({ truck_id: 101, credentials: ['fast', 'HAZMAT'], domicile: null }));
    expect(rows[0]?.fields).toMatchObject({ truck_id: '101', credentials: 'fast;HAZMAT', domicile: '' });

    const loads = await read(
      JSON.stringify({
        load_id: 7,
        rate: 3100.5,
        weight_lb: 42000,
        pre_arranged: true,
        requirements: ['twic', 1],
      }),
      { kind: 'loads', fileName: 'loads.ndjson' },
    );
    expect(loads.rows[0]?.fields).toMatchObject({
      load_id: '7',
      rate: '3100.5',
      weight_lb: '42000',
      pre_arranged: 'true',
      requirements: 'twic;1',
      currency: '',
    });
  });

  test('blank lines and CRLF endings are skipped but counted; a BOM and a missing final newline are fine', async () => {
    const { rows } = await read(`\uFEFF${truck()}\r\n\r\n   \n${truck({ truck_id: 'T-2' })}`);
    expect(rows.map((r) => [r.row, r.fields.truck_id, r.error])).toEqual([
      [1, 'T-1', undefined],
      [4, 'T-2', undefined],
    ]);
  });

  test('multi-byte characters split across chunks survive', async () => {
    const { rows } = await read(`${truck({ home_city: 'Montréal', home_region: 'QC' })}\n`);
    expect(rows[0]?.fields.home_city).toBe('Montréal');
  });

  test('a malformed line is only that line reject', async () => {
    const { rows } = await read(
      `${truck()}\n{"truck_id": "T-2",\n[1,2]\n"text"\n${truck({ truck_id: 'T-5' })}\n`,
    );
    expect(rows.map((r) => [r.row, r.fatal, r.error?.message.replace(/ \(.*\)$/, ' (…)')])).toEqual([
      [1, undefined, undefined],
      [2, undefined, 'Cannot import fleet.ndjson row 2: the line is not valid JSON (…)'],
      [3, undefined, 'Cannot import fleet.ndjson row 3: the line is JSON but not an object'],
      [4, undefined, 'Cannot import fleet.ndjson row 4: the line is JSON but not an object'],
      [5, undefined, undefined],
    ]);
    expect(rows[1]?.error).toMatchObject({
      field: '',
      value: '{"truck_id": "T-2",',
      expected: 'one JSON object per line',
    });
  });

  test('unknown keys reject the line unless extra fields are allowed, when they are dropped', async () => {
    const line = truck({ notes: 'spare', eqipment: 'x' });
    const refused = await read(line);
    expect(refused.rows[0]?.error).toMatchObject({
      row: 1,
      field: 'notes',
      expected: `one of ${IMPORT_SPECS.fleet.columns.join(', ')}`,
    });
    expect(refused.rows[0]?.error?.message).toBe(
      'Cannot import fleet.ndjson row 1: "notes", "eqipment" are not fleet fields ' +
        '(truck_id, equipment, home_city, home_region, domicile, credentials); pass --allow-extra to ignore extra fields',
    );
    expect(refused.rows[0]?.fatal).toBeUndefined();

    const allowed = await read(line, { allowExtra: true });
    expect(allowed.rows[0]?.error).toBeUndefined();
    expect(allowed.rows[0]?.fields).not.toHaveProperty('notes');
  });

  test('nested objects, and arrays outside list columns, are refused', async () => {
    const { rows } = await read(
      [
        truck({ home_city: { name: 'Toronto' } }),
        truck({ equipment: ['reefer', 'flatbed'] }),
        truck({ credentials: [['fast']] }),
      ].join('\n'),
    );
    expect(rows.map((r) => [r.error?.field, r.error?.expected])).toEqual([
      ['home_city', 'a string, number, boolean or null'],
      ['equipment', 'a string, number, boolean or null'],
      ['credentials', 'a string or an array of strings'],
    ]);
    expect(rows[0]?.error?.message).toBe(
      'Cannot import fleet.ndjson row 1: home_city holds {"name":"Toronto"}; expected a string, number, boolean or null',
    );
  });

  test('a "__proto__" key cannot reach the prototype', async () => {
    const { rows } = await read(`{"__proto__": {"truck_id": "evil"}, "equipment": "reefer"}`, {
      allowExtra: true,
    });
    expect(rows[0]?.fields.truck_id).toBe('');
    expect(Object.getPrototypeOf(rows[0]?.fields)).toBe(Object.prototype);
  });

  test('an empty file is zero rows', async () => {
    expect((await read('')).rows).toEqual([]);
    expect((await read('\n\n')).rows).toEqual([]);
  });
});
