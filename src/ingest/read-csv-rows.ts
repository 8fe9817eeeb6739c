/**
 * Streams a CSV file (UTF-8, RFC 4180, optional BOM) into SourceRows with csv-parse.
 *
 * Bad rows never stop the file: csv-parse runs with `skip_records_with_error`, and its on_skip hook
 * pushes a marker into the same output queue during the same parse call that pushes the good
 * records, so rejects come out in file order. Column counts are checked here rather than by csv-parse
 * (`relax_column_count: true`) for the same reason: a short row becomes that row's reject, in order.
 *
 * Row numbers are physical lines, counted here rather than taken from csv-parse's `info`: asking for
 * info (or on_record) makes csv-parse build a context object per record, a third of its run time on
 * the 200k-row demo file, and its counter also counts a CRLF inside a quoted field as two lines.
 * Every physical line belongs to exactly one record (blank lines come through as one empty field),
 * so a record spans 1 + the line breaks inside its fields. A record csv-parse drops for bad quoting is
 * known only by the line the problem was seen on; it is assumed to end there (true unless a later
 * field of the same broken record is a quoted multi-line value).
 */
import { parse, type CsvError } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { checkHeader } from './check-header.ts';
import { IMPORT_SPECS } from './import-kinds.ts';
import { rowError } from './row-error.ts';
import type { ReadRowsOptions, SourceRow } from './source-row.ts';

/** What on_skip pushes in place of a record csv-parse could not read. */
interface Skipped {
  readonly error: CsvError;
}

const LINE_BREAK = /[\r\n]/;
const CSV_EXPECTED =
  'RFC 4180 CSV: quote a field that holds a comma, quote or line break, and double inner quotes';

/** Problem phrases for csv-parse's syntax error codes, in a dispatcher's words. */
function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside an unquoted field; quote the whole field and double the inner quote ("")';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quoted field has characters after its closing quote; double a quote meant as text ("")';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed, so the rest of the file was read as one value';
    default:
      return `is not valid CSV (${error.message})`;
  }
}

/** Every header column, empty: a row that could not be read still lists the file's columns. */
function blankFields(header: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const column of header) fields[column] = '';
  return fields;
}

/** Line breaks in a field value, CRLF counting once (as an editor shows them). */
function lineBreaks(value: string): number {
  let breaks = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10 || (c === 13 && value.charCodeAt(i + 1) !== 10)) breaks++;
  }
  return breaks;
}

const crlfs = (value: string): number => value.split('\r\n').length - 1;

export async function* readCsvRows(
  chunks: AsyncIterable<Uint8Array | string>,
  options: ReadRowsOptions,
): AsyncGenerator<SourceRow> {
  const { fileName: file, allowExtra, onHeader } = options;
  const spec = IMPORT_SPECS[options.kind];

  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error !== undefined) parser.push({ error } satisfies Skipped);
    },
  });
  // pipeline propagates a failing source (an unreadable file) into the parser, so the loop below throws
  // it; the callback only has to exist. Leaving the loop early destroys both streams.
  pipeline(Readable.from(chunks, { objectMode: false }), parser, () => undefined);

  let header: readonly string[] | null = null;
  /** The physical line the next record starts on. */
  let nextLine = 1;
  /** CRLFs inside quoted fields so far: csv-parse counted each as two lines, so its line numbers run ahead. */
  let crlfSeen = 0;

  for await (const item of parser as AsyncIterable<string[] | Skipped>) {
    if (!Array.isArray(item)) {
      const seenAt = (typeof item.error.lines === 'number' ? item.error.lines : nextLine) - crlfSeen;
      // csv-parse reports each bad quote; a second report before the line after the first is the same record.
      if (seenAt < nextLine) continue;
      const row = nextLine;
      nextLine = seenAt + 1;
      const error = rowError(file, row, '', '', CSV_EXPECTED, describeCsvError(item.error));
      if (header === null) {
        // Without a header nothing in the file can be read.
        yield { row, fields: {}, error, fatal: true };
        return;
      }
      yield { row, fields: blankFields(header), error };
      continue;
    }

    const row = nextLine;
    nextLine++;
    for (const value of item) {
      // One regex test per field; the counting loops run only for the rare multi-line value.
      if (LINE_BREAK.test(value)) {
        nextLine += lineBreaks(value);
        crlfSeen += crlfs(value);
      }
    }

    if (header === null) {
      header = item.map((name) => name.trim());
      const fatal = checkHeader(header, spec, allowExtra, file);
      if (fatal.length > 0) {
        for (const error of fatal) yield { row: error.row, fields: {}, error, fatal: true };
        return;
      }
      onHeader?.(header);
      continue;
    }
    // A blank line (often the last one) is not a record; spreadsheets write them.
    if (item.length === 1 && item[0]?.trim() === '') continue;

    const fields: Record<string, string> = {};
    const n = Math.min(item.length, header.length);
    for (let i = 0; i < n; i++) fields[header[i] as string] = item[i] as string;
    if (item.length === header.length) {
      yield { row, fields };
      continue;
    }
    for (let i = n; i < header.length; i++) fields[header[i] as string] = '';
    const expected = `${header.length} fields, one per header column`;
    const problem = `the row has ${item.length} fields but the header has ${header.length} columns`;
    yield { row, fields, error: rowError(file, row, '', '', expected, problem) };
  }

  if (header === null) {
    const expected = `a header row naming the ${spec.kind} columns`;
    const error = rowError(file, 1, '', '', expected, `the file is empty; expected ${expected}`);
    yield { row: 1, fields: {}, error, fatal: true };
  }
}
