import { NorthboundError } from '../domain/errors.ts';
import type { CoalitionCostOf } from './coalition-cost.ts';

/** Exact enumeration solves 2^n coalitions: 15 partners with 60 lanes = 32,768 lane coverings, ~7 s here. */
export const MAX_EXACT_PARTNERS = 15;

/**
 * Shapley cost allocation, exactly: partner i pays its marginal cost averaged over all join orders,
 *   φ_i = Σ_{S ∌ i} |S|!·(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)).
 * Every coalition's cost is solved once into a Float64Array indexed by membership bitmask (bit k =
 * partners[k]). Efficient (Σ φ = v(N) − v(∅)), symmetric, and a partner that changes no coalition's cost
 * (no lanes) gets 0. Time: 2^n calls of costOf plus O(n·2^n); memory 8·2^n bytes.
 */
export function exactShapley(
  partners: readonly string[],
  costOf: CoalitionCostOf,
): ReadonlyMap<string, number> {
  validatePartners(partners, 'compute exact Shapley shares');
  const n = partners.length;
  if (n > MAX_EXACT_PARTNERS) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute exact Shapley shares for ${n} partners: enumeration is limited to ` +
        `${MAX_EXACT_PARTNERS} (2^${MAX_EXACT_PARTNERS} coalitions); use sampledShapley`,
      { partners: n },
    );
  }
  const cost = new Float64Array(1 << n);
  for (let mask = 0; mask < cost.length; mask++) cost[mask] = costOfMask(partners, mask, costOf);
  // weight[s] = s!(n−s−1)!/n!, the probability that i joins right after a given s-member set S.
  const factorial = [1];
  for (let k = 1; k <= n; k++) factorial.push(factorial[k - 1]! * k);
  const weight = new Float64Array(n);
  for (let s = 0; s < n; s++) weight[s] = (factorial[s]! * factorial[n - s - 1]!) / factorial[n]!;

  const share = new Float64Array(n);
  for (let mask = 0; mask < cost.length; mask++) {
    const w = weight[popcount(mask)];
    if (w === undefined) continue; // the grand coalition: nobody left to join
    for (let i = 0; i < n; i++) {
      if ((mask & (1 << i)) !== 0) continue;
      share[i] = share[i]! + w * (cost[mask | (1 << i)]! - cost[mask]!);
    }
  }
  return new Map(partners.map((partner, i) => [partner, share[i]!]));
}

export interface SampledShapleyOptions {
  /** Random join orders to average over; ≥ 2 (the interval needs a sample variance). */
  readonly samples: number;
  /** Any integer; the same seed gives the same orders. */
  readonly seed: number;
}

export interface SampledShare {
  /** Mean marginal cost over the sampled join orders: an unbiased estimate of the Shapley share. */
  readonly share: number;
  /** 1.96 × standard error: [share − halfWidth, share + halfWidth] is a ~95% confidence interval. */
  readonly halfWidth: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Shapley shares estimated from `samples` uniformly random join orders (Castro, Gómez & Tejada 2009), for
 * pools too large to enumerate. In each order a partner's marginal cost is one draw whose expectation is
 * its Shapley share; the interval is the normal approximation from the sample variance. The shares are
 * efficient exactly, not just on average, because each order's marginals telescope to v(N) − v(∅).
 * Orders come from a seeded mulberry32 generator (Fisher–Yates shuffle), never Math.random. Coalition
 * costs are cached per call, so repeated coalitions (common for small n) are solved once.
 * Time: samples × n calls of costOf at most, plus O(samples × n²/32) for the cache keys.
 */
export function sampledShapley(
  partners: readonly string[],
  costOf: CoalitionCostOf,
  options: SampledShapleyOptions,
): ReadonlyMap<string, SampledShare> {
  validatePartners(partners, 'estimate Shapley shares');
  const { samples, seed } = options;
  if (!Number.isInteger(samples) || samples < 2) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot estimate Shapley shares: samples is ${samples}, expected an integer ≥ 2`,
      { samples },
    );
  }
  if (!Number.isInteger(seed)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot estimate Shapley shares: seed is ${seed}, expected an integer`,
      {
        seed,
      },
    );
  }
  const n = partners.length;
  const cache = new Map<string, number>();
  const words = new Uint32Array(Math.ceil(n / 32));
  const members = new Set<string>();
  const costOfMembers = (): number => {
    const key = words.join(',');
    const known = cache.get(key);
    if (known !== undefined) return known;
    const value = checkedCost(costOf, members);
    cache.set(key, value);
    return value;
  };

  const random = mulberry32(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  // Welford's running mean and sum of squared deviations, per partner: stable for many samples.
  const mean = new Float64Array(n);
  const squares = new Float64Array(n);
  for (let sample = 1; sample <= samples; sample++) {
    for (let k = n - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    words.fill(0);
    members.clear();
    let before = costOfMembers();
    for (const i of order) {
      words[i >>> 5] = words[i >>> 5]! | (1 << (i & 31));
      members.add(partners[i]!);
      const after = costOfMembers();
      const marginal = after - before;
      before = after;
      const delta = marginal - mean[i]!;
      mean[i] = mean[i]! + delta / sample;
      squares[i] = squares[i]! + delta * (marginal - mean[i]!);
    }
  }
  return new Map(
    partners.map((partner, i) => {
      const share = mean[i]!;
      const halfWidth = 1.96 * Math.sqrt(squares[i]! / (samples - 1) / samples);
      return [partner, { share, halfWidth, low: share - halfWidth, high: share + halfWidth }];
    }),
  );
}

/** Partner ids must be distinct: a duplicate would be counted as two players with one set of lanes. */
export function validatePartners(partners: readonly string[], attempted: string): void {
  const seen = new Set<string>();
  for (const partner of partners) {
    if (seen.has(partner)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot ${attempted}: partner "${partner}" is listed twice`,
        {
          partner,
        },
      );
    }
    seen.add(partner);
  }
}

/** The cost of the coalition whose members are the set bits of `mask`. */
export function costOfMask(partners: readonly string[], mask: number, costOf: CoalitionCostOf): number {
  const members = new Set<string>();
  for (let i = 0; i < partners.length; i++) if ((mask & (1 << i)) !== 0) members.add(partners[i]!);
  return checkedCost(costOf, members);
}

function checkedCost(costOf: CoalitionCostOf, members: ReadonlySet<string>): number {
  const value = costOf(members);
  if (!Number.isFinite(value)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot allocate pool costs: coalition {${[...members].join(', ')}} costs ${value}, expected a finite number`,
      { members: [...members], value },
    );
  }
  return value;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

/** mulberry32: a 32-bit seeded generator, uniform in [0, 1); plenty for sampling join orders. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
