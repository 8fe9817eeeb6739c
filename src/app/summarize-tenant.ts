/**
 * Use case: what is in the store for a tenant — the fleet, where its trucks land, the intent
 * signals and companies, loads, reps, and the recent imports. The demo prints this, and so does
 * `northbound status`.
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { TenantId } from '../domain/ids.ts';
import { marketLabel } from '../domain/market.ts';
import type { EquipmentCount, ImportRunRecord, Store, TableCounts } from './ports.ts';

export interface DestinationSummary {
  /** "Dallas, TX" for a market; the city itself when no market lies within the radius. */
  readonly market: string;
  readonly isMarket: boolean;
  readonly deliveries: number;
  readonly trucks: number;
  readonly weeks: number;
}

export interface TenantSummary {
  readonly tenant: TenantId;
  readonly counts: TableCounts;
  readonly fleetByEquipment: readonly EquipmentCount[];
  readonly deliveriesWithoutTruck: number;
  readonly topDestinations: readonly DestinationSummary[];
  readonly signalsFrom: Date | null;
  readonly signalsTo: Date | null;
  readonly recentImports: readonly ImportRunRecord[];
}

export async function summarizeTenant(
  store: Store,
  gazetteer: Gazetteer,
  tenantId: TenantId,
  topN = 10,
): Promise<TenantSummary> {
  // Independent reads: the pg pool runs them side by side; PGlite serialises them itself.
  const [counts, fleetByEquipment, deliveriesWithoutTruck, destinations, span, recentImports] =
    await Promise.all([
      store.countRows(tenantId),
      store.fleetByEquipment(tenantId),
      store.deliveriesWithoutTruck(tenantId),
      store.topDestinationMarkets(tenantId, topN),
      store.signalSpan(tenantId),
      store.importRuns(tenantId, 10),
    ]);
  const topDestinations = destinations.map((d) => {
    const market = d.marketId === null ? undefined : gazetteer.market(d.marketId);
    return {
      market: market ? marketLabel(market) : `${d.city}, ${d.region}`,
      isMarket: market !== undefined,
      deliveries: d.deliveries,
      trucks: d.trucks,
      weeks: d.weeks,
    };
  });
  return {
    tenant: tenantId,
    counts,
    fleetByEquipment,
    deliveriesWithoutTruck,
    topDestinations,
    signalsFrom: span.first,
    signalsTo: span.last,
    recentImports,
  };
}
