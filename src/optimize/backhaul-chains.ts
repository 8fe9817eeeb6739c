/**
 * Backhaul chains (DESIGN.md §3.6, §3.8): a Canadian truck may haul one pre-arranged US-domestic load in
 * the general direction of home when the northbound load follows it in the same plan. Each truck then
 * ends up with nothing (drive home empty), one final load, or a chain (opener d, final n); every load is
 * used once. Value of a chain = value(i, d) + value(i after d, n) by §3.6's formula, which telescopes to
 * rate_d + rate_n − c·(all miles driven, empty and loaded, until home) + c·dist(pos_i, home_i).
 *
 * Why not a single min-cost flow on a time-expanded network: a flow unit does not remember which truck
 * it is, yet the final leg's value (the run home) and its legality (credentials, Canadian or not) depend
 * on the truck. One flow is exact only when all trucks are alike; in general this is a three-index
 * assignment (truck, opener, final) with decomposable costs, which is NP-hard, so an exact method has to
 * branch. Ours is branch and bound over assignment relaxations, each solved exactly with its dual
 * certificate:
 *
 *   relaxation  let every truck use any opener it can reach, even one another truck uses:
 *               w(i, n) = max(direct value, best chain value via an allowed opener); solve the
 *               truck × load assignment on w. Its optimum bounds the true optimum from above.
 *   feasible    if no opener is used twice (or used as opener and as another truck's final load), the
 *               relaxed optimum is a plan, hence optimal for the node.
 *   branch      on a conflicting opener d and the best truck i using it: either d is reserved for i
 *               (no one else may use d at all) or i may not open with d. Every plan lies in a child, and
 *               each branch settles a (truck, opener) pair, so the search is finite.
 *   prices      the plain relaxation is weak when many trucks share an opener, so the root also runs
 *               subgradient descent on Lagrangian prices λ_d ≥ 0 for "opener d used at most once"
 *               (using d costs λ_d; optimum + Σ λ bounds every plan for any λ), and every node is
 *               bounded by the better of the plain and the priced relaxation.
 *   plans       every relaxation is repaired into a plan (a conflicting chain falls back to its direct
 *               load or home), and a short dive reserves contested openers for their best users.
 *   search      best first by bound, pruning nodes no better than the best plan; when no open node
 *               can beat it, the plan is optimal. With a node limit the best plan is returned with the
 *               best open bound beside it (status 'node_limit').
 *
 * Timing: every truck leaves as soon as it is free and picks up at max(arrival, window opening), so no
 * pickup needs fixing at its window start. Value does not depend on time, so this earliest schedule is
 * feasible whenever any schedule is — except under maxWaitHours, which caps the idle time before each
 * pickup on this schedule: a chain that would need the opener picked up later on purpose, to shorten the
 * wait for the northbound load, is not considered. "Optimal" is over plans timed this way. Candidates
 * come from buildBackhaulCandidates three times: final loads from each truck, openers from each truck,
 * and final loads from each opener's delivery.
 *
 * Complexity: candidate generation as in backhaul-candidates.ts; each node is one or two sparse
 * assignments (warm-started from its parent's prices) over O(direct + chain pairs) arcs; nodes ≤ maxNodes.
 *
 * Where each step lives: the options per truck in backhaul-chain-options.ts, the relaxation in
 * backhaul-chain-relaxation.ts, the repair and the incumbent in backhaul-chain-plans.ts, the prices in
 * backhaul-chain-pricing.ts, the dive in backhaul-chain-dive.ts, branch and search in
 * backhaul-chain-search.ts; solveBackhaulChains below runs them in that order.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { BackhaulOptions } from './backhaul-options.ts';
import type { BackhaulCandidateInput, BackhaulCandidates } from './backhaul-candidates.ts';
import { diveForPlan } from './backhaul-chain-dive.ts';
import { buildChainOptions } from './backhaul-chain-options.ts';
import { IncumbentPlan, totalCents, type TruckChoice } from './backhaul-chain-plans.ts';
import { priceOpeners } from './backhaul-chain-pricing.ts';
import { ChainRelaxations, searchNode } from './backhaul-chain-relaxation.ts';
import { branchAndBound, evaluateNode, type ChainSearch } from './backhaul-chain-search.ts';

export type { ChosenLeg, TruckChoice } from './backhaul-chain-plans.ts';

export interface BackhaulChainSolution {
  /** 'optimal': proven by the search; 'node_limit': the best plan found, boundCents above it. */
  readonly status: 'optimal' | 'node_limit';
  /** Per truck, in input order. */
  readonly choices: readonly TruckChoice[];
  readonly valueCents: number;
  /** No plan is worth more than this; equals valueCents when optimal. */
  readonly boundCents: number;
  /** Relaxations solved. */
  readonly nodes: number;
  /** Every relaxation's dual certificate checked out (checkAssignmentCertificate). */
  readonly certificatesOk: boolean;
  readonly candidates: {
    readonly direct: BackhaulCandidates;
    readonly openers: BackhaulCandidates;
    readonly seconds: BackhaulCandidates;
  };
}

export interface BackhaulChainLimits {
  /** Relaxations to solve (pricing rounds included) before settling for a bound; default 500. */
  readonly maxNodes?: number;
}

export function solveBackhaulChains(
  input: Omit<BackhaulCandidateInput, 'legs' | 'minValueCents'>,
  overrides: Partial<BackhaulOptions> = {},
  limits: BackhaulChainLimits = {},
): BackhaulChainSolution {
  const maxNodes = limits.maxNodes ?? 500;
  if (!(Number.isInteger(maxNodes) && maxNodes >= 1)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot plan backhaul chains: maxNodes is ${maxNodes}, expected a whole number ≥ 1`,
    );
  }
  const options = buildChainOptions(input, overrides);
  const relaxations = new ChainRelaxations(options);
  const search: ChainSearch = {
    options,
    relaxations,
    incumbent: new IncumbentPlan(options, relaxations),
    prices: new Float64Array(options.loadCount),
    maxNodes,
  };

  // The root: its plain relaxation, then (if openers clash) prices for a tighter bound.
  const root = searchNode(null, 'root', -1, -1);
  root.clashes = evaluateNode(search, root, undefined);
  if (root.clashes !== null) priceOpeners(search, root);
  // A good plan before branching, so the search prunes early; then branch and bound.
  diveForPlan(search, root);
  const bound = branchAndBound(search, root);

  const { incumbent } = search;
  return {
    status: bound > incumbent.cents ? 'node_limit' : 'optimal',
    choices: incumbent.choices,
    valueCents: totalCents(incumbent.choices),
    boundCents: bound,
    nodes: relaxations.nodes,
    certificatesOk: relaxations.certificatesOk,
    candidates: { direct: options.direct, openers: options.openers, seconds: options.seconds },
  };
}
