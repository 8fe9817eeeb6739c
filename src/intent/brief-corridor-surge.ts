/**
 * The broker brief for a surging corridor (DESIGN.md §3.3): the counts, the baseline, the carrier's
 * trucks landing near the corridor's origin and the capacity it can commit — a paragraph the carrier
 * can forward to a broker working that lane, in the carrier's voice ("we land …"). Capacity is what lands there reliably: for each market
 * within the reload radius (or in the origin state, for a state corridor), trucks/week of the
 * corridor's equipment × the share of weeks they land, summed and rounded down.
 */
import type { Equipment } from '../domain/equipment.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import type { Region } from '../domain/regions.ts';
import type { LandingMarket, LandingZoneReport } from '../zones/landing-zone.ts';
import { equipmentWords } from './explain-prospect.ts';

export interface BriefOrigin {
  readonly label: string;
  readonly region: Region;
  /** The market centre; absent for a corridor that starts from a state. */
  readonly point?: { readonly lat: number; readonly lon: number } | undefined;
}

export interface SurgeFigures {
  readonly observed: number;
  readonly baselineMean: number;
  readonly ratio: number | null;
  readonly score: number;
  readonly qValue: number;
}

export interface CorridorBrief {
  readonly trucksPerWeekNearby: number;
  readonly committableLoadsPerWeek: number;
  readonly nearbyZones: readonly string[];
  readonly text: string;
}

const one = (value: number): string => (Math.round(value * 10) / 10).toString();

export function briefCorridorSurge(
  origin: BriefOrigin,
  destRegion: Region,
  equipment: Equipment,
  figures: SurgeFigures,
  report: LandingZoneReport,
): CorridorBrief {
  const nearby: LandingMarket[] = report.markets.filter((m) =>
    origin.point === undefined
      ? m.region === origin.region
      : greatCircleMiles(origin.point, m) <= m.reloadRadiusMiles,
  );
  let trucks = 0;
  let reliable = 0;
  for (const market of nearby) {
    const landing = market.equipment.find((e) => e.equipment === equipment);
    if (landing === undefined) continue;
    trucks += landing.trucksPerWeek;
    reliable += landing.trucksPerWeek * landing.consistency;
  }
  const committable = Math.floor(reliable);
  const kind = equipmentWords(equipment);
  const zones = nearby.filter((m) => m.isLandingZone).map((m) => m.label);
  const ratio = figures.ratio === null ? 'from a zero baseline' : `${one(figures.ratio)}× its baseline`;
  const where =
    origin.point === undefined ? `in ${origin.region}` : `within ${nearby[0]?.reloadRadiusMiles ?? 100} mi`;
  const capacity =
    trucks > 0
      ? `We land ${one(trucks)} ${kind} trucks a week ${where}` +
        (zones.length > 0 ? ` (${zones.join(', ')})` : '') +
        ` and can commit ${committable} northbound ${committable === 1 ? 'load' : 'loads'} a week on this lane.`
      : `We have no ${kind} trucks landing ${where} yet.`;
  const text =
    `${origin.label} → ${destRegion}, ${kind}: ${figures.observed} searches last week against a baseline of ` +
    `${one(figures.baselineMean)}/week (${ratio}; surge score ${Math.round(figures.score)}/100, ` +
    `q = ${figures.qValue.toPrecision(2)}). ${capacity}`;
  return { trucksPerWeekNearby: trucks, committableLoadsPerWeek: committable, nearbyZones: zones, text };
}
