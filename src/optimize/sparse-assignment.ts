/**
 * The sparse linear assignment problem the matching core solves (trucks = rows, loads = columns), its
 * solution with an optimality certificate, and the structural check every entry point runs first.
 *
 * The LP solved and certified. Rows i = 0…rows−1, columns j = 0…cols−1, arcs (i, j) with cost c_ij; when
 * `unmatchedCost` is given, every row i also has a private "unmatched" option at cost a_i (for a truck:
 * driving home empty). With x_ij on arcs and y_i for the unmatched option (y_i ≡ 0 when absent):
 *
 *   primal  min Σ c_ij·x_ij + Σ a_i·y_i   s.t.  Σ_j x_ij + y_i = 1 (every row),  Σ_i x_ij ≤ 1 (every column),
 *                                               x, y ≥ 0
 *   dual    max Σ_i min(u_i, a_i) + Σ_j v_j   s.t.  u_i + v_j ≤ c_ij (every arc),  v_j ≤ 0
 *           (without unmatched costs the dual objective is Σ u_i + Σ v_j and u is free)
 *
 * The constraint matrix is totally unimodular, so an integral optimum exists and is what the solver returns.
 * The dual above already has the unmatched option's own dual w_i eliminated: w_i = min(0, a_i − u_i).
 */
import { NorthboundError } from '../domain/errors.ts';

export interface SparseAssignmentProblem {
  readonly rows: number;
  readonly cols: number;
  /** CSR: the arcs of row i are rowStart[i] … rowStart[i+1]−1. Length rows + 1. */
  readonly rowStart: Int32Array;
  /** Column of each arc, length = arcs. A column may appear twice in a row; the cheaper arc then counts. */
  readonly colIndex: Int32Array;
  /** Cost of each arc, length = arcs; minimised. Any finite value, negative included. */
  readonly cost: Float64Array;
  /** Cost of leaving row i unmatched; absent → every row must be matched (needs a perfect row matching). */
  readonly unmatchedCost?: Float64Array | undefined;
}

/**
 * An optimal assignment with its certificate, or a proof that none exists.
 *
 * status 'optimal' — with u = rowDual, v = colDual, all within the checker's tolerance:
 *   1. dual feasible: c_ij − u_i − v_j ≥ 0 on every arc, and v_j ≤ 0 on every column;
 *   2. matched arcs are tight: c_ij − u_i − v_j = 0 when rowToCol[i] = j;
 *   3. unused columns are free: v_j = 0 when colToRow[j] = −1;
 *   4. the unmatched option (only with unmatchedCost): u_i ≤ a_i for a matched row, u_i ≥ a_i for an
 *      unmatched one (the solver reports u_i = a_i), so the dual objective Σ min(u_i, a_i) + Σ v_j
 *      equals totalCost.
 *   1–4 are LP complementary slackness for the program in the file comment, so totalCost is the optimum.
 *   Without unmatchedCost, rows == cols and every row matched, condition 3 is vacuous.
 *
 * status 'infeasible' — only possible without unmatchedCost: no assignment matches every row. rowToCol
 *   and colToRow are all −1, totalCost is +Infinity, and the duals are a Farkas ray proving it:
 *   u_i + v_j ≤ 0 on every arc, v_j ≤ 0, and Σ u_i + Σ v_j ≥ 1. (A feasible x would give
 *   Σ u_i = Σ u_i·x_ij ≤ Σ −v_j·x_ij ≤ Σ −v_j, i.e. Σ u + Σ v ≤ 0.) The solver's ray is a Hall violator:
 *   u = 1 on a set of rows S, v = −1 on the columns they reach, which number |S| − 1 (or fewer).
 */
export interface AssignmentSolution {
  readonly status: 'optimal' | 'infeasible';
  /** Column of each row; −1 = unmatched (pays unmatchedCost). */
  readonly rowToCol: Int32Array;
  /** Row of each column; −1 = unused. */
  readonly colToRow: Int32Array;
  /** Σ matched costs + Σ unmatchedCost of unmatched rows; +Infinity when infeasible. */
  readonly totalCost: number;
  /** u: see the certificate above. */
  readonly rowDual: Float64Array;
  /** v: see the certificate above. */
  readonly colDual: Float64Array;
}

const isCount = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= 0x7fffffff;

/** What the solver and the checker want to know about a problem's numbers, gathered while checking it. */
export interface ProblemMeasure {
  /** Every cost and unmatched cost is an integer: prices stay integers and the arithmetic exact. */
  readonly integral: boolean;
  /** max(1, largest |cost| or |unmatched cost|): the scale for tolerances and price bounds. */
  readonly magnitude: number;
}

/**
 * Throws NorthboundError('invalid_input') unless `problem` is a well-formed CSR instance: counts are
 * non-negative integers, rowStart starts at 0, never decreases and ends at the arc count, every column
 * index is in 0…cols−1, every cost (and unmatched cost) is finite. Returns the problem's measure.
 * O(rows + arcs).
 */
export function assertSparseAssignmentProblem(
  problem: SparseAssignmentProblem,
  attempted: string,
): ProblemMeasure {
  const fail = (why: string): never => {
    throw new NorthboundError('invalid_input', `Cannot ${attempted}: ${why}`);
  };
  const { rows, cols, rowStart, colIndex, cost, unmatchedCost } = problem;
  if (!isCount(rows)) fail(`rows must be a non-negative integer, got ${rows}`);
  if (!isCount(cols)) fail(`cols must be a non-negative integer, got ${cols}`);
  if (rowStart.length !== rows + 1)
    fail(`rowStart has length ${rowStart.length}, expected rows + 1 = ${rows + 1}`);
  const arcs = colIndex.length;
  if (cost.length !== arcs) fail(`cost has length ${cost.length} but colIndex has ${arcs} arcs`);
  if (rowStart[0] !== 0) fail(`rowStart[0] is ${rowStart[0]}, expected 0`);
  if (rowStart[rows] !== arcs) fail(`rowStart[${rows}] is ${rowStart[rows]}, expected the arc count ${arcs}`);
  for (let i = 0; i < rows; i++) {
    if (rowStart[i + 1]! < rowStart[i]!) {
      fail(`rowStart decreases at row ${i}: ${rowStart[i]} then ${rowStart[i + 1]}`);
    }
  }
  // The loop over every arc of every solve stays free of calls: V8 optimises a loop that calls the
  // message-building `fail` into code several times slower. A bad arc stops it; the message comes after.
  let magnitude = 1;
  let integral = true;
  let bad = -1;
  for (let p = 0; p < arcs; p++) {
    const j = colIndex[p]!;
    const c = cost[p]!;
    if (!(j >= 0 && j < cols) || c - c !== 0) {
      bad = p;
      break;
    }
    const size = Math.abs(c);
    if (size > magnitude) magnitude = size;
    if (integral && Math.floor(c) !== c) integral = false;
  }
  if (bad >= 0) {
    const j = colIndex[bad]!;
    if (!(j >= 0 && j < cols)) fail(`arc ${bad} has column ${j}, expected 0…${cols - 1}`);
    fail(`arc ${bad}'s cost is ${cost[bad]}, expected a finite number`);
  }
  if (unmatchedCost !== undefined) {
    if (unmatchedCost.length !== rows) {
      fail(`unmatchedCost has length ${unmatchedCost.length}, expected rows = ${rows}`);
    }
    for (let i = 0; i < rows; i++) {
      const a = unmatchedCost[i]!;
      if (a - a !== 0) fail(`unmatchedCost[${i}] is ${a}, expected a finite number`);
      const size = Math.abs(a);
      if (size > magnitude) magnitude = size;
      if (integral && Math.floor(a) !== a) integral = false;
    }
  }
  return { integral, magnitude };
}
