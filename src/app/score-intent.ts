/**
 * Use case core: score every company of a tenant as of a date (DESIGN.md §3.2). Landing zones come
 * first (proximity and equipment fit are measured against them), then the signals of the scoring
 * lookback are read as columns and scored. `list-prospects`, `find-corridor-surges` and
 * `evaluate-prospects` all stand on this one function, so they agree on the numbers.
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { TenantId } from '../domain/ids.ts';
import { isProvince, type Province } from '../domain/regions.ts';
import type { ProspectScores } from '../intent/prospect-scores.ts';
import { scoreProspects, type ProspectScorer } from '../intent/score-prospects.ts';
import {
  DEFAULT_SCORING_OPTIONS,
  SCORING_LOOKBACK_DAYS,
  type IntentWeights,
  type ScoringOptions,
} from '../intent/scoring-options.ts';
import type { SignalColumns } from '../intent/signal-columns.ts';
import { landingSnapshot, type LandingSnapshot } from '../zones/price-origins.ts';
import type { LandingZoneReport } from '../zones/landing-zone.ts';
import { landingZonesOf } from './find-landing-zones.ts';
import type { IntentReads } from './ports.ts';

export interface ScoreIntentOptions {
  readonly asOf: Date;
  readonly weights?: IntentWeights | undefined;
  /** Industries the carrier is strong in; empty leaves industry fit out of the score. */
  readonly strengths?: readonly string[] | undefined;
  /** Destination provinces served; defaults to the fleet's home provinces. */
  readonly servedProvinces?: readonly Province[] | undefined;
  readonly zoneWeeks?: number | undefined;
  /** Scores the columns: scoreProspects on this thread unless the caller has a faster scorer. */
  readonly scorer?: ProspectScorer | undefined;
}

export interface IntentScoring {
  readonly report: LandingZoneReport;
  readonly landing: LandingSnapshot;
  readonly columns: SignalColumns;
  readonly scores: ProspectScores;
  readonly options: ScoringOptions;
  /** Time spent reading signals and scoring them, ms (the CLI's --verbose and the bench read it). */
  readonly timings: { readonly zonesMs: number; readonly readMs: number; readonly scoreMs: number };
}

export async function scoreIntent(
  store: IntentReads,
  markets: Pick<Gazetteer, 'market'>,
  tenantId: TenantId,
  options: ScoreIntentOptions,
  now: () => number = () => performance.now(),
): Promise<IntentScoring> {
  const started = now();
  const { report } = await landingZonesOf(store, markets, tenantId, {
    asOf: options.asOf,
    ...(options.zoneWeeks === undefined ? {} : { weeks: options.zoneWeeks }),
  });
  const landing = landingSnapshot(report);
  const servedProvinces =
    options.servedProvinces ?? (await store.fleetHomes(tenantId)).map((h) => h.region).filter(isProvince);
  const zonesDone = now();
  const from = new Date(options.asOf.getTime() - SCORING_LOOKBACK_DAYS * 86_400_000);
  const columns = await store.signalColumns(tenantId, from, options.asOf);
  const readDone = now();
  const scoringOptions: ScoringOptions = {
    ...DEFAULT_SCORING_OPTIONS,
    asOf: options.asOf,
    servedProvinces,
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    ...(options.strengths === undefined ? {} : { strengths: options.strengths }),
  };
  const scores = (options.scorer ?? scoreProspects)(columns, landing, scoringOptions);
  const scoreDone = now();
  return {
    report,
    landing,
    columns,
    scores,
    options: scoringOptions,
    timings: { zonesMs: zonesDone - started, readMs: readDone - zonesDone, scoreMs: scoreDone - readDone },
  };
}
