/**
 * Streams NDJSON (one JSON object per line, UTF-8, optional BOM) into SourceRows with the same field
 * names as the CSV format. Values are normalised to the strings the row parsers read: numbers and
 * booleans as written by JSON, null as '' (absent), and arrays in list columns (credentials,
 * territories, requirements) joined with ';'.
 *
 * Nothing here is fatal: NDJSON has no header, so each line stands alone. A line that is not a JSON
 * object, names a key the kind does not define (without allowExtra), or holds a nested object is that
 * line's reject. Blank lines are skipped but counted, so row numbers stay editor line numbers.
 */
import { IMPORT_SPECS, type ImportSpec } from './import-kinds.ts';
import { rowError, type RowError } from './row-error.ts';
import type { ReadRowsOptions, SourceRow } from './source-row.ts';

const OBJECT_EXPECTED = 'one JSON object per line';
/** How much of a bad line to echo into the rejects file: enough to find it, not a megabyte. */
const ECHO_CHARS = 200;

type Scalar = string | number | boolean | null;

const isScalar = (value: unknown): value is Scalar =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const scalarText = (value: Scalar): string => (value === null ? '' : String(value));

/** Whitespace-only? Data lines start with "{", so this looks at one character for all but blank lines. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

/**
 * Every column of the kind, in spec order, empty (= absent, §7). Pre-filling gives every line's fields
 * the same keys in the same order: the rejects file lines up, and V8 sees one object shape.
 */
function blankFields(spec: ImportSpec): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const column of spec.columns) fields[column] = '';
  return fields;
}

function readLine(text: string, row: number, spec: ImportSpec, allowExtra: boolean, file: string): SourceRow {
  const fail = (field: string, value: string, expected: string, problem: string): SourceRow => ({
    row,
    fields: blankFields(spec),
    error: rowError(file, row, field, value, expected, problem),
  });

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('', text.slice(0, ECHO_CHARS), OBJECT_EXPECTED, `the line is not valid JSON (${reason})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail('', text.slice(0, ECHO_CHARS), OBJECT_EXPECTED, 'the line is JSON but not an object');
  }

  // A fresh object with known keys only: extras (with allowExtra) are dropped, and a "__proto__" key
  // in the input can never reach a prototype setter.
  const fields = blankFields(spec);
  const unknown: string[] = [];
  let bad: RowError | null = null;
  const object = parsed as Record<string, unknown>;
  // for…in, not Object.entries: no pair arrays per line, and JSON.parse objects inherit nothing enumerable.
  for (const key in object) {
    const value = object[key];
    if (!spec.known.has(key)) {
      if (!allowExtra) unknown.push(key);
      continue;
    }
    if (isScalar(value)) {
      fields[key] = scalarText(value);
    } else if (Array.isArray(value) && spec.listColumns.includes(key) && value.every(isScalar)) {
      fields[key] = value.map(scalarText).join(';');
    } else if (bad === null) {
      const shown = JSON.stringify(value).slice(0, ECHO_CHARS);
      const expected = spec.listColumns.includes(key)
        ? 'a string or an array of strings'
        : 'a string, number, boolean or null';
      bad = rowError(file, row, key, shown, expected, `${key} holds ${shown}; expected ${expected}`);
    }
  }
  if (unknown.length > 0) {
    const names = unknown.map((key) => JSON.stringify(key)).join(', ');
    const kindColumns = spec.columns.join(', ');
    const problem =
      `${names} ${unknown.length === 1 ? 'is not a' : 'are not'} ${spec.kind} field${unknown.length === 1 ? '' : 's'} ` +
      `(${kindColumns}); pass --allow-extra to ignore extra fields`;
    return {
      row,
      fields,
      error: rowError(file, row, unknown[0] ?? '', '', `one of ${kindColumns}`, problem),
    };
  }
  return bad === null ? { row, fields } : { row, fields, error: bad };
}

export async function* readNdjsonRows(
  chunks: AsyncIterable<Uint8Array | string>,
  options: ReadRowsOptions,
): AsyncGenerator<SourceRow> {
  const { fileName: file, allowExtra } = options;
  const spec = IMPORT_SPECS[options.kind];
  options.onHeader?.(spec.columns);

  // TextDecoder drops a leading BOM from bytes and holds split UTF-8 sequences across chunks.
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;
  let atStart = true;

  function* drain(text: string, final: boolean): Generator<SourceRow> {
    let buffer = pending + text;
    if (atStart && buffer.length > 0) {
      atStart = false;
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
    }
    let start = 0;
    for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n', start)) {
      line++;
      const row = buffer.slice(start, end);
      start = end + 1;
      if (!isBlank(row)) yield readLine(row, line, spec, allowExtra, file);
    }
    pending = buffer.slice(start);
    if (final && !isBlank(pending)) {
      line++;
      yield readLine(pending, line, spec, allowExtra, file);
      pending = '';
    }
  }

  for await (const chunk of chunks) {
    yield* drain(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }), false);
  }
  yield* drain(decoder.decode(), true);
}
