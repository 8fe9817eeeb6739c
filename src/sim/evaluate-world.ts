/**
 * The evaluation harness (DESIGN.md §3.10): score one world's companies and compare the ranking with
 * the latent truth, beside two baselines over the same companies (every company with a search in the
 * 90 days): rank by company size, and rank by raw signal count (duplicates and all). Pure: the caller
 * supplies the world's inputs, its truth and the weights.
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import { rankProspects } from '../intent/rank-prospects.ts';
import { scoreProspects } from '../intent/score-prospects.ts';
import { DEFAULT_SCORING_OPTIONS, type IntentWeights } from '../intent/scoring-options.ts';
import { findLandingZones } from '../zones/find-landing-zones.ts';
import { landingSnapshot } from '../zones/price-origins.ts';
import { DEFAULT_LANDING_ZONE_OPTIONS } from '../zones/landing-zone.ts';
import { EVALUATION_CUTOFFS, rankingQuality, type RankingQuality } from './ranking-quality.ts';
import { DEFAULT_RELEVANCE, relevantShippers, truthMarketZones } from './relevant-shippers.ts';
import type { IntentInputs } from './world-intent-inputs.ts';
import type { TruthRecord } from './world-truth.ts';

export interface RelevanceEvaluation {
  readonly relevant: number;
  /** Relevant companies that searched in the 90 days (the most any ranking can find). */
  readonly relevantSearching: number;
  readonly ours: RankingQuality;
  readonly bySize: RankingQuality;
  readonly byRawCount: RankingQuality;
}

export interface WorldEvaluation {
  readonly companiesScored: number;
  readonly landingZones: number;
  /** Relevant = recurring shipper near one of the carrier's landing zones (§3.1, from its deliveries). */
  readonly nearZones: RelevanceEvaluation;
  /** Stricter: near a truth market expecting ≥ 1 regular arrival a week. */
  readonly nearTruthMarkets: RelevanceEvaluation;
}

export function evaluateWorld(
  inputs: IntentInputs,
  truth: readonly TruthRecord[],
  markets: Pick<Gazetteer, 'market'>,
  asOf: Date,
  weights: IntentWeights,
): WorldEvaluation {
  const report = findLandingZones(inputs.arrivals, markets, { ...DEFAULT_LANDING_ZONE_OPTIONS, asOf });
  const scores = scoreProspects(inputs.columns, landingSnapshot(report), {
    ...DEFAULT_SCORING_OPTIONS,
    asOf,
    weights,
    servedProvinces: inputs.servedProvinces,
  });
  const depth = Math.max(...EVALUATION_CUTOFFS);
  const ours = rankProspects(scores, { limit: depth }).prospects.map((p) => p.companyId);
  const ids = inputs.columns.companyIds;
  const active: number[] = [];
  for (let c = 0; c < scores.companies; c++) if (scores.active[c] === 1) active.push(c);
  const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  const size = (c: number) => inputs.employees.get(ids[c]!) ?? -1;
  const bySize = [...active].sort((a, b) => size(b) - size(a) || byId(a, b)).slice(0, depth);
  const byRaw = [...active]
    .sort((a, b) => scores.rawCount90[b]! - scores.rawCount90[a]! || byId(a, b))
    .slice(0, depth);

  const judge = (relevant: ReadonlySet<string>): RelevanceEvaluation => ({
    relevant: relevant.size,
    relevantSearching: active.filter((c) => relevant.has(ids[c]!)).length,
    ours: rankingQuality(ours, relevant),
    bySize: rankingQuality(
      bySize.map((c) => ids[c]!),
      relevant,
    ),
    byRawCount: rankingQuality(
      byRaw.map((c) => ids[c]!),
      relevant,
    ),
  });
  const rule = { ...DEFAULT_RELEVANCE, asOf };
  return {
    companiesScored: active.length,
    landingZones: report.zones.length,
    nearZones: judge(relevantShippers(truth, report.zones, rule)),
    nearTruthMarkets: judge(relevantShippers(truth, truthMarketZones(truth, rule), rule)),
  };
}
