/**
 * The assignment solver's warm start (SolveAssignmentOptions.warmStart): rows are placed from given
 * column prices on zero-reduced-cost arcs, and — for problems where columns may stay unsold — columns a
 * stale start leaves unsold below price 0 are sold or raised to 0 by a mirror-image search from the
 * column side. Any finite prices are safe: they can cost time, never optimality.
 */
import { FREE, UNMATCHED, type Workspace } from './assignment-workspace.ts';
import type { ProblemMeasure } from './sparse-assignment.ts';

/**
 * Warm start from given column prices (checked finite, length cols). Rows are priced at their cheapest
 * option, u_i = min(c_ij − v_j, a_i), and placed on tight options (reduced cost 0) only, so the invariant
 * holds from the start; rows left free go to the searches. A column the old prices leave unsold below 0
 * is dealt with after them (sellUnsoldColumns). O(arcs). (A maximum matching over the tight arcs was
 * tried here to recover more of the old assignment; on 10k × 100k backhaul instances it cost more time
 * than the searches it saved.)
 */
export function seedFromPrices(
  w: Workspace,
  colDual: Float64Array,
  measure: ProblemMeasure,
  free: Int32Array,
): number {
  const { rows, cols, rowStart, colIndex, cost, unmatchedCost, v, rowToCol, colToRow, heldCost } = w;
  let top = -Infinity;
  for (let j = 0; j < cols; j++) top = Math.max(top, colDual[j]!);
  const { integral, magnitude } = measure;
  // Square: any prices work, shifted to a top of 0. Rectangular: clamp to v ≤ 0. Prices far below any
  // the costs can justify would only cost precision, so they are clamped too; integer costs keep
  // integer prices so the arithmetic stays exact.
  const shift = w.square ? top : 0;
  const lowest = -4 * (rows + 1) * magnitude;
  for (let j = 0; j < cols; j++) {
    const price = Math.max(lowest, Math.min(colDual[j]! - shift, 0));
    v[j] = integral ? Math.round(price) : price;
  }
  // Each row takes a tight unsold column, the one most in demand (lowest price) first, or else its
  // tight unmatched option; a row that finds neither stays free for the searches.
  let freeCount = 0;
  for (let i = 0; i < rows; i++) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    let u = unmatchedCost === undefined ? Infinity : unmatchedCost[i]!;
    for (let p = start; p < end; p++) u = Math.min(u, cost[p]! - v[colIndex[p]!]!);
    let pick = -1;
    for (let p = start; p < end; p++) {
      const j = colIndex[p]!;
      if (cost[p]! - v[j]! === u && colToRow[j] === FREE && (pick < 0 || v[j]! < v[colIndex[pick]!]!))
        pick = p;
    }
    if (pick >= 0) {
      const j = colIndex[pick]!;
      rowToCol[i] = j;
      colToRow[j] = i;
      heldCost[i] = cost[pick]!;
    } else if (unmatchedCost !== undefined && unmatchedCost[i] === u) rowToCol[i] = UNMATCHED;
    else free[freeCount++] = i;
  }
  return freeCount;
}

/**
 * The last step of a rectangular warm start, after the searches have placed every row: a column the
 * start priced below 0 may still be unsold, which optimality forbids; each is sold or priced up to 0
 * (sellOrFreeColumn). Builds the transpose of the arcs only when some column needs it. O(arcs) then.
 */
export function sellUnsoldColumns(w: Workspace): void {
  const { rows, cols, rowStart, colIndex, unmatchedCost, v, rowToCol, colToRow, heldCost } = w;
  let unsold = 0;
  for (let j = 0; j < cols; j++) if (colToRow[j] === FREE && v[j]! < 0) unsold++;
  if (unsold === 0) return;
  // A column search only walks arcs into sold columns and the unsold ones below 0: transpose just those.
  const arcs = colIndex.length;
  const walked = new Uint8Array(cols);
  for (let j = 0; j < cols; j++) walked[j] = colToRow[j] !== FREE || v[j]! < 0 ? 1 : 0;
  const colStart = new Int32Array(cols + 1);
  for (let p = 0; p < arcs; p++) {
    const j = colIndex[p]!;
    if (walked[j] === 1) colStart[j + 1]!++;
  }
  for (let j = 0; j < cols; j++) colStart[j + 1]! += colStart[j]!;
  const fill = colStart.slice(0, cols);
  const byColumn = new Int32Array(colStart[cols]!);
  const arcRow = new Int32Array(colStart[cols]!);
  for (let i = 0; i < rows; i++) {
    for (let p = rowStart[i]!, end = rowStart[i + 1]!; p < end; p++) {
      const j = colIndex[p]!;
      if (walked[j] === 0) continue;
      const t = fill[j]!++;
      byColumn[t] = p;
      arcRow[t] = i;
    }
  }
  const u = new Float64Array(rows); // every row is placed: on an arc, or unmatched
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i]!;
    u[i] = j >= 0 ? heldCost[i]! - v[j]! : unmatchedCost![i]!;
  }
  const search = {
    colStart,
    byColumn,
    arcRow,
    u,
    dist: new Float64Array(rows),
    mark: new Int32Array(rows),
    stamp: 0,
    heap: new Int32Array(rows),
    heapPos: new Int32Array(rows),
    predArc: new Int32Array(rows),
    settled: new Int32Array(rows),
  };
  for (let j = 0; j < cols; j++) if (colToRow[j] === FREE && v[j]! < 0) sellOrFreeColumn(w, search, j);
}

/**
 * The mirror image of `augment`, for the warm start of a rectangular problem: column j0 is unsold at a
 * price below 0, which optimality forbids. Dijkstra from j0 over rows (distance = how far prices must
 * rise for that row to switch down the path) finds the cheapest of: a row with no column (free or
 * unmatched) that buys j0 through a chain of rows each moving one column over, or a column on that chain
 * (j0 included) whose price simply rises to 0 while it is left unsold. Settled rows' columns rise by
 * (sink − their distance) and their u falls as much; every other row's arcs stay non-negative (Dijkstra),
 * so the invariant holds, and no new column is left unsold below 0. O(arcs reached · log rows).
 */
function sellOrFreeColumn(w: Workspace, s: ColumnSearch, j0: number): void {
  const { colIndex, cost, v, rowToCol, colToRow, heldCost } = w;
  const { colStart, byColumn, arcRow, u, dist, mark, heap, heapPos, predArc, settled } = s;
  const queued = (s.stamp += 2);
  const settledMark = queued + 1;
  let heapSize = 0;
  let settledCount = 0;
  let sinkRow = -1;
  let sinkCol = j0;
  let sinkDist = -v[j0]!;
  let col = j0;
  let base = 0;
  let floor = -Infinity;
  searching: for (;;) {
    const price = v[col]!;
    for (let t = colStart[col]!, end = colStart[col + 1]!; t < end; t++) {
      const p = byColumn[t]!;
      const k = arcRow[t]!;
      const m = mark[k]!;
      if (m === settledMark) continue;
      const d = base + cost[p]! - u[k]! - price;
      if (d >= sinkDist) continue;
      if (rowToCol[k]! < 0) {
        sinkRow = k; // free or unmatched: a buyer
        sinkCol = -1;
        sinkDist = d;
        predArc[k] = p;
        if (d <= floor) break searching;
        continue;
      }
      let pos: number;
      if (m !== queued) {
        mark[k] = queued;
        pos = heapSize++;
      } else if (d < dist[k]!) pos = heapPos[k]!;
      else continue;
      dist[k] = d;
      predArc[k] = p;
      while (pos > 0) {
        const parent = (pos - 1) >> 1;
        const above = heap[parent]!;
        if (dist[above]! <= d) break;
        heap[pos] = above;
        heapPos[above] = pos;
        pos = parent;
      }
      heap[pos] = k;
      heapPos[k] = pos;
    }
    if (heapSize === 0) break;
    const k = heap[0]!;
    const dk = dist[k]!;
    if (dk >= sinkDist) break;
    const last = heap[--heapSize]!;
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
    mark[k] = settledMark;
    settled[settledCount++] = k;
    col = rowToCol[k]!;
    base = dk;
    floor = dk;
    if (dk - v[col]! < sinkDist) {
      sinkDist = dk - v[col]!; // k's column could rise to 0 and be left unsold
      sinkCol = col;
      sinkRow = -1;
    }
  }
  for (let t = 0; t < settledCount; t++) {
    const k = settled[t]!;
    const rise = sinkDist - dist[k]!;
    u[k] = u[k]! - rise;
    v[rowToCol[k]!] = v[rowToCol[k]!]! + rise;
  }
  v[j0] = v[j0]! + sinkDist;
  let k = sinkRow;
  if (sinkRow < 0) {
    v[sinkCol] = 0; // exactly, whatever the rounding
    if (sinkCol === j0) return;
    k = colToRow[sinkCol]!;
    colToRow[sinkCol] = FREE;
  }
  for (;;) {
    const p = predArc[k]!;
    const c = colIndex[p]!;
    const next = colToRow[c]!;
    rowToCol[k] = c;
    colToRow[c] = k;
    heldCost[k] = cost[p]!;
    if (c === j0) return;
    k = next;
  }
}

interface ColumnSearch {
  /** The transposed arcs of column j are colStart[j] … colStart[j+1]−1: arc byColumn[t], row arcRow[t]. */
  readonly colStart: Int32Array;
  readonly byColumn: Int32Array;
  readonly arcRow: Int32Array;
  /** Row prices: exact minimum option for every row, tight on the held option of a placed row. */
  readonly u: Float64Array;
  readonly dist: Float64Array;
  readonly mark: Int32Array;
  stamp: number;
  readonly heap: Int32Array;
  readonly heapPos: Int32Array;
  readonly predArc: Int32Array;
  readonly settled: Int32Array;
}
