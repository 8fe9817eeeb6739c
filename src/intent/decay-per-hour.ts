/**
 * Recency decay by whole hours of age, 0.5^(hours / 24 / half-life), for every hour of the scoring
 * lookback: the scorer adds one entry per search instead of a power per search. The table depends
 * only on the half-life, so it is built once per half-life and shared by later scoring runs (2,521
 * powers were a visible share of scoring the default world).
 */
import { SCORING_LOOKBACK_DAYS } from './scoring-options.ts';

let table: Float64Array | null = null;
let tableHalfLifeDays = Number.NaN;

/** Read-only by contract: callers index it and never write. */
export function decayPerHour(halfLifeDays: number): Float64Array {
  if (table === null || tableHalfLifeDays !== halfLifeDays) {
    const built = new Float64Array(SCORING_LOOKBACK_DAYS * 24 + 1);
    for (let h = 0; h < built.length; h++) built[h] = 0.5 ** (h / 24 / halfLifeDays);
    table = built;
    tableHalfLifeDays = halfLifeDays;
  }
  return table;
}
