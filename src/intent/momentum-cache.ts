/**
 * Momentum (DESIGN.md §3.2): 1 − mid-p of the last MOMENTUM_RECENT_WEEKS weeks' searches under a
 * negative binomial fitted to the MOMENTUM_BASELINE_WEEKS weeks before. It depends only on three
 * small integers — recent, Σ baseline, Σ baseline² — so most companies share a handful of cases, and
 * each distinct case pays for its negative-binomial tail once per scoring run: a flat table for the
 * small cases nearly every company falls in (NaN = not yet computed), a Map for the rest.
 */
import { negativeBinomialUpperTailInto } from './negative-binomial.ts';
import { MOMENTUM_BASELINE_WEEKS, MOMENTUM_RECENT_WEEKS } from './scoring-options.ts';

/** Weeks counted back from asOf: recent weeks first, then the baseline. */
export const MOMENTUM_PERIODS = MOMENTUM_RECENT_WEEKS + MOMENTUM_BASELINE_WEEKS;
/** A baseline with no searches is not "zero searches forever": half a search over the 12 weeks. */
const MEAN_FLOOR = 0.5 / MOMENTUM_BASELINE_WEEKS;
/** Bounds of the flat table: Σ baseline < 32 gives Σ baseline² ≤ 31² < 1024. 2 MB. */
const TABLE_RECENT = 8;
const TABLE_SUM = 32;
const TABLE_SQUARES = 1024;

export class MomentumCache {
  private readonly table = new Float64Array(TABLE_RECENT * TABLE_SUM * TABLE_SQUARES).fill(Number.NaN);
  private readonly map = new Map<number, number>();
  private readonly tail = new Float64Array(2);

  /**
   * Momentum of weekly counts `periodCount[0 … MOMENTUM_PERIODS)` (week 0 = the latest), whose
   * recent sum and baseline sum the caller has already added up.
   */
  momentum(periodCount: Int32Array, recent: number, baselineSum: number): number {
    let baselineSquares = 0;
    for (let k = MOMENTUM_RECENT_WEEKS; k < MOMENTUM_PERIODS; k++)
      baselineSquares += periodCount[k]! * periodCount[k]!;
    const small = recent < TABLE_RECENT && baselineSum < TABLE_SUM && baselineSquares < TABLE_SQUARES;
    const tableAt = small ? (recent * TABLE_SUM + baselineSum) * TABLE_SQUARES + baselineSquares : -1;
    const key = (recent * 4096 + baselineSum) * 1_048_576 + baselineSquares;
    const known = small ? this.table[tableAt]! : this.map.get(key);
    if (known !== undefined && !Number.isNaN(known)) return known;

    const baselineMean = Math.max(MEAN_FLOOR, baselineSum / MOMENTUM_BASELINE_WEEKS);
    let squares = 0;
    for (let k = MOMENTUM_RECENT_WEEKS; k < MOMENTUM_PERIODS; k++)
      squares += (periodCount[k]! - baselineMean) ** 2;
    const baselineVariance = squares / (MOMENTUM_BASELINE_WEEKS - 1);
    negativeBinomialUpperTailInto(
      this.tail,
      recent,
      baselineMean * MOMENTUM_RECENT_WEEKS,
      Math.max(baselineVariance, baselineMean) * MOMENTUM_RECENT_WEEKS,
    );
    const momentum = 1 - this.tail[1]!;
    if (small) this.table[tableAt] = momentum;
    else if (recent < 4096 && baselineSum < 4096 && baselineSquares < 1_048_576) this.map.set(key, momentum);
    return momentum;
  }
}
