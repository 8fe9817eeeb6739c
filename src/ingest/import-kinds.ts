/**
 * The user file formats of DESIGN.md §7, one spec per import kind: which columns a file must have,
 * which it may have, and which column is the row's source id (what makes re-imports idempotent).
 * The column lists are the contract with users and with the world generator: change them only
 * together with §7.
 */
export const IMPORT_KINDS = ['fleet', 'deliveries', 'signals', 'loads', 'reps'] as const;
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

export const IMPORT_SPECS: Readonly<Record<ImportKind, ImportSpec>> = {
  fleet: spec(
    'fleet',
    'truck_id',
    ['truck_id', 'equipment', 'home_city', 'home_region'],
    ['domicile', 'credentials'],
    ['credentials'],
  ),
  deliveries: spec(
    'deliveries',
    'delivery_id',
    ['delivery_id', 'truck_id', 'dest_city', 'dest_region', 'delivered_at'],
    [
      'origin_city',
      'origin_region',
      'dest_zip',
      'dest_lat',
      'dest_lon',
      'equipment',
      'loaded_miles',
      'revenue',
      'currency',
    ],
  ),
  signals: spec(
    'signals',
    'signal_id',
    ['signal_id', 'observed_at', 'company_id', 'origin_region', 'dest_region', 'equipment'],
    [
      'source',
      'company_name',
      'company_domain',
      'searcher_id',
      'origin_city',
      'origin_zip',
      'origin_lat',
      'origin_lon',
      'dest_city',
      'industry',
      'company_employees',
    ],
  ),
  loads: spec(
    'loads',
    'load_id',
    [
      'load_id',
      'origin_city',
      'origin_region',
      'dest_city',
      'dest_region',
      'pickup_earliest',
      'pickup_latest',
      'equipment',
      'rate',
    ],
    [
      'shipper_id',
      'shipper_name',
      'delivery_latest',
      'weight_lb',
      'currency',
      'status',
      'requirements',
      'pre_arranged',
    ],
    ['requirements'],
  ),
  reps: spec('reps', 'rep_id', ['rep_id', 'name'], ['email', 'territories', 'capacity'], ['territories']),
};

export const isImportKind = (value: string): value is ImportKind =>
  (IMPORT_KINDS as readonly string[]).includes(value);
