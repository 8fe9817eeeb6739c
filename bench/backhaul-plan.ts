/**
 * `npm run bench -- --suite plan [--size small|default|large] [--runs N] [--json]`: the backhaul
 * matching end to end on a seeded national instance (src/optimize/random-backhaul-instance.ts: trucks
 * landing around US metros, loads with pickup windows, Canadian homes) — candidate generation (spatial
 * index, equipment, credentials, hours of service, cabotage, value) and the exact assignment, timed
 * separately, after one warm-up; median of --runs. The target: 10k trucks × 100k loads
 * (~2M candidate arcs) in < 1 s including candidate generation.
 *
 * Anchor, timed in the same runs (interleaved, so a busy machine weighs on both alike): the arc floor —
 * allocate the arc columns and compute every produced arc's deadhead from typed arrays, in row order
 * (bench/backhaul-arc-floor.ts). Any generator of these arcs does at least that; candidates ÷ floor says
 * how far above it we are, and stays comparable when the machine is loaded (bench/README.md).
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { loadBorderPorts } from '../src/files/load-border-ports.ts';
import { arcFloor } from './backhaul-arc-floor.ts';
import { buildBackhaulCandidates } from '../src/optimize/backhaul-candidates.ts';
import { checkAssignmentCertificate } from '../src/optimize/check-assignment-certificate.ts';
import { randomBackhaulInstance } from '../src/optimize/random-backhaul-instance.ts';
import { solveAssignment } from '../src/optimize/solve-assignment.ts';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'default' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const SCALE: Record<string, number> = { small: 0.1, default: 1, large: 2 };
const scale = SCALE[args.size];
const runs = Number(args.runs);
if (scale === undefined || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench -- --suite plan [--size small|default|large] [--runs N] [--json]');
  process.exit(2);
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const trucks = Math.round(10_000 * scale);
const loads = Math.round(100_000 * scale);
const ports = [...loadBorderPorts().values()];
const instance = randomBackhaulInstance({ seed: 42, trucks, loads });
const plannedAt = new Date(Math.min(...instance.trucks.map((t) => t.availableAt.getTime())));

const candidateMs: number[] = [];
const solveMs: number[] = [];
const floorMs: number[] = [];
let arcs = 0;
let certified = false;
let valueUsd = 0;
for (let run = 0; run <= runs; run++) {
  const t0 = performance.now();
  const candidates = buildBackhaulCandidates({
    trucks: instance.trucks,
    loads: instance.loads,
    ports,
    plannedAt,
  });
  const t1 = performance.now();
  const solution = solveAssignment(candidates.problem);
  const t2 = performance.now();
  const checksum = arcFloor(instance.trucks, instance.loads, candidates.problem);
  const t3 = performance.now();
  if (!(checksum > 0)) throw new Error('the arc floor summed no deadhead');
  if (run === 0) {
    // The warm-up's answer is checked outside the clock.
    arcs = candidates.problem.colIndex.length;
    certified = checkAssignmentCertificate(candidates.problem, solution).ok;
    valueUsd = -solution.totalCost / 100;
    continue;
  }
  candidateMs.push(t1 - t0);
  solveMs.push(t2 - t1);
  floorMs.push(t3 - t2);
}
const report = {
  date: new Date().toISOString(),
  machine: `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, node ${process.version}`,
  trucks,
  loads,
  arcs,
  candidateMs: median(candidateMs),
  solveMs: median(solveMs),
  totalMs: median(candidateMs.map((c, i) => c + solveMs[i]!)),
  arcFloorMs: median(floorMs),
  candidatesOverFloor: median(candidateMs.map((c, i) => c / floorMs[i]!)),
  certified,
  valueUsd,
};
if (args.json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(
    [
      `Northbound backhaul plan bench — ${report.date}`,
      report.machine,
      `${trucks.toLocaleString('en-US')} trucks × ${loads.toLocaleString('en-US')} loads → ${arcs.toLocaleString('en-US')} feasible arcs; median of ${runs} after a warm-up`,
      `candidate generation ${report.candidateMs.toFixed(0)} ms + exact assignment ${report.solveMs.toFixed(0)} ms = ${report.totalMs.toFixed(0)} ms ` +
        `(target < 1,000 ms); dual certificate ${certified ? 'checks' : 'FAILS'}; value $${Math.round(valueUsd).toLocaleString('en-US')}`,
      `anchor, arc floor (allocate the arc columns, each arc's deadhead) ${report.arcFloorMs.toFixed(0)} ms; ` +
        `candidates ÷ floor ${report.candidatesOverFloor.toFixed(2)} (median of the runs' ratios)`,
    ].join('\n'),
  );
}
if (!certified) process.exitCode = 1;
