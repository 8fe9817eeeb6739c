/**
 * Companies whose momentum case (recent, Σ baseline, Σ baseline²) was not yet priced when the scorer
 * reached them. Pricing inside the scorer's company loop put a negative-binomial tail (a call, and its
 * loops when inlined) in the middle of the hottest code, which slowed every company, not just the
 * ~1,000 that price a case; so the scorer parks them here with their case and their score short of
 * momentum's term, and every BACKLOG companies — and once at the end — they are settled.
 */
import type { MomentumCache } from './momentum-cache.ts';

export const BACKLOG = 64;

export interface BacklogScores {
  /** Holds the weighted sum without momentum's term until settled, then the 0–100 score. */
  readonly score: Float64Array;
  readonly momentum: Float64Array;
}

export class MomentumBacklog {
  private readonly companies = new Int32Array(BACKLOG);
  /** Each parked company's case: recent, Σ baseline, Σ baseline². */
  private readonly cases = new Int32Array(3 * BACKLOG);
  private count = 0;

  constructor(
    private readonly cache: MomentumCache,
    private readonly scores: BacklogScores,
    private readonly momentumWeight: number,
    private readonly totalWeight: number,
  ) {}

  /** Parks company c; settles the backlog when it is full. */
  park(c: number, recent: number, baselineSum: number, baselineSquares: number): void {
    const k = this.count++;
    this.companies[k] = c;
    this.cases[3 * k] = recent;
    this.cases[3 * k + 1] = baselineSum;
    this.cases[3 * k + 2] = baselineSquares;
    if (this.count === BACKLOG) this.settle();
  }

  /** Prices (or looks up) each parked company's case, and finishes its score. */
  settle(): void {
    const { score, momentum } = this.scores;
    const cases = this.cases;
    for (let k = 0; k < this.count; k++) {
      const c = this.companies[k]!;
      const recent = cases[3 * k]!;
      const baselineSum = cases[3 * k + 1]!;
      const baselineSquares = cases[3 * k + 2]!;
      let m = this.cache.known(recent, baselineSum, baselineSquares);
      if (Number.isNaN(m)) m = this.cache.price(recent, baselineSum, baselineSquares);
      momentum[c] = m;
      score[c] = this.totalWeight > 0 ? (100 * (score[c]! + this.momentumWeight * m)) / this.totalWeight : 0;
    }
    this.count = 0;
  }
}
