/**
 * The rows a world emits, keyed by the exact DESIGN.md §7 column names, every value a string ('' for an
 * empty optional field), so the file writer only formats. Column order is §7's: required, then optional.
 */

export const FLEET_COLUMNS = [
  'truck_id',
  'equipment',
  'home_city',
  'home_region',
  'domicile',
  'credentials',
] as const;

export const DELIVERY_COLUMNS = [
  'delivery_id',
  'truck_id',
  'dest_city',
  'dest_region',
  'delivered_at',
  'origin_city',
  'origin_region',
  'dest_zip',
  'dest_lat',
  'dest_lon',
  'equipment',
  'loaded_miles',
  'revenue',
  'currency',
] as const;

export const SIGNAL_COLUMNS = [
  'signal_id',
  'observed_at',
  'company_id',
  'origin_region',
  'dest_region',
  'equipment',
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
] as const;

export const LOAD_COLUMNS = [
  'load_id',
  'origin_city',
  'origin_region',
  'dest_city',
  'dest_region',
  'pickup_earliest',
  'pickup_latest',
  'equipment',
  'rate',
  'shipper_id',
  'shipper_name',
  'delivery_latest',
  'weight_lb',
  'currency',
  'status',
  'requirements',
  'pre_arranged',
] as const;

export const REP_COLUMNS = ['rep_id', 'name', 'email', 'territories', 'capacity'] as const;

export type FleetRow = Record<(typeof FLEET_COLUMNS)[number], string>;
export type DeliveryRow = Record<(typeof DELIVERY_COLUMNS)[number], string>;
export type SignalRow = Record<(typeof SIGNAL_COLUMNS)[number], string>;
export type LoadRow = Record<(typeof LOAD_COLUMNS)[number], string>;
export type RepRow = Record<(typeof REP_COLUMNS)[number], string>;

/** The CSV files of a world, in the order an import should run (fleet before deliveries). */
export const WORLD_TABLES = [
  { kind: 'fleet', file: 'fleet.csv', columns: FLEET_COLUMNS },
  { kind: 'deliveries', file: 'deliveries.csv', columns: DELIVERY_COLUMNS },
  { kind: 'signals', file: 'signals.csv', columns: SIGNAL_COLUMNS },
  { kind: 'loads', file: 'loads.csv', columns: LOAD_COLUMNS },
  { kind: 'reps', file: 'reps.csv', columns: REP_COLUMNS },
] as const;

export type WorldTableKind = (typeof WORLD_TABLES)[number]['kind'];

/** Fixed decimals without trailing noise ("41.88123", "1520.5"). */
export const formatNumber = (value: number, decimals: number): string =>
  String(Number(value.toFixed(decimals)));
