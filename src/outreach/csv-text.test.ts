import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { csvText } from './csv-text.ts';

describe('csvText', () => {
  it('quotes only fields holding a comma, a quote, CR, LF or edge whitespace, doubling quotes; rows end in CRLF', () => {
    const text = csvText(
      ['a', 'b', 'c'],
      [
        ['plain', 'one, two', 'say "hi"'],
        ['line\nbreak', 'cr\rhere', ' padded'],
        ['', 'é', 'tail '],
      ],
    );
    expect(text).toBe(
      'a,b,c\r\n' +
        'plain,"one, two","say ""hi"""\r\n' +
        '"line\nbreak","cr\rhere"," padded"\r\n' +
        ',é,"tail "\r\n',
    );
  });

  it('round-trips through csv-parse', () => {
    const rows = [
      ['Widgets, "Best" Inc.\r\nTexas', '', 'x'],
      ['=1+1', ' ', '"'],
    ];
    expect(parse(csvText(['a', 'b', 'c'], rows))).toEqual([['a', 'b', 'c'], ...rows]);
  });

  it('writes the header alone when there are no rows', () => {
    expect(csvText(['Subject'], [])).toBe('Subject\r\n');
  });

  it('refuses a row whose length differs from the header, naming the row', () => {
    expect(() => csvText(['a', 'b'], [['1', '2'], ['3']])).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: 'Cannot write CSV text: row 2 has 1 fields, the header has 2 columns',
      }),
    );
    expect(() => csvText([], [])).toThrow(NorthboundError);
  });
});
