/**
 * Kysely's view of the tables in migrations/. Keep in step with the SQL: the store tests exercise
 * every query against both engines, so drift shows up there.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** numeric comes back from Postgres as a string to keep precision. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface TenantsTable {
  tenant_id: string;
  name: string;
  created_at: Generated<Timestamp>;
}

export interface TrucksTable {
  tenant_id: string;
  truck_id: string;
  equipment: string;
  home_city: string;
  home_region: string;
  home_lat: number;
  home_lon: number;
  domicile: string;
  credentials: string[];
  source_hash: string;
  imported_at: Generated<Timestamp>;
}

export interface DeliveriesTable {
  tenant_id: string;
  delivery_id: string;
  truck_id: string;
  origin_city: string | null;
  origin_region: string | null;
  dest_city: string;
  dest_region: string;
  dest_zip: string | null;
  dest_lat: number;
  dest_lon: number;
  dest_market_id: string | null;
  dest_resolved_by: string;
  delivered_at: Timestamp;
  equipment: string | null;
  loaded_miles: number | null;
  revenue: Numeric | null;
  currency: string;
  source_hash: string;
  imported_at: Generated<Timestamp>;
}

export interface CompaniesTable {
  tenant_id: string;
  company_id: string;
  name: string | null;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface SignalsTable {
  tenant_id: string;
  signal_id: string;
  observed_at: Timestamp;
  company_id: string;
  searcher_id: string | null;
  source: string | null;
  origin_city: string | null;
  origin_region: string;
  origin_zip: string | null;
  origin_lat: number | null;
  origin_lon: number | null;
  origin_market_id: string | null;
  dest_city: string | null;
  dest_region: string;
  equipment: string;
  industry: string | null;
  source_hash: string;
  imported_at: Generated<Timestamp>;
}

export interface LoadsTable {
  tenant_id: string;
  load_id: string;
  shipper_id: string | null;
  shipper_name: string | null;
  origin_city: string;
  origin_region: string;
  origin_lat: number;
  origin_lon: number;
  origin_market_id: string | null;
  dest_city: string;
  dest_region: string;
  dest_lat: number;
  dest_lon: number;
  pickup_earliest: Timestamp;
  pickup_latest: Timestamp;
  delivery_latest: Timestamp | null;
  equipment: string;
  weight_lb: number | null;
  rate: Numeric;
  currency: string;
  status: string;
  requirements: string[];
  pre_arranged: boolean;
  source_hash: string;
  imported_at: Generated<Timestamp>;
}

export interface RepsTable {
  tenant_id: string;
  rep_id: string;
  name: string;
  email: string | null;
  territories: string[];
  capacity: number;
  region: string | null;
  source_hash: string;
  imported_at: Generated<Timestamp>;
}

export interface LanesTable {
  tenant_id: string;
  lane_id: string;
  partner_id: string;
  partner_name: string | null;
  origin_city: string;
  origin_region: string;
  origin_lat: number;
  origin_lon: number;
  origin_market_id: string | null;
  dest_city: string;
  dest_region: string;
  dest_lat: number;
  dest_lon: number;
  dest_market_id: string | null;
  equipment: string;
  loads_per_week: number;
  cost_per_load: Numeric | null;
  rate_per_load: Numeric | null;
  currency: string;
  source_hash: string;
  imported_at: Generated<Timestamp>;
}

export interface TendersTable {
  tenant_id: string;
  load_id: string;
  shipment_id: string;
  scac: string;
  purpose: string;
  file_name: string;
  sender_qualifier: string;
  sender_id: string;
  receiver_qualifier: string;
  receiver_id: string;
  sender_code: string;
  receiver_code: string;
  reference_list: unknown;
  received_at: Timestamp;
  response: string | null;
  decline_reason: string | null;
  responded_at: Timestamp | null;
  response_control_number: number | null;
  cancelled_at: Timestamp | null;
  cancel_file_name: string | null;
}

export interface ImportRunsTable {
  tenant_id: string;
  run_id: Generated<number>;
  kind: string;
  file_name: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  rows_read: number;
  rows_new: number;
  rows_updated: number;
  rows_unchanged: number;
  rows_rejected: number;
}

export interface Database {
  tenants: TenantsTable;
  trucks: TrucksTable;
  deliveries: DeliveriesTable;
  companies: CompaniesTable;
  signals: SignalsTable;
  loads: LoadsTable;
  reps: RepsTable;
  lanes: LanesTable;
  tenders: TendersTable;
  import_runs: ImportRunsTable;
}
