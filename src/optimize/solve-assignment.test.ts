/** solveAssignment on hand-checked and infeasible instances, and its input checks. */
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { solveAssignment } from './solve-assignment.ts';
import type { SparseAssignmentProblem } from './sparse-assignment.ts';
import { denseThreeByThree, expectCertified, problemOf } from './assignment.test-support.ts';

describe('solveAssignment: hand-checked instances', () => {
  it('solves a dense 3×3 to its optimum 5 (1 + 2 + 2)', () => {
    const p = denseThreeByThree();
    const s = solveAssignment(p);
    expect(s.status).toBe('optimal');
    expect(s.totalCost).toBe(5);
    expect([...s.rowToCol]).toEqual([1, 0, 2]);
    expect([...s.colToRow]).toEqual([1, 0, 2]);
    expectCertified(p, s, 0);
  });

  it('respects a forbidden pair: row 1 can only take column 0, so row 0 pays 10 for column 1', () => {
    const p = problemOf(2, [
      [
        [0, 1],
        [1, 10],
      ],
      [[0, 1]],
    ]);
    const s = solveAssignment(p);
    expect(s.totalCost).toBe(11);
    expect([...s.rowToCol]).toEqual([1, 0]);
    expectCertified(p, s, 0);
  });

  it('leaves a column unused in a rectangular problem and prices it at 0', () => {
    // r0→c1, r1→c2 costs 1 + 7 = 8; r0→c0, r1→c1 costs 5 + 2 = 7.
    const p = problemOf(3, [
      [
        [0, 5],
        [1, 1],
      ],
      [
        [1, 2],
        [2, 7],
      ],
    ]);
    const s = solveAssignment(p);
    expect(s.totalCost).toBe(7);
    expect([...s.rowToCol]).toEqual([0, 1]);
    expect([...s.colToRow]).toEqual([0, 1, -1]);
    expect(s.colDual[2]).toBe(0);
    expectCertified(p, s, 0);
  });

  it('leaves a row unmatched when that is cheapest, with rowDual = its unmatched cost', () => {
    // Options: r1→c0 (1) + r0 unmatched (5) = 6 beats r0→c0 (3) + r1 unmatched (4) = 7 and 3 + 8 = 11.
    const p = problemOf(
      2,
      [
        [[0, 3]],
        [
          [0, 1],
          [1, 8],
        ],
      ],
      [5, 4],
    );
    const s = solveAssignment(p);
    expect(s.totalCost).toBe(6);
    expect([...s.rowToCol]).toEqual([-1, 0]);
    expect([...s.colToRow]).toEqual([1, -1]);
    expect(s.rowDual[0]).toBe(5);
    expectCertified(p, s, 0);
  });

  it('maximises value written as negative costs against a zero-cost unmatched option', () => {
    // r0→c1 (−4) + r1→c0 (−6) = −10 beats r0→c0 (−5) with r1 unmatched (0).
    const p = problemOf(
      2,
      [
        [
          [0, -5],
          [1, -4],
        ],
        [[0, -6]],
      ],
      [0, 0],
    );
    const s = solveAssignment(p);
    expect(s.totalCost).toBe(-10);
    expect([...s.rowToCol]).toEqual([1, 0]);
    expectCertified(p, s, 0);
  });

  it('uses the cheaper of two parallel arcs', () => {
    const p = problemOf(1, [
      [
        [0, 5],
        [0, 2],
      ],
    ]);
    const s = solveAssignment(p);
    expect(s.totalCost).toBe(2);
    expectCertified(p, s, 0);
  });

  it('solves empty problems', () => {
    expect(solveAssignment(problemOf(0, [])).totalCost).toBe(0);
    const s = solveAssignment(problemOf(3, []));
    expect(s.status).toBe('optimal');
    expect([...s.colDual]).toEqual([0, 0, 0]);
  });
});

describe('solveAssignment: infeasible problems', () => {
  it('proves a Hall violation with a Farkas ray: three rows reach only two columns', () => {
    const p = problemOf(3, [
      [[0, 1]],
      [
        [0, 2],
        [1, 3],
      ],
      [[1, 1]],
    ]);
    const s = solveAssignment(p);
    expect(s.status).toBe('infeasible');
    expect(s.totalCost).toBe(Infinity);
    expect([...s.rowToCol]).toEqual([-1, -1, -1]);
    expect([...s.rowDual]).toEqual([1, 1, 1]);
    expect([...s.colDual]).toEqual([-1, -1, 0]);
    expectCertified(p, s, 0);
  });

  it('detects a row without arcs and more rows than columns', () => {
    const noArcs = problemOf(2, [[[0, 1]], []]);
    expect(solveAssignment(noArcs).status).toBe('infeasible');
    expectCertified(noArcs, solveAssignment(noArcs), 0);
    const tooMany = problemOf(1, [[[0, 1]], [[0, 1]]]);
    expect(solveAssignment(tooMany).status).toBe('infeasible');
    expectCertified(tooMany, solveAssignment(tooMany), 0);
  });
});

describe('solveAssignment: input checks', () => {
  const good = problemOf(2, [[[0, 1]], [[1, 1]]]);
  const cases: [string, SparseAssignmentProblem, RegExp][] = [
    [
      'rowStart length',
      { ...good, rowStart: new Int32Array([0, 1]) },
      /rowStart has length 2, expected rows \+ 1 = 3/,
    ],
    ['column range', { ...good, colIndex: new Int32Array([0, 2]) }, /arc 1 has column 2, expected 0…1/],
    [
      'finite cost',
      { ...good, cost: new Float64Array([1, NaN]) },
      /arc 1's cost is NaN, expected a finite number/,
    ],
    [
      'unmatched length',
      { ...good, unmatchedCost: new Float64Array(3) },
      /unmatchedCost has length 3, expected rows = 2/,
    ],
    [
      'decreasing rowStart',
      { ...good, rowStart: new Int32Array([0, 3, 2]) },
      /rowStart decreases at row 1: 3 then 2/,
    ],
    [
      'arc count',
      { ...good, rowStart: new Int32Array([0, 1, 1]) },
      /rowStart\[2\] is 1, expected the arc count 2/,
    ],
  ];
  for (const [name, problem, message] of cases) {
    it(`rejects a bad ${name}`, () => {
      expect(() => solveAssignment(problem)).toThrowError(message);
      expect(() => solveAssignment(problem)).toThrowError(NorthboundError);
    });
  }
  it('rejects a warm start of the wrong length or with a non-finite price', () => {
    expect(() => solveAssignment(good, { warmStart: { colDual: new Float64Array(3) } })).toThrowError(
      /warmStart.colDual has length 3, expected cols = 2/,
    );
    expect(() =>
      solveAssignment(good, { warmStart: { colDual: new Float64Array([0, Infinity]) } }),
    ).toThrowError(/warmStart.colDual\[1\] is Infinity/);
  });
});
