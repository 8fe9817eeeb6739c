import type { ControlVariate } from './sampled-shapley.ts';
import type { PoolGame } from './pool-game.ts';
import { SeededRandom } from '../sim/seeded-random.ts';

/** Random join orders whose coalitions give the duals of the bound. */
const DEFAULT_WARM_UP_ORDERS = 60;
/**
 * Each coalition along a warm-up order (per equipment) gives its dual with this probability, so the
 * duals come from coalitions of every size and from many orders. Neighbouring coalitions differ by one
 * partner and have nearly the same dual, so what counts is diversity, not count: on the bench pool
 * (npm run bench -- --suite pool), 60 orders at 1/24 (≈ 240 dry-van prices) needed 25,700 real
 * coalitions for ±1% in 6.8 s; every dual of 10 orders (≈ 950 prices) 28,000 in 34 s (joins cost K);
 * 1 in 4 of 10 orders (≈ 250) 33,800 in 8.0 s; 1 in 10 of 10 (≈ 95) 43,800.
 */
const DUAL_SHARE = 1 / 24;

/**
 * A cheap stand-in for a pool's lane-covering game, close enough to it to serve sampled Shapley as a
 * control variate (sampled-shapley.ts): g(S) = Σ over equipments of max_k price_k · balance_S, where
 * balance_S is the coalition's truck balance per place and each price_k is an optimal dual of some
 * coalition's covering (PoolGame.dualPrices). Each price is 1-Lipschitz in road miles, so every term is
 * a lower bound on the coalition's empty miles, tight at the coalition it came from; the maximum over a
 * few hundred of them tracks the real empty miles closely, and their marginals move with the real ones
 * (on the 100-partner bench pool the within-stratum variance of real minus surrogate marginals was
 * about a tenth of the real marginals' variance in a scratch study with every dual of 10 orders).
 *
 * Why it is cheap: price_k · balance is linear, so each partner's contribution to every price's dot
 * product is computed once (contribution[i][g][k] = price_k · balance_i). Adding a partner to the
 * running coalition is then K additions and a maximum per equipment it has — about 1% of the cost of
 * one transportation solve — and a marginal on an arbitrary coalition is |S| · K additions.
 *
 * The duals come from `warmUpOrders` seeded random join orders of the real game, solved once when the
 * surrogate is built; the surrogate never changes afterwards, so the estimator stays unbiased (the
 * warm-up orders are not part of any estimate). Partners are addressed by their index in `partners`;
 * one without lanes contributes nothing (a null partner stays exactly 0). Loaded miles are left out:
 * they are additive, so they add nothing to the variance a control variate is there to remove.
 */
export class DualBoundSurrogate implements ControlVariate {
  /** Per partner (index in partners): its equipment games and, per game, price_k · balance for every k. */
  private readonly contribution: { readonly game: number; readonly dots: Float64Array }[][];
  /** Per equipment game: the running coalition's dot product with every price, and its maximum. */
  private readonly running: Float64Array[];
  private readonly best: Float64Array;
  private readonly scratch: Float64Array[];
  private readonly costPerMile: number;

  constructor(
    game: PoolGame,
    partners: readonly string[],
    options: { readonly seed: number; readonly warmUpOrders?: number },
  ) {
    this.costPerMile = game.costPerMile;
    const indices = partners.map((partner) => game.partnerIndexOf(partner));
    // A stream of its own, so building the surrogate never shifts the sampler's orders.
    const random = new SeededRandom(options.seed, 'dual-bound-surrogate');
    const prices = warmUpPrices(game, indices, random, options.warmUpOrders ?? DEFAULT_WARM_UP_ORDERS);
    this.contribution = indices.map((k) => {
      const games: { game: number; dots: Float64Array }[] = [];
      if (k === undefined) return games;
      for (let g = 0; g < game.equipmentCount; g++) {
        const balance = game.balanceOf(g, k);
        if (balance === null) continue;
        const dots = new Float64Array(prices[g]!.length);
        prices[g]!.forEach((price, j) => {
          let dot = 0;
          for (let e = 0; e < balance.place.length; e++)
            dot += price[balance.place[e]!]! * balance.trucks[e]!;
          dots[j] = dot;
        });
        games.push({ game: g, dots });
      }
      return games;
    });
    this.running = prices.map((list) => new Float64Array(list.length));
    this.scratch = prices.map((list) => new Float64Array(list.length));
    this.best = new Float64Array(prices.length);
  }

  /** Prices per equipment game, for reports. */
  get priceCounts(): readonly number[] {
    return this.running.map((dots) => dots.length);
  }

  clear(): void {
    for (const dots of this.running) dots.fill(0);
    this.best.fill(0);
  }

  join(partner: number): number {
    let change = 0;
    for (const { game, dots } of this.contribution[partner]!) {
      const running = this.running[game]!;
      // Two running maxima over alternate prices: independent chains the CPU can overlap.
      let even = -Infinity;
      let odd = -Infinity;
      const length = dots.length;
      let k = 0;
      for (; k + 1 < length; k += 2) {
        const a = running[k]! + dots[k]!;
        const b = running[k + 1]! + dots[k + 1]!;
        running[k] = a;
        running[k + 1] = b;
        even = a > even ? a : even;
        odd = b > odd ? b : odd;
      }
      if (k < length) even = Math.max(even, (running[k] = running[k]! + dots[k]!));
      const best = even > odd ? even : odd;
      change += best - this.best[game]!;
      this.best[game] = best;
    }
    return change * this.costPerMile;
  }

  marginal(order: readonly number[], count: number, partner: number): number {
    let change = 0;
    for (const { game, dots } of this.contribution[partner]!) {
      const sum = this.scratch[game]!;
      sum.fill(0);
      for (let m = 0; m < count; m++) {
        for (const other of this.contribution[order[m]!]!) {
          if (other.game !== game) continue;
          for (let k = 0; k < sum.length; k++) sum[k] = sum[k]! + other.dots[k]!;
        }
      }
      // The library's zero price keeps both maxima ≥ 0 (and the empty coalition's bound at 0).
      let before = -Infinity;
      let after = -Infinity;
      for (let k = 0; k < sum.length; k++) {
        if (sum[k]! > before) before = sum[k]!;
        if (sum[k]! + dots[k]! > after) after = sum[k]! + dots[k]!;
      }
      change += after - before;
    }
    return change * this.costPerMile;
  }
}

/** Per equipment game, the dual prices of every coalition along `orders` seeded random join orders. */
function warmUpPrices(
  game: PoolGame,
  indices: readonly (number | undefined)[],
  random: SeededRandom,
  orders: number,
): Float64Array[][] {
  const prices: Float64Array[][] = Array.from({ length: game.equipmentCount }, () => []);
  const members = indices.filter((k): k is number => k !== undefined);
  for (let o = 0; o < orders; o++) {
    random.shuffle(members);
    for (let g = 0; g < game.equipmentCount; g++) {
      const balance = new Float64Array(game.placesOf(g));
      for (const k of members) {
        const own = game.balanceOf(g, k);
        if (own === null) continue;
        for (let e = 0; e < own.place.length; e++)
          balance[own.place[e]!] = balance[own.place[e]!]! + own.trucks[e]!;
        if (random.next() < DUAL_SHARE) prices[g]!.push(game.dualPrices(g, balance));
      }
    }
  }
  // The zero price keeps the empty coalition's bound at 0 whatever the library holds.
  for (let g = 0; g < game.equipmentCount; g++) prices[g]!.push(new Float64Array(game.placesOf(g)));
  return prices;
}
