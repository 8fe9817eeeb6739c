import type { LinearProgramSolution } from './linear-program.ts';

/**
 * Row generation for LPs with one row per coalition (the nucleolus's stage LPs, the equal-profit
 * method's core rows): x(S) [+ ε] ≤ v(S) for up to 2^n − 2 coalitions, of which only a few are ever
 * binding. Each LP is solved over an active subset (the singletons, the coalitions of n − 1, and any
 * row a round found violated, kept for later stages); the solution is checked against every free
 * coalition with all 2^n subset sums in O(2^n), and the `perRound` most violated rows join before the
 * next round. A solution of the relaxation that violates no row of the full LP is optimal for it, so
 * the answer is the plain method's; each LP stays a few dozen rows instead of 32,766 at 15 partners.
 * Variables 0 … n − 1 are the allocation, variable n is ε when `withEpsilon` (the row is x(S) + ε ≤
 * v(S)) and anything else otherwise (the row is x(S) ≤ v(S)). The starting rows bound the relaxation:
 * with x(N) = v(N), the singleton and (n − 1)-coalition rows bound every x_i (and ε).
 */
export class CoalitionRowGeneration {
  private readonly active = new Set<number>();
  private readonly subsetSum: Float64Array;

  constructor(
    private readonly n: number,
    private readonly v: Float64Array,
    private readonly perRound: number,
    private readonly withEpsilon: boolean,
  ) {
    this.subsetSum = new Float64Array(1 << n);
    const grand = (1 << n) - 1;
    for (let i = 0; i < n; i++) {
      this.active.add(1 << i);
      this.active.add(grand & ~(1 << i));
    }
  }

  /**
   * Solves over the active rows among `free` (plus `include`), adding violated ones until none is left;
   * returns the last solution, optimal for all of `free`. `solveRows` must throw unless optimal.
   */
  solve(
    free: readonly number[],
    solveRows: (rows: readonly number[]) => LinearProgramSolution,
    include: readonly number[] = [],
  ): LinearProgramSolution {
    if (!Number.isFinite(this.perRound)) return solveRows(free);
    for (const mask of include) this.active.add(mask);
    for (;;) {
      const rows = free.filter((mask) => this.active.has(mask));
      const solution = solveRows(rows);
      const x = solution.values;
      const epsilon = this.withEpsilon ? x[this.n]! : 0;
      const { subsetSum, v } = this;
      for (let mask = 1; mask < subsetSum.length; mask++) {
        const low = mask & -mask;
        subsetSum[mask] = subsetSum[mask ^ low]! + x[31 - Math.clz32(low)]!;
      }
      // Rows the relaxation's point breaks (beyond the solver's tolerance), most violated first.
      const violated: { mask: number; by: number }[] = [];
      for (const mask of free) {
        if (this.active.has(mask)) continue;
        const by = subsetSum[mask]! + epsilon - v[mask]!;
        if (by > 1e-9) violated.push({ mask, by });
      }
      if (violated.length === 0) return solution;
      violated.sort((a, b) => b.by - a.by);
      for (const { mask } of violated.slice(0, this.perRound)) this.active.add(mask);
    }
  }
}
