import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { rejectsHeader, rejectsLine } from './rejects-csv.ts';
import { rowError } from './row-error.ts';

const columns = ['truck_id', 'equipment', 'home_city', 'home_region'];

describe('rejects CSV', () => {
  test('the header is the reject columns, then the input columns in their order', () => {
    expect(rejectsHeader(columns)).toBe(
      'row,field,value,expected,message,truck_id,equipment,home_city,home_region\n',
    );
  });

  test('one line per rejected row: first error in field/value/expected, every message joined', () => {
    const errors = [
      rowError(
        'fleet.csv',
        7,
        'equipment',
        'reefr',
        'one of dry_van, reefer',
        'equipment "reefr" is not one of dry_van, reefer',
      ),
      rowError('fleet.csv', 7, 'home_region', 'XX', '2-letter code', 'home_region "XX" is not a region'),
    ];
    const line = rejectsLine(
      errors,
      { truck_id: 'T-1', equipment: 'reefr', home_city: 'Laval, "QC"', home_region: 'XX' },
      columns,
    );
    expect(line).toBe(
      '7,equipment,reefr,"one of dry_van, reefer",' +
        '"Cannot import fleet.csv row 7: equipment ""reefr"" is not one of dry_van, reefer | ' +
        'Cannot import fleet.csv row 7: home_region ""XX"" is not a region",' +
        'T-1,reefr,"Laval, ""QC""",XX\n',
    );
  });

  test('round-trips through an RFC 4180 reader, line breaks and all', () => {
    const fields = { truck_id: 'T-1', equipment: 'a\nb', home_city: ' spaced ', home_region: '' };
    const errors = [rowError('fleet.csv', 3, '', '', 'x', 'the row has 3 fields')];
    const text = rejectsHeader(columns) + rejectsLine(errors, fields, columns);
    const [header, row] = parse(text) as string[][];
    expect(header).toEqual(['row', 'field', 'value', 'expected', 'message', ...columns]);
    expect(row).toEqual([
      '3',
      '',
      '',
      'x',
      'Cannot import fleet.csv row 3: the row has 3 fields',
      'T-1',
      'a\nb',
      ' spaced ',
      '',
    ]);
  });

  test('columns the row has no value for are left empty', () => {
    const errors = [rowError('fleet.csv', 1, 'truck_id', '', 'a header with truck_id', 'no truck_id column')];
    expect(rejectsLine(errors, {}, columns)).toBe(
      '1,truck_id,,a header with truck_id,Cannot import fleet.csv row 1: no truck_id column,,,,\n',
    );
  });
});
