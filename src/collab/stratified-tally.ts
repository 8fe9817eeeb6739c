/**
 * Marginal-cost draws per partner and join-position stratum, for sampled Shapley (sampled-shapley.ts):
 * Welford's running mean and squared deviations per cell, and per partner unstratified as a fallback.
 * Positions 0 … n − 1 fall into `strata` contiguous strata of (nearly) equal size; a uniform join order
 * puts a partner in stratum b with probability weight[b] (its share of positions).
 */
export class StratifiedTally {
  private readonly count: Float64Array;
  private readonly mean: Float64Array;
  private readonly squares: Float64Array;
  private readonly draws: Float64Array;
  private readonly plainMean: Float64Array;
  private readonly plainSquares: Float64Array;
  private readonly stratumOf: Int32Array;
  private readonly weight: Float64Array;
  /** First position of each stratum, and one past the last at [strata]. */
  private readonly firstPosition: Int32Array;

  constructor(
    private readonly n: number,
    readonly strata: number,
  ) {
    this.count = new Float64Array(n * strata);
    this.mean = new Float64Array(n * strata);
    this.squares = new Float64Array(n * strata);
    this.draws = new Float64Array(n);
    this.plainMean = new Float64Array(n);
    this.plainSquares = new Float64Array(n);
    this.stratumOf = Int32Array.from({ length: n }, (_, position) => Math.floor((position * strata) / n));
    this.weight = new Float64Array(strata);
    this.firstPosition = new Int32Array(strata + 1).fill(n);
    this.stratumOf.forEach((b, position) => {
      this.weight[b] = this.weight[b]! + 1 / n;
      this.firstPosition[b] = Math.min(this.firstPosition[b]!, position);
    });
  }

  /** The join positions of stratum b: [from, to). */
  positions(b: number): { readonly from: number; readonly to: number } {
    return { from: this.firstPosition[b]!, to: this.firstPosition[b + 1]! };
  }

  add(partner: number, position: number, marginal: number): void {
    const cell = partner * this.strata + this.stratumOf[position]!;
    const c = (this.count[cell] = this.count[cell]! + 1);
    const delta = marginal - this.mean[cell]!;
    this.mean[cell] = this.mean[cell]! + delta / c;
    this.squares[cell] = this.squares[cell]! + delta * (marginal - this.mean[cell]!);
    const d = (this.draws[partner] = this.draws[partner]! + 1);
    const plainDelta = marginal - this.plainMean[partner]!;
    this.plainMean[partner] = this.plainMean[partner]! + plainDelta / d;
    this.plainSquares[partner] =
      this.plainSquares[partner]! + plainDelta * (marginal - this.plainMean[partner]!);
  }

  /**
   * The stratum where one more draw for this partner shrinks its variance most: the largest
   * weight² · s² · (1/c − 1/(c+1)); a stratum with fewer than 2 draws (no s² yet) comes first.
   */
  neediestStratum(partner: number): number {
    let best = -1;
    let gain = -Infinity;
    for (let b = 0; b < this.strata; b++) {
      const cell = partner * this.strata + b;
      const c = this.count[cell]!;
      if (c < 2) return b;
      const g = (this.weight[b]! ** 2 * (this.squares[cell]! / (c - 1))) / (c * (c + 1));
      if (g > gain) {
        gain = g;
        best = b;
      }
    }
    return best;
  }

  /** Each partner's estimate and its variance (stratified where every stratum has 2 draws). */
  private raw(): { share: Float64Array; variance: Float64Array } {
    const { n, strata, count, mean, squares, weight } = this;
    const share = new Float64Array(n);
    const variance = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      let v = 0;
      let stratified = true;
      for (let b = 0; b < strata; b++) {
        const cell = i * strata + b;
        const c = count[cell]!;
        if (c < 2) {
          stratified = false;
          break;
        }
        s += weight[b]! * mean[cell]!;
        v += (weight[b]! ** 2 * squares[cell]!) / (c - 1) / c;
      }
      const d = this.draws[i]!;
      share[i] = stratified ? s : this.plainMean[i]!;
      variance[i] = stratified ? v : d > 1 ? this.plainSquares[i]! / (d - 1) / d : 0;
    }
    return { share, variance };
  }

  /** Estimates corrected to add up to `total` = v(N) − v(∅), the residual shared ∝ variance. */
  estimate(total: number): { share: Float64Array; halfWidth: Float64Array } {
    const { share, variance } = this.raw();
    let sum = 0;
    let varianceSum = 0;
    for (let i = 0; i < this.n; i++) {
      sum += share[i]!;
      varianceSum += variance[i]!;
    }
    const residual = total - sum;
    const halfWidth = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      if (varianceSum > 0) share[i] = share[i]! + (residual * variance[i]!) / varianceSum;
      halfWidth[i] = 1.96 * Math.sqrt(variance[i]!);
    }
    return { share, halfWidth };
  }
}
