/**
 * `npm run bench [-- --suite import|score|all] [options]`: runs the import bench (bench/run.ts) and
 * the scoring bench (bench/score.ts) one after the other, each in its own process (so one's heap
 * does not weigh on the other's timings), passing each the options it understands.
 * Shared: --size, --runs, --json. Import only: --engines, --regenerate. Scoring only: --pglite-dir, --pg-schema, --world.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SUITES = { import: 'run.ts', score: 'score.ts' } as const;
const ONLY: Record<keyof typeof SUITES, readonly string[]> = {
  import: ['--engines', '--regenerate'],
  score: ['--pglite-dir', '--pg-schema', '--world'],
};
const WITH_VALUE = new Set([
  '--size',
  '--runs',
  '--engines',
  '--pglite-dir',
  '--pg-schema',
  '--world',
  '--suite',
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
  console.error(`--suite ${suite}: expected import, score or all`);
  process.exit(2);
}
for (const [name, script] of Object.entries(SUITES) as [keyof typeof SUITES, string][]) {
  if (suite !== 'all' && suite !== name) continue;
  const other = name === 'import' ? ONLY.score : ONLY.import;
  const args = options
    .filter(([flag]) => !other.includes(flag))
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
