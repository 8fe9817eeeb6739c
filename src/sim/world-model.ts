/**
 * The materialised part of a world: the carrier, its consignees, the shippers and their latent lanes,
 * the bots and the freight brokers. These are small (≤ ~1M objects for the large world); everything
 * with a row per event (deliveries, signals, loads) is generated lazily from them.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { LatLon } from '../domain/geo.ts';
import type { City } from '../domain/market.ts';
import type { Province, UsState } from '../domain/regions.ts';
import type { Credential } from '../domain/truck.ts';
import type { Industry } from './company-names.ts';
import type { ShipperSector } from './reference-data.ts';
import type { Weekday } from './world-calendar.ts';

export interface Terminal {
  readonly index: number;
  readonly city: City;
  readonly province: Province;
}

export interface FleetTruck {
  readonly index: number;
  readonly truckId: string;
  readonly terminal: Terminal;
  readonly equipment: Equipment;
  readonly credentials: readonly Credential[];
}

export interface Carrier {
  readonly name: string;
  readonly domain: string;
  readonly terminals: readonly Terminal[];
  readonly trucks: readonly FleetTruck[];
  /** Provinces the carrier runs home to: its terminals' provinces. */
  readonly homeProvinces: readonly Province[];
}

/**
 * A regular receiver of the carrier's southbound freight. Consignees are what make landing zones:
 * a consignee that takes several trucks a week makes its market land "week after week".
 */
export interface Consignee {
  readonly index: number;
  readonly terminal: Terminal;
  readonly equipment: Equipment;
  readonly city: City;
  /** The dock: near the city, not on its GeoNames point. */
  readonly point: LatLon;
  readonly zip: string | null;
  /** Expected arrivals per week (the truth behind landing-zone detection). */
  readonly trucksPerWeek: number;
}

export interface Shipper {
  readonly index: number;
  readonly companyId: string;
  readonly name: string;
  readonly domain: string;
  readonly sector: ShipperSector;
  readonly industry: Industry;
  readonly employees: number;
  readonly state: UsState;
  readonly city: City;
  /** The shipping dock, within a few miles of the city. */
  readonly point: LatLon;
  readonly zip: string | null;
  /** People at the company who search load boards (1–3). */
  readonly searcherIds: readonly string[];
  /** Recurring northbound lanes; empty for most shippers. */
  readonly lanes: LatentLane[];
}

/**
 * A recurring northbound need: the shipper moves `loadsPerWeek` loads (or one every `everyWeeks`
 * weeks) from its dock to a Canadian city between startWeek and endWeek. Searches precede shipments.
 */
export interface LatentLane {
  readonly index: number;
  readonly laneId: string;
  readonly shipper: Shipper;
  readonly destProvince: Province;
  readonly destCity: City;
  readonly equipment: Equipment;
  readonly hs2: string;
  /** Average loads per week while active (fractions mean every few weeks). */
  readonly loadsPerWeek: number;
  /** For loadsPerWeek < 1: ships every this many weeks, in weeks where week % everyWeeks === phase. */
  readonly everyWeeks: number;
  readonly phase: number;
  /** Calendar weeks (inclusive); may start before the history and run into the scheduled week. */
  readonly startWeek: number;
  readonly endWeek: number;
  /** The first calendar week ≥ 0 with a planned shipment (lane-schedule.ts). */
  readonly firstWeek: number;
  /** The weekdays it ships on. */
  readonly weekdays: readonly Weekday[];
  readonly searcherIds: readonly string[];
  /** Load boards / intent sources its searchers use. */
  readonly sources: readonly string[];
  readonly weightLb: number;
}

export interface BotBurst {
  readonly day: number;
  /** Local minutes into the day when the burst starts; it lasts under an hour. */
  readonly minute: number;
  readonly searches: number;
}

/** A company id that behaves like software, not a shipper: bursts of searches over random lanes. */
export interface Bot {
  readonly index: number;
  readonly companyId: string;
  readonly name: string;
  readonly domain: string;
  readonly source: string;
  readonly bursts: readonly BotBurst[];
}

/** One customer dock a broker searches trucks for. */
export interface BrokerOrigin {
  readonly city: City;
  readonly state: UsState;
  /** The city's ZIP when one lies close by (null otherwise). */
  readonly zip: string | null;
  /** Relative share of the broker's searches: some customers ship far more than others. */
  readonly weight: number;
}

/**
 * A freight broker / 3PL: searches load boards for Canada-bound trucks every business day on behalf
 * of many customers, so its searches are heavy but start from many origins. Not a shipper: it has
 * no lanes of its own, and the ranking should not put it on top.
 */
export interface Broker {
  readonly index: number;
  readonly companyId: string;
  readonly name: string;
  readonly domain: string;
  readonly employees: number;
  readonly homeState: UsState;
  readonly homeCity: City;
  /** The brokerage's load planners who search (3–8). */
  readonly searcherIds: readonly string[];
  /** Load boards it searches on. */
  readonly sources: readonly string[];
  /** Its customers' origin cities (distinct), spread over its home state and beyond. */
  readonly origins: readonly BrokerOrigin[];
  /** Mean searches a week (weekends get a fraction, as for one-offs). */
  readonly searchesPerWeek: number;
}

/** Load boards and intent feeds a signal may come from. */
export const SIGNAL_SOURCES = ['dat', 'truckstop', 'loadlink', '123loadboard', 'web'] as const;

/** One search of a surge: a shipper's dock, a local day and minute (surge-events.ts). */
export interface SurgeSearch {
  readonly shipper: Shipper;
  readonly day: number;
  /** Local minutes into the day. */
  readonly minute: number;
  readonly instantMs: number;
}

/**
 * A corridor surge: for one week, several shippers of one origin market search far more than usual
 * for one destination province and equipment (DESIGN.md §3.3 should flag it).
 */
export interface SurgeEvent {
  readonly index: number;
  /** The origin market (a gazetteer market in a US state). */
  readonly market: City;
  readonly destProvince: Province;
  readonly equipment: Equipment;
  /** 0 = week t (the 7 days before asOf), 1 = week t−1. */
  readonly weeksBeforeAsOf: number;
  /** Start of that 7-day week (asOf − 7·(weeksBeforeAsOf + 1) days). */
  readonly weekStartMs: number;
  /** The corridor's estimated usual searches a week, before the surge. */
  readonly usualPerWeek: number;
  /** The extra searches, in time order. */
  readonly searches: readonly SurgeSearch[];
}
