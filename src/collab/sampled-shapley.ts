import { NorthboundError } from '../domain/errors.ts';
import { SeededRandom } from '../sim/seeded-random.ts';
import type { CoalitionCostOf } from './coalition-cost.ts';
import { checkedCost, validatePartners } from './shapley.ts';
import { StratifiedTally } from './stratified-tally.ts';

/** Join positions are grouped into this many strata (fewer for tiny pools: one position each). */
const MAX_STRATA = 10;
/** Coalitions repeat across orders only in small pools; above this many partners the cache is skipped. */
const MAX_CACHED_PARTNERS = 20;
/** Orders between two checks of the stopping rule; a check costs O(partners × strata). */
const CHECK_EVERY = 10;
/**
 * Whole orders per stratum before the stopping rule is first asked: about this many draws per
 * (partner, stratum) cell, so no width is judged on a variance from a handful of draws.
 */
const MIN_ORDERS_PER_STRATUM = 20;
/** Surrogate-only orders per real order at most (a guard: surrogateLags normally stops far sooner). */
const MAX_SURROGATE_ORDERS_PER_ORDER = 400;
/**
 * The surrogate's orders run until its variance is at most this share of what each partner may have
 * (see surrogateLags). On the bench pool ¼ took 34k surrogate orders, ⅓ 26k and ½ 23k, the last at the
 * price of 15% more real coalitions; ⅓ was the fastest.
 */
const SURROGATE_SHARE = 1 / 3;

export interface SampledShapleyOptions {
  /** The most random join orders to draw; ≥ 2 (an interval needs a sample variance). */
  readonly samples: number;
  /** Any integer; the same seed gives the same orders. */
  readonly seed: number;
  /**
   * Stop early once every partner's 95% half-width is at most this fraction of max(its share, the mean
   * share) — the second term so a partner with a tiny share is held to a fraction of a typical share,
   * not to a vanishing absolute width. Checked every CHECK_EVERY orders, from MIN_ORDERS_PER_STRATUM orders per stratum on.
   */
  readonly relativeHalfWidth?: number;
  /** Asked at each check; true stops the sampling there (a time budget, a cancel button). */
  readonly stopEarly?: (progress: SamplingProgress) => boolean;
  /** A cheap game close to the real one, to subtract as a control variate (see ControlVariate). */
  readonly controlVariate?: ControlVariate;
  /**
   * v(S ∪ {i}) − v(S) in one call, for a game that computes it cheaper than two costs (PoolGame
   * solves only the partner's equipments). Used for the single draws; without it, two costOf calls.
   */
  readonly marginalCostOf?: (coalition: ReadonlySet<string>, partner: string) => number;
}

/**
 * A cheap surrogate game g over the same partners (addressed by index in `partners`), fixed before
 * sampling starts and with g(∅) = 0. Sampled Shapley then estimates φ(v) = φ(v − g) + φ(g): the first
 * from the real coalitions (whose marginals minus g's vary far less than the real ones when g tracks v),
 * the second from many more orders of g alone, which cost next to nothing. Both are unbiased for any g;
 * a good g only makes them tighter. DualBoundSurrogate is the pool's.
 */
export interface ControlVariate {
  /** Start a new, empty coalition. */
  clear(): void;
  /** Add a partner to the running coalition; returns g(S ∪ {i}) − g(S). */
  join(partner: number): number;
  /** g(S ∪ {i}) − g(S) for S = the first `count` partners of `order`, without touching the running one. */
  marginal(order: readonly number[], count: number, partner: number): number;
}

export interface SamplingProgress {
  /** Whole join orders drawn. */
  readonly samples: number;
  /** Single draws for one partner (two coalitions each) after the orders, when a target was set. */
  readonly targetedDraws: number;
  /** Join orders of the control variate alone (0 without one). */
  readonly surrogateOrders: number;
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
 *
 * With a control variate g (ControlVariate), the real orders and single draws tally v's marginal minus
 * g's on the same coalition, and g's Shapley shares are estimated apart, from orders of g alone (same
 * strata, same correction, each tally to its own total); shares add and so do variances. Surrogate
 * orders run whenever g's variance is above SURROGATE_SHARE of a partner's allowance. On the
 * 100-partner bench pool the pool's DualBoundSurrogate cuts the real coalitions for ±1% from ≈ 200,000
 * to ≈ 34,000, for ≈ 26,000 surrogate orders at about 2% of a real order each.
 * Orders come from a SeededRandom stream of the seed (Fisher–Yates shuffle), never Math.random.
 * Time: samples × n calls of costOf at most, plus O(samples × n).
 */
export function sampledShapley(
  partners: readonly string[],
  costOf: CoalitionCostOf,
  options: SampledShapleyOptions,
): SampledShapley {
  validatePartners(partners, 'estimate Shapley shares');
  const { samples, seed, relativeHalfWidth, stopEarly, controlVariate: surrogate, marginalCostOf } = options;
  validateOptions(samples, seed, relativeHalfWidth);
  const n = partners.length;
  const strata = Math.min(MAX_STRATA, n);
  // With a surrogate g, `tally` holds the real marginal minus g's on the same coalitions, and
  // `surrogateTally` g's marginals from orders of their own; without one, `tally` holds real marginals.
  const tally = new StratifiedTally(n, strata);
  const surrogateTally = surrogate === undefined ? undefined : new StratifiedTally(n, strata);
  const costOfMembers = coalitionCosts(partners, costOf);
  const random = new SeededRandom(seed, 'sampled-shapley');
  const order = Array.from({ length: n }, (_, i) => i);
  const members = new Set<string>();
  // Phase 1: whole join orders, one draw for every partner per order.
  let total = 0;
  let surrogateTotal = 0;
  let orders = 0;
  let surrogateOrders = 0;
  let targeted = 0;
  let relative: Float64Array = new Float64Array(n).fill(Infinity);
  let halted = false;
  // Partners still wider than the target (without one: any width above 0).
  const target = relativeHalfWidth ?? 0;
  const wide = (): number => relative.reduce((count, r) => count + (r > target ? 1 : 0), 0);
  let failing = n;
  /**
   * The shares as they will be returned — each tally corrected to its own total (real minus surrogate,
   * and the surrogate's), then added — with each 95% half-width, each tally's half-width, and the
   * width ÷ max(|share|, |mean share|). The stopping rule and surrogateLags read these, so the width the
   * sampler stops at is the width of the shares it returns.
   */
  const corrected = (): Estimate => {
    const real = tally.estimate(total - surrogateTotal);
    const guess = surrogateTally?.estimate(surrogateTotal);
    const share = real.share.map((x, i) => x + (guess?.share[i] ?? 0));
    const guessHalfWidth = guess?.halfWidth ?? new Float64Array(n);
    const halfWidth = real.halfWidth.map((h, i) => Math.hypot(h, guessHalfWidth[i]!));
    const meanShare = share.reduce((a, b) => a + b, 0) / n;
    const scale = share.map((x) => Math.max(Math.abs(x), Math.abs(meanShare)));
    const widths = halfWidth.map((h, i) => (scale[i]! > 0 ? h / scale[i]! : 0));
    return { share, halfWidth, widths, scale, realHalfWidth: real.halfWidth, guessHalfWidth };
  };
  const progress = (): SamplingProgress => ({
    samples: orders,
    targetedDraws: targeted,
    surrogateOrders,
    widestRelativeHalfWidth: relative.reduce((a, b) => Math.max(a, b), 0),
  });
  /** Surrogate-only orders until g's share of every partner's variance is small (see surrogateLags). */
  const catchUpSurrogate = (): void => {
    if (surrogate === undefined || surrogateTally === undefined) return;
    const limit = MAX_SURROGATE_ORDERS_PER_ORDER * Math.max(1, orders);
    do {
      for (let k = 0; k < CHECK_EVERY && surrogateOrders < limit; k++, surrogateOrders++) {
        random.shuffle(order);
        surrogate.clear();
        for (let position = 0; position < n; position++) {
          const i = order[position]!;
          surrogateTally.add(i, position, surrogate.join(i));
        }
      }
    } while (surrogateOrders < limit && surrogateLags(corrected(), target));
  };
  while (orders < samples) {
    random.shuffle(order);
    members.clear();
    surrogate?.clear();
    const empty = costOfMembers(members, order, 0);
    let before = empty;
    let surrogateSum = 0;
    for (let position = 0; position < n; position++) {
      const i = order[position]!;
      members.add(partners[i]!);
      const after = costOfMembers(members, order, position + 1);
      const guess = surrogate === undefined ? 0 : surrogate.join(i);
      surrogateSum += guess;
      tally.add(i, position, after - before - guess);
      before = after;
    }
    total = before - empty;
    surrogateTotal = surrogateSum;
    orders++;
    if (orders % CHECK_EVERY !== 0 || orders >= samples || orders < MIN_ORDERS_PER_STRATUM * tally.strata)
      continue;
    catchUpSurrogate();
    relative = corrected().widths;
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
        const position = from + random.int(to - from);
        // A uniform coalition of `position` other partners: the first `position` of a shuffle.
        for (let k = 0, o = 0; k < n; k++) if (k !== i) others[o++] = k;
        random.shuffle(others);
        members.clear();
        for (let k = 0; k < position; k++) members.add(partners[others[k]!]!);
        const guess = surrogate === undefined ? 0 : surrogate.marginal(others, position, i);
        let marginal: number;
        if (marginalCostOf !== undefined) {
          marginal = marginalCostOf(members, partners[i]!);
          if (!Number.isFinite(marginal)) throw nonFiniteMarginal(partners[i]!, marginal);
        } else {
          const without = costOfMembers(members, others, position);
          members.add(partners[i]!);
          others[position] = i; // the cache key reads the prefix: S, then S ∪ {i}
          marginal = costOfMembers(members, others, position + 1) - without;
        }
        tally.add(i, position, marginal - guess);
        spent += 2;
        targeted++;
        drew = true;
      }
      catchUpSurrogate();
      relative = corrected().widths;
      failing = wide();
      stopped = !drew || failing === 0 || stopEarly?.(progress()) === true;
    }
  }
  if (surrogateTally !== undefined && surrogateOrders < 2) catchUpSurrogate();
  const final = corrected();
  relative = final.widths;
  const shares = new Map<string, SampledShare>();
  partners.forEach((partner, i) => {
    const share = final.share[i]!;
    const halfWidth = final.halfWidth[i]!;
    shares.set(partner, { share, halfWidth, low: share - halfWidth, high: share + halfWidth });
  });
  return { shares, ...progress(), strata: tally.strata };
}

/** sampledShapley's shares as returned, with what the stopping rule and surrogateLags read. */
interface Estimate {
  readonly share: Float64Array;
  readonly halfWidth: Float64Array;
  /** halfWidth ÷ scale: what the target bounds. */
  readonly widths: Float64Array;
  /** max(|share|, |mean share|) per partner. */
  readonly scale: Float64Array;
  /** The half-widths of the real-minus-surrogate estimate and of the surrogate's own. */
  readonly realHalfWidth: Float64Array;
  readonly guessHalfWidth: Float64Array;
}

/**
 * True while some partner's surrogate variance is above SURROGATE_SHARE of what it may have: of the
 * target variance (or of its real-minus-surrogate variance, if that is still larger). Surrogate orders
 * are cheap (≈ 2% of a real order on the bench pool), so keeping them a small part of the error costs
 * little and leaves the real coalitions to carry the rest. Compared as squared half-widths, which are
 * variances times 1.96².
 */
function surrogateLags(estimate: Estimate, target: number): boolean {
  const { scale, realHalfWidth, guessHalfWidth } = estimate;
  for (let i = 0; i < scale.length; i++) {
    const allowed = (target * scale[i]!) ** 2;
    if (guessHalfWidth[i]! ** 2 > Math.max(allowed, realHalfWidth[i]! ** 2) * SURROGATE_SHARE) return true;
  }
  return false;
}

function nonFiniteMarginal(partner: string, marginal: number): NorthboundError {
  return new NorthboundError(
    'invalid_input',
    `Cannot estimate Shapley shares: the marginal cost of partner "${partner}" is ${marginal}, expected a finite number`,
    { partner, marginal },
  );
}

function validateOptions(samples: number, seed: number, relativeHalfWidth: number | undefined): void {
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
