/**
 * The instances of the optimize bench (bench/optimize.ts): the published OR-Library assignment and NETGEN
 * min-cost flow files of data/benchmarks, with their optima, and two seeded generated ones (a backhaul
 * assignment and a lane-covering circulation) written to bench/build/ for the anchors to read.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { DEFAULT_ROAD_FACTOR, greatCircleMiles } from '../src/domain/geo.ts';
import { readDimacsMinCostFlow } from '../src/ingest/read-dimacs-min-cost-flow.ts';
import { readOrLibraryAssignment } from '../src/ingest/read-or-library-assignment.ts';
import type { FlowNetwork } from '../src/optimize/flow-network.ts';
import type { SparseAssignmentProblem } from '../src/optimize/sparse-assignment.ts';
import { SeededRandom } from '../src/sim/seeded-random.ts';
import { BENCH_BUILD_DIR } from './anchors/ensure-anchors.ts';

const DATA_DIR = join(import.meta.dirname, '..', 'data', 'benchmarks');
const GENERATOR_VERSION = 1;
const SEED = 42;

export interface Instance {
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

export const isAssignment = (
  input: SparseAssignmentProblem | FlowNetwork,
): input is SparseAssignmentProblem => 'rows' in input;

/**
 * Every instance, published ones first; the generated ones are built when first loaded (so --only can
 * skip them), at `scale` times their default size.
 */
export function optimizeInstances(scale: number, log: (line: string) => void): Instance[] {
  return [...publishedInstances(), ...generatedInstances(scale, log)];
}

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
function generatedInstances(scale: number, log: (line: string) => void): Instance[] {
  const [rows, nodes, arcs] = [10_000, 3_000, 200_000].map((n) => Math.round(n * scale)) as [
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
