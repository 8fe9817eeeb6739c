/**
 * One solver's answer on one instance in the optimize bench (bench/optimize.ts): what every runner
 * (ours, the anchor programs, HiGHS) returns and the report prints.
 */
export interface OptimizeResult {
  readonly instance: string;
  readonly solver: string;
  readonly anchor: boolean;
  /** optimal | infeasible | unbounded | skipped | time limit | error … */
  readonly status: string;
  readonly objective: number | null;
  readonly ms: number | null;
  check: 'ok' | 'MISMATCH' | 'unchecked' | 'n/a';
  note: string;
}

export const optimizeResult = (
  instance: string,
  solver: string,
  anchor: boolean,
  status: string,
  objective: number | null,
  ms: number | null,
  note = '',
): OptimizeResult => ({ instance, solver, anchor, status, objective, ms, check: 'unchecked', note });

/** The median of a non-empty list (the upper one of an even count). */
export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
