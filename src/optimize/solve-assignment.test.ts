import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { checkAssignmentCertificate } from './check-assignment-certificate.ts';
import { solveAssignment } from './solve-assignment.ts';
import type { AssignmentSolution, SparseAssignmentProblem } from './sparse-assignment.ts';

// highs ships CommonJS typings with `export default`: under NodeNext the default import is typed as the
// module object, while at run time (the package's ESM build) it is the loader function itself.
const loadHighs = highsLoader as unknown as typeof highsLoader.default;
const highs = await loadHighs();

/** Builds the CSR problem from per-row [column, cost] lists. */
function problemOf(
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

/** The LP of sparse-assignment.ts in CPLEX LP format: x<p> per arc, y<i> per unmatched option, and a
 *  variable z fixed at 0 so that a row with no option still gets a (then infeasible) constraint. */
function assignmentLp(p: SparseAssignmentProblem): string {
  const term = (c: number, name: string) => ` ${c < 0 ? '-' : '+'} ${Math.abs(c)} ${name}`;
  let objective = ' obj: 0 z';
  const rowLines: string[] = [];
  const colTerms: string[][] = Array.from({ length: p.cols }, () => []);
  for (let i = 0; i < p.rows; i++) {
    let line = ` r${i}: z`;
    for (let a = p.rowStart[i]!; a < p.rowStart[i + 1]!; a++) {
      objective += term(p.cost[a]!, `x${a}`);
      line += ` + x${a}`;
      colTerms[p.colIndex[a]!]!.push(`x${a}`);
    }
    if (p.unmatchedCost !== undefined) {
      objective += term(p.unmatchedCost[i]!, `y${i}`);
      line += ` + y${i}`;
    }
    rowLines.push(`${line} = 1`);
  }
  const colLines = colTerms.flatMap((terms, j) =>
    terms.length > 0 ? [` c${j}: ${terms.join(' + ')} <= 1`] : [],
  );
  return ['Minimize', objective, 'Subject To', ...rowLines, ...colLines, 'Bounds', ' z = 0', 'End'].join(
    '\n',
  );
}

function expectCertified(
  problem: SparseAssignmentProblem,
  solution: AssignmentSolution,
  tolerance?: number,
): void {
  expect(checkAssignmentCertificate(problem, solution, tolerance)).toEqual({ ok: true, violations: [] });
}

describe('solveAssignment: hand-checked instances', () => {
  it('solves a dense 3×3 to its optimum 5 (1 + 2 + 2)', () => {
    const p = problemOf(3, [
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

describe('checkAssignmentCertificate catches what is wrong', () => {
  const p = problemOf(3, [
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

/** A random small instance: 1–8 rows, 1–10 columns, random sparsity, integer costs, a few parallel arcs. */
const smallInstance = (withUnmatched: boolean) =>
  fc
    .record({
      rows: fc.integer({ min: 1, max: 8 }),
      cols: fc.integer({ min: 1, max: 10 }),
      emptyOneIn: fc.constantFrom(2, 3, 5, 50),
    })
    .chain(({ rows, cols, emptyOneIn }) =>
      fc
        .record({
          cells: fc.array(fc.option(fc.integer({ min: -20, max: 50 }), { freq: emptyOneIn }), {
            minLength: rows * cols,
            maxLength: rows * cols,
          }),
          parallel: fc.array(
            fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), fc.integer({ min: -20, max: 50 })),
            { maxLength: 2 },
          ),
          unmatched: withUnmatched
            ? fc.array(fc.integer({ min: -5, max: 60 }), { minLength: rows, maxLength: rows })
            : fc.constant(undefined),
        })
        .map(({ cells, parallel, unmatched }) => {
          const arcs = Array.from({ length: rows }, (_, i) =>
            cells.slice(i * cols, (i + 1) * cols).flatMap((c, j) => (c === null ? [] : [[j, c] as const])),
          );
          for (const [i, j, c] of parallel) arcs[i]!.push([j, c]);
          return problemOf(cols, arcs, unmatched);
        }),
    );

function agreesWithHighs(p: SparseAssignmentProblem): void {
  const s = solveAssignment(p);
  expectCertified(p, s, 0); // integer data: our arithmetic is exact
  const lp = highs.solve(assignmentLp(p), { time_limit: 10, output_flag: false });
  if (lp.Status === 'Infeasible') {
    expect(s.status).toBe('infeasible');
  } else {
    expect(lp.Status).toBe('Optimal');
    expect(s.status).toBe('optimal');
    expect(Number.isInteger(s.totalCost)).toBe(true);
    expect(Math.abs(s.totalCost - lp.ObjectiveValue)).toBeLessThan(1e-6);
  }
}

describe('solveAssignment equals the LP optimum from HiGHS on random small instances', () => {
  it('every row matched (feasible or proved infeasible)', { timeout: 300_000 }, () => {
    fc.assert(fc.property(smallInstance(false), agreesWithHighs), { numRuns: 1500 });
  });
  it('with unmatched costs', { timeout: 300_000 }, () => {
    fc.assert(fc.property(smallInstance(true), agreesWithHighs), { numRuns: 1500 });
  });
});

describe('warm start', () => {
  const prices = fc.array(
    fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -200, max: 200, noNaN: true })),
    {
      minLength: 10,
      maxLength: 10,
    },
  );

  it('any finite prices, however stale, give the cold optimum', () => {
    fc.assert(
      fc.property(fc.boolean().chain(smallInstance), prices, (p, colDual) => {
        const cold = solveAssignment(p);
        const warm = solveAssignment(p, {
          warmStart: { colDual: Float64Array.from(colDual.slice(0, p.cols)) },
        });
        expect(warm.status).toBe(cold.status);
        expect(warm.totalCost).toBe(cold.totalCost);
        expectCertified(p, warm, 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('prices from a nearby problem (some costs moved) give the cold optimum of the new one', () => {
    const nearby = fc.boolean().chain((withUnmatched) =>
      smallInstance(withUnmatched).chain((p) =>
        fc.record({
          p: fc.constant(p),
          moves: fc.array(fc.integer({ min: -10, max: 10 }), {
            minLength: p.cost.length,
            maxLength: p.cost.length,
          }),
        }),
      ),
    );
    fc.assert(
      fc.property(nearby, ({ p, moves }) => {
        const before = solveAssignment(p);
        const moved = { ...p, cost: p.cost.map((c, a) => (a % 3 === 0 ? c + moves[a]! : c)) };
        const cold = solveAssignment(moved);
        const warm = solveAssignment(moved, { warmStart: { colDual: before.colDual } });
        expect(warm.status).toBe(cold.status);
        expect(warm.totalCost).toBe(cold.totalCost);
        expectCertified(moved, warm, 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('re-solves after some costs, rows and unmatched costs change', () => {
    const base = randomLocalInstance(400, 3000, 12, 7);
    const first = solveAssignment(base);
    const cost = base.cost.slice();
    for (let a = 0; a < cost.length; a += 37) cost[a] = cost[a]! + ((a % 5) - 2) * 3;
    const unmatchedCost = base.unmatchedCost!.slice();
    unmatchedCost[3] = 0;
    const changed = { ...base, cost, unmatchedCost };
    const cold = solveAssignment(changed);
    const warm = solveAssignment(changed, { warmStart: { colDual: first.colDual } });
    expect(warm.totalCost).toBe(cold.totalCost);
    expectCertified(changed, warm, 0);
    // And from its own optimal prices the same problem comes back unchanged in value.
    expect(solveAssignment(changed, { warmStart: { colDual: cold.colDual } }).totalCost).toBe(cold.totalCost);
  });
});

/** Rows reach `degree` columns near their own position on a line of `cols`; integer costs; seeded. */
function randomLocalInstance(
  rows: number,
  cols: number,
  degree: number,
  seed: number,
): SparseAssignmentProblem {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  // Windows overlap about eight neighbours deep, so rows compete for columns.
  const window = Math.max(60, Math.ceil((8 * cols) / rows));
  const arcs = Array.from({ length: rows }, (_, i) => {
    const centre = Math.floor(((i + next()) / rows) * cols);
    const columns = new Set<number>();
    while (columns.size < degree) {
      columns.add(Math.min(cols - 1, Math.max(0, centre + Math.floor((next() - 0.5) * window))));
    }
    return [...columns].map(
      (j) => [j, Math.floor((Math.abs(j - centre) * 60) / window + next() * 20) - 5] as const,
    );
  });
  return problemOf(
    cols,
    arcs,
    Array.from({ length: rows }, () => 10 + Math.floor(next() * 30)),
  );
}

describe('many columns (renumbered for locality inside the solver)', () => {
  it('matches HiGHS and certifies on 300 rows × 40,000 columns, cold and warm', () => {
    const p = randomLocalInstance(300, 40_000, 10, 11);
    const s = solveAssignment(p);
    expectCertified(p, s, 0);
    const lp = highs.solve(assignmentLp(p), { time_limit: 30, output_flag: false });
    expect(lp.Status).toBe('Optimal');
    expect(s.totalCost).toBe(Math.round(lp.ObjectiveValue));
    const square = problemOf(
      p.cols,
      Array.from({ length: p.cols }, (_, i) => [[i, 1] as const]),
    );
    expect(solveAssignment(square).totalCost).toBe(40_000);
    const warm = solveAssignment(p, { warmStart: { colDual: s.colDual } });
    expect(warm.totalCost).toBe(s.totalCost);
    expectCertified(p, warm, 0);
  });
});
