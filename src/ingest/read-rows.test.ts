import { describe, expect, test } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { parseSignalRow } from './parse-signal-row.ts';
import { formatFromFileName, readRows } from './read-rows.ts';
import { testGazetteer } from './test-gazetteer.ts';

async function* once(text: string): AsyncIterable<string> {
  yield text;
}

describe('formatFromFileName', () => {
  test('reads the extension, in any case', () => {
    expect(formatFromFileName('fleet.csv')).toBe('csv');
    expect(formatFromFileName('FLEET.CSV')).toBe('csv');
    expect(formatFromFileName('signals.ndjson')).toBe('ndjson');
    expect(formatFromFileName('signals.2026-03.jsonl')).toBe('ndjson');
  });

  test('refuses anything else, naming the file and the extensions it knows', () => {
    expect(() => formatFromFileName('fleet.xlsx')).toThrow(NorthboundError);
    expect(() => formatFromFileName('fleet.xlsx')).toThrow(
      'Cannot import fleet.xlsx: the file name must end in .csv, .ndjson or .jsonl to say its format',
    );
  });
});

describe('readRows + a row parser', () => {
  const gazetteer = testGazetteer();
  const HEADER = 'signal_id,observed_at,company_id,origin_region,dest_region,equipment,company_name';

  test('the same signal reads the same from CSV and NDJSON', async () => {
    const csv = `${HEADER}\nS1,2026-03-04T09:15:00-05:00,C1,TX,ON,reefer,"Acme, Inc."\n`;
    const ndjson = JSON.stringify({
      signal_id: 'S1',
      observed_at: '2026-03-04T09:15:00-05:00',
      company_id: 'C1',
      origin_region: 'TX',
      dest_region: 'ON',
      equipment: 'reefer',
      company_name: 'Acme, Inc.',
    });
    const records = [];
    for (const [text, format] of [
      [csv, 'csv'],
      [ndjson, 'ndjson'],
    ] as const) {
      for await (const source of readRows(once(text), {
        fileName: 'signals',
        format,
        kind: 'signals',
        allowExtra: false,
      })) {
        const parsed = parseSignalRow(source.fields, { file: 'signals', row: source.row, gazetteer });
        records.push(parsed.ok ? parsed.record : parsed.errors);
      }
    }
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual(records[1]);
  });

  test('a misspelt equipment after a multi-line field is reported at its line', async () => {
    const csv = [
      HEADER,
      'S1,2026-03-04T09:15:00-05:00,C1,TX,ON,reefer,"Acme\nFoods"',
      'S2,2026-03-04T09:15:00-05:00,C2,TX,ON,reefr,Zed',
    ].join('\n');
    const messages: string[] = [];
    for await (const source of readRows(once(csv), {
      fileName: 'signals.csv',
      format: 'csv',
      kind: 'signals',
      allowExtra: false,
    })) {
      const parsed = parseSignalRow(source.fields, { file: 'signals.csv', row: source.row, gazetteer });
      if (!parsed.ok) messages.push(...parsed.errors.map((e) => e.message));
    }
    expect(messages).toEqual([
      'Cannot import signals.csv row 4: equipment "reefr" is not one of dry_van, reefer, flatbed, step_deck, tanker',
    ]);
  });
});
