/**
 * Lagrangian prices on chain openers at the root of the backhaul-chain search (backhaul-chains.ts,
 * "prices" in its header). The plain relaxation is weak when many trucks share an opener, so subgradient
 * descent on λ_d ≥ 0 for "opener d used at most once" (Polyak steps towards the incumbent) tightens the
 * root bound and leaves prices that every later node's priced relaxation reuses. Apart from the search
 * because it is a self-contained iteration with its own step rule, run once before any branching.
 */
import type { ChainSearch } from './backhaul-chain-search.ts';
import type { SearchNode } from './backhaul-chain-relaxation.ts';

/** Subgradient rounds at the root. */
const PRICE_ROUNDS = 100;

/** Sets search.prices and lowers root.bound; every round's relaxation is also offered as a plan. */
export function priceOpeners(search: ChainSearch, root: SearchNode): void {
  const { options, relaxations, incumbent, prices, maxNodes } = search;
  const { openers, openerLoads, truckCount: t } = options;
  let step = 2;
  let stale = 0;
  for (let round = 0; round < PRICE_ROUNDS && relaxations.nodes < maxNodes; round++) {
    const priced = relaxations.solve(root, prices, root.warm);
    incumbent.offer(priced);
    if (priced.bound < root.bound - 0.5) [root.bound, stale] = [priced.bound, 0];
    else if (++stale >= 3) [step, stale] = [step / 2, 0];
    if (root.bound - incumbent.cents < 1) break;
    const gradient = new Map<number, number>(openerLoads.map((d) => [d, 1]));
    for (let i = 0; i < t; i++) {
      const chain = relaxations.chainUsed(priced, i);
      if (chain !== null)
        gradient.set(
          openers.problem.colIndex[chain[0]]!,
          gradient.get(openers.problem.colIndex[chain[0]]!)! - 1,
        );
    }
    for (const d of openerLoads) if (priced.solution.colToRow[d]! >= 0) gradient.set(d, gradient.get(d)! - 1);
    let norm = 0;
    for (const g of gradient.values()) norm += g * g;
    if (norm === 0) break;
    const length = (step * (priced.bound - incumbent.cents)) / norm;
    for (const [d, g] of gradient) prices[d] = Math.max(0, Math.round(prices[d]! - length * g));
  }
}
