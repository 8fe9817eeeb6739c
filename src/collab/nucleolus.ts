import { NorthboundError } from '../domain/errors.ts';
import type { CoalitionCostOf } from './coalition-cost.ts';
import { coalitionCostTable } from './coalition-table.ts';
import { CoalitionRowGeneration } from './coalition-row-generation.ts';
import type { LinearProgram, LinearProgramSolution, SolveLinearProgram } from './linear-program.ts';

/**
 * The nucleolus of a cost game (Schmeidler 1969; DESIGN.md §3.7): among imputations — efficient,
 * x(N) = v(N), and individually rational, x_i ≤ v({i}) — the allocation that lexicographically maximises
 * the sorted vector of excesses e(S, x) = v(S) − x(S) (what each coalition S saves against going alone),
 * over every proper non-empty coalition. It is unique, symmetric, gives a partner that changes nothing
 * nothing extra, and lies in the core whenever the core is non-empty (the core is exactly where the
 * smallest excess is ≥ 0).
 *
 * Method: the sequence of LPs of Kopelowitz (1967) and Maschler, Peleg & Shapley (1979). Stage k solves
 *   max ε  s.t.  x(S) + ε ≤ v(S) for S in F (coalitions whose excess is still free),
 *                x(T) = v(T) − ε_j for a basis of the coalitions fixed at earlier stages j,
 *                x(N) = v(N), x_i ≤ v({i}).
 * Some coalition of F is tight in every optimum of stage k (else ε could rise); those coalitions are
 * fixed at ε_k. Tight-in-every-optimum is found without duals: with ε held at ε_k, maximise the summed
 * slack of the coalitions tight at the stage's solution; any with slack left are not fixed and drop out;
 * repeat until the summed slack is 0, which proves every remaining one tight on the whole optimal face
 * (a single tight coalition is that one without a check).
 * After fixing, every coalition of F whose indicator vector lies in the span of the fixed ones has a
 * constant excess from then on, so it leaves F too. The allocation is unique once the fixed vectors
 * span R^n (rank n, N included); it is then read off those n equations by Gaussian elimination. If F
 * empties first, the imputation bounds pin the rest and the last stage's solution is it.
 *
 * Numbers: the game is scaled to max |v| = 1 before solving (HiGHS tolerances are absolute, ~1e-7) and
 * scaled back; slacks below 1e-6 of that scale count as tight.
 *
 * Complexity: 2^n calls of costOf (n ≤ 15); each stage solves one LP with n + 1 columns plus a few
 * tightness LPs, each by row generation (CoalitionRowGeneration: a few dozen of the ≤ 2^n coalition
 * rows, checked against all of them in O(2^n) per round), and scans the 2^n coalitions against the
 * fixed basis in O(n·rank) each. Every stage fixes at least one coalition; in practice there are ≤ n stages.
 */
export interface NucleolusOptions {
  /**
   * Coalition rows added to a stage LP per round of row generation: the most violated first. Infinity
   * puts every free coalition in from the start (the plain method; the tests compare the two).
   */
  readonly rowsPerRound?: number;
}

export function nucleolus(
  partners: readonly string[],
  costOf: CoalitionCostOf,
  solve: SolveLinearProgram,
  options: NucleolusOptions = {},
): ReadonlyMap<string, number> {
  const attempted = 'compute the nucleolus';
  const table = coalitionCostTable(partners, costOf, attempted);
  const n = partners.length;
  if (n === 0) return new Map();
  const grand = (1 << n) - 1;
  if (n === 1) return new Map([[partners[0]!, table[grand]!]]);

  let scale = 0;
  for (const value of table) scale = Math.max(scale, Math.abs(value));
  if (scale === 0) return new Map(partners.map((partner) => [partner, 0]));
  const v = table.map((value) => value / scale);
  const standalone = Array.from({ length: n }, (_, i) => v[1 << i]!);
  const standaloneSum = standalone.reduce((sum, value) => sum + value, 0);
  if (standaloneSum < v[grand]! - 1e-9) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot ${attempted}: the pooled cost ${table[grand]} exceeds the sum of stand-alone costs ` +
        `${standaloneSum * scale}, so no allocation charges every partner at most its stand-alone cost`,
      { pooled: table[grand], standaloneSum: standaloneSum * scale },
    );
  }

  const fixed = new FixedBasis(n);
  fixed.add(grand, v[grand]!);
  const rows = new CoalitionRowGeneration(n, v, options.rowsPerRound ?? 4 * n, true);
  const solveStage = (free: readonly number[], tighten: Tighten | null, what: string) =>
    rows.solve(
      free,
      (active) => optimalOrFail(solve(stageProgram(n, v, standalone, active, fixed, tighten)), what),
      tighten?.candidates ?? [],
    );
  let free: number[] = [];
  for (let mask = 1; mask < grand; mask++) free.push(mask);
  let values: Float64Array = new Float64Array(n);
  const tight = 1e-6;

  for (let stage = 0; free.length > 0 && fixed.rank < n; stage++) {
    if (stage > grand) {
      throw new NorthboundError('internal', `Cannot ${attempted}: no progress after ${stage} stages`, { n });
    }
    const stageSolution = solveStage(free, null, `${attempted}: stage ${stage + 1}`);
    const epsilon = stageSolution.values[n]!;
    values = stageSolution.values.slice(0, n);
    let candidates = free.filter((mask) => v[mask]! - sum(values, mask) - epsilon <= tight);
    // Drop candidates that some optimum leaves slack, until the rest are tight on the whole face. A lone
    // candidate needs no check: some coalition of F is tight on the whole face, hence at this point too.
    while (candidates.length > 1) {
      const check = solveStage(free, { epsilon, candidates }, `${attempted}: stage ${stage + 1} tightness`);
      const point = check.values;
      const stillTight = candidates.filter((mask) => v[mask]! - sum(point, mask) - epsilon <= tight);
      if (stillTight.length === candidates.length) break;
      candidates = stillTight;
    }
    if (candidates.length === 0) {
      throw new NorthboundError(
        'internal',
        `Cannot ${attempted}: stage ${stage + 1} (ε = ${epsilon * scale}) fixed no coalition`,
        { stage: stage + 1 },
      );
    }
    for (const mask of candidates) fixed.add(mask, v[mask]! - epsilon);
    free = free.filter((mask) => !fixed.spans(mask));
  }
  if (fixed.rank === n) values = fixed.solve();
  return new Map(partners.map((partner, i) => [partner, values[i]! * scale]));
}

/**
 * Stage LP over x_0…x_{n−1} (free below, ≤ v({i}) above) and ε (column n, free). Without `tighten`,
 * maximise ε; with it, hold ε at the stage's optimum and maximise the candidates' summed slack, i.e.
 * minimise Σ_{S ∈ candidates} x(S).
 */
function stageProgram(
  n: number,
  v: Float64Array,
  standalone: readonly number[],
  free: readonly number[],
  fixed: FixedBasis,
  tighten: Tighten | null,
): LinearProgram {
  const cost = new Float64Array(n + 1);
  if (tighten === null) cost[n] = 1;
  else for (const mask of tighten.candidates) for (const i of membersOf(mask, n)) cost[i] = cost[i]! - 1;
  const variables = Array.from({ length: n + 1 }, (_, i) =>
    i < n
      ? { name: `x${i}`, cost: cost[i]!, lower: -Infinity, upper: standalone[i]! }
      : tighten === null
        ? { name: 'epsilon', cost: 1, lower: -Infinity }
        : // A hair below the optimum, so the solver's tolerance cannot call the face empty.
          { name: 'epsilon', cost: 0, lower: tighten.epsilon - 1e-9, upper: tighten.epsilon - 1e-9 },
  );
  const constraints: {
    name: string;
    terms: (readonly [number, number])[];
    lower?: number;
    upper?: number;
  }[] = [];
  for (const mask of free) {
    const terms = membersOf(mask, n).map((i) => [i, 1] as const);
    constraints.push({ name: `S${mask}`, terms: [...terms, [n, 1]], upper: v[mask]! });
  }
  for (const { mask, value } of fixed.equations) {
    constraints.push({
      name: `T${mask}`,
      terms: membersOf(mask, n).map((i) => [i, 1] as const),
      lower: value,
      upper: value,
    });
  }
  return { sense: 'maximize', variables, constraints };
}

interface Tighten {
  readonly epsilon: number;
  readonly candidates: readonly number[];
}

function optimalOrFail(solution: LinearProgramSolution, what: string): LinearProgramSolution {
  if (solution.status !== 'optimal') {
    throw new NorthboundError(
      'internal',
      `Cannot ${what}: the LP solver answered ${solution.status}, expected optimal` +
        (solution.status === 'time_limit' ? ' (raise the solver time limit)' : ''),
      { status: solution.status },
    );
  }
  return solution;
}

function membersOf(mask: number, n: number): number[] {
  const members: number[] = [];
  for (let i = 0; i < n; i++) if (mask & (1 << i)) members.push(i);
  return members;
}

function sum(values: Float64Array, mask: number): number {
  let total = 0;
  for (let i = 0; mask !== 0; i++, mask >>>= 1) if (mask & 1) total += values[i]!;
  return total;
}

/**
 * The fixed coalitions' equations x(T) = value, kept as a linearly independent set (row echelon copy
 * for membership tests). spans(mask) asks whether T's indicator vector is a combination of them, in
 * O(n·rank); vectors are 0/1 and n ≤ 15, so a 1e-9 residual threshold separates exactly.
 */
class FixedBasis {
  readonly equations: { mask: number; value: number }[] = [];
  private readonly echelon: { pivot: number; row: Float64Array; value: number }[] = [];

  constructor(private readonly n: number) {}

  get rank(): number {
    return this.echelon.length;
  }

  add(mask: number, value: number): void {
    const reduced = this.reduce(mask, value);
    if (reduced === null) return;
    const { pivot, row } = reduced;
    // Normalise the pivot to 1 and clear it from earlier rows, so each pivot column is a unit column.
    const scale = row[pivot]!;
    for (let j = 0; j < this.n; j++) row[j] = row[j]! / scale;
    const value1 = reduced.value / scale;
    for (const basis of this.echelon) {
      const factor = basis.row[pivot]!;
      if (factor === 0) continue;
      for (let j = 0; j < this.n; j++) basis.row[j] = basis.row[j]! - factor * row[j]!;
      basis.value -= factor * value1;
    }
    this.echelon.push({ pivot, row, value: value1 });
    this.equations.push({ mask, value });
  }

  spans(mask: number): boolean {
    return this.reduce(mask, 0) === null;
  }

  /** x with x(T) = value for every kept T; only meaningful at rank n (back substitution on the echelon). */
  solve(): Float64Array {
    const x = new Float64Array(this.n);
    for (let k = this.echelon.length - 1; k >= 0; k--) {
      const { pivot, row, value } = this.echelon[k]!;
      let rest = value;
      for (let j = 0; j < this.n; j++) if (j !== pivot) rest -= row[j]! * x[j]!;
      x[pivot] = rest / row[pivot]!;
    }
    return x;
  }

  /** T's row minus its components along the basis pivots, and its pivot; null when nothing is left. */
  private reduce(mask: number, value: number): { pivot: number; row: Float64Array; value: number } | null {
    const row = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) if (mask & (1 << i)) row[i] = 1;
    let rhs = value;
    for (const basis of this.echelon) {
      const factor = row[basis.pivot]!;
      if (factor === 0) continue;
      for (let j = 0; j < this.n; j++) row[j] = row[j]! - factor * basis.row[j]!;
      rhs -= factor * basis.value;
    }
    let pivot = -1;
    for (let j = 0; j < this.n; j++) {
      if (Math.abs(row[j]!) > 1e-9 && (pivot < 0 || Math.abs(row[j]!) > Math.abs(row[pivot]!))) pivot = j;
    }
    return pivot < 0 ? null : { pivot, row, value: rhs };
  }
}
