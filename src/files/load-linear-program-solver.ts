/**
 * The HiGHS adapter of the LinearProgram port (src/collab/linear-program.ts; DESIGN.md §5: `highs` for
 * side LPs, always with a time limit). Each solve writes the program as CPLEX LP text with generated safe
 * names (x0…, r0…; the caller's names may hold anything and only ever reach error messages), loads it
 * into a fresh HiGHS model, runs it with `time_limit`, reads the values back by column name and disposes
 * the model (HiGHS memory lives in the WASM heap, outside the garbage collector).
 *
 * Status mapping: Optimal and Empty (nothing to optimise) → optimal; Infeasible → infeasible; Unbounded →
 * unbounded; "infeasible or unbounded" from presolve → re-run once without presolve to tell them apart;
 * Time limit reached → time_limit. Anything else (load, model, solve or postsolve error, iteration
 * limit, unknown) is a failure of the solver on a program we built, so NorthboundError('internal')
 * naming the program's size and the status — the closed set's nearest code: the input was valid (it is
 * checked here first and refused as 'invalid_input'), the machinery failed.
 */
import highsLoader from 'highs';
import { NorthboundError } from '../domain/errors.ts';
import type { LinearProgram, LinearProgramSolution, SolveLinearProgram } from '../collab/linear-program.ts';

// highs' types describe its CommonJS build (the loader at module.exports.default); the ESM entry Node
// loads (build/highs.mjs) exports the loader itself as default.
const loadHighs = highsLoader as unknown as typeof highsLoader.default;
type Highs = Awaited<ReturnType<typeof loadHighs>>;

export interface LinearProgramSolverOptions {
  /** Wall-clock limit per solve, seconds; > 0. A solve that hits it answers status 'time_limit'. */
  readonly timeLimitSeconds: number;
}

/** Terms per line of LP text: keeps lines short for the reader; any whitespace continues a row. */
const TERMS_PER_LINE = 8;

export async function loadLinearProgramSolver(
  options: LinearProgramSolverOptions,
): Promise<SolveLinearProgram> {
  const { timeLimitSeconds } = options;
  if (!Number.isFinite(timeLimitSeconds) || timeLimitSeconds <= 0) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot load the LP solver: timeLimitSeconds is ${timeLimitSeconds}, expected a finite number > 0`,
      { timeLimitSeconds },
    );
  }
  const highs = await loadHighs();
  return (program) => solveWithHighs(highs, program, timeLimitSeconds);
}

function solveWithHighs(
  highs: Highs,
  program: LinearProgram,
  timeLimitSeconds: number,
): LinearProgramSolution {
  const rows = validateProgram(program);
  const n = program.variables.length;
  if (rows === null) return { status: 'infeasible', objective: NaN, values: new Float64Array(n) };
  if (n === 0) return { status: 'optimal', objective: 0, values: new Float64Array(0) };
  const text = writeLpText(program, rows);
  const size = `${n} variables, ${program.constraints.length} constraints`;

  const run = (presolve: 'on' | 'off'): { code: number; objective: number; values: Float64Array } => {
    let model: ReturnType<Highs['createModel']> | undefined;
    try {
      model = highs.createModel({ format: 'lp', data: text });
      model.options.set({ output_flag: false, time_limit: timeLimitSeconds, presolve });
      model.run();
      const code = model.getModelStatus();
      const colValue = model.getSolution().colValue;
      const values = new Float64Array(n);
      // By name, not position: the reader numbers columns by first appearance, which we do not rely on.
      for (let j = 0; j < n; j++) values[j] = colValue[model.getColByName(`x${j}`)] ?? NaN;
      return { code, objective: model.getObjectiveValue(), values };
    } catch (error) {
      throw new NorthboundError(
        'internal',
        `Cannot solve a linear program (${size}): HiGHS threw "${(error as Error).message}"`,
        { variables: n, constraints: program.constraints.length },
        { cause: error },
      );
    } finally {
      model?.dispose();
    }
  };

  const status = highs.constants.modelStatus;
  let outcome = run('on');
  if (outcome.code === status.unboundedOrInfeasible) outcome = run('off');
  switch (outcome.code) {
    case status.optimal:
    case status.empty:
      return { status: 'optimal', objective: outcome.objective, values: outcome.values };
    case status.infeasible:
      return { status: 'infeasible', objective: NaN, values: new Float64Array(n) };
    case status.unbounded:
      return { status: 'unbounded', objective: NaN, values: new Float64Array(n) };
    case status.timeLimit:
      return { status: 'time_limit', objective: outcome.objective, values: outcome.values };
    default: {
      const name =
        Object.entries(status).find(([, code]) => code === outcome.code)?.[0] ?? String(outcome.code);
      throw new NorthboundError(
        'internal',
        `Cannot solve a linear program (${size}): HiGHS answered model status "${name}", expected ` +
          `optimal, infeasible, unbounded or time limit`,
        { variables: n, constraints: program.constraints.length, status: name },
      );
    }
  }
}

/** A constraint with its terms merged by variable and zero coefficients dropped. */
interface Row {
  readonly terms: readonly (readonly [number, number])[];
  readonly lower: number;
  readonly upper: number;
}

/**
 * Refuses malformed programs with the value seen; returns the merged rows, or null when a constraint
 * without terms already cannot hold (0 outside its bounds): the program is infeasible as written.
 */
function validateProgram(program: LinearProgram): Row[] | null {
  const fail = (why: string, details: Record<string, unknown>): never => {
    throw new NorthboundError('invalid_input', `Cannot solve a linear program: ${why}`, details);
  };
  const n = program.variables.length;
  program.variables.forEach((variable, j) => {
    const lower = variable.lower ?? 0;
    const upper = variable.upper ?? Infinity;
    if (!Number.isFinite(variable.cost)) {
      fail(`variable "${variable.name}" costs ${variable.cost}, expected a finite number`, { variable: j });
    }
    if (
      Number.isNaN(lower) ||
      Number.isNaN(upper) ||
      lower > upper ||
      lower === Infinity ||
      upper === -Infinity
    ) {
      fail(`variable "${variable.name}" has bounds [${lower}, ${upper}], expected lower ≤ upper`, {
        variable: j,
      });
    }
  });
  const rows: Row[] = [];
  let satisfiable = true;
  for (const constraint of program.constraints) {
    const lower = constraint.lower ?? -Infinity;
    const upper = constraint.upper ?? Infinity;
    if (
      Number.isNaN(lower) ||
      Number.isNaN(upper) ||
      lower > upper ||
      lower === Infinity ||
      upper === -Infinity
    ) {
      fail(`constraint "${constraint.name}" has bounds [${lower}, ${upper}], expected lower ≤ upper`, {
        constraint: constraint.name,
      });
    }
    const merged = new Map<number, number>();
    for (const [j, a] of constraint.terms) {
      if (!Number.isInteger(j) || j < 0 || j >= n) {
        fail(`constraint "${constraint.name}" names variable ${j}, expected an index in [0, ${n})`, {
          constraint: constraint.name,
        });
      }
      if (!Number.isFinite(a)) {
        fail(
          `constraint "${constraint.name}" has coefficient ${a} on variable ${j}, expected a finite number`,
          {
            constraint: constraint.name,
          },
        );
      }
      merged.set(j, (merged.get(j) ?? 0) + a);
    }
    const terms = [...merged].filter(([, a]) => a !== 0);
    if (terms.length === 0) {
      if (lower > 0 || upper < 0) satisfiable = false;
      continue;
    }
    rows.push({ terms, lower, upper });
  }
  return satisfiable ? rows : null;
}

/** CPLEX LP text: every variable in the objective (so every column exists), rows, then bounds. */
function writeLpText(program: LinearProgram, rows: readonly Row[]): string {
  const lines: string[] = [program.sense === 'minimize' ? 'Minimize' : 'Maximize'];
  lines.push(
    ...linear(
      ' obj:',
      program.variables.map((v, j) => [j, v.cost] as const),
      true,
    ),
  );
  lines.push('Subject To');
  rows.forEach((row, i) => {
    if (row.lower === row.upper) {
      lines.push(...linear(` r${i}:`, row.terms, false), `  = ${number(row.lower)}`);
      return;
    }
    if (row.lower > -Infinity)
      lines.push(...linear(` r${i}:`, row.terms, false), `  >= ${number(row.lower)}`);
    if (row.upper < Infinity) lines.push(...linear(` s${i}:`, row.terms, false), `  <= ${number(row.upper)}`);
  });
  lines.push('Bounds');
  program.variables.forEach((variable, j) => {
    const lower = variable.lower ?? 0;
    const upper = variable.upper ?? Infinity;
    if (lower === -Infinity && upper === Infinity) lines.push(` x${j} free`);
    else if (lower === upper) lines.push(` x${j} = ${number(lower)}`);
    else if (upper === Infinity) lines.push(` x${j} >= ${number(lower)}`);
    else lines.push(` ${lower === -Infinity ? '-inf' : number(lower)} <= x${j} <= ${number(upper)}`);
  });
  lines.push('End', '');
  return lines.join('\n');
}

/** `label a0 x0 + a1 x1 …`, wrapped; zero coefficients kept only where asked (the objective). */
function linear(label: string, terms: readonly (readonly [number, number])[], keepZeros: boolean): string[] {
  const lines: string[] = [];
  let line = label;
  let count = 0;
  for (const [j, a] of terms) {
    if (a === 0 && !keepZeros) continue;
    line += ` ${a < 0 ? '-' : '+'} ${number(Math.abs(a))} x${j}`;
    if (++count % TERMS_PER_LINE === 0) {
      lines.push(line);
      line = ' ';
    }
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

/** Shortest round-tripping decimal; the LP reader takes exponents (1e-07, 1e+21). */
function number(value: number): string {
  return String(value);
}
