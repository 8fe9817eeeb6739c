/**
 * `npm run bench [-- --suite import|score|optimize|plan|pool|all] [options]`: runs the import bench
 * (bench/run.ts), the scoring bench (bench/score.ts), the solver bench (bench/optimize.ts) and the
 * backhaul plan bench (bench/backhaul-plan.ts) one after the other, each
 * in its own process (so one's heap does not weigh on the other's timings), passing each the options it
 * understands. Shared: --size, --runs, --json. Import and scoring: --engines. Import only: --regenerate.
 * Scoring only: --pglite-dir, --pg-schema, --world. Optimize only: --only. Pool (bench/pool.ts, the
 * collaborative pool's allocations) only: --budget.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SUITES = {
  import: 'run.ts',
  score: 'score.ts',
  optimize: 'optimize.ts',
  plan: 'backhaul-plan.ts',
  pool: 'pool.ts',
} as const;
/** Flags some suites take and the others' strict parsers would refuse: passed only to the suites listed. */
const ONLY: Record<keyof typeof SUITES, readonly string[]> = {
  import: ['--engines', '--regenerate'],
  score: ['--engines', '--pglite-dir', '--pg-schema', '--world'],
  optimize: ['--only'],
  plan: [],
  pool: ['--budget'],
};
const WITH_VALUE = new Set([
  '--size',
  '--runs',
  '--engines',
  '--pglite-dir',
  '--pg-schema',
  '--world',
  '--only',
  '--suite',
  '--budget',
]);

const argv = process.argv.slice(2);
let suite = 'all';
const options: [string, string | null][] = [];
for (let i = 0; i < argv.length; i++) {
  const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
  const value = WITH_VALUE.has(flag) ? (inline ?? argv[++i] ?? '') : null;
  if (flag === '--suite') suite = value ?? 'all';
  else options.push([flag, value]);
}
if (suite !== 'all' && !(suite in SUITES)) {
  console.error(`--suite ${suite}: expected import, score, optimize, plan, pool or all`);
  process.exit(2);
}
for (const [name, script] of Object.entries(SUITES) as [keyof typeof SUITES, string][]) {
  if (suite !== 'all' && suite !== name) continue;
  // A flag that belongs to other suites only is not passed on (each suite's parseArgs is strict).
  const others = Object.entries(ONLY).flatMap(([suiteName, flags]) => (suiteName === name ? [] : flags));
  const args = options
    .filter(([flag]) => !others.includes(flag) || ONLY[name].includes(flag))
    .flatMap(([f, v]) => (v === null ? [f] : [f, v]));
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, script), ...args],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
