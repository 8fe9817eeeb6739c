/**
 * What the ranking should find (DESIGN.md §3.10): shippers with a recurring northbound lane active
 * in the scoring window (latent truth, never read from the signals) whose dock is within the reload
 * radius of a landing zone.
 *
 * Which landing zones: the carrier's own, as §3.1 finds them in its deliveries — the deliveries are
 * the carrier's records, not a noisy observation, so the zones are facts the ranking is entitled to
 * (`zones`). The generator's truth lists only regular consignees' expected arrivals, which miss
 * markets made weekly by one-off drops (~22% of arrivals); `truthMarketZones` turns those into zones
 * for a stricter second check the evaluation reports beside the first.
 */
import { greatCircleMiles } from '../domain/geo.ts';
import type { TruthRecord } from './world-truth.ts';

export interface RelevanceRule {
  readonly asOf: Date;
  /** A lane counts when it is active at some point in the window before asOf. */
  readonly windowDays: number;
  readonly reloadRadiusMiles: number;
  /** A truth landing market counts from this many expected trucks a week. */
  readonly minTrucksPerWeek: number;
}

export const DEFAULT_RELEVANCE: Omit<RelevanceRule, 'asOf'> = {
  windowDays: 90,
  reloadRadiusMiles: 100,
  minTrucksPerWeek: 1,
};

export interface ZonePoint {
  readonly lat: number;
  readonly lon: number;
}

/** Truth landing markets expecting at least `minTrucksPerWeek` regular arrivals a week. */
export function truthMarketZones(truth: Iterable<TruthRecord>, rule: RelevanceRule): ZonePoint[] {
  const zones: ZonePoint[] = [];
  for (const record of truth) {
    if (record.kind === 'landing_market' && record.trucks_per_week >= rule.minTrucksPerWeek)
      zones.push(record);
  }
  return zones;
}

export function relevantShippers(
  truth: Iterable<TruthRecord>,
  zones: readonly ZonePoint[],
  rule: RelevanceRule,
): Set<string> {
  const shippers: Extract<TruthRecord, { kind: 'shipper' }>[] = [];
  for (const record of truth) if (record.kind === 'shipper') shippers.push(record);
  const windowStart = new Date(rule.asOf.getTime() - rule.windowDays * 86_400_000).toISOString().slice(0, 10);
  const asOfDay = rule.asOf.toISOString().slice(0, 10);
  const relevant = new Set<string>();
  for (const shipper of shippers) {
    const active = shipper.lanes.some((lane) => lane.active_from < asOfDay && lane.active_to >= windowStart);
    if (!active) continue;
    const dock = { lat: shipper.origin_lat, lon: shipper.origin_lon };
    if (zones.some((zone) => greatCircleMiles(dock, zone) <= rule.reloadRadiusMiles)) {
      relevant.add(shipper.company_id);
    }
  }
  return relevant;
}
