import { NorthboundError } from '../domain/errors.ts';
import type { FlowNetwork, FlowSolution } from './flow-network.ts';
import { NetworkSimplexBasis } from './network-simplex-basis.ts';
import { mixingStride, networkSimplexLoad, TILE_ROWS } from './network-simplex-load.ts';

export interface MinCostFlowOptions {
  /**
   * Node potentials from an earlier, similar solve (same sign convention as FlowSolution.potential).
   * The solver prices against costs reduced by them and starts every arc of negative reduced cost and
   * finite capacity at its upper bound. Any finite vector is correct; a good one saves pivots. With
   * integer costs the potentials are rounded to integers so the solve stays exact.
   */
  readonly warmStart?: { readonly potential: Float64Array };
  /** Arcs priced per block of the entering-arc search; default max(10, ⌊√arcs⌋, ⌊6√nodes⌋). */
  readonly pivotBlockSize?: number;
}

/**
 * Exact min-cost flow by primal network simplex, the method of LEMON's NetworkSimplex: a strongly
 * feasible spanning tree kept in thread/parent/subtree-size arrays, block-search pricing (blocks of
 * max(√m, 6√n) arcs) in LEMON's mixed arc order, LEMON's "cheapest arc into each demand node" initial
 * pivots, and an artificial root with big-M arcs instead of a separate phase 1. See NetworkSimplexBasis
 * for the tree.
 *
 * Why network simplex rather than cost scaling or successive shortest paths: on sparse integer networks
 * of this size (NETGEN-like chains, lane-covering circulations with a few thousand nodes) it is among the
 * fastest methods in Kovács' 2015 study and beats LEMON's own CostScaling on the NETGEN-8 files here
 * (data/benchmarks/README.md §3); it needs no scaling parameters; and its final basis hands over the dual
 * potentials, the optimality certificate, for free.
 *
 * Lower bounds are shifted out (x = lower + x'), so the basis works on 0 ≤ x' ≤ capacity − lower.
 * Big M = n·max|cost| + 1 exceeds the cost of any simple path, so a positive artificial flow at the
 * optimum proves the supplies cannot be carried ('infeasible'). A pivot cycle of infinite residual capacity
 * is a negative cycle of uncapacitated arcs: the answer is 'unbounded' if some feasible flow exists,
 * which a second solve with all costs zero decides (so 'infeasible' wins when both apply, as in LP).
 *
 * Exactness: with integer supplies, bounds and costs every intermediate value is an integer, exact while
 * n·max|cost| and the total flow stay well below 2^53, so totals can be compared with ===. Fractional
 * data is solved in floating point with a pricing tolerance of 1e-9·max|cost|.
 *
 * Non-optimal results: 'infeasible' returns the bounded flow the simplex ended with (it does not conserve
 * flow at every node), 'unbounded' returns a feasible flow; both return zero potentials.
 *
 * Time: O(pivots × (√m + tree path lengths + moved subtree)). Memory: the basis, about 33 bytes per arc
 * and 120 per node of typed arrays, is kept between calls and reused (see spareBasis), so a repeated
 * solve allocates only its answer (flow and potentials); the pivot loop allocates nothing.
 */
export function solveMinCostFlow(network: FlowNetwork, options: MinCostFlowOptions = {}): FlowSolution {
  const { nodes: n, supply, tail, cost } = network;
  const m = tail.length;
  if (!Number.isInteger(n) || n < 0) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot solve min-cost flow: nodes is ${n}, expected a non-negative integer`,
      { nodes: n },
    );
  }
  if (supply.length !== n) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot solve min-cost flow: supply has ${supply.length} entries, expected one per node (${n})`,
      { length: supply.length },
    );
  }
  const warmPotential = options.warmStart?.potential;
  if (warmPotential !== undefined) validateWarmStart(warmPotential, n);
  const blockSize = options.pivotBlockSize ?? defaultPivotBlockSize(n, m);
  if (!Number.isInteger(blockSize) || blockSize < 1) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot solve min-cost flow: pivotBlockSize is ${blockSize}, expected a positive integer`,
      { pivotBlockSize: blockSize },
    );
  }

  // Warm start: price against c'_a = c_a − π_tail + π_head (same optimal flows; objective shifts by a
  // constant). With integer costs the potentials are rounded first so c' stays integral.
  let shift: Float64Array | undefined;
  if (warmPotential !== undefined) {
    shift = cost.every(Number.isInteger) ? warmPotential.map(Math.round) : warmPotential;
  }

  const basis = spareBasis ?? new NetworkSimplexBasis();
  spareBasis = null; // a nested solve (the feasibility re-solve below) must not share it
  try {
    basis.reset(n, m);
    const facts = networkSimplexLoad(basis, network, shift);
    const { integralFlows, integralCosts, maxAbsCost } = facts;
    if (facts.capacityBelowLower) return infeasible(network);
    const balanced = integralFlows
      ? facts.supplySum === 0
      : Math.abs(facts.supplySum) <= 1e-9 * facts.supplyMagnitude;
    if (!balanced) return infeasible(network);

    basis.startFromArtificialStar(n * maxAbsCost + 1);
    const tolerance = integralCosts ? 0.5 : 1e-9 * maxAbsCost;
    const outcome =
      basis.pivotInCheapestArcs(tolerance) && basis.pivotToOptimality(blockSize, tolerance) === 'optimal'
        ? 'optimal'
        : 'unbounded';

    if (outcome === 'unbounded') {
      const feasibility = solveMinCostFlow({
        ...network,
        cost: new Float64Array(m),
      });
      if (feasibility.status !== 'optimal') return feasibility;
      return {
        status: 'unbounded',
        flow: feasibility.flow,
        potential: new Float64Array(n),
        totalCost: -Infinity,
      };
    }

    basis.writeBackTreeFlows();
    const flow = new Float64Array(m);
    const totalCost = readFlows(basis, network, flow);
    if (basis.carriesArtificialFlow(integralFlows)) {
      return { status: 'infeasible', flow, potential: new Float64Array(n), totalCost: Infinity };
    }
    const potential = basis.readPotentials(shift);
    return { status: 'optimal', flow, potential, totalCost };
  } finally {
    // Keep the workspace for the next solve unless it is very large (then its memory goes back).
    if (m + n <= MAX_SPARE_ARCS) spareBasis = basis;
  }
}

/**
 * Writes the basis flows back in input order (the transposition of networkSimplexLoad undone, tile by
 * tile), lower bounds added back, and returns Σ cost·flow in input order. O(m).
 *
 * Every loop over the arcs or nodes of a solve sits in a small function of its own like this one, not in
 * solveMinCostFlow: V8 compiles a long loop in a function it has run only once or twice by on-stack
 * replacement, and OSR code compiled before the code after the loop had ever run kept deoptimising on
 * every later solve (measured: the load and read-out of the 200k-arc lane circulation ran interpreted,
 * 60 ms of a 120 ms solve).
 */
function readFlows(basis: NetworkSimplexBasis, network: FlowNetwork, flow: Float64Array): number {
  const { nodes: n, cost, lower } = network;
  const m = flow.length;
  const basisFlow = basis.flow;
  const stride = mixingStride(m, n);
  const rows = Math.floor(m / stride);
  const longColumns = m - rows * stride;
  for (let row0 = 0; row0 <= rows; row0 += TILE_ROWS) {
    for (let column = 0; column < stride; column++) {
      const rowEnd = Math.min(row0 + TILE_ROWS, rows + (column < longColumns ? 1 : 0));
      let a = column * rows + Math.min(column, longColumns) + row0;
      for (let row = row0, i = column + row0 * stride; row < rowEnd; row++, a++, i += stride) {
        flow[a] = basisFlow[i]!;
      }
    }
  }
  // In input order, as callers summing cost × flow themselves would (the same rounding on fractional data).
  let totalCost = 0;
  if (lower === undefined) {
    for (let a = 0; a < m; a++) totalCost += cost[a]! * flow[a]!;
  } else {
    for (let a = 0; a < m; a++) {
      const x = flow[a]! + lower[a]!;
      flow[a] = x;
      totalCost += cost[a]! * x;
    }
  }
  return totalCost;
}

/**
 * Arcs priced per block: LEMON's ⌊√m⌋ (at least 10), raised to ⌊6√n⌋ on networks with few arcs per node.
 * LEMON's size balances pricing against pivoting in C++; here a pivot's tree update (paths of about √n
 * nodes: 13, 25, 49 and 34 steps on NETGEN-8 08a, 10a, 13a and the 3k-node lane circulation) costs
 * relatively more than pricing an arc, so fewer, better-chosen pivots pay off. Measured (CPU ms, block
 * sizes ⌊√m⌋ → ⌊6√n⌋): NETGEN 08a 0.62 → 0.48, 10a 5.4 → 4.9, 14a 260 → 245, 13a flat; on the lane
 * circulation (m/n = 66) ⌊√m⌋ is already the larger and a larger block was slower.
 */
const defaultPivotBlockSize = (n: number, m: number): number =>
  Math.max(10, Math.floor(Math.sqrt(m)), Math.floor(6 * Math.sqrt(n)));

/**
 * The basis of the last solve, kept for the next one so repeated solves allocate nothing: ≈ 33 bytes per
 * arc plus ≈ 100 per node, retained between calls. JavaScript runs one solve at a time on a thread, and a
 * solve takes the spare out while it runs, so no two solves ever share it.
 */
let spareBasis: NetworkSimplexBasis | null = null;
/** Networks beyond this many arcs + nodes (≈ 33 MB of basis) do not keep theirs. */
const MAX_SPARE_ARCS = 1 << 20;

const infeasible = (network: FlowNetwork): FlowSolution => ({
  status: 'infeasible',
  flow:
    network.lower === undefined ? new Float64Array(network.tail.length) : Float64Array.from(network.lower),
  potential: new Float64Array(network.nodes),
  totalCost: Infinity,
});

function validateWarmStart(potential: Float64Array, n: number): void {
  if (potential.length !== n) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot warm-start min-cost flow: potential has ${potential.length} entries, expected one per node (${n})`,
      { length: potential.length },
    );
  }
  for (let v = 0; v < n; v++) {
    if (!Number.isFinite(potential[v]!)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot warm-start min-cost flow: potential of node ${v} is ${potential[v]}, expected a finite number`,
        { node: v },
      );
    }
  }
}
