/**
 * CSV text as RFC 4180 writes it, for files other tools import (HubSpot, Salesforce Data Loader):
 * a header row, then one record per row; every row ends in CRLF, the last one included.
 *
 * A field is quoted when it holds a comma, a double quote, CR or LF (RFC 4180 §2.6), and, beyond the
 * RFC, when it starts or ends with whitespace, because several importers trim unquoted fields. Quotes
 * inside a quoted field are doubled (§2.7). The text is a JS string; the caller writes it as UTF-8
 * without a byte-order mark (HubSpot asks for UTF-8; a BOM ends up inside the first header name in
 * tools that do not expect one).
 *
 * Cost: linear in the total length of the fields.
 */
import { NorthboundError } from '../domain/errors.ts';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

const csvField = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** The CSV text of a header and its rows; each row must have exactly one field per header column. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (header.length === 0) {
    throw new NorthboundError('invalid_input', 'Cannot write CSV text: the header has no columns');
  }
  const lines: string[] = [header.map(csvField).join(',')];
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot write CSV text: row ${index + 1} has ${row.length} fields, the header has ${header.length} columns`,
        { row: index + 1, fields: row.length, columns: header.length },
      );
    }
    lines.push(row.map(csvField).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
