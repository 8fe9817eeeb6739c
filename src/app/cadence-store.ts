/**
 * The store port of the weekly cadence (DESIGN.md §3.4) and of the metrics (§3.9): tasks and their
 * audit trail, weekly runs, and dispatches (which load a truck took home after a delivery).
 * Implemented in src/db/sql-cadence-store.ts; reached as `store.cadence`.
 */
import type { Currency } from '../domain/units.ts';
import type { TenantId } from '../domain/ids.ts';
import type { OutreachTask, TaskEvent, TaskState } from '../domain/outreach-task.ts';
import type { Region } from '../domain/regions.ts';
import type { Rep } from '../domain/rep.ts';
import type { Equipment } from '../domain/equipment.ts';

export interface TaskFilter {
  readonly states?: readonly TaskState[] | undefined;
  readonly repId?: string | undefined;
  readonly taskIds?: readonly string[] | undefined;
}

export interface CadenceRun {
  readonly asOf: Date;
  readonly ranAt: Date;
  readonly tasksCreated: number;
  readonly prospectsWaiting: number;
  readonly escalated: number;
  readonly reassigned: number;
  readonly nurtured: number;
  readonly roundRobinCursor: string | null;
}

/** Tasks created or changed together with their events: saved atomically, or not at all. */
export interface TaskChanges {
  readonly tasks: readonly OutreachTask[];
  readonly events: readonly TaskEvent[];
  readonly run?: CadenceRun | undefined;
  /** Loads a booking links: marked booked for their shipper in the same transaction. */
  readonly bookings?:
    readonly { readonly loadIds: readonly string[]; readonly shipperId: string }[] | undefined;
}

export type DispatchSource = 'spot' | 'programme' | 'plan';

export interface Dispatch {
  readonly deliveryId: string;
  readonly truckId: string;
  readonly loadId: string;
  readonly pickedUpAt: Date;
  readonly deadheadMiles: number;
  readonly source: DispatchSource;
}

/** A northbound load as dispatching sees it. */
export interface LoadOffer {
  readonly loadId: string;
  readonly shipperId: string | null;
  readonly origin: { readonly lat: number; readonly lon: number };
  readonly pickupEarliest: Date;
  readonly pickupLatest: Date;
  readonly equipment: Equipment;
  readonly status: 'offered' | 'committed' | 'booked';
}

/** A southbound delivery with its truck's home and, when it took one, the load it carried home. */
export interface TripFacts {
  readonly deliveryId: string;
  readonly truckId: string;
  readonly deliveredAt: Date;
  readonly destLat: number;
  readonly destLon: number;
  readonly destMarketId: string | null;
  readonly destCity: string;
  readonly destRegion: Region;
  readonly equipment: Equipment;
  readonly loadedMiles: number | null;
  readonly revenue: number | null;
  readonly currency: Currency;
  readonly home: { readonly lat: number; readonly lon: number; readonly region: Region };
  readonly reload: {
    readonly loadId: string;
    readonly pickedUpAt: Date;
    readonly deadheadMiles: number;
    readonly source: DispatchSource;
    readonly originLat: number;
    readonly originLon: number;
    readonly destLat: number;
    readonly destLon: number;
    readonly rate: number;
    readonly currency: Currency;
  } | null;
}

/** When a task reached each stage of the funnel (from its events). */
export interface TaskMilestones {
  readonly taskId: string;
  readonly tier: 'A' | 'B';
  readonly repId: string | null;
  readonly zoneLabel: string | null;
  readonly destRegion: Region;
  readonly equipment: Equipment;
  readonly signalAt: Date;
  readonly createdAt: Date;
  readonly firstContactAt: Date | null;
  readonly quotedAt: Date | null;
  readonly bookedAt: Date | null;
  readonly lostAt: Date | null;
}

export interface Terminal {
  readonly city: string;
  readonly region: Region;
  readonly lat: number;
  readonly lon: number;
  readonly trucks: number;
}

/** Who the carrier is, as drafts quote it: its name and its home terminals, largest first. */
export interface CarrierProfile {
  readonly name: string;
  readonly terminals: readonly Terminal[];
}

export interface CadenceStore {
  carrierProfile(tenantId: TenantId): Promise<CarrierProfile>;
  reps(tenantId: TenantId): Promise<Rep[]>;
  /** Tasks matching the filter, oldest first. */
  tasks(tenantId: TenantId, filter?: TaskFilter): Promise<OutreachTask[]>;
  /** Companies that must not get a new task: an active one, or one closed at or after `closedSince`. */
  companiesInCadence(tenantId: TenantId, closedSince: Date): Promise<Set<string>>;
  /** The next free task number ("T<n>"). */
  nextTaskNumber(tenantId: TenantId): Promise<number>;
  /** Inserts or updates the tasks and appends the events (and the run), in one transaction. */
  saveTaskChanges(tenantId: TenantId, changes: TaskChanges): Promise<void>;
  taskEvents(tenantId: TenantId, taskId: string): Promise<TaskEvent[]>;
  lastRun(tenantId: TenantId): Promise<CadenceRun | null>;
  /** Loads that exist, of those asked for: a booking may only link real loads. */
  existingLoads(tenantId: TenantId, loadIds: readonly string[]): Promise<Set<string>>;
  saveDispatches(tenantId: TenantId, dispatches: readonly Dispatch[]): Promise<void>;
  /** Loads whose pickup window opens in [from, to) and that no truck has taken yet, earliest first. */
  untakenLoads(tenantId: TenantId, from: Date, to: Date): Promise<LoadOffer[]>;
  /** Deliveries in [from, to) with their truck's home and the reload each took, in time order. */
  trips(tenantId: TenantId, from: Date, to: Date): Promise<TripFacts[]>;
  /** Milestones of the tasks created in [from, to). */
  taskMilestones(tenantId: TenantId, from: Date, to: Date): Promise<TaskMilestones[]>;
  /** Deletes the tenant's tasks, events, runs and dispatches (the demo replays its quarter). */
  resetCadence(tenantId: TenantId): Promise<void>;
}
