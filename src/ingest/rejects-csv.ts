/**
 * The rejects file written beside an input (`signals.csv` → e.g. `signals.rejects.csv`): what was
 * wrong, then the row as it came in, so a dispatcher can fix the values in a spreadsheet and import
 * the file again with --allow-extra (which ignores the five leading columns).
 *
 * One line per rejected row, not per error: `field`, `value` and `expected` are the first error's,
 * `message` joins every error's message with " | ". A row with three problems stays one row to fix.
 * Lines end in "\n" and fields are quoted per RFC 4180 when they hold a comma, quote or line break.
 */
import { csvRecord } from './csv-field.ts';
import type { RowError } from './row-error.ts';

export const REJECT_COLUMNS = ['row', 'field', 'value', 'expected', 'message'] as const;

/** The header line: the reject columns, then the input's columns in its header order. */
export function rejectsHeader(columns: readonly string[]): string {
  return csvRecord([...REJECT_COLUMNS, ...columns]);
}

/**
 * One rejected row; its row number is the first error's. `columns` is what readRows reported through
 * onHeader; a column the row has no value for (e.g. a fatal or store-side finding) is left empty.
 */
export function rejectsLine(
  errors: readonly RowError[],
  fields: Readonly<Record<string, string>>,
  columns: readonly string[],
): string {
  const first = errors[0];
  const cells = [
    first === undefined ? '' : String(first.row),
    first?.field ?? '',
    first?.value ?? '',
    first?.expected ?? '',
    errors.map((error) => error.message).join(' | '),
  ];
  for (const column of columns) cells.push(fields[column] ?? '');
  return csvRecord(cells);
}
