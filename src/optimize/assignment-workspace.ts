/**
 * The sparse assignment solver's workspace: the problem's CSR arrays, prices, the matching and the
 * search state, all typed arrays allocated once per solve (src/optimize/solve-assignment.ts), plus the
 * two markers rows and columns carry in rowToCol / colToRow.
 */
import type { SparseAssignmentProblem } from './sparse-assignment.ts';

/** Not placed yet (a row) or not sold (a column). */
export const FREE = -1;
/** A row that took its unmatched option. */
export const UNMATCHED = -2;

/** The solver's state, all typed arrays sized once (see createWorkspace). */
export type Workspace = ReturnType<typeof createWorkspace>;

export function createWorkspace(problem: SparseAssignmentProblem) {
  const { rows, cols } = problem;
  return {
    rows,
    cols,
    rowStart: problem.rowStart,
    colIndex: problem.colIndex,
    cost: problem.cost,
    unmatchedCost: problem.unmatchedCost,
    /** Every column will be sold: prices need not stay ≤ 0 while solving. */
    square: problem.unmatchedCost === undefined && rows === cols,
    /** Column prices (colDual). */
    v: new Float64Array(cols),
    rowToCol: new Int32Array(rows).fill(FREE),
    colToRow: new Int32Array(cols).fill(FREE),
    /** Cost of the arc a placed row holds (kept per row, not as an arc index, so reading it in a search
     *  touches a small array); u_i = heldCost_i − v_j, so row prices are never stored while solving. */
    heldCost: new Float64Array(rows),
    // Search state. mark[j] = search number: queued in that search. dist, predRow, predArc and heapPos
    // are meaningful only for columns marked in the current search.
    mark: new Int32Array(cols),
    search: 0,
    dist: new Float64Array(cols),
    predRow: new Int32Array(cols),
    predArc: new Int32Array(cols),
    heap: new Int32Array(cols),
    heapPos: new Int32Array(cols),
    /** Columns settled by the last search, in order; their prices move when it ends. */
    settled: new Int32Array(cols),
    /** The prices of the settled columns, parked while the search runs. */
    parked: new Float64Array(cols),
    settledCount: 0,
  };
}
