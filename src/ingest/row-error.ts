/**
 * A reason a row (or a whole file) could not be imported, in the words a dispatcher can act on.
 *
 * Row numbers: for CSV the physical line on which the record starts, counting the header as line 1,
 * so the first data row is row 2 (a multi-line quoted field pushes later rows down by its extra
 * lines, as an editor shows them); for NDJSON the 1-based line. File-level problems carry row 1
 * (CSV header) and field = the column name, or '' when no single column is to blame.
 */
export interface RowError {
  readonly file: string;
  readonly row: number;
  /** The column at fault, or '' for problems with the row or file as a whole. */
  readonly field: string;
  /** The value seen (as written in the file, trimmed). */
  readonly value: string;
  /** What would have been accepted, e.g. "one of dry_van, reefer, flatbed, step_deck, tanker". */
  readonly expected: string;
  /** `Cannot import signals.csv row 812: equipment "reefr" is not one of dry_van, reefer, …`. */
  readonly message: string;
}

/** Builds a RowError whose message carries the file, the row and `problem` (which names the value). */
export function rowError(
  file: string,
  row: number,
  field: string,
  value: string,
  expected: string,
  problem: string,
): RowError {
  return { file, row, field, value, expected, message: `Cannot import ${file} row ${row}: ${problem}` };
}
