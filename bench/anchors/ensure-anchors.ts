/**
 * Makes the native anchors of the optimize bench (bench/optimize.ts) ready, or says why one is not:
 * - LEMON: the Debian `liblemon-dev` headers (installed with apt-get when absent, with `g++` if the
 *   compiler is missing too) and the C++ driver bench/anchors/lemon-driver.cpp, compiled with
 *   `g++ -O2` into bench/build/lemon-driver only when the source is newer than the binary;
 * - SciPy: a python3 that can import `scipy.optimize.linear_sum_assignment` and
 *   `scipy.sparse.csgraph.min_weight_full_bipartite_matching` — the `python3` on PATH first, then
 *   Debian's /usr/bin/python3 (installing `python3-scipy` when neither can).
 * Every step is printed (to stderr, through `log`); a missing apt-get or a failed install leaves that
 * anchor `null` with the reason, and the bench goes on with the solvers it has.
 *
 * Run alone: `npx tsx bench/anchors/ensure-anchors.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Anchors {
  /** Path of the compiled LEMON driver, or null when LEMON could not be made ready. */
  readonly lemonDriver: string | null;
  /** LEMON_VERSION from lemon/config.h, e.g. "1.3.1". */
  readonly lemonVersion: string | null;
  /** The python3 executable that has SciPy, or null. */
  readonly python: string | null;
  /** The SciPy version that `python` imports, e.g. "1.17.1". */
  readonly scipyVersion: string | null;
  /** Why an anchor is missing, one line each; empty when both are ready. */
  readonly missing: readonly string[];
}

const ANCHORS_DIR = import.meta.dirname;
export const BENCH_BUILD_DIR = join(ANCHORS_DIR, '..', 'build');
const DRIVER_SOURCE = join(ANCHORS_DIR, 'lemon-driver.cpp');
const DRIVER_BINARY = join(BENCH_BUILD_DIR, 'lemon-driver');
const LEMON_HEADER = '/usr/include/lemon/network_simplex.h';
const LEMON_CONFIG = '/usr/include/lemon/config.h';
const SCIPY_PROBE =
  'import scipy; from scipy.optimize import linear_sum_assignment; ' +
  'from scipy.sparse.csgraph import min_weight_full_bipartite_matching; print(scipy.__version__)';

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command with its output on our stderr (stdout may carry the bench's JSON). */
function run(log: (line: string) => void, command: string, args: readonly string[]): boolean {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 2, 2],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error !== undefined) log(`  failed to start: ${result.error.message}`);
  return result.status === 0;
}

/**
 * `apt-get install -y <packages>`; when apt reports a failure (often an empty or stale package list
 * on a fresh machine) it runs `apt-get update` once and tries again. Returns the reason on failure.
 */
function aptInstall(log: (line: string) => void, packages: readonly string[]): string | null {
  if (!onPath('apt-get')) return `apt-get is not available to install ${packages.join(', ')}`;
  if (run(log, 'apt-get', ['install', '-y', '--no-install-recommends', ...packages])) return null;
  log('apt-get install failed; refreshing the package lists once and retrying');
  if (!run(log, 'apt-get', ['update']))
    return `apt-get update failed while installing ${packages.join(', ')}`;
  if (run(log, 'apt-get', ['install', '-y', '--no-install-recommends', ...packages])) return null;
  return `apt-get install -y ${packages.join(' ')} failed (see the output above)`;
}

function probeScipy(python: string): string | null {
  const result = spawnSync(python, ['-c', SCIPY_PROBE], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function ensureLemon(log: (line: string) => void): { driver: string | null; missing: string | null } {
  const built = existsSync(DRIVER_BINARY) ? statSync(DRIVER_BINARY).mtimeMs : -Infinity;
  const upToDate = statSync(DRIVER_SOURCE).mtimeMs <= built;
  const needed = [
    ...(existsSync(LEMON_HEADER) ? [] : ['liblemon-dev']),
    ...(upToDate || onPath('g++') ? [] : ['g++']),
  ];
  if (needed.length > 0) {
    log(`LEMON anchor: ${needed.join(' and ')} missing; installing`);
    const failure = aptInstall(log, needed);
    if (failure !== null) return { driver: null, missing: `LEMON: ${failure}` };
  }
  if (!existsSync(LEMON_HEADER))
    return { driver: null, missing: `LEMON: ${LEMON_HEADER} is still absent after installing liblemon-dev` };
  if (upToDate) {
    log(`LEMON anchor: ${DRIVER_BINARY} is up to date`);
    return { driver: DRIVER_BINARY, missing: null };
  }
  mkdirSync(BENCH_BUILD_DIR, { recursive: true });
  log('LEMON anchor: building the driver');
  // The solvers used are header-only; -llemon (what Debian's lemon.pc names) links the rest of LEMON.
  const ok = run(log, 'g++', ['-O2', '-std=c++17', '-o', DRIVER_BINARY, DRIVER_SOURCE, '-llemon']);
  return ok
    ? { driver: DRIVER_BINARY, missing: null }
    : { driver: null, missing: `LEMON: g++ could not build ${DRIVER_SOURCE} (see the output above)` };
}

function ensureScipy(log: (line: string) => void): {
  python: string | null;
  version: string | null;
  missing: string | null;
} {
  const candidates = [...(onPath('python3') ? ['python3'] : []), '/usr/bin/python3'];
  for (const python of candidates) {
    const version = probeScipy(python);
    if (version !== null) {
      log(`SciPy anchor: ${python} has SciPy ${version}`);
      return { python, version, missing: null };
    }
  }
  log(`SciPy anchor: no python3 with SciPy (tried ${candidates.join(', ')}); installing python3-scipy`);
  const failure = aptInstall(log, ['python3-scipy']);
  if (failure !== null) return { python: null, version: null, missing: `SciPy: ${failure}` };
  const version = probeScipy('/usr/bin/python3');
  return version === null
    ? { python: null, version: null, missing: 'SciPy: /usr/bin/python3 cannot import it after installing' }
    : { python: '/usr/bin/python3', version, missing: null };
}

/** Installs what is missing and builds the LEMON driver; see the file comment. */
export function ensureAnchors(log: (line: string) => void): Anchors {
  const lemon = ensureLemon(log);
  const scipy = ensureScipy(log);
  const version = existsSync(LEMON_CONFIG)
    ? (/LEMON_VERSION\s+"([^"]+)"/.exec(readFileSync(LEMON_CONFIG, 'utf8'))?.[1] ?? null)
    : null;
  return {
    lemonDriver: lemon.driver,
    lemonVersion: lemon.driver === null ? null : version,
    python: scipy.python,
    scipyVersion: scipy.version,
    missing: [lemon.missing, scipy.missing].filter((line): line is string => line !== null),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const anchors = ensureAnchors((line) => console.error(`[anchors] ${line}`));
  console.log(JSON.stringify(anchors, null, 2));
  if (anchors.missing.length > 0) process.exitCode = 1;
}
