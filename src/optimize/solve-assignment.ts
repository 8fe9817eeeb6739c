/**
 * Exact sparse rectangular assignment: shortest augmenting paths with dual prices, Jonker–Volgenant
 * style, on typed arrays. Phases: column reduction (square problems only), augmenting row reduction
 * (both in assignment-reduction.ts), then one Dijkstra search per still-free row.
 *
 * Invariant from start to finish (the certificate of sparse-assignment.ts, grown row by row):
 *   - every placed row has u_i = (its cost) − v_j and reduced cost c_ij − u_i − v_j ≥ 0 on all its arcs;
 *     the unmatched option is a private column with price 0, so an unmatched row has u_i = a_i;
 *   - rectangular problems (unmatched costs, or rows < cols): v_j ≤ 0, and v_j = 0 on every unsold
 *     column. Prices only fall, and only on sold columns (the warm start's column-side repair is the one
 *     exception: it raises them, as little as it can), so this holds as rows arrive. Square problems
 *     sell every column in the end, so their prices may start anywhere and are shifted to v ≤ 0 last.
 * A row that took its unmatched option is never reached by a later search (its private column has no
 * other arcs), so it keeps u_i = a_i; earlier rows stay optimal as later rows are placed.
 *
 * Complexity: each reduction pass is O(arcs); each search is Dijkstra over the columns it settles,
 * O(arcs of their rows + heap work), stopping at the nearest free column or unmatched option (columns no
 * nearer than that are never queued). Worst case O(rows · (arcs + cols·log cols)); on OR-Library and
 * geographic instances the reductions place most rows and searches settle few columns.
 * Memory: about a dozen typed arrays of length rows or cols (plus a renumbered copy of colIndex when
 * there are many columns); a rectangular warm start may add a transpose of the arcs into sold columns.
 *
 * Warm start (seedFromPrices): rows are placed on tight arcs of the given prices, the rest searched as
 * above, and a column the old prices leave unsold below 0 is then sold or priced to 0 by the mirror-image
 * search from the column side (sellOrFreeColumn), so stale prices cost time, never optimality.
 */
import { NorthboundError } from '../domain/errors.ts';
import { reduceColumns, reduceRows } from './assignment-reduction.ts';
import { createWorkspace, FREE, UNMATCHED, type Workspace } from './assignment-workspace.ts';
import { seedFromPrices, sellUnsoldColumns } from './assignment-warm-start.ts';
import {
  assertSparseAssignmentProblem,
  type AssignmentSolution,
  type ProblemMeasure,
  type SparseAssignmentProblem,
} from './sparse-assignment.ts';

/*
 * A row's state while solving, kept in rowToCol:
 *   FREE ──(reduction, search or warm seed)──▶ a column j ≥ 0 ──(a search's path flips)──▶ another column
 *   FREE ──(its unmatched option is cheapest)──▶ UNMATCHED
 *   column ──(displaced in augmenting row reduction)──▶ FREE          (it is queued again)
 *   column ──(a later search ends at its unmatched option)──▶ UNMATCHED
 *   UNMATCHED ──(only in the warm start's column-side repair, as a buyer)──▶ a column
 * A cold solve never leaves UNMATCHED: no search can reach such a row. Every row is placed at the end,
 * or the solve stops with a Farkas ray. Columns mirror it in colToRow: FREE (unsold) or their row.
 */

export interface SolveAssignmentOptions {
  /**
   * Column prices to start from, e.g. the colDual of a previous solve of a slightly different problem.
   * Any finite values are safe: they are clamped to v ≤ 0 (rounded when all costs are integers), row
   * prices are re-derived from them, and columns the start leaves unsold are repaired, so a stale start
   * costs time, never optimality.
   */
  readonly warmStart?: { readonly colDual: Float64Array };
}

export function solveAssignment(
  problem: SparseAssignmentProblem,
  options: SolveAssignmentOptions = {},
): AssignmentSolution {
  const measure = assertSparseAssignmentProblem(problem, 'solve the assignment');
  const { rows, cols } = problem;
  const warm = options.warmStart?.colDual;
  if (warm !== undefined) assertWarmStart(warm, cols);
  if (problem.unmatchedCost === undefined && rows > cols) {
    // Hall: all rows together reach at most `cols` columns.
    return infeasible(rows, cols, new Float64Array(rows).fill(1), new Float64Array(cols).fill(-1));
  }
  if (cols < LOCALITY_MIN_COLS) return solveNumbered(problem, measure, warm);
  // Many columns: number them in order of first appearance, so the columns one search touches (arcs of
  // nearby rows) share cache lines instead of being scattered over cols-long arrays. O(arcs).
  const toLocal = new Int32Array(cols).fill(-1);
  const toOriginal = new Int32Array(cols);
  const colIndex = new Int32Array(problem.colIndex.length);
  let next = 0;
  for (let p = 0; p < colIndex.length; p++) {
    const j = problem.colIndex[p]!;
    let local = toLocal[j]!;
    if (local < 0) {
      local = next++;
      toLocal[j] = local;
      toOriginal[local] = j;
    }
    colIndex[p] = local;
  }
  for (let j = 0; j < cols; j++) if (toLocal[j]! < 0) toOriginal[next++] = j;
  let localWarm: Float64Array | undefined;
  if (warm !== undefined) {
    localWarm = new Float64Array(cols);
    for (let l = 0; l < cols; l++) localWarm[l] = warm[toOriginal[l]!]!;
  }
  const local = solveNumbered({ ...problem, colIndex }, measure, localWarm);
  const rowToCol = local.rowToCol.map((l) => (l < 0 ? l : toOriginal[l]!));
  const colToRow = new Int32Array(cols);
  const colDual = new Float64Array(cols);
  for (let l = 0; l < cols; l++) {
    colToRow[toOriginal[l]!] = local.colToRow[l]!;
    colDual[toOriginal[l]!] = local.colDual[l]!;
  }
  return { ...local, rowToCol, colToRow, colDual };
}

/** Below this many columns the per-column arrays sit in cache anyway and renumbering would only cost. */
const LOCALITY_MIN_COLS = 1 << 15;

function solveNumbered(
  problem: SparseAssignmentProblem,
  measure: ProblemMeasure,
  warm: Float64Array | undefined,
): AssignmentSolution {
  const w = createWorkspace(problem);
  const free = new Int32Array(w.rows);
  let freeCount: number;
  if (warm !== undefined) freeCount = seedFromPrices(w, warm, measure, free);
  else if (w.square) freeCount = reduceRows(w, free, reduceColumns(w, free));
  else {
    for (let i = 0; i < w.rows; i++) free[i] = i;
    freeCount = reduceRows(w, free, w.rows);
  }
  for (let t = 0; t < freeCount; t++) {
    const source = free[t]!;
    if (!augment(w, source)) return hallViolator(w, source);
  }
  if (warm !== undefined && !w.square) sellUnsoldColumns(w);
  return optimal(w);
}

function assertWarmStart(colDual: Float64Array, cols: number): void {
  const fail = (why: string): never => {
    throw new NorthboundError('invalid_input', `Cannot warm-start the assignment: ${why}`);
  };
  if (colDual.length !== cols)
    fail(`warmStart.colDual has length ${colDual.length}, expected cols = ${cols}`);
  for (let j = 0; j < cols; j++) {
    if (!Number.isFinite(colDual[j]!))
      fail(`warmStart.colDual[${j}] is ${colDual[j]}, expected a finite number`);
  }
}

function infeasible(
  rows: number,
  cols: number,
  rowRay: Float64Array,
  colRay: Float64Array,
): AssignmentSolution {
  return {
    status: 'infeasible',
    rowToCol: new Int32Array(rows).fill(-1),
    colToRow: new Int32Array(cols).fill(-1),
    totalCost: Infinity,
    rowDual: rowRay,
    colDual: colRay,
  };
}

/**
 * One Dijkstra search from a free row over reduced costs (non-negative on every arc of a placed row) to
 * the nearest free column or unmatched option. Free columns are never queued: the nearest one found so
 * far is the sink candidate, and columns no nearer than it are not queued either. Settled columns' prices
 * then fall by (sink distance − their distance) and the path is flipped. Ties are broken arbitrarily.
 * Returns false when there is no sink: the source, the settled columns and their rows are then a Hall
 * violator (every column those rows reach is settled, and each is held by one of them).
 */
function augment(w: Workspace, source: number): boolean {
  const { rowStart, colIndex, cost, unmatchedCost, v, rowToCol, colToRow, heldCost } = w;
  const { mark, dist, predRow, predArc, heap, heapPos, settled, parked } = w;
  const queued = ++w.search;
  let heapSize = 0;
  let settledCount = 0;
  let sinkCol = -1;
  let sinkRow = -1;
  let sinkDist = Infinity;
  if (unmatchedCost !== undefined) {
    sinkDist = unmatchedCost[source]!;
    sinkRow = source;
  }
  let row = source;
  let h = 0; // distance to `row` minus its price u_row
  let floor = -Infinity; // distance of the column settled last: nothing unsettled is nearer
  searching: for (;;) {
    for (let p = rowStart[row]!, end = rowStart[row + 1]!; p < end; p++) {
      const j = colIndex[p]!;
      const d = h + cost[p]! - v[j]!; // +Infinity for settled columns (their price is parked)
      if (d >= sinkDist) continue;
      if (colToRow[j] === FREE) {
        sinkCol = j;
        sinkRow = -1;
        sinkDist = d;
        predRow[j] = row;
        predArc[j] = p;
        if (d <= floor) break searching; // as near as anything left: done
        continue;
      }
      let pos: number;
      if (mark[j] !== queued) {
        mark[j] = queued;
        pos = heapSize++;
      } else if (d < dist[j]!) pos = heapPos[j]!;
      else continue;
      dist[j] = d;
      predRow[j] = row;
      predArc[j] = p;
      while (pos > 0) {
        const parent = (pos - 1) >> 1;
        const above = heap[parent]!;
        if (dist[above]! <= d) break;
        heap[pos] = above;
        heapPos[above] = pos;
        pos = parent;
      }
      heap[pos] = j;
      heapPos[j] = pos;
    }
    if (unmatchedCost !== undefined && row !== source && h + unmatchedCost[row]! < sinkDist) {
      sinkDist = h + unmatchedCost[row]!;
      sinkCol = -1;
      sinkRow = row;
    }
    if (heapSize === 0) break;
    const j = heap[0]!;
    const dj = dist[j]!;
    if (dj >= sinkDist) break;
    const last = heap[--heapSize]!; // pop: sift the last entry down from the root
    if (heapSize > 0) {
      const dl = dist[last]!;
      let pos = 0;
      for (;;) {
        let child = 2 * pos + 1;
        if (child >= heapSize) break;
        if (child + 1 < heapSize && dist[heap[child + 1]!]! < dist[heap[child]!]!) child++;
        const below = heap[child]!;
        if (dist[below]! >= dl) break;
        heap[pos] = below;
        heapPos[below] = pos;
        pos = child;
      }
      heap[pos] = last;
      heapPos[last] = pos;
    }
    // Settle j: park its price at −∞ so every later arc into it costs +∞ and is skipped by the sink test
    // alone (most arcs are), without reading a settled mark.
    const price = v[j]!;
    parked[settledCount] = price;
    settled[settledCount++] = j;
    v[j] = -Infinity;
    row = colToRow[j]!; // queued columns are all sold
    h = dj - heldCost[row]! + price;
    floor = dj;
  }
  w.settledCount = settledCount;
  if (sinkCol < 0 && sinkRow < 0) return false; // prices stay parked: the solve ends with a ray

  for (let t = 0; t < settledCount; t++) {
    const j = settled[t]!;
    v[j] = parked[t]! + (dist[j]! - sinkDist);
  }
  let j = sinkCol;
  if (j < 0) {
    // The sink is sinkRow's unmatched option: that row lets go of its column (unless it is the source).
    j = rowToCol[sinkRow]!;
    rowToCol[sinkRow] = UNMATCHED;
    if (sinkRow === source) return true;
  }
  for (;;) {
    const i = predRow[j]!;
    const next = rowToCol[i]!;
    rowToCol[i] = j;
    colToRow[j] = i;
    heldCost[i] = cost[predArc[j]!]!;
    if (i === source) return true;
    j = next;
  }
}

/** After a failed search from `source`: u = 1 on it and on the rows holding settled columns, v = −1 on
 *  those columns. Those rows reach only those columns, one fewer than the rows: Σu + Σv = 1. */
function hallViolator(w: Workspace, source: number): AssignmentSolution {
  const rowRay = new Float64Array(w.rows);
  const colRay = new Float64Array(w.cols);
  rowRay[source] = 1;
  for (let t = 0; t < w.settledCount; t++) {
    const j = w.settled[t]!;
    colRay[j] = -1;
    rowRay[w.colToRow[j]!] = 1;
  }
  return infeasible(w.rows, w.cols, rowRay, colRay);
}

function optimal(w: Workspace): AssignmentSolution {
  const { rows, cols, unmatchedCost, v, rowToCol, colToRow, heldCost } = w;
  // Square problems may end with positive prices (column reduction); shifting u up and v down by the
  // same amount keeps every reduced cost and gives v ≤ 0.
  let top = 0;
  for (let j = 0; w.square && j < cols; j++) top = Math.max(top, v[j]!);
  for (let j = 0; top > 0 && j < cols; j++) v[j] = v[j]! - top;
  const rowDual = new Float64Array(rows);
  let totalCost = 0;
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i]!;
    if (j >= 0) {
      const c = heldCost[i]!;
      rowDual[i] = c - v[j]!;
      totalCost += c;
    } else {
      // UNMATCHED: every row is placed by now, and only rows with an unmatched option can be.
      const a = unmatchedCost![i]!;
      rowDual[i] = a;
      totalCost += a;
      rowToCol[i] = -1;
    }
  }
  return { status: 'optimal', rowToCol, colToRow, totalCost, rowDual, colDual: v };
}
