/**
 * What the format readers (CSV, NDJSON) hand to the row parsers: one row's fields by column name,
 * with its row number, or the reason it could not be read at all.
 */
import type { ImportKind } from './import-kinds.ts';
import type { RowError } from './row-error.ts';

export type SourceFormat = 'csv' | 'ndjson';

export interface SourceRow {
  /** CSV: the physical line the record starts on (header = 1); NDJSON: the 1-based line. */
  readonly row: number;
  /**
   * Values as written (untrimmed), keyed by column; what the rejects file echoes back. CSV: every
   * header column, in header order. NDJSON: every column of the kind, in spec order, '' where the
   * line has no value (extra keys are dropped). Empty on fatal rows.
   */
  readonly fields: Readonly<Record<string, string>>;
  /** Set when the row could not be read into fields (bad CSV quoting, wrong column count, bad JSON). */
  readonly error?: RowError;
  /**
   * Set with `error` when the whole file is refused (empty CSV, missing required column, unknown or
   * duplicate column). Fatal rows come before any data row and end the stream: import nothing.
   */
  readonly fatal?: true;
}

export interface ReadRowsOptions {
  /** As the user named it, for messages. */
  readonly fileName: string;
  readonly format: SourceFormat;
  readonly kind: ImportKind;
  /** Ignore columns (keys) the kind does not define instead of refusing them (§7 --allow-extra). */
  readonly allowExtra: boolean;
  /**
   * Called once, before the first row, with the columns a rejects file should echo: the CSV header
   * (trimmed, in file order, extras included) or, for NDJSON, the kind's columns (required, then
   * optional). Not called when the CSV header is refused.
   */
  readonly onHeader?: (columns: readonly string[]) => void;
}
