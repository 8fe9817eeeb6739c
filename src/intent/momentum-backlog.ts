/**
 * Companies whose momentum case (recent, Σ baseline, Σ baseline²) was not yet priced when the scorer
 * reached them. Pricing inside the scorer's company loop put a negative-binomial tail (a call, and its
 * loops when inlined) in the middle of the hottest code, which slowed every company, not just the
 * ~1,000 that price a case; so the scorer parks them here with their score short of momentum's term,
 * and every BACKLOG companies — and once at the end — they are settled in company order. The first
 * company with a case still prices it, as MomentumCache requires.
 */
import { MOMENTUM_PERIODS, type MomentumCache } from './momentum-cache.ts';
import { MOMENTUM_RECENT_WEEKS } from './scoring-options.ts';

const WEEK_MS = 7 * 24 * 3_600_000;
export const BACKLOG = 64;

export interface BacklogRows {
  readonly companyStart: Int32Array;
  readonly observedAtMs: Float64Array;
  /** 1 marks a duplicate row (markDuplicates). */
  readonly duplicate: Uint8Array;
  readonly asOfMs: number;
  readonly lookbackMs: number;
}

export interface BacklogScores {
  /** Holds the weighted sum without momentum's term until settled, then the 0–100 score. */
  readonly score: Float64Array;
  readonly momentum: Float64Array;
}

export class MomentumBacklog {
  readonly companies = new Int32Array(BACKLOG);
  count = 0;
  private readonly periodCount = new Int32Array(MOMENTUM_PERIODS);

  constructor(
    private readonly cache: MomentumCache,
    private readonly rows: BacklogRows,
    private readonly scores: BacklogScores,
    private readonly momentumWeight: number,
    private readonly totalWeight: number,
  ) {}

  /** Prices (or looks up) each parked company's case from its weekly counts, and finishes its score. */
  settle(): void {
    const { companyStart, observedAtMs, duplicate, asOfMs, lookbackMs } = this.rows;
    const { score, momentum } = this.scores;
    const periodCount = this.periodCount;
    for (let k = 0; k < this.count; k++) {
      const c = this.companies[k]!;
      periodCount.fill(0);
      for (let i = companyStart[c]!; i < companyStart[c + 1]!; i++) {
        const age = asOfMs - observedAtMs[i]!;
        if (age <= 0 || age > lookbackMs || duplicate[i] === 1) continue;
        const period = ((age - 1) / WEEK_MS) | 0;
        periodCount[period < MOMENTUM_PERIODS ? period : MOMENTUM_PERIODS - 1]!++;
      }
      let recent = 0;
      for (let w = 0; w < MOMENTUM_RECENT_WEEKS; w++) recent += periodCount[w]!;
      let baselineSum = 0;
      let baselineSquares = 0;
      for (let w = MOMENTUM_RECENT_WEEKS; w < MOMENTUM_PERIODS; w++) {
        baselineSum += periodCount[w]!;
        baselineSquares += periodCount[w]! * periodCount[w]!;
      }
      let m = this.cache.known(recent, baselineSum, baselineSquares);
      if (Number.isNaN(m)) m = this.cache.price(periodCount, recent, baselineSum, baselineSquares);
      momentum[c] = m;
      score[c] = this.totalWeight > 0 ? (100 * (score[c]! + this.momentumWeight * m)) / this.totalWeight : 0;
    }
    this.count = 0;
  }
}
