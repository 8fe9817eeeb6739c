/**
 * How each import kind maps onto its table: the staged columns (with SQL types, for the temporary
 * staging table), which of them are content stored in the target table (hashed for idempotency),
 * the source-id column, and the record → row conversion used to write COPY CSV.
 */
import type { ImportedRecords } from '../app/ports.ts';
import type { ImportKind } from '../ingest/import-kinds.ts';

type Value = string | number | boolean | Date | readonly string[] | null;

export interface RecordTable<K extends ImportKind> {
  readonly table: string;
  readonly idColumn: string;
  /** [column, SQL type] for everything staged, in COPY order. */
  readonly staged: readonly (readonly [string, string])[];
  /** Staged columns that are not stored in the target table (e.g. company facts on a signal row). */
  readonly stageOnly: readonly string[];
  readonly toRow: (record: ImportedRecords[K]) => readonly Value[];
}

const TEXT = 'text';
const FLOAT = 'double precision';
const TIME = 'timestamptz';
const MONEY = 'numeric(14, 2)';

const fleet: RecordTable<'fleet'> = {
  table: 'trucks',
  idColumn: 'truck_id',
  staged: [
    ['truck_id', TEXT],
    ['equipment', TEXT],
    ['home_city', TEXT],
    ['home_region', TEXT],
    ['home_lat', FLOAT],
    ['home_lon', FLOAT],
    ['domicile', TEXT],
    ['credentials', 'text[]'],
  ],
  stageOnly: [],
  toRow: (t) => [
    t.truckId,
    t.equipment,
    t.homeCity,
    t.homeRegion,
    t.home.lat,
    t.home.lon,
    t.domicile,
    t.credentials,
  ],
};

const deliveries: RecordTable<'deliveries'> = {
  table: 'deliveries',
  idColumn: 'delivery_id',
  staged: [
    ['delivery_id', TEXT],
    ['truck_id', TEXT],
    ['origin_city', TEXT],
    ['origin_region', TEXT],
    ['dest_city', TEXT],
    ['dest_region', TEXT],
    ['dest_zip', TEXT],
    ['dest_lat', FLOAT],
    ['dest_lon', FLOAT],
    ['dest_market_id', TEXT],
    ['dest_resolved_by', TEXT],
    ['delivered_at', TIME],
    ['equipment', TEXT],
    ['loaded_miles', FLOAT],
    ['revenue', MONEY],
    ['currency', TEXT],
  ],
  stageOnly: [],
  toRow: (d) => [
    d.deliveryId,
    d.truckId,
    d.originCity,
    d.originRegion,
    d.dest.city,
    d.dest.region,
    d.destZip,
    d.dest.lat,
    d.dest.lon,
    d.dest.marketId,
    d.dest.resolvedBy,
    d.deliveredAt,
    d.equipment,
    d.loadedMiles,
    d.revenue,
    d.currency,
  ],
};

const signals: RecordTable<'signals'> = {
  table: 'signals',
  idColumn: 'signal_id',
  staged: [
    ['signal_id', TEXT],
    ['observed_at', TIME],
    ['company_id', TEXT],
    ['searcher_id', TEXT],
    ['source', TEXT],
    ['origin_city', TEXT],
    ['origin_region', TEXT],
    ['origin_zip', TEXT],
    ['origin_lat', FLOAT],
    ['origin_lon', FLOAT],
    ['origin_market_id', TEXT],
    ['dest_city', TEXT],
    ['dest_region', TEXT],
    ['equipment', TEXT],
    ['industry', TEXT],
    ['company_name', TEXT],
    ['company_domain', TEXT],
    ['company_employees', 'integer'],
  ],
  stageOnly: ['company_name', 'company_domain', 'company_employees'],
  toRow: ({ signal: s, company: c }) => [
    s.signalId,
    s.observedAt,
    s.companyId,
    s.searcherId,
    s.source,
    s.origin?.city ?? null,
    s.originRegion,
    s.originZip,
    s.origin?.lat ?? null,
    s.origin?.lon ?? null,
    s.origin?.marketId ?? null,
    s.destCity,
    s.destRegion,
    s.equipment,
    s.industry,
    c.name,
    c.domain,
    c.employees,
  ],
};

const loads: RecordTable<'loads'> = {
  table: 'loads',
  idColumn: 'load_id',
  staged: [
    ['load_id', TEXT],
    ['shipper_id', TEXT],
    ['shipper_name', TEXT],
    ['origin_city', TEXT],
    ['origin_region', TEXT],
    ['origin_lat', FLOAT],
    ['origin_lon', FLOAT],
    ['origin_market_id', TEXT],
    ['dest_city', TEXT],
    ['dest_region', TEXT],
    ['dest_lat', FLOAT],
    ['dest_lon', FLOAT],
    ['pickup_earliest', TIME],
    ['pickup_latest', TIME],
    ['delivery_latest', TIME],
    ['equipment', TEXT],
    ['weight_lb', FLOAT],
    ['rate', MONEY],
    ['currency', TEXT],
    ['status', TEXT],
    ['requirements', 'text[]'],
    ['pre_arranged', 'boolean'],
  ],
  stageOnly: [],
  toRow: (l) => [
    l.loadId,
    l.shipperId,
    l.shipperName,
    l.origin.city,
    l.origin.region,
    l.origin.lat,
    l.origin.lon,
    l.origin.marketId,
    l.dest.city,
    l.dest.region,
    l.dest.lat,
    l.dest.lon,
    l.pickupEarliest,
    l.pickupLatest,
    l.deliveryLatest,
    l.equipment,
    l.weightLb,
    l.rate,
    l.currency,
    l.status,
    l.requirements,
    l.preArranged,
  ],
};

const reps: RecordTable<'reps'> = {
  table: 'reps',
  idColumn: 'rep_id',
  staged: [
    ['rep_id', TEXT],
    ['name', TEXT],
    ['email', TEXT],
    ['territories', 'text[]'],
    ['capacity', 'integer'],
    ['region', TEXT],
  ],
  stageOnly: [],
  toRow: (r) => [r.repId, r.name, r.email, r.territories, r.capacity, r.region],
};

const lanes: RecordTable<'lanes'> = {
  table: 'lanes',
  idColumn: 'lane_id',
  staged: [
    ['lane_id', TEXT],
    ['partner_id', TEXT],
    ['partner_name', TEXT],
    ['origin_city', TEXT],
    ['origin_region', TEXT],
    ['origin_lat', FLOAT],
    ['origin_lon', FLOAT],
    ['origin_market_id', TEXT],
    ['dest_city', TEXT],
    ['dest_region', TEXT],
    ['dest_lat', FLOAT],
    ['dest_lon', FLOAT],
    ['dest_market_id', TEXT],
    ['equipment', TEXT],
    ['loads_per_week', FLOAT],
    ['cost_per_load', MONEY],
    ['rate_per_load', MONEY],
    ['currency', TEXT],
  ],
  stageOnly: [],
  toRow: (l) => [
    l.laneId,
    l.partnerId,
    l.partnerName,
    l.origin.city,
    l.origin.region,
    l.origin.lat,
    l.origin.lon,
    l.origin.marketId,
    l.dest.city,
    l.dest.region,
    l.dest.lat,
    l.dest.lon,
    l.dest.marketId,
    l.equipment,
    l.loadsPerWeek,
    l.costPerLoad,
    l.ratePerLoad,
    l.currency,
  ],
};

export const RECORD_TABLES: { readonly [K in ImportKind]: RecordTable<K> } = {
  fleet,
  deliveries,
  signals,
  loads,
  reps,
  lanes,
};

/** Content columns stored in the target table: staged minus stage-only. */
export const storedColumns = (t: RecordTable<ImportKind>): string[] =>
  t.staged.map(([name]) => name).filter((name) => !t.stageOnly.includes(name));
