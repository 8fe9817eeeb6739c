/**
 * A min-cost flow instance on typed arrays: the shape every flow core in src/optimize takes (backhaul
 * chains on a time-expanded network, lane-covering circulations, DIMACS benchmarks).
 *
 * Arc a runs from `tail[a]` to `head[a]` (0-based node ids) and must carry a flow x_a with
 * `lower[a] ≤ x_a ≤ capacity[a]` at `cost[a]` per unit. At every node v,
 * outflow(v) − inflow(v) = supply[v]. Parallel arcs and self-loops are allowed.
 */
export interface FlowNetwork {
  readonly nodes: number;
  /** Per node: + supply, − demand; must sum to 0. */
  readonly supply: Float64Array;
  /** Per arc, 0-based. */
  readonly tail: Int32Array;
  readonly head: Int32Array;
  /** Lower bounds; absent = all 0. */
  readonly lower?: Float64Array | undefined;
  /** Upper bounds; Infinity allowed (uncapacitated). */
  readonly capacity: Float64Array;
  /** Per unit of flow; may be negative. */
  readonly cost: Float64Array;
}

export type FlowStatus = 'optimal' | 'infeasible' | 'unbounded';

/**
 * The answer of a min-cost flow solve.
 *
 * Sign convention: `potential[v]` is the LP dual of node v's conservation row
 * "outflow − inflow = supply", so the reduced cost of arc a is
 *   rc_a = cost_a − potential[tail_a] + potential[head_a],
 * and the flow is optimal exactly when rc_a ≥ 0 wherever flow_a < capacity_a and rc_a ≤ 0 wherever
 * flow_a > lower_a (complementary slackness): that is the certificate `checkFlowCertificate` verifies.
 *
 * When the status is not 'optimal': 'infeasible' has totalCost +Infinity and 'unbounded' has
 * totalCost −Infinity (a feasible flow exists and some negative-cost cycle has infinite capacity);
 * `flow` is then only indicative (see solveMinCostFlow) and `potential` is all zeros.
 */
export interface FlowSolution {
  readonly status: FlowStatus;
  /** Per arc. */
  readonly flow: Float64Array;
  /** Per node; see the sign convention above. */
  readonly potential: Float64Array;
  readonly totalCost: number;
}
