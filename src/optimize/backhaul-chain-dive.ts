/**
 * A dive for a good first plan in the backhaul-chain search (backhaul-chains.ts, "plans" in its header):
 * reserve every contested opener for its best user, re-solve the priced relaxation, repeat a few times.
 * A strong incumbent before branching lets the search prune early. Apart from the search because it
 * builds a throwaway path of nodes that is never branched on, only offered as plans.
 */
import { searchNode, type SearchNode } from './backhaul-chain-relaxation.ts';
import type { ChainSearch } from './backhaul-chain-search.ts';

/** Re-solves of the dive. */
const DIVE_DEPTH = 8;

export function diveForPlan(search: ChainSearch, root: SearchNode): void {
  const { relaxations, incumbent, prices, maxNodes } = search;
  let dive: SearchNode = root;
  for (
    let depth = 0;
    depth < DIVE_DEPTH && root.bound > incumbent.cents && relaxations.nodes < maxNodes;
    depth++
  ) {
    const relaxation = relaxations.solve(dive, prices, root.warm);
    incumbent.offer(relaxation);
    const clashes = relaxations.conflicts(relaxation);
    if (clashes.size === 0) break;
    for (const [d, users] of clashes) dive = searchNode(dive, 'reserve', users[0]!, d);
  }
}
