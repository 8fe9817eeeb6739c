/**
 * Tiers (DESIGN.md §3.2): A — act today, B — act within 48 h, C — watch.
 * - A: repeat behaviour (≥ 2 distinct weeks in 30 days, or ≥ 3 in 90) where the fleet fits
 *   (proximity ≥ 0.5 and equipment fit ≥ 0.5).
 * - B: repeat behaviour (≥ 2 distinct weeks in 90 days) with weaker fit — but some fit: the origin is
 *   within reach of a landing zone (proximity > 0); a shipper 1,000 miles from every zone is not a
 *   48-hour call however often it searches — or strong fit with one recent search (in 30 days).
 * - C: the rest.
 */
import type { ScoringOptions } from './scoring-options.ts';

export const TIER_A = 0;
export const TIER_B = 1;
export const TIER_C = 2;
export const TIER_LABELS = ['A', 'B', 'C'] as const;
export type TierLabel = (typeof TIER_LABELS)[number];

export function prospectTier(
  weeks30: number,
  weeks90: number,
  count30: number,
  proximity: number,
  equipmentFit: number,
  rule: ScoringOptions['tierA'],
): number {
  const repeat = weeks30 >= rule.weeks30 || weeks90 >= rule.weeks90;
  const strongFit = proximity >= rule.proximity && equipmentFit >= rule.equipmentFit;
  if (repeat && strongFit) return TIER_A;
  if ((weeks90 >= 2 && proximity > 0) || (strongFit && count30 >= 1)) return TIER_B;
  return TIER_C;
}
