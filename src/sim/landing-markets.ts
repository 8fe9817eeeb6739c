/**
 * The landing markets the world was built with: regular consignees' expected weekly arrivals, summed by
 * the market each dock belongs to (nearest market within the gazetteer's radius, else the dock's own
 * city, as §3.1 assigns deliveries). This is the truth landing-zone detection should recover (one-off
 * drops add ~22% more arrivals spread thinly), and what reps' territories are named after.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import { marketLabel } from '../domain/market.ts';
import type { Region } from '../domain/regions.ts';
import type { Consignee } from './world-model.ts';

export interface LandingMarket {
  /** "Dallas, TX" */
  readonly label: string;
  readonly marketId: string | null;
  readonly region: Region;
  /** The market's centre (or the city's point when no market is near). */
  readonly lat: number;
  readonly lon: number;
  readonly trucksPerWeek: number;
  readonly trucksPerWeekByEquipment: Readonly<Partial<Record<Equipment, number>>>;
}

export function landingMarkets(consignees: readonly Consignee[], gazetteer: Gazetteer): LandingMarket[] {
  const byLabel = new Map<
    string,
    {
      marketId: string | null;
      region: Region;
      lat: number;
      lon: number;
      total: number;
      byEquipment: Partial<Record<Equipment, number>>;
    }
  >();
  for (const consignee of consignees) {
    // The city's market: most rows name the city, and docks are kept inside it (PlaceCatalog.dockNear).
    const market = gazetteer.nearestMarket(consignee.city);
    const named = market ?? consignee.city;
    const label = marketLabel(named);
    const entry = byLabel.get(label) ?? {
      marketId: market?.id ?? null,
      region: named.region,
      lat: named.lat,
      lon: named.lon,
      total: 0,
      byEquipment: {},
    };
    entry.total += consignee.trucksPerWeek;
    entry.byEquipment[consignee.equipment] =
      (entry.byEquipment[consignee.equipment] ?? 0) + consignee.trucksPerWeek;
    byLabel.set(label, entry);
  }
  return [...byLabel]
    .map(([label, entry]) => ({
      label,
      marketId: entry.marketId,
      region: entry.region,
      lat: entry.lat,
      lon: entry.lon,
      trucksPerWeek: entry.total,
      trucksPerWeekByEquipment: entry.byEquipment,
    }))
    .sort((a, b) => b.trucksPerWeek - a.trucksPerWeek || a.label.localeCompare(b.label, 'en'));
}
