/**
 * Ports: what use cases need from the outside world. Adapters in src/db (the store), src/files
 * (files and reference data) and src/main.ts (clock) implement them; use cases never import
 * adapters directly (the layering rule enforces it).
 */
import type { CadenceStore } from './cadence-store.ts';
import type { PoolStore } from './pool-store.ts';
import type { Company } from '../domain/company.ts';
import type { Delivery } from '../domain/delivery.ts';
import type { Equipment } from '../domain/equipment.ts';
import type { MarketId, TenantId } from '../domain/ids.ts';
import type { Lane } from '../domain/lane.ts';
import type { Load } from '../domain/load.ts';
import type { Rep } from '../domain/rep.ts';
import type { IntentSignal } from '../domain/signal.ts';
import type { Truck } from '../domain/truck.ts';

/** A truck at the end of its last southbound delivery in a window. */
export interface TruckAfterDelivery {
  readonly deliveryId: string;
  readonly truck: Truck;
  readonly position: { readonly lat: number; readonly lon: number; readonly region: Region };
  readonly availableAt: Date;
}
import type { ImportKind } from '../ingest/import-kinds.ts';
import type { SignalColumns } from '../intent/signal-columns.ts';
import type { Region } from '../domain/regions.ts';
import type { LandingArrival } from '../zones/landing-zone.ts';

/** The record each import kind produces. A signal row also carries facts about its company. */
export interface ImportedRecords {
  fleet: Truck;
  deliveries: Delivery;
  signals: { readonly signal: IntentSignal; readonly company: Company };
  loads: Load;
  reps: Rep;
  lanes: Lane;
}

export interface StagedRow<R> {
  /** The row number in the source file, so store-side findings can name it. */
  readonly row: number;
  readonly record: R;
}

export interface ImportSession<K extends ImportKind> {
  stage(rows: readonly StagedRow<ImportedRecords[K]>[]): Promise<void>;
}

/** The same source id twice in one file with different content: which rows, which id. */
export interface DuplicateConflict {
  readonly id: string;
  readonly firstRow: number;
  readonly row: number;
}

export interface FillOutcome {
  readonly rowsRead: number;
  readonly rowsRejected: number;
  /** False when the file had rejects and the import is atomic: roll everything back. */
  readonly commit: boolean;
}

export interface ImportRequest<K extends ImportKind> {
  readonly tenantId: TenantId;
  readonly kind: K;
  readonly fileName: string;
  readonly startedAt: Date;
  /** 'reject': conflicting duplicates fail the import; 'keep-first': later ones are dropped and reported. */
  readonly conflictPolicy: 'reject' | 'keep-first';
  readonly fill: (session: ImportSession<K>) => Promise<FillOutcome>;
  readonly now: () => Date;
}

export interface ImportCounts {
  readonly rowsNew: number;
  readonly rowsUpdated: number;
  readonly rowsUnchanged: number;
}

export interface ImportResult extends ImportCounts {
  readonly committed: boolean;
  readonly rowsRead: number;
  readonly rowsRejected: number;
  readonly conflicts: readonly DuplicateConflict[];
}

export interface TableCounts {
  readonly trucks: number;
  readonly deliveries: number;
  readonly companies: number;
  readonly signals: number;
  readonly loads: number;
  readonly reps: number;
  readonly lanes: number;
}

export interface DestinationMarketCount {
  readonly marketId: MarketId | null;
  readonly city: string;
  readonly region: string;
  readonly deliveries: number;
  readonly trucks: number;
  /** Distinct ISO weeks with at least one delivery. */
  readonly weeks: number;
}

export interface EquipmentCount {
  readonly equipment: Equipment;
  readonly trucks: number;
}

export interface ImportRunRecord {
  readonly runId: number;
  readonly kind: string;
  readonly fileName: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly rowsRead: number;
  readonly rowsNew: number;
  readonly rowsUpdated: number;
  readonly rowsUnchanged: number;
  readonly rowsRejected: number;
}

export interface Store {
  readonly engine: 'pglite' | 'postgres';
  readonly location: string;
  /** Tasks, events, weekly runs and dispatches (DESIGN.md §3.4, §3.9). */
  readonly cadence: CadenceStore;
  /** Partners' lanes and the broker's EDI tenders (DESIGN.md §3.7). */
  readonly pool: PoolStore;
  ensureTenant(tenantId: TenantId, name?: string): Promise<void>;
  importRecords<K extends ImportKind>(request: ImportRequest<K>): Promise<ImportResult>;
  countRows(tenantId: TenantId): Promise<TableCounts>;
  /** Delivery destinations grouped by market (or by city when no market is near), busiest first. */
  topDestinationMarkets(tenantId: TenantId, limit: number): Promise<DestinationMarketCount[]>;
  fleetByEquipment(tenantId: TenantId): Promise<EquipmentCount[]>;
  /** Deliveries whose truck_id is not in the fleet (imported before the fleet, or a typo upstream). */
  deliveriesWithoutTruck(tenantId: TenantId): Promise<number>;
  signalSpan(tenantId: TenantId): Promise<{ first: Date | null; last: Date | null }>;
  importRuns(tenantId: TenantId, limit: number): Promise<ImportRunRecord[]>;
  /** Deliveries in [from, to) as landing arrivals, in time order; those of unknown equipment are counted. */
  landingArrivals(
    tenantId: TenantId,
    from: Date,
    to: Date,
  ): Promise<{ arrivals: LandingArrival[]; withoutEquipment: number }>;
  /** Signals observed in [from, to) as scoring columns (grouped by company, in time order). */
  signalColumns(tenantId: TenantId, from: Date, to: Date): Promise<SignalColumns>;
  /** Facts of the given companies (all companies when ids is null). */
  companies(tenantId: TenantId, ids: readonly string[] | null): Promise<Company[]>;
  /** Each truck's last southbound delivery in [from, to): where and when it becomes free (§3.6). */
  trucksAfterDelivery(tenantId: TenantId, from: Date, to: Date): Promise<TruckAfterDelivery[]>;
  /** Loads not booked or taken whose pickup window overlaps [from, to), earliest first. */
  openLoads(tenantId: TenantId, from: Date, to: Date): Promise<Load[]>;
  /** Trucks by home region, most first: the provinces the carrier heads home to. */
  fleetHomes(tenantId: TenantId): Promise<{ readonly region: Region; readonly trucks: number }[]>;
  close(): Promise<void>;
}

/**
 * What scoring, landing zones and surge detection read. The store gives exactly [from, to); a
 * prefetched view (prefetch-intent-reads.ts) may give a wider span, because the cores judge every row
 * by its own time against asOf.
 */
export type IntentReads = Pick<Store, 'landingArrivals' | 'signalColumns' | 'fleetHomes'>;

/** Reading input files and writing files beside them (rejects), without the use case touching fs. */
export interface FileAccess {
  /** Streams a file's bytes; fails with a NorthboundError naming the path when it cannot be read. */
  read(path: string): AsyncIterable<Uint8Array>;
  size(path: string): Promise<number>;
  writeText(path: string): Promise<TextSink>;
  /** Creates a directory (and its parents) when missing. */
  makeDirectory(path: string): Promise<void>;
}

export interface TextSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Progress of a long job (a bar on a TTY, nothing otherwise). */
export interface Progress {
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, update() {}, stop() {} };
