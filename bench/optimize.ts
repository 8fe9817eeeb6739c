/**
 * `npm run bench -- --suite optimize [--size small|default|large] [--runs N] [--json] [--only TEXT]`
 *
 * The solver bench (DESIGN.md §5 "Anchors"): every instance is solved by our cores and, in the same run,
 * by anchors, and every time is reported as a ratio to the fastest anchor on that instance:
 * - ours: solveAssignment / solveMinCostFlow in this process, on a problem parsed before timing;
 * - lemon-ns, lemon-cs: LEMON NetworkSimplex and CostScaling (bench/anchors/lemon-driver.cpp);
 * - scipy-lsa (dense files: linear_sum_assignment), scipy-sparse (sparse files:
 *   min_weight_full_bipartite_matching) and scipy-dense (sparse files on a dense matrix with forbidden
 *   pairs, when it fits in 1 GiB): bench/anchors/scipy_assignment.py;
 * - highs: the LP (integral: both problems are totally unimodular) in the highs WASM build, only
 *   model.run() timed, on instances with at most HIGHS_MAX_COLUMNS variables.
 * Each solver does untimed warm-up (ours: ≥ 5 solves and ≥ 0.5 s, see runOurs; anchors: one), then
 * --runs (default 3) timed solves; the median is reported.
 *
 * Instances: data/benchmarks/{or-library-assignment,netgen}, where every solver's objective must equal
 * the published optimum in optima.csv, and two seeded generated ones (generateBackhaulAssignment and
 * generateLaneCirculation below) written to bench/build/ for the anchors, where every solver must agree
 * with the first anchor that solved it. Our answers must also pass their optimality certificates
 * (checkAssignmentCertificate / checkFlowCertificate). A mismatch is printed loudly and exits 1.
 * Progress on stderr, the report on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import highsLoader, { type ModelData } from 'highs';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { DEFAULT_ROAD_FACTOR, greatCircleMiles } from '../src/domain/geo.ts';
import { readDimacsMinCostFlow } from '../src/ingest/read-dimacs-min-cost-flow.ts';
import { readOrLibraryAssignment } from '../src/ingest/read-or-library-assignment.ts';
import type { FlowNetwork, FlowSolution } from '../src/optimize/flow-network.ts';
import { solveAssignment } from '../src/optimize/solve-assignment.ts';
import { solveMinCostFlow } from '../src/optimize/solve-min-cost-flow.ts';
import type { AssignmentSolution, SparseAssignmentProblem } from '../src/optimize/sparse-assignment.ts';
import { checkAssignmentCertificate } from '../src/optimize/check-assignment-certificate.ts';
import { checkFlowCertificate } from '../src/optimize/check-flow-certificate.ts';
import { SeededRandom } from '../src/sim/seeded-random.ts';
import { type Anchors, BENCH_BUILD_DIR, ensureAnchors } from './anchors/ensure-anchors.ts';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'default' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
const SCALES: Record<string, number> = { small: 0.1, default: 1, large: 2 };
const runs = Number(args.runs);
const scale = SCALES[args.size];
if (args.help || scale === undefined || !Number.isInteger(runs) || runs < 1) {
  console.error(
    'usage: npm run bench -- --suite optimize [--size small|default|large] [--runs N] [--json] [--only TEXT]',
  );
  process.exit(args.help ? 0 : 2);
}
const log = (line: string) => console.error(`[bench:optimize] ${line}`);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// highs' types describe its CommonJS build (the loader at module.exports.default); the ESM entry Node
// loads here (build/highs.mjs) exports the loader itself as default.
const loadHighs = highsLoader as unknown as typeof highsLoader.default;
const DATA_DIR = join(import.meta.dirname, '..', 'data', 'benchmarks');
const SCIPY_SCRIPT = join(import.meta.dirname, 'anchors', 'scipy_assignment.py');
/** Beyond this many LP variables the WASM simplex takes minutes, so highs sits out. */
const HIGHS_MAX_COLUMNS = 150_000;
const HIGHS_TIME_LIMIT_S = 120;
const GENERATOR_VERSION = 1;
const SEED = 42;

interface Instance {
  readonly name: string;
  /** The file the anchors read. */
  readonly file: string;
  /** Extra arguments for both anchor programs (rectangular / unmatched option). */
  readonly anchorArgs: readonly string[];
  /** The published optimum, or null: then every solver must agree with the first anchor that solved it. */
  readonly optimum: number | null;
  /** An OR-Library dense file: SciPy reads it as a matrix already, so no scipy-dense run. */
  readonly denseFile: boolean;
  /** Our input, read (or generated) before any clock runs. */
  readonly load: () => SparseAssignmentProblem | FlowNetwork;
}

interface Result {
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

const isAssignment = (input: SparseAssignmentProblem | FlowNetwork): input is SparseAssignmentProblem =>
  'rows' in input;

/** data/benchmarks/<folder>/optima.csv: file name → published optimal cost. */
function publishedInstances(): Instance[] {
  return ['or-library-assignment', 'netgen'].flatMap((folder) => {
    const [header = '', ...lines] = readFileSync(join(DATA_DIR, folder, 'optima.csv'), 'utf8')
      .trim()
      .split('\n');
    const at = header.split(',').indexOf('optimal_cost');
    return lines.map((line): Instance => {
      const fields = line.split(',');
      const name = fields[0]!;
      const file = join(DATA_DIR, folder, name);
      const read = () => readFileSync(file, 'utf8');
      return {
        name: name.replace(/\.(txt|min)$/, ''),
        file,
        anchorArgs: [],
        optimum: Number(fields[at]),
        denseFile: /^assign\d/.test(name),
        load:
          folder === 'netgen'
            ? () => readDimacsMinCostFlow(read(), name)
            : () => readOrLibraryAssignment(read(), name),
      };
    });
  });
}

// ---------------------------------------------------------------- generated instances

const US_BOX = { west: -124, east: -67, south: 25, north: 49 };

/** Points in a US-like box: 70% scattered around 40 freight hubs (σ ≈ 1°), 30% uniform. */
function usLikePoints(random: SeededRandom, count: number): { lon: Float64Array; lat: Float64Array } {
  const hubs = Array.from({ length: 40 }, () => ({
    lon: random.between(US_BOX.west + 3, US_BOX.east - 3),
    lat: random.between(US_BOX.south + 2, US_BOX.north - 2),
  }));
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    const hub = random.chance(0.7) ? random.pick(hubs) : null;
    const x = hub === null ? random.between(US_BOX.west, US_BOX.east) : random.normal(hub.lon, 1.3);
    const y = hub === null ? random.between(US_BOX.south, US_BOX.north) : random.normal(hub.lat, 1);
    lon[p] = Math.min(US_BOX.east, Math.max(US_BOX.west, x));
    lat[p] = Math.min(US_BOX.north, Math.max(US_BOX.south, y));
  }
  return { lon, lat };
}

const roadMiles = (lon1: number, lat1: number, lon2: number, lat2: number) =>
  greatCircleMiles({ lon: lon1, lat: lat1 }, { lon: lon2, lat: lat2 }) * DEFAULT_ROAD_FACTOR;
const KM_PER_MILE = 1.609344;

/**
 * (a) Backhaul matching: `rows` empty trucks × 10·rows loads. A truck may take any of the
 * TRUCK_OPTIONS nearest loads within DEADHEAD_MILES road miles; the arc costs −(load revenue − $2.10
 * per deadhead mile) in whole dollars and exists only when that value is positive; leaving a truck
 * unmatched costs 0. Written for the anchors in OR-Library sparse layout with n = the column count
 * (the row count travels as `--rows`), arcs sorted by row then column, no duplicate pairs.
 */
function generateBackhaulAssignment(rows: number, file: string): SparseAssignmentProblem {
  const [TRUCK_OPTIONS, DEADHEAD_MILES] = [250, 90];
  const random = new SeededRandom(SEED, 'backhaul-assignment', GENERATOR_VERSION);
  const cols = rows * 10;
  const loads = usLikePoints(random.fork('loads'), cols);
  const trucks = usLikePoints(random.fork('trucks'), rows);
  const revenue = Float64Array.from({ length: cols }, () => random.intBetween(250, 2500));
  const index = new KDBush(cols);
  for (let j = 0; j < cols; j++) index.add(loads.lon[j]!, loads.lat[j]!);
  index.finish();
  const rowStart = new Int32Array(rows + 1);
  const [colIndex, cost, lines]: [number[], number[], string[]] = [[], [], [`${cols}`]];
  const radiusKm = (DEADHEAD_MILES / DEFAULT_ROAD_FACTOR) * KM_PER_MILE;
  for (let i = 0; i < rows; i++) {
    const [x, y] = [trucks.lon[i]!, trucks.lat[i]!];
    for (const j of around(index, x, y, TRUCK_OPTIONS, radiusKm).sort((a, b) => a - b)) {
      const value = Math.round(revenue[j]! - 2.1 * roadMiles(x, y, loads.lon[j]!, loads.lat[j]!));
      if (value <= 0) continue;
      colIndex.push(j);
      cost.push(-value);
      lines.push(`${i + 1} ${j + 1} ${-value}`);
    }
    rowStart[i + 1] = colIndex.length;
  }
  writeFileSync(file, lines.join('\n') + '\n');
  const unmatchedCost = new Float64Array(rows);
  return {
    rows,
    cols,
    rowStart,
    colIndex: Int32Array.from(colIndex),
    cost: Float64Array.from(cost),
    unmatchedCost,
  };
}

/**
 * (b) Lane covering as a min-cost circulation on `nodes` markets and `arcs` arcs, in DIMACS. Deadhead
 * arcs: each market to its 45 nearest, plus a ring through all markets by longitude (so the network is
 * strongly connected and every lane can be covered). Lanes: the remaining arcs, random market pairs at
 * most 1,200 road miles apart, each with a weekly volume of 1–6 loads as its lower bound. Cost = road
 * miles on every arc (≥ 1). "Uncapacitated": capacity = L, the sum of all lower bounds, which is exact —
 * with costs ≥ 0 some optimal circulation is a sum of at most L unit cycles (each one needed by an arc at
 * its lower bound), so no arc ever needs more than L. Our solver reads the very file the anchor reads.
 */
function generateLaneCirculation(nodes: number, arcs: number, file: string): FlowNetwork {
  const random = new SeededRandom(SEED, 'lane-circulation', GENERATOR_VERSION);
  const { lon, lat } = usLikePoints(random.fork('markets'), nodes);
  const miles = (u: number, v: number) => roadMiles(lon[u]!, lat[u]!, lon[v]!, lat[v]!);
  const index = new KDBush(nodes);
  for (let v = 0; v < nodes; v++) index.add(lon[v]!, lat[v]!);
  index.finish();
  const seen = new Set<number>();
  const arcList: [number, number, number][] = []; // tail, head, lower bound
  const add = (u: number, v: number, lower: number) => {
    if (u === v || seen.has(u * nodes + v) || arcList.length >= arcs) return;
    seen.add(u * nodes + v);
    arcList.push([u, v, lower]);
  };
  for (let u = 0; u < nodes; u++) for (const v of around(index, lon[u]!, lat[u]!, 46)) add(u, v, 0);
  const byLongitude = Array.from({ length: nodes }, (_, v) => v).sort((a, b) => lon[a]! - lon[b]!);
  for (let k = 0; k < nodes; k++) add(byLongitude[k]!, byLongitude[(k + 1) % nodes]!, 0);
  const volumes = [1, 1, 1, 1, 2, 2, 3, 4, 6];
  while (arcList.length < arcs) {
    const [u, v] = [random.int(nodes), random.int(nodes)];
    if (miles(u, v) <= 1200) add(u, v, random.pick(volumes));
  }
  const capacity = arcList.reduce((sum, [, , lower]) => sum + lower, 0);
  const lines = [`c lane covering, seed ${SEED}, generator v${GENERATOR_VERSION}`, `p min ${nodes} ${arcs}`];
  for (const [u, v, lower] of arcList)
    lines.push(`a ${u + 1} ${v + 1} ${lower} ${capacity} ${Math.max(1, Math.round(miles(u, v)))}`);
  writeFileSync(file, lines.join('\n') + '\n');
  return readDimacsMinCostFlow(readFileSync(file, 'utf8'), basename(file));
}

/** Generated when first loaded (so --only can skip them), deterministic for a seed and version. */
function generatedInstances(): Instance[] {
  const [rows, nodes, arcs] = [10_000, 3_000, 200_000].map((n) => Math.round(n * scale!)) as [
    number,
    number,
    number,
  ];
  const tag = `s${SEED}-v${GENERATOR_VERSION}`;
  const backhaul = join(BENCH_BUILD_DIR, `backhaul-assignment-${rows}x${rows * 10}-${tag}.txt`);
  const lanes = join(BENCH_BUILD_DIR, `lane-circulation-${nodes}n-${arcs}a-${tag}.min`);
  const generated = (generate: () => SparseAssignmentProblem | FlowNetwork) => () => {
    mkdirSync(BENCH_BUILD_DIR, { recursive: true });
    const started = performance.now();
    const input = generate();
    log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return input;
  };
  const common = { optimum: null, denseFile: false };
  return [
    {
      ...common,
      name: 'backhaul-assignment',
      file: backhaul,
      anchorArgs: ['--rows', String(rows), '--unmatched-cost', '0'],
      load: generated(() => generateBackhaulAssignment(rows, backhaul)),
    },
    {
      ...common,
      name: 'lane-circulation',
      file: lanes,
      anchorArgs: [],
      load: generated(() => generateLaneCirculation(nodes, arcs, lanes)),
    },
  ];
}

// ---------------------------------------------------------------- solvers

const result = (
  instance: string,
  solver: string,
  anchor: boolean,
  status: string,
  objective: number | null,
  ms: number | null,
  note = '',
): Result => ({ instance, solver, anchor, status, objective, ms, check: 'unchecked', note });

/**
 * Ours: warm-up until V8 has optimised the hot loops — at least WARM_UP_RUNS solves and WARM_UP_MS of
 * solving (V8 tiers a function up over repeated calls; one warm-up left a 2,048-arc instance's loops in
 * a baseline tier, 10× slower than steady state), then --runs timed solves. The native anchors are
 * compiled ahead of time, so this compares steady states. The last answer must also pass its own
 * optimality certificate, checked outside the clock.
 */
const WARM_UP_RUNS = 5;
const WARM_UP_MS = 500;
function runOurs(instance: string, input: SparseAssignmentProblem | FlowNetwork): Result {
  const solve = isAssignment(input) ? () => solveAssignment(input) : () => solveMinCostFlow(input);
  let last = solve();
  const warmUpStart = performance.now();
  for (let k = 1; k < 200 && (k < WARM_UP_RUNS || performance.now() - warmUpStart < WARM_UP_MS); k++)
    last = solve();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    last = solve();
    times.push(performance.now() - started);
  }
  const { ok, violations } = isAssignment(input)
    ? checkAssignmentCertificate(input, last as AssignmentSolution)
    : checkFlowCertificate(input, last as FlowSolution, 0);
  const mine = result(instance, 'ours', false, last.status, last.totalCost, median(times));
  if (last.status === 'optimal' && !ok)
    Object.assign(mine, { check: 'MISMATCH', note: `certificate: ${violations[0]}` });
  return mine;
}

// ---------------------------------------------------------------- anchors

/** Runs one anchor program; its last stdout line is the JSON {solver, status, objective, ms}. */
function runAnchor(instance: string, label: string, command: string, argv: readonly string[]): Result {
  const child = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 30 * 60_000 });
  const line = child.stdout?.trim().split('\n').at(-1) ?? '';
  if (child.status === 0 && line.startsWith('{')) {
    const out = JSON.parse(line) as Pick<Result, 'solver' | 'status' | 'objective' | 'ms'>;
    return result(instance, out.solver, true, out.status, out.objective, out.ms);
  }
  const why = (child.error?.message ?? child.stderr ?? '').trim().split('\n').at(-1);
  return result(instance, label, true, 'error', null, null, `exit ${child.status}: ${why}`);
}

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

/** HiGHS on a fresh model per solve (one warm-up, then --runs), only model.run() on the clock. */
function runHighs(highs: Highs, instance: string, model: ModelData): Result {
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
  return result(instance, 'highs', true, status, objective, times.length > 0 ? median(times) : null);
}

// ---------------------------------------------------------------- the run

function describe(input: SparseAssignmentProblem | FlowNetwork): string {
  const count = (n: number) => n.toLocaleString('en-US');
  return 'rows' in input
    ? `${count(input.rows)}×${count(input.cols)}, ${count(input.colIndex.length)} arcs${input.unmatchedCost === undefined ? '' : ', unmatched option'}`
    : `${count(input.nodes)} nodes, ${count(input.tail.length)} arcs`;
}

/** Sets every result's check: against the published optimum, else against the first anchor that solved it. */
function checkObjectives(results: Result[], optimum: number | null): string {
  const reference = optimum ?? results.find((r) => r.anchor && r.status === 'optimal')?.objective ?? null;
  for (const r of results) {
    if (r.check === 'MISMATCH') continue; // ours, already caught by the re-check
    if (r.status === 'skipped' || r.status === 'timeLimit') r.check = 'n/a';
    else if (reference === null) r.check = 'unchecked';
    else if (r.status === 'optimal' && r.objective === reference) r.check = 'ok';
    else {
      r.check = 'MISMATCH';
      r.note ||= `${r.status === 'optimal' ? `got ${r.objective}` : r.status}, expected ${reference}`;
    }
  }
  return reference === null
    ? 'no reference'
    : optimum === null
      ? `agreement = ${reference}`
      : `optimum = ${reference}`;
}

async function main(): Promise<void> {
  const anchors = ensureAnchors(log);
  for (const missing of anchors.missing) log(`anchor missing, continuing without it: ${missing}`);
  const highs = await loadHighs();
  const instances = [...publishedInstances(), ...generatedInstances()].filter(
    (instance) => args.only === undefined || instance.name.includes(args.only),
  );
  const results: Result[] = [];
  const summaries: Summary[] = [];
  for (const { name, file, anchorArgs, optimum, denseFile, load } of instances) {
    const input = load(); // parsed or generated untimed
    const size = describe(input);
    log(`${name} (${size})`);
    const mine: Result[] = [];
    try {
      mine.push(runOurs(name, input));
    } catch (error) {
      mine.push(result(name, 'ours', false, 'error', null, null, String(error).split('\n')[0]));
    }
    const anchor = (label: string, command: string, argv: string[]) =>
      mine.push(runAnchor(name, label, command, [...argv, ...anchorArgs]));
    const [lemon, python, repeats] = [anchors.lemonDriver, anchors.python, String(runs)];
    if (lemon !== null)
      for (const algo of ['ns', 'cs']) anchor(`lemon-${algo}`, lemon, [file, algo, repeats]);
    if (python !== null && isAssignment(input)) {
      anchor('scipy', python, [SCIPY_SCRIPT, file, repeats]);
      if (!denseFile) anchor('scipy-dense', python, [SCIPY_SCRIPT, file, repeats, '--method', 'dense']);
    }
    const lpColumns = isAssignment(input)
      ? input.colIndex.length + (input.unmatchedCost === undefined ? 0 : input.rows)
      : input.tail.length;
    if (lpColumns <= HIGHS_MAX_COLUMNS)
      mine.push(runHighs(highs, name, isAssignment(input) ? assignmentModel(input) : flowModel(input)));
    summaries.push({ name, size, reference: checkObjectives(mine, optimum) });
    for (const r of mine) {
      log(
        `  ${r.solver.padEnd(12)} ${r.ms === null ? '—' : `${r.ms.toFixed(2)} ms`}  ${r.objective ?? r.status}  ${r.check}`,
      );
      if (r.check === 'MISMATCH') log(`  !!! MISMATCH ${r.instance} ${r.solver}: ${r.note}`);
    }
    results.push(...mine);
  }
  report(anchors, summaries, results);
}

interface Summary {
  readonly name: string;
  readonly size: string;
  /** "optimum = …", "agreement = …" or "no reference". */
  readonly reference: string;
}

function report(anchors: Anchors, summaries: readonly Summary[], results: readonly Result[]): void {
  const bestAnchor = new Map<string, number>();
  for (const r of results)
    if (r.anchor && r.check === 'ok' && r.ms !== null)
      bestAnchor.set(r.instance, Math.min(r.ms, bestAnchor.get(r.instance) ?? Infinity));
  const ratio = (r: Result) => {
    const best = bestAnchor.get(r.instance);
    return r.ms === null || best === undefined ? null : r.ms / best;
  };
  const oursRatios = results
    .filter((r) => r.solver === 'ours')
    .map(ratio)
    .filter((x): x is number => x !== null);
  const geometricMean =
    oursRatios.length === 0
      ? null
      : Math.exp(oursRatios.reduce((s, x) => s + Math.log(x), 0) / oursRatios.length);
  const failures = results.filter((r) => r.check === 'MISMATCH' || r.status === 'error');
  const cpuList = cpus();
  const machine = `Node ${process.version}, ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? 'unknown'}), ${process.platform} ${process.arch}`;
  const anchorLine = `anchors: LEMON ${anchors.lemonVersion ?? 'missing'}, SciPy ${anchors.scipyVersion ?? 'missing'}, HiGHS (npm highs, WASM)`;
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine,
          anchors,
          size: args.size,
          runs,
          instances: summaries,
          results: results.map((r) => ({ ...r, ratio: ratio(r) })),
          oursGeometricMeanRatio: geometricMean,
          failures: failures.length,
        },
        null,
        2,
      ),
    );
  } else {
    const lines = [
      `Northbound optimize bench — ${new Date().toISOString()}`,
      machine,
      anchorLine,
      ...anchors.missing.map((line) => `anchor missing, run without it: ${line}`),
      `size ${args.size}; ours warmed up ≥ ${WARM_UP_RUNS} solves and ≥ ${WARM_UP_MS} ms, anchors 1 solve; median of ${runs} timed solves (parsing not timed)`,
      '',
      ...summaries.map((s) => `${s.name.padEnd(20)} ${s.size.padEnd(50)} ${s.reference}`),
      '',
      'instance             solver        ms (median)  ÷ best anchor       objective  check',
      '-------------------  ------------  -----------  -------------  --------------  -----',
    ];
    for (const r of results) {
      const x = ratio(r);
      lines.push(
        `${r.instance.padEnd(19)}  ${r.solver.padEnd(12)}  ${(r.ms === null ? '—' : r.ms.toFixed(2)).padStart(11)}  ` +
          `${(x === null ? '—' : x.toFixed(2)).padStart(13)}  ${String(r.objective ?? r.status).padStart(14)}  ${r.check}${r.note ? ` (${r.note})` : ''}`,
      );
    }
    lines.push(
      '',
      '÷ best anchor: the time over the fastest anchor (LEMON, SciPy, HiGHS) that solved the same instance correctly in this run.',
      `ours ÷ best anchor, geometric mean over ${oursRatios.length} instances: ${geometricMean === null ? '—' : geometricMean.toFixed(2)}`,
    );
    console.log(lines.join('\n'));
  }
  if (failures.length > 0) {
    console.error(`\n!!! ${failures.length} MISMATCH/ERROR result(s):`);
    for (const r of failures) console.error(`!!!   ${r.instance} ${r.solver}: ${r.note}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
