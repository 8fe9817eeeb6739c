/**
 * HiGHS in the optimize bench (bench/optimize.ts): the assignment or min-cost flow instance as an LP in
 * the npm `highs` WASM build, only model.run() timed, on instances with at most HIGHS_MAX_COLUMNS
 * variables (beyond that the WASM simplex takes minutes).
 */
import highsLoader, { type ModelData } from 'highs';
import type { FlowNetwork } from '../src/optimize/flow-network.ts';
import type { SparseAssignmentProblem } from '../src/optimize/sparse-assignment.ts';
import { isAssignment } from './optimize-instances.ts';
import { median, type OptimizeResult, optimizeResult } from './optimize-result.ts';

// highs' types describe its CommonJS build (the loader at module.exports.default); the ESM entry Node
// loads here (build/highs.mjs) exports the loader itself as default.
export const loadHighs = highsLoader as unknown as typeof highsLoader.default;
/** Beyond this many LP variables the WASM simplex takes minutes, so highs sits out. */
const HIGHS_MAX_COLUMNS = 150_000;
const HIGHS_TIME_LIMIT_S = 120;

type Highs = Awaited<ReturnType<typeof loadHighs>>;

/** The assignment LP of src/optimize/sparse-assignment.ts: arcs, then one unmatched variable per row. */
function assignmentModel(p: SparseAssignmentProblem): ModelData {
  const arcs = p.colIndex.length;
  const slack = p.unmatchedCost === undefined ? 0 : p.rows;
  const starts = new Int32Array(arcs + slack + 1);
  const indices = new Int32Array(2 * arcs + slack);
  for (let i = 0; i < p.rows; i++)
    for (let k = p.rowStart[i]!; k < p.rowStart[i + 1]!; k++) {
      indices[2 * k] = i;
      indices[2 * k + 1] = p.rows + p.colIndex[k]!;
    }
  for (let k = 0; k <= arcs; k++) starts[k] = 2 * k;
  for (let i = 0; i < slack; i++) {
    indices[2 * arcs + i] = i;
    starts[arcs + i + 1] = 2 * arcs + i + 1;
  }
  const numCols = arcs + slack;
  const colCost = new Float64Array(numCols);
  colCost.set(p.cost);
  if (p.unmatchedCost !== undefined) colCost.set(p.unmatchedCost, arcs);
  const rowLower = new Float64Array(p.rows + p.cols).fill(1);
  if (slack > 0) rowLower.fill(0, p.rows);
  const values = new Float64Array(indices.length).fill(1);
  return {
    numCols,
    numRows: p.rows + p.cols,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower,
    rowUpper: new Float64Array(p.rows + p.cols).fill(1),
    matrix: { format: 'csc', numRows: p.rows + p.cols, numCols, starts, indices, values },
  };
}

/** Flow conservation rows: arc a has +1 at its tail and −1 at its head (nothing for a self-loop). */
function flowModel(n: FlowNetwork): ModelData {
  const arcs = n.tail.length;
  const starts = new Int32Array(arcs + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let a = 0; a < arcs; a++) {
    if (n.tail[a] !== n.head[a]) {
      indices.push(n.tail[a]!, n.head[a]!);
      values.push(1, -1);
    }
    starts[a + 1] = indices.length;
  }
  return {
    numCols: arcs,
    numRows: n.nodes,
    colCost: n.cost,
    colLower: n.lower ?? new Float64Array(arcs),
    colUpper: n.capacity,
    rowLower: n.supply,
    rowUpper: n.supply,
    matrix: { format: 'csc', numRows: n.nodes, numCols: arcs, starts, indices, values },
  };
}

/**
 * HiGHS on a fresh model per solve (one warm-up, then `runs`), only model.run() on the clock; null when
 * the LP has more than HIGHS_MAX_COLUMNS variables.
 */
export function runHighs(
  highs: Highs,
  instance: string,
  input: SparseAssignmentProblem | FlowNetwork,
  runs: number,
): OptimizeResult | null {
  const lpColumns = isAssignment(input)
    ? input.colIndex.length + (input.unmatchedCost === undefined ? 0 : input.rows)
    : input.tail.length;
  if (lpColumns > HIGHS_MAX_COLUMNS) return null;
  const model = isAssignment(input) ? assignmentModel(input) : flowModel(input);
  const times: number[] = [];
  let status = 'optimal';
  let objective: number | null = null;
  for (let run = 0; run <= runs && status === 'optimal'; run++) {
    const lp = highs.createModel(model);
    try {
      lp.options.set({ output_flag: false, time_limit: HIGHS_TIME_LIMIT_S });
      const started = performance.now();
      lp.run();
      if (run > 0) times.push(performance.now() - started);
      const code = lp.getModelStatus();
      status = Object.entries(highs.constants.modelStatus).find(([, c]) => c === code)?.[0] ?? String(code);
      // The LP optimum is integral (total unimodularity); HiGHS reports it in floating point.
      const value = lp.getObjectiveValue();
      const near = Math.abs(value - Math.round(value)) <= 1e-6 * Math.max(1, Math.abs(value));
      objective = status === 'optimal' ? (near ? Math.round(value) : value) : null;
    } finally {
      lp.dispose();
    }
  }
  return optimizeResult(instance, 'highs', true, status, objective, times.length > 0 ? median(times) : null);
}
