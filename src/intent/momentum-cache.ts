/**
 * Momentum (DESIGN.md §3.2): 1 − mid-p of the last MOMENTUM_RECENT_WEEKS weeks' searches under a
 * negative binomial fitted to the MOMENTUM_BASELINE_WEEKS weeks before. It depends only on three
 * small integers — recent, Σ baseline, Σ baseline² — so most companies share a handful of cases, and
 * each distinct case pays for its negative-binomial tail once per scoring run.
 *
 * The scorer tallies the three integers as it reads a company's rows and asks `known` first; a miss
 * waits in the backlog (momentum-backlog.ts) for `price`. The cases live in a small open-addressing
 * table that grows with the cases seen (a flat table over every small case cost a 2 MB fill per run,
 * more than the lookups it saved).
 */
import { negativeBinomialUpperTailInto } from './negative-binomial.ts';
import { MOMENTUM_BASELINE_WEEKS, MOMENTUM_RECENT_WEEKS } from './scoring-options.ts';

/** Weeks counted back from asOf: recent weeks first, then the baseline. */
export const MOMENTUM_PERIODS = MOMENTUM_RECENT_WEEKS + MOMENTUM_BASELINE_WEEKS;
/** A baseline with no searches is not "zero searches forever": half a search over the 12 weeks. */
const MEAN_FLOOR = 0.5 / MOMENTUM_BASELINE_WEEKS;
/** Cases are remembered while their key is exact: recent and Σ baseline < 2¹², Σ baseline² < 2²⁰. */
const RECENT_LIMIT = 4096;
const SUM_LIMIT = 4096;
const SQUARES_LIMIT = 1_048_576;
const EMPTY = -1;

export class MomentumCache {
  private keys = new Float64Array(256).fill(EMPTY);
  private values = new Float64Array(256);
  private size = 0;
  private readonly tail = new Float64Array(2);

  /** The momentum of this case if already priced in this run, else NaN. */
  known(recent: number, baselineSum: number, baselineSquares: number): number {
    if (recent >= RECENT_LIMIT || baselineSum >= SUM_LIMIT || baselineSquares >= SQUARES_LIMIT)
      return Number.NaN;
    const key = (recent * SUM_LIMIT + baselineSum) * SQUARES_LIMIT + baselineSquares;
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let at = slotOf(recent, baselineSum, baselineSquares, mask); ; at = (at + 1) & mask) {
      const k = keys[at]!;
      if (k === key) return this.values[at]!;
      if (k === EMPTY) return Number.NaN;
    }
  }

  /**
   * Prices the case and remembers it. The baseline's sum of squared deviations comes from the three
   * integers (Σ (n − m)² = Σ n² − 2m Σ n + 12 m²), not from the weekly counts, so a case has one value
   * whichever company meets it first — scoring in any order, or on several threads, gives the same bits.
   */
  price(recent: number, baselineSum: number, baselineSquares: number): number {
    const baselineMean = Math.max(MEAN_FLOOR, baselineSum / MOMENTUM_BASELINE_WEEKS);
    const deviations =
      baselineSquares -
      2 * baselineMean * baselineSum +
      MOMENTUM_BASELINE_WEEKS * baselineMean * baselineMean;
    const baselineVariance = Math.max(0, deviations) / (MOMENTUM_BASELINE_WEEKS - 1);
    negativeBinomialUpperTailInto(
      this.tail,
      recent,
      baselineMean * MOMENTUM_RECENT_WEEKS,
      Math.max(baselineVariance, baselineMean) * MOMENTUM_RECENT_WEEKS,
    );
    const momentum = 1 - this.tail[1]!;
    if (recent < RECENT_LIMIT && baselineSum < SUM_LIMIT && baselineSquares < SQUARES_LIMIT) {
      if (2 * (this.size + 1) > this.keys.length) this.grow();
      this.insert((recent * SUM_LIMIT + baselineSum) * SQUARES_LIMIT + baselineSquares, momentum);
    }
    return momentum;
  }

  private insert(key: number, value: number): void {
    const keys = this.keys;
    const mask = keys.length - 1;
    const recent = Math.floor(key / (SUM_LIMIT * SQUARES_LIMIT));
    const rest = key - recent * SUM_LIMIT * SQUARES_LIMIT;
    const sum = Math.floor(rest / SQUARES_LIMIT);
    let at = slotOf(recent, sum, rest - sum * SQUARES_LIMIT, mask);
    while (keys[at] !== EMPTY && keys[at] !== key) at = (at + 1) & mask;
    if (keys[at] === EMPTY) this.size++;
    keys[at] = key;
    this.values[at] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.values = new Float64Array(keys.length * 2);
    this.size = 0;
    for (let at = 0; at < keys.length; at++) if (keys[at] !== EMPTY) this.insert(keys[at]!, values[at]!);
  }
}

function slotOf(recent: number, baselineSum: number, baselineSquares: number, mask: number): number {
  const h = Math.imul(recent * SUM_LIMIT + baselineSum, 0x9e3779b1) ^ Math.imul(baselineSquares, 0x85ebca77);
  return (h ^ (h >>> 16)) & mask;
}
