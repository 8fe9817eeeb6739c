/**
 * Landing zones (DESIGN.md §3.1): the US markets where a carrier's trucks finish southbound deliveries
 * week after week. These are the shapes findLandingZones produces and priceOrigins, intent scoring,
 * narratives and metrics read.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { MarketId } from '../domain/ids.ts';
import type { Region } from '../domain/regions.ts';

/** One southbound delivery, as the landing-zone core needs it (the caller resolves place and equipment). */
export interface LandingArrival {
  readonly truckId: string;
  /** The delivery's equipment, else the truck's (the caller resolves which). */
  readonly equipment: Equipment;
  /** UTC epoch milliseconds. */
  readonly deliveredAtMs: number;
  /** The resolved destination point. */
  readonly lat: number;
  readonly lon: number;
  /** The nearest market within 75 mi (resolved at import); null when there is none. */
  readonly marketId: MarketId | null;
  /** The destination as written: names the zone when there is no market, and sets the local weekday. */
  readonly city: string;
  readonly region: Region;
}

export interface LandingZoneOptions {
  /** The lookback ends here, exclusive: deliveries at or after it are scheduled, not history. */
  readonly asOf: Date;
  /** Lookback length in weeks (13); the trend compares with the same number of weeks before it. */
  readonly weeks: number;
  /** Share of weeks with at least one arrival a landing zone needs (0.6). */
  readonly minConsistency: number;
  /** Mean distinct trucks per week a landing zone needs (1). */
  readonly minTrucksPerWeek: number;
  /** How many top-ranked zones are the primary hunting grounds (5). */
  readonly primaryCount: number;
  /** Reload radius of every zone, miles (100). */
  readonly reloadRadiusMiles: number;
  /** Trend is "up" at or above this ratio of the previous period's trucks/week (1.2). */
  readonly trendUpRatio?: number;
  /** Trend is "down" at or below this ratio (0.8). */
  readonly trendDownRatio?: number;
  /** busiestWeekdays holds the busiest weekdays that together reach this share of arrivals (0.75). */
  readonly busiestWeekdayShare?: number;
}

/** The §3.1 defaults. Every tuning field is present, so callers can read them without a fallback. */
export const DEFAULT_LANDING_ZONE_OPTIONS: Required<Omit<LandingZoneOptions, 'asOf'>> = {
  weeks: 13,
  minConsistency: 0.6,
  minTrucksPerWeek: 1,
  primaryCount: 5,
  reloadRadiusMiles: 100,
  trendUpRatio: 1.2,
  trendDownRatio: 0.8,
  busiestWeekdayShare: 0.75,
};

/** One equipment type landing in one market over the lookback. */
export interface EquipmentLanding {
  readonly equipment: Equipment;
  readonly arrivals: number;
  /** Share of the market's arrivals in the lookback. */
  readonly share: number;
  /** Mean distinct trucks of this equipment per week (weeks without any count as 0). */
  readonly trucksPerWeek: number;
  /** Share of weeks with at least one arrival of this equipment. */
  readonly consistency: number;
}

export type TrendDirection = 'up' | 'flat' | 'down' | 'new';

export interface LandingTrend {
  /** Mean distinct trucks per week over the `weeks` weeks before the lookback. */
  readonly previousMean: number;
  /** Lookback mean ÷ previousMean; null when previousMean is 0. */
  readonly ratio: number | null;
  readonly direction: TrendDirection;
}

export interface LandingMarket {
  /** The marketId, or "city:<normalised city>|<region>" when the deliveries found no market. */
  readonly key: string;
  /** "Dallas, TX": the market's name, or the city as written, with its region. */
  readonly label: string;
  readonly marketId: MarketId | null;
  readonly region: Region;
  /** The market's centre; for a city zone, the mean of its arrivals' points. */
  readonly lat: number;
  readonly lon: number;
  /** Deliveries in the lookback. */
  readonly arrivals: number;
  /** Distinct trucks in the lookback. */
  readonly trucks: number;
  /** Distinct trucks arriving in each week, oldest first (length = weeks). */
  readonly weeklyTrucks: readonly number[];
  readonly trucksPerWeek: { readonly mean: number; readonly median: number };
  /** Share of weeks with at least one arrival. */
  readonly consistency: number;
  /** Busiest first (ties in EQUIPMENT order); only equipment seen in the lookback. */
  readonly equipment: readonly EquipmentLanding[];
  /** Arrivals by local weekday at the destination: index 0 = Monday … 6 = Sunday. */
  readonly weekdays: readonly number[];
  /** The fewest weekdays that together hold ≥ 75% of arrivals, busiest first ("Tuesday to Thursday"). */
  readonly busiestWeekdays: readonly number[];
  readonly trend: LandingTrend;
  /** trucksPerWeek.mean × consistency: the ranking key. */
  readonly strength: number;
  /** consistency ≥ minConsistency and trucksPerWeek.mean ≥ minTrucksPerWeek. */
  readonly isLandingZone: boolean;
  /** 1-based among landing zones; null for markets that are not landing zones. */
  readonly rank: number | null;
  /** rank ≤ primaryCount: a primary hunting ground. */
  readonly primary: boolean;
  readonly reloadRadiusMiles: number;
}

export interface LandingZoneReport {
  /** Start of the lookback (inclusive). */
  readonly from: Date;
  /** End of the lookback (exclusive): the asOf. */
  readonly to: Date;
  readonly weeks: number;
  /** Every market with an arrival in the lookback: landing zones by rank, then the rest by strength. */
  readonly markets: readonly LandingMarket[];
  /** The landing zones only, by rank. */
  readonly zones: readonly LandingMarket[];
}
