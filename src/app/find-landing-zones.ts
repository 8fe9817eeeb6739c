/**
 * Use case: where do our trucks land (DESIGN.md §3.1)? Reads twice the lookback of deliveries (the
 * trend compares the lookback with the weeks before it) and ranks the markets.
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { TenantId } from '../domain/ids.ts';
import { findLandingZones } from '../zones/find-landing-zones.ts';
import {
  DEFAULT_LANDING_ZONE_OPTIONS,
  type LandingZoneOptions,
  type LandingZoneReport,
} from '../zones/landing-zone.ts';
import type { IntentReads } from './ports.ts';

const WEEK_MS = 7 * 86_400_000;

export interface LandingZonesResult {
  readonly report: LandingZoneReport;
  /** Deliveries in the window whose equipment is known neither from the row nor from the fleet. */
  readonly withoutEquipment: number;
}

export async function landingZonesOf(
  store: IntentReads,
  markets: Pick<Gazetteer, 'market'>,
  tenantId: TenantId,
  options: Partial<LandingZoneOptions> & { readonly asOf: Date },
): Promise<LandingZonesResult> {
  const resolved: LandingZoneOptions = { ...DEFAULT_LANDING_ZONE_OPTIONS, ...options };
  const from = new Date(resolved.asOf.getTime() - 2 * resolved.weeks * WEEK_MS);
  const { arrivals, withoutEquipment } = await store.landingArrivals(tenantId, from, resolved.asOf);
  return { report: findLandingZones(arrivals, markets, resolved), withoutEquipment };
}
