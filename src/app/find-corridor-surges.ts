/**
 * Use case: what is moving in the market (DESIGN.md §3.3)? Weekly searches per corridor over the 14
 * weeks before asOf, each corridor tested against its own baseline (weeks t−13…t−2), false
 * discoveries controlled across corridors, and a broker brief for every flagged one.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import { asId, type MarketId, type TenantId } from '../domain/ids.ts';
import { marketLabel } from '../domain/market.ts';
import type { Region } from '../domain/regions.ts';
import { briefCorridorSurge, type BriefOrigin, type CorridorBrief } from '../intent/brief-corridor-surge.ts';
import { corridorWeeks } from '../intent/corridor-weeks.ts';
import { detectSurges, DEFAULT_SURGE_OPTIONS, type SurgeOptions } from '../intent/detect-surges.ts';
import { DEFAULT_SCORING_OPTIONS } from '../intent/scoring-options.ts';
import { landingZonesOf } from './find-landing-zones.ts';
import type { IntentReads } from './ports.ts';

const DAY_MS = 86_400_000;

export interface CorridorFinding {
  readonly origin: string;
  readonly originMarketId: string | null;
  readonly originRegion: Region;
  readonly destRegion: Region;
  readonly equipment: Equipment;
  /** Searches per week, oldest first; the last is the week tested. */
  readonly weekly: readonly number[];
  readonly observed: number;
  readonly baselineMean: number;
  readonly ratio: number | null;
  readonly pValue: number;
  readonly qValue: number;
  readonly score: number;
  readonly flagged: boolean;
  readonly brief: CorridorBrief | null;
}

export interface CorridorReport {
  readonly asOf: Date;
  readonly weekStart: Date;
  readonly corridorsTested: number;
  readonly flagged: readonly CorridorFinding[];
  /** The highest-scoring corridors that were not flagged: worth watching. */
  readonly watch: readonly CorridorFinding[];
}

export async function findCorridorSurges(
  store: IntentReads,
  gazetteer: Pick<Gazetteer, 'market'>,
  tenantId: TenantId,
  options: { readonly asOf: Date; readonly surge?: Partial<SurgeOptions> | undefined },
): Promise<CorridorReport> {
  const surge: SurgeOptions = { ...DEFAULT_SURGE_OPTIONS, ...options.surge };
  const weeks = surge.baselineWeeks + surge.gapWeeks + 1;
  const { asOf } = options;
  const { report } = await landingZonesOf(store, gazetteer, tenantId, { asOf });
  const columns = await store.signalColumns(tenantId, new Date(asOf.getTime() - weeks * 7 * DAY_MS), asOf);
  const series = corridorWeeks(columns, asOf, weeks, DEFAULT_SCORING_OPTIONS.duplicateWindowMinutes);
  const tests = detectSurges(
    series.map((s) => s.counts),
    surge,
  );

  const originOf = (marketId: string | null, region: Region): BriefOrigin => {
    const market = marketId === null ? undefined : gazetteer.market(asId<MarketId>(marketId));
    return market === undefined
      ? { label: region, region }
      : { label: marketLabel(market), region, point: { lat: market.lat, lon: market.lon } };
  };
  const findings: CorridorFinding[] = series.map((s, i) => {
    const test = tests[i]!;
    const origin = originOf(s.origin.marketId, s.origin.region);
    return {
      origin: origin.label,
      originMarketId: s.origin.marketId,
      originRegion: s.origin.region,
      destRegion: s.destRegion,
      equipment: s.equipment,
      weekly: Array.from(s.counts),
      observed: test.observed,
      baselineMean: test.baselineMean,
      ratio: test.ratio,
      pValue: test.pValue,
      qValue: test.qValue,
      score: test.score,
      flagged: test.flagged,
      brief: test.flagged ? briefCorridorSurge(origin, s.destRegion, s.equipment, test, report) : null,
    };
  });
  const byScore = (a: CorridorFinding, b: CorridorFinding) =>
    b.score - a.score || b.observed - a.observed || a.origin.localeCompare(b.origin);
  return {
    asOf,
    weekStart: new Date(asOf.getTime() - 7 * DAY_MS),
    corridorsTested: findings.length,
    flagged: findings.filter((f) => f.flagged).sort(byScore),
    watch: findings
      .filter((f) => !f.flagged && f.observed >= surge.minSignals)
      .sort(byScore)
      .slice(0, 10),
  };
}
