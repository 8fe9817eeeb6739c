import { describe, expect, test } from 'vitest';
import { readRows } from './read-rows.ts';
import type { ReadRowsOptions, SourceRow } from './source-row.ts';

/** The text as UTF-8 bytes in chunks of `size`, so records, quotes and "é" straddle chunk edges. */
async function* bytes(text: string, size = 7): AsyncIterable<Uint8Array> {
  const all = new TextEncoder().encode(text);
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

async function read(
  input: string | AsyncIterable<Uint8Array | string>,
  options: Partial<ReadRowsOptions> = {},
): Promise<{ rows: SourceRow[]; header: readonly string[] | null }> {
  let header: readonly string[] | null = null;
  const rows: SourceRow[] = [];
  const chunks = typeof input === 'string' ? bytes(input) : input;
  for await (const row of readRows(chunks, {
    fileName: 'signals.csv',
    format: 'csv',
    kind: 'signals',
    allowExtra: false,
    onHeader: (columns) => (header = columns),
    ...options,
  })) {
    rows.push(row);
  }
  return { rows, header };
}

const HEADER = 'signal_id,observed_at,company_id,origin_region,dest_region,equipment,company_name';
const signal = (id: string, name: string) => `${id},2026-03-04T09:15:00Z,C-${id},TX,ON,reefer,${name}`;

describe('readRows (CSV)', () => {
  test('yields each record keyed by the header, numbered by line with the header as line 1', async () => {
    const { rows, header } = await read(`${HEADER}\n${signal('S1', 'Acme')}\n${signal('S2', 'Zed')}\n`);
    expect(header).toEqual(HEADER.split(','));
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rows[0]).toEqual({
      row: 2,
      fields: {
        signal_id: 'S1',
        observed_at: '2026-03-04T09:15:00Z',
        company_id: 'C-S1',
        origin_region: 'TX',
        dest_region: 'ON',
        equipment: 'reefer',
        company_name: 'Acme',
      },
    });
  });

  test('quoted commas stay in the field and a multi-line field pushes later rows down', async () => {
    const text = [
      HEADER,
      signal('S1', '"Acme, Inc."'),
      signal('S2', '"Two-line\nname ""quoted"""'),
      signal('S3', 'Plain'),
      signal('S4', '"Three\nline\nname"'),
      signal('S5', 'Last'),
    ].join('\n');
    const { rows } = await read(text);
    expect(rows.map((r) => [r.row, r.fields.company_name])).toEqual([
      [2, 'Acme, Inc.'],
      [3, 'Two-line\nname "quoted"'],
      [5, 'Plain'],
      [6, 'Three\nline\nname'],
      [9, 'Last'],
    ]);
  });

  test('CRLF files, including CRLF inside quoted fields, number rows the same way', async () => {
    const text = [
      HEADER,
      signal('S1', '"a\r\nb"'),
      signal('S2', '"c\r\nd\r\ne"'),
      signal('S3', 'x'),
      '',
    ].join('\r\n');
    const { rows } = await read(text);
    expect(rows.map((r) => r.row)).toEqual([2, 4, 7]);
    expect(rows[0]?.fields.company_name).toBe('a\r\nb');
  });

  test('a UTF-8 BOM is stripped, from bytes or from a string; multi-byte characters survive chunking', async () => {
    const text = `\uFEFF${HEADER}\n${signal('S1', 'Montréal Épicerie')}\n`;
    const fromBytes = await read(bytes(text, 1));
    const fromString = await read(
      (async function* () {
        yield text;
      })(),
    );
    for (const { rows, header } of [fromBytes, fromString]) {
      expect(header?.[0]).toBe('signal_id');
      expect(rows[0]?.fields.company_name).toBe('Montréal Épicerie');
      expect(rows[0]?.error).toBeUndefined();
    }
  });

  test('header names are trimmed; values are passed on as written', async () => {
    const { rows, header } = await read(
      ` signal_id , observed_at,company_id,origin_region,dest_region,equipment\n S1 ,t,c,TX,ON,reefer\n`,
    );
    expect(header?.slice(0, 2)).toEqual(['signal_id', 'observed_at']);
    expect(rows[0]?.fields.signal_id).toBe(' S1 ');
  });

  test('blank lines are skipped but still counted', async () => {
    const { rows } = await read(`${HEADER}\n${signal('S1', 'a')}\n\n${signal('S2', 'b')}\n\n\n`);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
  });

  test('a row with the wrong number of fields is that row reject, not a crash', async () => {
    const { rows } = await read(
      `${HEADER}\n${signal('S1', 'a')}\nS2,2026-03-04T09:15:00Z,C2\n${signal('S3', 'c,extra')}\n${signal('S4', 'd')}\n`,
    );
    expect(rows.map((r) => [r.row, r.error?.message ?? 'ok'])).toEqual([
      [2, 'ok'],
      [3, 'Cannot import signals.csv row 3: the row has 3 fields but the header has 7 columns'],
      [4, 'Cannot import signals.csv row 4: the row has 8 fields but the header has 7 columns'],
      [5, 'ok'],
    ]);
    // What could be read is kept for the rejects file, the rest is blank.
    expect(rows[1]?.fields).toMatchObject({ signal_id: 'S2', company_id: 'C2', equipment: '' });
    expect(rows[1]?.fatal).toBeUndefined();
  });

  test('bad quoting is that row reject; reading goes on after it', async () => {
    const { rows } = await read(
      `${HEADER}\n${signal('S1', 'a')}\n${signal('S2', 'Joe "Big" Co')}\n${signal('S3', 'c')}\n`,
    );
    expect(rows.map((r) => [r.row, r.error?.field, r.error?.message ?? 'ok'])).toEqual([
      [2, undefined, 'ok'],
      [
        3,
        '',
        'Cannot import signals.csv row 3: a quote appears inside an unquoted field; quote the whole field and double the inner quote ("")',
      ],
      [4, undefined, 'ok'],
    ]);
    expect(Object.keys(rows[1]?.fields ?? {})).toEqual(HEADER.split(','));
  });

  test('consecutive broken rows are reported one each', async () => {
    const text = `${HEADER}\n${signal('S1', 'a"b"c')}\n${signal('S2', 'd"e')}\n${signal('S3', 'ok')}\n`;
    const { rows } = await read(text);
    expect(rows.map((r) => [r.row, r.error === undefined])).toEqual([
      [2, false],
      [3, false],
      [4, true],
    ]);
  });

  test('a header that is not valid CSV refuses the file', async () => {
    const { rows } = await read(`signal_id,obs"erved_at\n${signal('S1', 'a')}\n`);
    expect(rows.map((r) => [r.row, r.fatal])).toEqual([[1, true]]);
  });

  test('an unclosed quote is reported at the row it opens on', async () => {
    const { rows } = await read(
      `${HEADER}\n${signal('S1', 'a')}\n${signal('S2', '"never closed')}\n${signal('S3', 'c')}\n`,
    );
    expect(rows.map((r) => [r.row, r.error?.message ?? 'ok'])).toEqual([
      [2, 'ok'],
      [
        3,
        'Cannot import signals.csv row 3: a quoted field is never closed, so the rest of the file was read as one value',
      ],
    ]);
  });

  test('an unknown column refuses the whole file, unless extra columns are allowed', async () => {
    const text = `${HEADER},notes,eqipment\n${signal('S1', 'a')},hi,x\n`;
    const refused = await read(text);
    expect(refused.header).toBeNull();
    expect(refused.rows.map((r) => [r.row, r.fatal, r.error?.field])).toEqual([
      [1, true, 'notes'],
      [1, true, 'eqipment'],
    ]);
    expect(refused.rows[0]?.error?.message).toBe(
      'Cannot import signals.csv row 1: the header names column "notes", which is not a signals column ' +
        '(signal_id, observed_at, company_id, origin_region, dest_region, equipment, source, company_name, ' +
        'company_domain, searcher_id, origin_city, origin_zip, origin_lat, origin_lon, dest_city, industry, ' +
        'company_employees); pass --allow-extra to ignore extra columns',
    );

    const allowed = await read(text, { allowExtra: true });
    expect(allowed.header).toEqual([...HEADER.split(','), 'notes', 'eqipment']);
    expect(allowed.rows[0]?.fields).toMatchObject({ notes: 'hi', eqipment: 'x' });
    expect(allowed.rows[0]?.error).toBeUndefined();
  });

  test('every missing required column is named, and nothing is read', async () => {
    const { rows } = await read(`signal_id,observed_at,origin_region,dest_region\nS1,t,TX,ON\n`);
    expect(rows.map((r) => [r.row, r.fatal, r.error?.field, r.error?.value])).toEqual([
      [1, true, 'company_id', ''],
      [1, true, 'equipment', ''],
    ]);
    expect(rows[0]?.error?.message).toBe(
      'Cannot import signals.csv row 1: the header has no company_id column, which signals files require ' +
        '(signal_id, observed_at, company_id, origin_region, dest_region, equipment)',
    );
  });

  test('a duplicate or unnamed column refuses the file even with extra columns allowed', async () => {
    const { rows } = await read(`${HEADER},equipment,\n`, { allowExtra: true });
    expect(rows.map((r) => [r.fatal, r.error?.message])).toEqual([
      [true, 'Cannot import signals.csv row 1: the header names column "equipment" twice'],
      [true, 'Cannot import signals.csv row 1: header column 9 has no name'],
    ]);
  });

  test('an empty file is refused; a header with no rows is zero rows', async () => {
    const empty = await read('');
    expect(empty.rows.map((r) => [r.row, r.fatal, r.error?.message])).toEqual([
      [
        1,
        true,
        'Cannot import signals.csv row 1: the file is empty; expected a header row naming the signals columns',
      ],
    ]);
    expect(await read(`${HEADER}\n`)).toEqual({ rows: [], header: HEADER.split(',') });
  });

  test('a failing source (an unreadable file) surfaces as the thrown error', async () => {
    async function* failing(): AsyncIterable<Uint8Array> {
      yield new TextEncoder().encode(`${HEADER}\n${signal('S1', 'a')}\n`);
      throw new Error('disk went away');
    }
    await expect(read(failing())).rejects.toThrow('disk went away');
  });

  test('stopping early releases the source', async () => {
    let closed = false;
    async function* source(): AsyncIterable<Uint8Array> {
      try {
        for (let i = 0; ; i++)
          yield new TextEncoder().encode(i === 0 ? `${HEADER}\n` : `${signal(`S${i}`, 'a')}\n`);
      } finally {
        closed = true;
      }
    }
    const options: ReadRowsOptions = {
      fileName: 'signals.csv',
      format: 'csv',
      kind: 'signals',
      allowExtra: false,
    };
    for await (const row of readRows(source(), options)) if (row.row > 50) break;
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(true);
  });
});
