/**
 * The assignment tests' shared builders (solve-assignment*.test.ts,
 * check-assignment-certificate.test.ts).
 */
import { expect } from 'vitest';
import { checkAssignmentCertificate } from './check-assignment-certificate.ts';
import type { AssignmentSolution, SparseAssignmentProblem } from './sparse-assignment.ts';

/** Builds the CSR problem from per-row [column, cost] lists. */
export function problemOf(
  cols: number,
  arcsByRow: readonly (readonly (readonly [number, number])[])[],
  unmatchedCost?: readonly number[],
): SparseAssignmentProblem {
  const rowStart = new Int32Array(arcsByRow.length + 1);
  const flat = arcsByRow.flat();
  arcsByRow.forEach((arcs, i) => (rowStart[i + 1] = rowStart[i]! + arcs.length));
  return {
    rows: arcsByRow.length,
    cols,
    rowStart,
    colIndex: Int32Array.from(flat, ([j]) => j),
    cost: Float64Array.from(flat, ([, c]) => c),
    unmatchedCost: unmatchedCost === undefined ? undefined : Float64Array.from(unmatchedCost),
  };
}

export function expectCertified(
  problem: SparseAssignmentProblem,
  solution: AssignmentSolution,
  tolerance?: number,
): void {
  expect(checkAssignmentCertificate(problem, solution, tolerance)).toEqual({ ok: true, violations: [] });
}

/** The dense 3×3 of the hand-checked tests: optimum 5 (row 0 → column 1, row 1 → column 0, row 2 → column 2). */
export const denseThreeByThree = (): SparseAssignmentProblem =>
  problemOf(3, [
    [
      [0, 4],
      [1, 1],
      [2, 3],
    ],
    [
      [0, 2],
      [1, 0],
      [2, 5],
    ],
    [
      [0, 3],
      [1, 2],
      [2, 2],
    ],
  ]);
