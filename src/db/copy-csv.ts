/**
 * Serialises values for COPY … WITH (FORMAT csv). An unquoted empty field is NULL and a quoted
 * empty field is the empty string, so the distinction survives. Arrays become Postgres array
 * literals (elements double-quoted, with \ and " escaped) inside a CSV field.
 */
import { csvField } from '../ingest/csv-field.ts';

type Value = string | number | boolean | Date | readonly string[] | null | undefined;

/** The empty string must be quoted: unquoted, COPY would read it as NULL. */
const quoteCsv = (text: string): string => (text === '' ? '""' : csvField(text));

const arrayLiteral = (items: readonly string[]): string =>
  `{${items.map((item) => `"${item.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

function copyField(value: Value): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return quoteCsv(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot COPY a non-finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return quoteCsv(arrayLiteral(value as readonly string[]));
}

export const csvLine = (values: readonly Value[]): string => values.map(copyField).join(',') + '\n';
