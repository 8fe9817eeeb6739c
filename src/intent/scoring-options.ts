/**
 * The knobs of intent scoring (DESIGN.md §3.2). Every number is a default, not a constant.
 * The weights were chosen with the evaluation harness on training seeds and checked on held-out
 * seeds; docs/intent-weights.md says how and shows the figures.
 */
import type { Province } from '../domain/regions.ts';

/** Relative weights of the score's components; the score is their weighted mean × 100. */
export interface IntentWeights {
  /** Distinct weeks with searches in 90 days: the primary repeat signal. */
  readonly weeks: number;
  /** Distinct people searching at the company in 90 days. */
  readonly searchers: number;
  /** Deduplicated searches in 90 days (log-scaled: a burst must not dominate). */
  readonly count: number;
  /** Recency-weighted searches (half-life 14 days). */
  readonly recency: number;
  /** Share of searches within 50 mi of the company's usual origin. */
  readonly originConsistency: number;
  /** Can the fleet's equipment serve the searches where they start. */
  readonly equipmentFit: number;
  /** Closeness of the usual origin to a landing zone. */
  readonly proximity: number;
  /** Share of searches bound for a province the carrier serves. */
  readonly destinationFit: number;
  /** The company's industry among the carrier's stated strengths (left out when none are stated). */
  readonly industryFit: number;
  /** Last 3 weeks against the previous 12 (0.5 = steady). */
  readonly momentum: number;
}

export const INTENT_COMPONENTS = [
  'weeks',
  'searchers',
  'count',
  'recency',
  'originConsistency',
  'equipmentFit',
  'proximity',
  'destinationFit',
  'industryFit',
  'momentum',
] as const satisfies readonly (keyof IntentWeights)[];
export type IntentComponent = (typeof INTENT_COMPONENTS)[number];

/**
 * Chosen by `npm run tune:weights` on training seeds 1–5 (default worlds as of 2026-11-16), starting
 * from the design's prior; checked on held-out seeds 101–105 by `northbound evaluate`
 * (docs/intent-weights.md). Distinct searchers carried no information the rest did not: weight 0.
 */
export const DEFAULT_INTENT_WEIGHTS: IntentWeights = {
  weeks: 4,
  searchers: 0,
  count: 4,
  recency: 1,
  originConsistency: 1,
  equipmentFit: 1,
  proximity: 4,
  destinationFit: 0.5,
  industryFit: 0.5,
  momentum: 0.5,
};

export interface ScoringOptions {
  /** Scores are as of this instant; only signals before it count. */
  readonly asOf: Date;
  readonly weights: IntentWeights;
  /** Provinces the carrier's trucks head home to (destination fit). */
  readonly servedProvinces: readonly Province[];
  /** Industries the carrier is strong in, lower case; empty = not stated (industry fit left out). */
  readonly strengths: readonly string[];
  readonly halfLifeDays: number;
  readonly duplicateWindowMinutes: number;
  /** Origin consistency: a search counts as consistent within this distance of the modal origin. */
  readonly originRadiusMiles: number;
  /** Saturation points of the repeat components (the value that scores 1). */
  readonly saturation: {
    readonly weeks: number;
    readonly searchers: number;
    readonly count: number;
    readonly recency: number;
  };
  /** Tier A: ≥ weeks30 distinct weeks in 30 days or ≥ weeks90 in 90, with proximity and equipment fit. */
  readonly tierA: {
    readonly weeks30: number;
    readonly weeks90: number;
    readonly proximity: number;
    readonly equipmentFit: number;
  };
}

export const DEFAULT_SCORING_OPTIONS: Omit<ScoringOptions, 'asOf' | 'servedProvinces'> = {
  weights: DEFAULT_INTENT_WEIGHTS,
  strengths: [],
  halfLifeDays: 14,
  duplicateWindowMinutes: 10,
  originRadiusMiles: 50,
  saturation: { weeks: 6, searchers: 3, count: 20, recency: 4 },
  tierA: { weeks30: 2, weeks90: 3, proximity: 0.5, equipmentFit: 0.5 },
};

/** The momentum split, in 7-day periods before asOf (the repeat windows are 30/60/90 days). */
export const MOMENTUM_RECENT_WEEKS = 3;
export const MOMENTUM_BASELINE_WEEKS = 12;
/** How far back scoring reads: the momentum baseline reaches 15 weeks (105 days) before asOf. */
export const SCORING_LOOKBACK_DAYS = (MOMENTUM_RECENT_WEEKS + MOMENTUM_BASELINE_WEEKS) * 7;
