/**
 * The two initial phases of solveAssignment (Jonker & Volgenant 1987), before any Dijkstra search:
 * column reduction (square problems only) and augmenting row reduction. Each assigns what it cheaply
 * can and leaves the rest in `free` for the searches.
 */
import { FREE, UNMATCHED, type Workspace } from './assignment-workspace.ts';

/**
 * Column reduction with reduction transfer (Jonker & Volgenant 1987), square problems only: each column
 * is priced at its cheapest arc and given to that row if the row has none yet; a row that got exactly
 * one column then lowers that column's price by its margin to its next-best option. Fills `free` with
 * the rows that got nothing and returns their count. O(arcs).
 */
export function reduceColumns(w: Workspace, free: Int32Array): number {
  const { rows, cols, rowStart, colIndex, cost, v, rowToCol, colToRow, heldCost } = w;
  const minRow = w.predRow; // scratch: unused until the first search
  const offers = w.heap; // scratch: columns offered to each row (rows === cols here)
  v.fill(Infinity);
  for (let i = 0; i < rows; i++) {
    for (let p = rowStart[i]!, end = rowStart[i + 1]!; p < end; p++) {
      const j = colIndex[p]!;
      if (cost[p]! < v[j]!) {
        v[j] = cost[p]!;
        minRow[j] = i;
      }
    }
  }
  offers.fill(0);
  for (let j = cols - 1; j >= 0; j--) {
    if (v[j] === Infinity) {
      v[j] = 0; // no arcs: the searches will prove the problem infeasible
      continue;
    }
    const i = minRow[j]!;
    offers[i]!++;
    const held = rowToCol[i]!;
    if (held === FREE || v[j]! < v[held]!) {
      if (held !== FREE) colToRow[held] = FREE;
      rowToCol[i] = j;
      colToRow[j] = i;
      heldCost[i] = v[j]!; // the column's cheapest arc, i.e. its price now
    }
  }
  let freeCount = 0;
  for (let i = 0; i < rows; i++) {
    if (offers[i] === 0) free[freeCount++] = i;
    if (offers[i] !== 1) continue;
    const j1 = rowToCol[i]!;
    let margin = Infinity;
    for (let p = rowStart[i]!, end = rowStart[i + 1]!; p < end; p++) {
      const j = colIndex[p]!;
      if (j !== j1 && cost[p]! - v[j]! < margin) margin = cost[p]! - v[j]!;
    }
    if (margin < Infinity) v[j1] = v[j1]! - margin; // u_i was 0; now u_i = margin ≥ 0
  }
  return freeCount;
}

/**
 * Augmenting row reduction (Jonker & Volgenant 1987), two passes over the free rows. A row takes its
 * cheapest option j1 (reduced by price) and lowers v_j1 by the gap to its runner-up, so it stays
 * indifferent between them; a row it displaces is retried at once when the price really fell, else in
 * the next pass. Prices fall only on the column being taken, so the invariant holds throughout. Rows
 * left over (and rows whose only option is taken) go to the searches. Returns the new free count.
 */
export function reduceRows(w: Workspace, free: Int32Array, freeCount: number): number {
  const { rowStart, colIndex, cost, unmatchedCost, v, rowToCol, colToRow, heldCost } = w;
  // Immediate retries can trade prices down in tiny steps; past the budget they wait for the next pass.
  const budget = 4 * w.rows + 1000;
  let steps = 0;
  for (let pass = 0; pass < 2 && freeCount > 0; pass++) {
    const previous = freeCount;
    freeCount = 0;
    let k = 0;
    while (k < previous) {
      const i = free[k++]!;
      steps++;
      // Best and runner-up over distinct columns; the unmatched option is column UNMATCHED.
      let u1 = Infinity;
      let u2 = Infinity;
      let j1 = FREE;
      let j2 = FREE;
      let p1 = -1;
      let p2 = -1;
      for (let p = rowStart[i]!, end = rowStart[i + 1]!; p < end; p++) {
        const j = colIndex[p]!;
        const h = cost[p]! - v[j]!;
        if (h >= u2) continue;
        if (h < u1) {
          if (j !== j1) {
            u2 = u1;
            j2 = j1;
            p2 = p1;
          }
          u1 = h;
          j1 = j;
          p1 = p;
        } else if (j !== j1) {
          u2 = h;
          j2 = j;
          p2 = p;
        }
      }
      if (unmatchedCost !== undefined) {
        const h = unmatchedCost[i]!;
        if (h < u1) {
          u2 = u1;
          j2 = j1;
          p2 = p1;
          u1 = h;
          j1 = UNMATCHED;
        } else if (h < u2) {
          u2 = h;
          j2 = UNMATCHED;
        }
      }
      if (j1 === FREE) {
        free[freeCount++] = i; // no option at all: its search will prove infeasibility
        continue;
      }
      let i0 = FREE;
      if (j1 !== UNMATCHED) {
        i0 = colToRow[j1]!;
        if (u1 < u2) {
          if (u2 < Infinity) v[j1] = v[j1]! - (u2 - u1);
          else if (i0 !== FREE) {
            free[freeCount++] = i; // its only column is held: leave it to a search
            continue;
          }
        } else if (i0 !== FREE) {
          // A tie with a held column: take the runner-up rather than bump its holder for nothing.
          j1 = j2;
          p1 = p2;
          i0 = j1 === UNMATCHED ? FREE : colToRow[j1]!;
        }
      }
      if (j1 === UNMATCHED) {
        rowToCol[i] = UNMATCHED; // private, never contested: no price to change
        continue;
      }
      rowToCol[i] = j1;
      colToRow[j1] = i;
      heldCost[i] = cost[p1]!;
      if (i0 !== FREE) {
        rowToCol[i0] = FREE;
        if (u1 < u2 && steps < budget) free[--k] = i0;
        else free[freeCount++] = i0;
      }
    }
  }
  return freeCount;
}
