/**
 * The branch-and-bound loop of the backhaul-chain search (backhaul-chains.ts, "branch" and "search" in
 * its header), with the node evaluation the root shares with every child. Apart from the outline because
 * the loop's rules — best bound first, prune what cannot beat the incumbent, stop four relaxations short
 * of the node limit so both children fit — are the part most worth reading on its own.
 */
import type { ChainOptions } from './backhaul-chain-options.ts';
import type { IncumbentPlan } from './backhaul-chain-plans.ts';
import { searchNode, type ChainRelaxations, type SearchNode } from './backhaul-chain-relaxation.ts';

/** What every stage of the search (pricing, dive, branch and bound) shares. */
export interface ChainSearch {
  readonly options: ChainOptions;
  readonly relaxations: ChainRelaxations;
  readonly incumbent: IncumbentPlan;
  /** Lagrangian prices λ_d per load in cents, set at the root, used by every priced relaxation after. */
  readonly prices: Float64Array;
  /** Relaxations to solve (pricing rounds included) before settling for a bound. */
  readonly maxNodes: number;
}

/**
 * Evaluates a node: the plain relaxation (exact when conflict-free) and, if not, the priced one for a
 * tighter bound. Returns the conflicts to branch on, or null when the node is settled.
 */
export function evaluateNode(
  search: ChainSearch,
  node: SearchNode,
  warm: Float64Array | undefined,
): Map<number, number[]> | null {
  const { relaxations, incumbent, prices } = search;
  const plain = relaxations.solve(node, null, warm);
  incumbent.offer(plain);
  node.bound = plain.bound;
  node.warm = plain.solution.colDual;
  const clashes = relaxations.conflicts(plain);
  if (clashes.size === 0) return null; // the relaxed plan is a plan: offered, and no better one here
  const priced = relaxations.solve(node, prices, plain.solution.colDual);
  incumbent.offer(priced);
  node.bound = Math.min(node.bound, priced.bound);
  return clashes;
}

/**
 * Best-first search from an evaluated root until no open node can beat the incumbent or the node limit
 * is near. Returns the bound: the incumbent's value when it is proven optimal, else the best open bound.
 */
export function branchAndBound(search: ChainSearch, root: SearchNode): number {
  const { relaxations, incumbent, maxNodes } = search;
  const open: SearchNode[] = root.clashes !== null && root.bound > incumbent.cents ? [root] : [];
  while (open.length > 0) {
    let best = 0;
    for (let k = 1; k < open.length; k++) if (open[k]!.bound > open[best]!.bound) best = k;
    const node = open[best]!;
    if (node.bound <= incumbent.cents) break; // no open node can beat the plan in hand
    if (relaxations.nodes + 4 > maxNodes) break;
    open.splice(best, 1);
    // Branch on the most contested opener, for the truck that gains most from it.
    const [d, users] = [...node.clashes!].reduce((x, y) => (y[1].length > x[1].length ? y : x));
    const truck = users[0]!;
    for (const kind of ['reserve', 'ban'] as const) {
      const child = searchNode(node, kind, truck, d);
      child.clashes = evaluateNode(search, child, node.warm);
      if (child.clashes !== null && child.bound > incumbent.cents) open.push(child);
    }
  }
  return open.reduce((max, node) => Math.max(max, node.bound), incumbent.cents);
}
