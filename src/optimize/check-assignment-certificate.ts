/**
 * Independent check of a solveAssignment answer: it re-derives nothing from the solver, only verifies
 * the certificate stated on AssignmentSolution (sparse-assignment.ts) against the problem's arcs.
 *
 * 'optimal': the assignment is feasible (every arc used exists, no column twice, rows left unmatched
 * only when unmatchedCost allows it), totalCost is its cost, and the duals satisfy dual feasibility and
 * complementary slackness — together a proof that no cheaper assignment exists; the dual objective is
 * also compared with totalCost. 'infeasible': the duals are a Farkas ray (u_i + v_j ≤ 0 on arcs, v ≤ 0,
 * Σu + Σv ≥ 1), which proves that no assignment matches every row.
 *
 * Tolerance: absolute, per arc; default 1e-9 × max(1, largest |cost| or |unmatched cost|), room for
 * floating-point rounding in the prices (with integer costs the solver's arithmetic is exact). Sums
 * are allowed one tolerance per term. O(rows + cols + arcs).
 */
import { NorthboundError } from '../domain/errors.ts';
import {
  assertSparseAssignmentProblem,
  type AssignmentSolution,
  type SparseAssignmentProblem,
} from './sparse-assignment.ts';

/** Enough to diagnose; a broken solve of a large instance would otherwise list every arc. */
const MAX_LISTED = 50;

export function checkAssignmentCertificate(
  problem: SparseAssignmentProblem,
  solution: AssignmentSolution,
  tolerance?: number,
): { readonly ok: boolean; readonly violations: readonly string[] } {
  const { magnitude } = assertSparseAssignmentProblem(problem, 'check an assignment certificate');
  const { rows, cols, rowStart, colIndex, cost, unmatchedCost } = problem;
  const { rowToCol, colToRow, rowDual: u, colDual: v } = solution;
  const violations: string[] = [];
  let count = 0;
  const note = (message: string): void => {
    count++;
    if (violations.length < MAX_LISTED) violations.push(message);
  };
  const done = () => {
    if (count > violations.length) violations.push(`… and ${count - violations.length} more violations`);
    return { ok: count === 0, violations };
  };

  const lengths: [string, number, number][] = [
    ['rowToCol', rowToCol.length, rows],
    ['colToRow', colToRow.length, cols],
    ['rowDual', u.length, rows],
    ['colDual', v.length, cols],
  ];
  for (const [name, length, expected] of lengths) {
    if (length !== expected) note(`${name} has length ${length}, expected ${expected}`);
  }
  if (count > 0) return done();

  if (tolerance !== undefined && !(tolerance >= 0 && tolerance < Infinity)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot check an assignment certificate: tolerance is ${tolerance}, expected a finite number ≥ 0`,
    );
  }
  const tol = tolerance ?? 1e-9 * magnitude;

  for (let i = 0; i < rows; i++) if (!Number.isFinite(u[i]!)) note(`rowDual[${i}] is ${u[i]}, not finite`);
  for (let j = 0; j < cols; j++) if (!Number.isFinite(v[j]!)) note(`colDual[${j}] is ${v[j]}, not finite`);
  if (count > 0) return done();

  if (solution.status === 'infeasible') {
    if (unmatchedCost !== undefined)
      note('status is infeasible, but a problem with unmatched costs is always feasible');
    if (solution.totalCost !== Infinity)
      note(`status is infeasible but totalCost is ${solution.totalCost}, expected Infinity`);
    for (let i = 0; i < rows; i++)
      if (rowToCol[i] !== -1) note(`status is infeasible but row ${i} holds column ${rowToCol[i]}`);
    for (let j = 0; j < cols; j++)
      if (colToRow[j] !== -1) note(`status is infeasible but column ${j} is held by row ${colToRow[j]}`);
    let raySum = 0;
    for (let i = 0; i < rows; i++) {
      raySum += u[i]!;
      for (let p = rowStart[i]!, end = rowStart[i + 1]!; p < end; p++) {
        const j = colIndex[p]!;
        if (u[i]! + v[j]! > tol)
          note(`Farkas ray: arc ${p} (row ${i}, column ${j}) has u + v = ${u[i]! + v[j]!} > 0`);
      }
    }
    for (let j = 0; j < cols; j++) {
      raySum += v[j]!;
      if (v[j]! > tol) note(`Farkas ray: colDual[${j}] is ${v[j]}, expected ≤ 0`);
    }
    if (raySum < 1 - tol) note(`Farkas ray: Σ rowDual + Σ colDual is ${raySum}, expected ≥ 1`);
    return done();
  }
  if (solution.status !== 'optimal') {
    note(`status is ${String(solution.status)}, expected optimal or infeasible`);
    return done();
  }

  // Primal: a consistent matching on existing arcs; recompute its cost.
  let primal = 0;
  let dualObjective = 0;
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i]!;
    if (j === -1) {
      if (unmatchedCost === undefined) {
        note(`row ${i} is unmatched, but without unmatchedCost every row must be matched`);
        continue;
      }
      const a = unmatchedCost[i]!;
      primal += a;
      dualObjective += Math.min(u[i]!, a);
      if (u[i]! < a - tol) note(`row ${i} is unmatched at cost ${a} but rowDual is ${u[i]}, expected ≥ ${a}`);
      continue;
    }
    if (j < 0 || j >= cols) {
      note(`rowToCol[${i}] is ${j}, expected −1 or a column in 0…${cols - 1}`);
      continue;
    }
    if (colToRow[j] !== i) note(`row ${i} holds column ${j}, but colToRow[${j}] is ${colToRow[j]}`);
    let arcCost = Infinity;
    for (let p = rowStart[i]!, end = rowStart[i + 1]!; p < end; p++) {
      if (colIndex[p] === j && cost[p]! < arcCost) arcCost = cost[p]!;
    }
    if (arcCost === Infinity) {
      note(`row ${i} holds column ${j}, but the problem has no arc (${i}, ${j})`);
      continue;
    }
    primal += arcCost;
    const reduced = arcCost - u[i]! - v[j]!;
    if (Math.abs(reduced) > tol) note(`matched arc (${i}, ${j}) has reduced cost ${reduced}, expected 0`);
    if (unmatchedCost !== undefined) {
      const a = unmatchedCost[i]!;
      dualObjective += Math.min(u[i]!, a);
      if (u[i]! > a + tol) note(`row ${i} is matched but rowDual ${u[i]} exceeds its unmatched cost ${a}`);
    } else dualObjective += u[i]!;
  }
  for (let j = 0; j < cols; j++) {
    const i = colToRow[j]!;
    dualObjective += v[j]!;
    if (v[j]! > tol) note(`colDual[${j}] is ${v[j]}, expected ≤ 0`);
    if (i === -1) {
      if (v[j]! < -tol) note(`column ${j} is unused but colDual is ${v[j]}, expected 0`);
    } else if (i < 0 || i >= rows || rowToCol[i] !== j) {
      note(`colToRow[${j}] is ${i}, but that row does not hold column ${j}`);
    }
  }
  // Dual feasibility on every arc.
  for (let i = 0; i < rows; i++) {
    for (let p = rowStart[i]!, end = rowStart[i + 1]!; p < end; p++) {
      const j = colIndex[p]!;
      const reduced = cost[p]! - u[i]! - v[j]!;
      if (reduced < -tol) note(`arc ${p} (row ${i}, column ${j}) has reduced cost ${reduced} < 0`);
    }
  }
  if (Math.abs(primal - solution.totalCost) > tol * Math.max(1, rows)) {
    note(`totalCost is ${solution.totalCost} but the assignment costs ${primal}`);
  }
  if (Math.abs(dualObjective - primal) > tol * (rows + cols + 1)) {
    note(`dual objective ${dualObjective} differs from the assignment's cost ${primal}`);
  }
  return done();
}
