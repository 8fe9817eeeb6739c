/**
 * The linear-programming port of the pool's side LPs (nucleolus, equal-profit method; DESIGN.md §3.7,
 * §5). Cores build a LinearProgram and call a SolveLinearProgram they are handed, so they stay free of
 * I/O and of any one solver: the adapter (src/files/load-linear-program-solver.ts) runs HiGHS.
 *
 *   minimise / maximise  Σ_j cost_j · x_j
 *   subject to           lower_i ≤ Σ_(j, a) a · x_j ≤ upper_i      for each constraint i
 *                        lower_j ≤ x_j ≤ upper_j                   for each variable j
 *
 * Bounds left out mean: variables 0 ≤ x ≤ +∞ (pass lower: -Infinity for a free variable), constraints
 * unbounded on that side. Names are for messages only; the solver sees safe generated names.
 */
export interface LinearProgram {
  readonly sense: 'minimize' | 'maximize';
  readonly variables: readonly {
    readonly name: string;
    readonly cost: number;
    readonly lower?: number;
    readonly upper?: number;
  }[];
  readonly constraints: readonly {
    readonly name: string;
    readonly terms: readonly (readonly [variableIndex: number, coefficient: number])[];
    readonly lower?: number;
    readonly upper?: number;
  }[];
}

/**
 * `values[j]` is x_j in the program's variable order. Meaningful only when status is 'optimal' (and,
 * for 'time_limit', possibly a feasible but unproven point); otherwise the objective is NaN.
 */
export interface LinearProgramSolution {
  readonly status: 'optimal' | 'infeasible' | 'unbounded' | 'time_limit';
  readonly objective: number;
  readonly values: Float64Array;
}

export type SolveLinearProgram = (program: LinearProgram) => LinearProgramSolution;
