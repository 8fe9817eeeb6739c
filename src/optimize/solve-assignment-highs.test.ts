/**
 * solveAssignment against HiGHS's LP optimum on random instances (fast-check), warm starts, many
 * columns.
 */
import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from './solve-assignment.ts';
import type { SparseAssignmentProblem } from './sparse-assignment.ts';
import { expectCertified, problemOf } from './assignment.test-support.ts';

// highs ships CommonJS typings with `export default`: under NodeNext the default import is typed as the
// module object, while at run time (the package's ESM build) it is the loader function itself.
const loadHighs = highsLoader as unknown as typeof highsLoader.default;
const highs = await loadHighs();

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
