/**
 * Scores of every company, as columns indexed by company (the index of SignalColumns.companyIds).
 * `active` marks companies with a search in the 90 days before asOf; the others carry zeros.
 */
import type { SnapshotZone } from '../zones/price-origins.ts';
import type { SignalColumns } from './signal-columns.ts';

export interface ProspectScores {
  readonly companies: number;
  /** The instant the scores are as of. */
  readonly asOf: Date;
  readonly columns: SignalColumns;
  readonly active: Uint8Array;
  /** 0–100, the weighted mean of the components. */
  readonly score: Float64Array;
  /** TIER_A / TIER_B / TIER_C. */
  readonly tier: Uint8Array;
  /** Distinct weeks with (deduplicated) searches in 30/60/90 days. */
  readonly weeks30: Uint8Array;
  readonly weeks60: Uint8Array;
  readonly weeks90: Uint8Array;
  /** Deduplicated searches in 30/60/90 days. */
  readonly count30: Int32Array;
  readonly count60: Int32Array;
  readonly count90: Int32Array;
  /** Signal rows in 90 days, duplicates included (the raw-count baseline ranks by this). */
  readonly rawCount90: Int32Array;
  readonly searchers90: Int32Array;
  /** Σ 0.5^(age / half-life) over the deduplicated searches. */
  readonly recency: Float64Array;
  readonly originConsistency: Float64Array;
  readonly equipmentFit: Float64Array;
  readonly proximity: Float64Array;
  readonly destinationFit: Float64Array;
  /** NaN when the carrier states no strengths. */
  readonly industryFit: Float64Array;
  /** 1 − mid-p of the last 3 weeks' searches under the previous 12 weeks' rate (0.5 = steady). */
  readonly momentum: Float64Array;
  readonly recentCount: Int32Array;
  readonly baselineWeekly: Float64Array;
  /** Index into columns.placeLat/placeLon; −1 when only states are known. */
  readonly modalPlace: Int32Array;
  /** Index into EQUIPMENT / REGIONS / columns.industries (−1 none). */
  readonly modalEquipment: Uint8Array;
  readonly modalDest: Uint8Array;
  readonly industry: Int32Array;
  readonly lastSeenMs: Float64Array;
  /** Miles from the modal origin to the nearest landing zone (Infinity when unknown). */
  readonly zoneMiles: Float64Array;
  /** Trucks/week of the modal equipment landing within the reload radius of the modal origin. */
  readonly trucksNear: Float64Array;
  /** The landing zone nearest the company's modal origin. */
  zoneOf(company: number): SnapshotZone | null;
}
