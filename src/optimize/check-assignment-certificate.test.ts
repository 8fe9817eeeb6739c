/** The assignment certificate checker catches each kind of wrong answer. */
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { checkAssignmentCertificate } from './check-assignment-certificate.ts';
import { solveAssignment } from './solve-assignment.ts';
import type { AssignmentSolution } from './sparse-assignment.ts';
import { denseThreeByThree, problemOf } from './assignment.test-support.ts';

describe('checkAssignmentCertificate catches what is wrong', () => {
  const p = denseThreeByThree();
  const s = solveAssignment(p);
  const check = (changes: Partial<AssignmentSolution>) =>
    checkAssignmentCertificate(p, { ...s, ...changes }, 0);

  it('a moved dual price', () => {
    const colDual = s.colDual.slice();
    colDual[1] = colDual[1]! + 1;
    const result = check({ colDual });
    expect(result.ok).toBe(false);
    expect(result.violations.join('\n')).toMatch(/reduced cost/);
  });
  it('a wrong total', () => {
    expect(check({ totalCost: 6 }).violations).toContain('totalCost is 6 but the assignment costs 5');
  });
  it('a worse assignment kept with the same duals', () => {
    // r0→c0 (4), r1→c1 (0), r2→c2 (2) = 6: feasible, but its arcs are not tight.
    const result = check({
      rowToCol: Int32Array.from([0, 1, 2]),
      colToRow: Int32Array.from([0, 1, 2]),
      totalCost: 6,
    });
    expect(result.ok).toBe(false);
    expect(result.violations.join('\n')).toMatch(/matched arc \(\d, \d\) has reduced cost/);
  });
  it('an inconsistent matching, a missing arc and an unmatched row that must be matched', () => {
    expect(check({ colToRow: Int32Array.from([1, 1, 2]) }).violations.join('\n')).toMatch(
      /colToRow\[1\] is 1, but that row does not hold column 1/,
    );
    const sparse = problemOf(2, [[[0, 1]], [[1, 1]]]);
    const ok = solveAssignment(sparse);
    const swapped = { ...ok, rowToCol: Int32Array.from([1, 0]), colToRow: Int32Array.from([1, 0]) };
    expect(checkAssignmentCertificate(sparse, swapped, 0).violations.join('\n')).toMatch(/no arc \(0, 1\)/);
    const dropped = { ...ok, rowToCol: Int32Array.from([-1, 1]), colToRow: Int32Array.from([-1, 1]) };
    expect(checkAssignmentCertificate(sparse, dropped, 0).violations.join('\n')).toMatch(
      /row 0 is unmatched/,
    );
  });
  it('rejects a tolerance that is negative or not a number', () => {
    expect(() => checkAssignmentCertificate(p, s, -1)).toThrowError(
      /tolerance is -1, expected a finite number ≥ 0/,
    );
    expect(() => checkAssignmentCertificate(p, s, NaN)).toThrowError(NorthboundError);
  });
  it('a claim of infeasibility without a valid Farkas ray, and wrong lengths', () => {
    const claim = check({
      status: 'infeasible',
      rowToCol: new Int32Array(3).fill(-1),
      colToRow: new Int32Array(3).fill(-1),
      totalCost: Infinity,
      rowDual: new Float64Array(3),
      colDual: new Float64Array(3),
    });
    expect(claim.violations).toEqual(['Farkas ray: Σ rowDual + Σ colDual is 0, expected ≥ 1']);
    expect(check({ rowDual: new Float64Array(2) }).violations).toEqual(['rowDual has length 2, expected 3']);
  });
});
