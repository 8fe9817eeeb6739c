/**
 * The rows a world emits, keyed by the exact DESIGN.md §7 column names, every value a string ('' for an
 * empty optional field), so the file writer only formats. Column order is §7's: required, then optional.
 */
import { FILE_COLUMNS } from '../ingest/file-columns.ts';

const { fleet, deliveries, signals, loads, reps, lanes } = FILE_COLUMNS;

export const FLEET_COLUMNS = [...fleet.required, ...fleet.optional] as const;
export const DELIVERY_COLUMNS = [...deliveries.required, ...deliveries.optional] as const;
export const SIGNAL_COLUMNS = [...signals.required, ...signals.optional] as const;
export const LOAD_COLUMNS = [...loads.required, ...loads.optional] as const;
export const REP_COLUMNS = [...reps.required, ...reps.optional] as const;
export const LANE_COLUMNS = [...lanes.required, ...lanes.optional] as const;

export type FleetRow = Record<(typeof FLEET_COLUMNS)[number], string>;
export type DeliveryRow = Record<(typeof DELIVERY_COLUMNS)[number], string>;
export type SignalRow = Record<(typeof SIGNAL_COLUMNS)[number], string>;
export type LoadRow = Record<(typeof LOAD_COLUMNS)[number], string>;
export type RepRow = Record<(typeof REP_COLUMNS)[number], string>;
export type LaneRow = Record<(typeof LANE_COLUMNS)[number], string>;

/** The CSV files of a world, in the order an import should run (fleet before deliveries). */
export const WORLD_TABLES = [
  { kind: 'fleet', file: 'fleet.csv', columns: FLEET_COLUMNS },
  { kind: 'deliveries', file: 'deliveries.csv', columns: DELIVERY_COLUMNS },
  { kind: 'signals', file: 'signals.csv', columns: SIGNAL_COLUMNS },
  { kind: 'loads', file: 'loads.csv', columns: LOAD_COLUMNS },
  { kind: 'reps', file: 'reps.csv', columns: REP_COLUMNS },
  { kind: 'lanes', file: 'lanes.csv', columns: LANE_COLUMNS },
] as const;

export type WorldTableKind = (typeof WORLD_TABLES)[number]['kind'];

/** Fixed decimals without trailing noise ("41.88123", "1520.5"). */
export const formatNumber = (value: number, decimals: number): string =>
  String(Number(value.toFixed(decimals)));
