import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import type { LinearProgram } from '../collab/linear-program.ts';
import { loadLinearProgramSolver } from './load-linear-program-solver.ts';

const solve = await loadLinearProgramSolver({ timeLimitSeconds: 10 });

describe('loadLinearProgramSolver (HiGHS)', () => {
  it('solves the Wyndor Glass LP (Hillier & Lieberman): max 3x + 5y → 36 at (2, 6)', () => {
    const solution = solve({
      sense: 'maximize',
      variables: [
        { name: 'doors', cost: 3 },
        { name: 'windows', cost: 5 },
      ],
      constraints: [
        { name: 'plant 1', terms: [[0, 1]], upper: 4 },
        { name: 'plant 2', terms: [[1, 2]], upper: 12 },
        {
          name: 'plant 3: both',
          terms: [
            [0, 3],
            [1, 2],
          ],
          upper: 18,
        },
      ],
    });
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(36, 9);
    expect([...solution.values].map((v) => Number(v.toFixed(9)))).toEqual([2, 6]);
  });

  it('handles free and bounded variables, equalities, ranges, merged terms and tiny coefficients', () => {
    // min x − y + 0·z, x free, 1 ≤ y ≤ 3, x + y = 1 (written as x + 0.5y + 0.5y), −2 ≤ x − z ≤ 2, z ∈ [0, 1e-7].
    // y is pushed to 3, so x = −2 and x − z ∈ [−2 − 1e-7, −2] ⊂ [−2, 2] needs z = 0: objective −5.
    const program: LinearProgram = {
      sense: 'minimize',
      variables: [
        { name: 'x', cost: 1, lower: -Infinity },
        { name: 'y', cost: -1, lower: 1, upper: 3 },
        { name: 'z', cost: 0, upper: 1e-7 },
      ],
      constraints: [
        {
          name: 'sum',
          terms: [
            [0, 1],
            [1, 0.5],
            [1, 0.5],
          ],
          lower: 1,
          upper: 1,
        },
        {
          name: 'range',
          terms: [
            [0, 1],
            [2, -1],
          ],
          lower: -2,
          upper: 2,
        },
        { name: 'empty but true', terms: [[2, 0]], upper: 4 },
      ],
    };
    const solution = solve(program);
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(-5, 9);
    expect(solution.values[0]).toBeCloseTo(-2, 9);
    expect(solution.values[1]).toBeCloseTo(3, 9);
    expect(solution.values[2]).toBeCloseTo(0, 9);
  });

  it('reports infeasible and unbounded programs', () => {
    const x = [{ name: 'x', cost: 1 }];
    expect(
      solve({
        sense: 'minimize',
        variables: x,
        constraints: [
          { name: 'a', terms: [[0, 1]], lower: 2 },
          { name: 'b', terms: [[0, 1]], upper: 1 },
        ],
      }).status,
    ).toBe('infeasible');
    expect(
      solve({ sense: 'minimize', variables: x, constraints: [{ name: 'never', terms: [], lower: 1 }] })
        .status,
    ).toBe('infeasible');
    expect(solve({ sense: 'maximize', variables: x, constraints: [] }).status).toBe('unbounded');
    // Free x, y with x + y ≥ 0 minimising x: unbounded, whichever way presolve first reports it.
    expect(
      solve({
        sense: 'minimize',
        variables: [
          { name: 'x', cost: 1, lower: -Infinity },
          { name: 'y', cost: 0, lower: -Infinity },
        ],
        constraints: [
          {
            name: 'c',
            terms: [
              [0, 1],
              [1, 1],
            ],
            lower: 0,
          },
        ],
      }).status,
    ).toBe('unbounded');
  });

  it('solves a 200-variable assignment-like LP to its known optimum', () => {
    // min Σ_i Σ_j |i − j| x_ij over 14 × 14 doubly stochastic x: the identity, cost 0; with the diagonal
    // forbidden (x_ii ≤ 0) the optimum swaps neighbours (0↔1, 2↔3, …): 14 × 1.
    const n = 14;
    const variables = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        variables.push({ name: `x${i},${j}`, cost: Math.abs(i - j), upper: i === j ? 0 : 1 });
    const constraints = [];
    for (let i = 0; i < n; i++) {
      constraints.push({
        name: `row ${i}`,
        terms: Array.from({ length: n }, (_, j) => [i * n + j, 1] as const),
        lower: 1,
        upper: 1,
      });
      constraints.push({
        name: `col ${i}`,
        terms: Array.from({ length: n }, (_, j) => [j * n + i, 1] as const),
        lower: 1,
        upper: 1,
      });
    }
    const solution = solve({ sense: 'minimize', variables, constraints });
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(n, 6);
  });

  it('refuses malformed programs and time limits with the value seen', async () => {
    const bad = (program: LinearProgram) => () => solve(program);
    expect(
      bad({
        sense: 'minimize',
        variables: [{ name: 'x', cost: 1 }],
        constraints: [{ name: 'c', terms: [[1, 1]] }],
      }),
    ).toThrow('constraint "c" names variable 1, expected an index in [0, 1)');
    expect(bad({ sense: 'minimize', variables: [{ name: 'x', cost: NaN }], constraints: [] })).toThrow(
      'variable "x" costs NaN',
    );
    expect(
      bad({ sense: 'minimize', variables: [{ name: 'x', cost: 1, lower: 2, upper: 1 }], constraints: [] }),
    ).toThrow(NorthboundError);
    await expect(loadLinearProgramSolver({ timeLimitSeconds: 0 })).rejects.toThrow('timeLimitSeconds is 0');
  });
});
