/**
 * The user file formats of DESIGN.md §7, one spec per import kind: which columns a file must have,
 * which it may have, and which column is the row's source id (what makes re-imports idempotent).
 * The column lists are the contract with users and with the world generator: change them only
 * together with §7.
 */
import { FILE_COLUMNS } from './file-columns.ts';

export const IMPORT_KINDS = ['fleet', 'deliveries', 'signals', 'loads', 'reps', 'lanes'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportSpec {
  readonly kind: ImportKind;
  /** The column whose value identifies the row across imports. */
  readonly sourceIdColumn: string;
  /** Columns the header must name (CSV) and every row must fill. */
  readonly required: readonly string[];
  /** Columns that may be absent from the header or empty on a row. */
  readonly optional: readonly string[];
  /** `;`-separated list columns; NDJSON may give these as JSON arrays. */
  readonly listColumns: readonly string[];
  /** required then optional, the order the rejects file uses for NDJSON input. */
  readonly columns: readonly string[];
  /** Every column of the kind, for O(1) unknown-column checks on the hot path. */
  readonly known: ReadonlySet<string>;
}

function spec(
  kind: ImportKind,
  sourceIdColumn: string,
  required: readonly string[],
  optional: readonly string[],
  listColumns: readonly string[] = [],
): ImportSpec {
  const columns = [...required, ...optional];
  return { kind, sourceIdColumn, required, optional, listColumns, columns, known: new Set(columns) };
}

const { fleet, deliveries, signals, loads, reps, lanes } = FILE_COLUMNS;

export const IMPORT_SPECS: Readonly<Record<ImportKind, ImportSpec>> = {
  fleet: spec('fleet', 'truck_id', fleet.required, fleet.optional, ['credentials']),
  deliveries: spec('deliveries', 'delivery_id', deliveries.required, deliveries.optional),
  signals: spec('signals', 'signal_id', signals.required, signals.optional),
  loads: spec('loads', 'load_id', loads.required, loads.optional, ['requirements']),
  reps: spec('reps', 'rep_id', reps.required, reps.optional, ['territories']),
  lanes: spec('lanes', 'lane_id', lanes.required, lanes.optional),
};

export const isImportKind = (value: string): value is ImportKind =>
  (IMPORT_KINDS as readonly string[]).includes(value);
