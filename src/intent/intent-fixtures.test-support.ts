/**
 * Hand-made signals and a hand-made landing picture for the intent tests: one landing zone at
 * Dallas (reload radius 100 mi, proximity 0 at 300 mi) where 6 dry vans and 0.5 reefers a week land.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { Region } from '../domain/regions.ts';
import type { LandingSnapshot } from '../zones/price-origins.ts';
import { DEFAULT_SCORING_OPTIONS, type ScoringOptions } from './scoring-options.ts';
import { SignalColumnsBuilder, type SignalColumns, type SignalFacts } from './signal-columns.ts';

export const AS_OF = new Date('2026-11-16T00:00:00Z');
export const DAY = 86_400_000;
export const DALLAS = { lat: 32.7767, lon: -96.797 };
export const FORT_WORTH = { lat: 32.7555, lon: -97.3308 };
export const AUSTIN = { lat: 30.2672, lon: -97.7431 };
export const DENVER = { lat: 39.7392, lon: -104.9903 };

/** One zone, Dallas; one market with arrivals, Dallas: 6 dry vans and half a reefer a week. */
export const dallasLanding: LandingSnapshot = {
  zones: [{ key: 'dallas', label: 'Dallas, TX', ...DALLAS, reloadRadiusMiles: 100 }],
  markets: [
    {
      ...DALLAS,
      reloadRadiusMiles: 100,
      equipment: [
        { equipment: 'dry_van', trucksPerWeek: 6 },
        { equipment: 'reefer', trucksPerWeek: 0.5 },
      ],
    },
  ],
  proximityZeroMiles: 300,
};

export interface SignalSpec {
  readonly company: string;
  readonly daysAgo: number;
  readonly searcher?: string | null;
  readonly at?: { readonly lat: number; readonly lon: number } | null;
  readonly city?: string;
  readonly originRegion?: Region;
  readonly destRegion?: Region;
  readonly equipment?: Equipment;
  readonly industry?: string | null;
}

export function signal(spec: SignalSpec): SignalFacts {
  const at = spec.at === undefined ? DALLAS : spec.at;
  return {
    companyId: spec.company,
    searcherId: spec.searcher === undefined ? `${spec.company}-s1` : spec.searcher,
    observedAtMs: AS_OF.getTime() - spec.daysAgo * DAY,
    originLat: at?.lat ?? null,
    originLon: at?.lon ?? null,
    originMarketId: at === null ? null : 'm-dallas',
    originCity: at === null ? null : (spec.city ?? 'Dallas'),
    originRegion: spec.originRegion ?? 'TX',
    destRegion: spec.destRegion ?? 'ON',
    equipment: spec.equipment ?? 'dry_van',
    industry: spec.industry === undefined ? 'food' : spec.industry,
  };
}

export function columnsOf(specs: readonly SignalSpec[]): SignalColumns {
  const builder = new SignalColumnsBuilder(4);
  // Stores read in time order; the builder must group companies without disturbing it.
  for (const spec of [...specs].sort((a, b) => b.daysAgo - a.daysAgo)) builder.add(signal(spec));
  return builder.build();
}

export const scoringOptions = (overrides: Partial<ScoringOptions> = {}): ScoringOptions => ({
  ...DEFAULT_SCORING_OPTIONS,
  asOf: AS_OF,
  servedProvinces: ['ON', 'QC'],
  ...overrides,
});
