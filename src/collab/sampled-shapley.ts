import { NorthboundError } from '../domain/errors.ts';
import type { CoalitionCostOf } from './coalition-cost.ts';
import { checkedCost, validatePartners } from './shapley.ts';
import { StratifiedTally } from './stratified-tally.ts';

/** Join positions are grouped into this many strata (fewer for tiny pools: one position each). */
const MAX_STRATA = 10;
/** Coalitions repeat across orders only in small pools; above this many partners the cache is skipped. */
const MAX_CACHED_PARTNERS = 20;
/** Orders between two checks of the stopping rule; a check costs O(partners × strata). */
const CHECK_EVERY = 10;

export interface SampledShapleyOptions {
  /** The most random join orders to draw; ≥ 2 (an interval needs a sample variance). */
  readonly samples: number;
  /** Any integer; the same seed gives the same orders. */
  readonly seed: number;
  /**
   * Stop early once every partner's 95% half-width is at most this fraction of max(its share, the mean
   * share) — the second term so a partner with a tiny share is held to a fraction of a typical share,
   * not to a vanishing absolute width. Checked every CHECK_EVERY orders, from 20 orders per stratum on.
   */
  readonly relativeHalfWidth?: number;
  /** Asked at each check; true stops the sampling there (a time budget, a cancel button). */
  readonly stopEarly?: (progress: SamplingProgress) => boolean;
}

export interface SamplingProgress {
  /** Whole join orders drawn. */
  readonly samples: number;
  /** Single draws for one partner (two coalitions each) after the orders, when a target was set. */
  readonly targetedDraws: number;
  /** max over partners of half-width ÷ max(share, mean share). */
  readonly widestRelativeHalfWidth: number;
}

export interface SampledShare {
  /** Estimated Shapley share: unbiased before the efficiency correction (see sampledShapley). */
  readonly share: number;
  /** 1.96 × standard error: [share − halfWidth, share + halfWidth] is a ~95% confidence interval. */
  readonly halfWidth: number;
  readonly low: number;
  readonly high: number;
}

export interface SampledShapley extends SamplingProgress {
  readonly shares: ReadonlyMap<string, SampledShare>;
  /** Position strata the estimate averages over. */
  readonly strata: number;
}

/**
 * Shapley shares estimated from uniformly random join orders (Castro, Gómez & Tejada 2009), for pools too
 * large to enumerate. In each order a partner's marginal cost is one draw whose expectation is its
 * Shapley share. The draws are post-stratified by the position the partner joined at (Maleki et al.
 * 2013; Castro et al. 2017): a partner joining early pays nearly its stand-alone cost, late nearly
 * nothing, and averaging per position stratum (weighted by the stratum's share of positions) removes
 * that spread from the error — on the 100-partner bench pool the orders needed for ±1% drop about 2×.
 * A partner with fewer than 2 draws in some stratum falls back to the plain mean.
 *
 * Each order's marginals telescope to v(N) − v(∅), so the plain means add up exactly; the stratified
 * ones add up only on average. The residual is handed out in proportion to each estimate's variance
 * (the least-squares correction onto Σ shares = v(N) − v(∅)), so the shares are efficient exactly and
 * a partner whose marginal never varies (a null partner: always 0) keeps its exact value.
 * Orders come from a seeded mulberry32 generator (Fisher–Yates shuffle), never Math.random.
 * Time: samples × n calls of costOf at most, plus O(samples × n).
 */
export function sampledShapley(
  partners: readonly string[],
  costOf: CoalitionCostOf,
  options: SampledShapleyOptions,
): SampledShapley {
  validatePartners(partners, 'estimate Shapley shares');
  const { samples, seed, relativeHalfWidth, stopEarly } = options;
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
      { seed },
    );
  }
  if (relativeHalfWidth !== undefined && !(relativeHalfWidth > 0)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot estimate Shapley shares: relativeHalfWidth is ${relativeHalfWidth}, expected > 0`,
      { relativeHalfWidth },
    );
  }
  const n = partners.length;
  const tally = new StratifiedTally(n, Math.min(MAX_STRATA, n));
  const costOfMembers = coalitionCosts(partners, costOf);
  const random = mulberry32(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  const members = new Set<string>();
  // Phase 1: whole join orders, one draw for every partner per order.
  let total = 0;
  let orders = 0;
  let targeted = 0;
  let relative: Float64Array = new Float64Array(n).fill(Infinity);
  let halted = false;
  // Partners still wider than the target (without one: any width above 0).
  const target = relativeHalfWidth ?? 0;
  const wide = (): number => relative.reduce((count, r) => count + (r > target ? 1 : 0), 0);
  let failing = n;
  const progress = (): SamplingProgress => ({
    samples: orders,
    targetedDraws: targeted,
    widestRelativeHalfWidth: relative.reduce((a, b) => Math.max(a, b), 0),
  });
  while (orders < samples) {
    shuffle(order, random);
    members.clear();
    const empty = costOfMembers(members, order, 0);
    let before = empty;
    for (let position = 0; position < n; position++) {
      const i = order[position]!;
      members.add(partners[i]!);
      const after = costOfMembers(members, order, position + 1);
      tally.add(i, position, after - before);
      before = after;
    }
    total = before - empty;
    orders++;
    if (orders % CHECK_EVERY !== 0 || orders >= samples || orders < 20 * tally.strata) continue;
    relative = tally.relativeHalfWidths();
    failing = wide();
    if (failing === 0) break;
    if (stopEarly?.(progress()) === true) {
      halted = true;
      break;
    }
    // An order costs n + 1 coalitions for one draw per partner; a targeted draw costs 2 for one
    // partner. Once fewer than half the partners still need draws, targeted draws are cheaper.
    if (relativeHalfWidth !== undefined && failing < n / 2) break;
  }
  // Phase 2 (with a target only): draws for the partners still too wide, each in the stratum where it
  // shrinks that partner's variance most, within the coalition budget of `samples` whole orders.
  const budget = (samples - orders) * (n + 1);
  if (relativeHalfWidth !== undefined && !halted && failing > 0 && orders < samples) {
    const others = new Array<number>(n - 1);
    let spent = 0;
    let stopped = false;
    while (!stopped && spent + 2 <= budget) {
      let drew = false;
      for (let i = 0; i < n && spent + 2 <= budget; i++) {
        if (!(relative[i]! > relativeHalfWidth)) continue;
        const b = tally.neediestStratum(i);
        const { from, to } = tally.positions(b);
        const position = from + Math.floor(random() * (to - from));
        // A uniform coalition of `position` other partners: the first `position` of a shuffle.
        for (let k = 0, o = 0; k < n; k++) if (k !== i) others[o++] = k;
        shuffle(others, random);
        members.clear();
        for (let k = 0; k < position; k++) members.add(partners[others[k]!]!);
        const without = costOfMembers(members, others, position);
        members.add(partners[i]!);
        others[position] = i; // the cache key reads the prefix: S, then S ∪ {i}
        const withPartner = costOfMembers(members, others, position + 1);
        tally.add(i, position, withPartner - without);
        spent += 2;
        targeted++;
        drew = true;
      }
      relative = tally.relativeHalfWidths();
      failing = wide();
      stopped = !drew || failing === 0 || stopEarly?.(progress()) === true;
    }
  }
  const estimate = tally.estimate(total);
  relative = tally.relativeHalfWidths();
  const shares = new Map<string, SampledShare>();
  partners.forEach((partner, i) => {
    const share = estimate.share[i]!;
    const halfWidth = estimate.halfWidth[i]!;
    shares.set(partner, { share, halfWidth, low: share - halfWidth, high: share + halfWidth });
  });
  return { shares, ...progress(), strata: tally.strata };
}

function shuffle(items: number[], random: () => number): void {
  for (let k = items.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [items[k], items[j]] = [items[j]!, items[k]!];
  }
}

/**
 * costOf of the first `count` partners of `order` (members holds exactly them), cached by membership
 * bitmask when the pool is small enough for coalitions to repeat.
 */
function coalitionCosts(
  partners: readonly string[],
  costOf: CoalitionCostOf,
): (members: ReadonlySet<string>, order: readonly number[], count: number) => number {
  const n = partners.length;
  if (n > MAX_CACHED_PARTNERS) return (members) => checkedCost(costOf, members);
  const cache = new Map<number, number>();
  return (members, order, count) => {
    let key = 0;
    for (let k = 0; k < count; k++) key += 2 ** order[k]!;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const value = checkedCost(costOf, members);
    cache.set(key, value);
    return value;
  };
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
