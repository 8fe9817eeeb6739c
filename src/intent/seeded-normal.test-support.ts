/**
 * Seeded count samplers for the surge tests: exact Poisson and negative binomial (as a Poisson–gamma
 * mixture), on top of the world generator's SeededRandom for uniforms and normals. SeededRandom.poisson
 * rounds a normal above a mean of 30, which would blur exactly the tails the tests are about.
 */
import { SeededRandom } from '../sim/seeded-random.ts';

export class CountSampler {
  readonly random: SeededRandom;

  constructor(seed: number, ...keys: readonly (string | number)[]) {
    this.random = new SeededRandom(seed, ...keys);
  }

  /** Gamma(shape, scale 1) by Marsaglia–Tsang; shape < 1 boosted by U^(1/shape). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.random.next() || Number.MIN_VALUE, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x = 0;
      let v = 0;
      do {
        x = this.random.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.random.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Exact Poisson: inversion on chunks of mean ≤ 30 (Poisson variables add), O(mean). */
  poisson(mean: number): number {
    let count = 0;
    let left = mean;
    while (left > 0) {
      const chunk = Math.min(left, 30);
      left -= chunk;
      let term = Math.exp(-chunk);
      let cumulative = term;
      const u = this.random.next();
      let k = 0;
      while (u > cumulative && k < 1000) {
        k += 1;
        term *= chunk / k;
        cumulative += term;
      }
      count += k;
    }
    return count;
  }

  /** Negative binomial with this mean and shape r (variance mean + mean²/r): Poisson with a gamma rate. */
  negativeBinomial(mean: number, shape: number): number {
    return this.poisson((this.gamma(shape) * mean) / shape);
  }
}
