/**
 * `northbound solve` on the shipped benchmark instances: the CLI prints the published optimum (read
 * from the folders' optima.csv) and a checked certificate, for one file of each layout; a malformed
 * file is refused with its name and the token. (src/optimize/*-optima.test.ts cover every file.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './support/cli-engines.ts';

const ROOT = join(import.meta.dirname, '..');
const solve = (...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, 'solve', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const optimum = (folder: string, file: string): number => {
  const line = readFileSync(join(ROOT, 'data', 'benchmarks', folder, 'optima.csv'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${file},`));
  return Number(line!.split(',').at(-1));
};

describe('northbound solve', () => {
  it.each([
    ['assignment', 'or-library-assignment', 'assignp800.txt'],
    ['assignment', 'or-library-assignment', 'assign100.txt'],
    ['mincostflow', 'netgen', 'netgen_8_08a.min'],
  ])('%s %s/%s prints the published optimum with a checked certificate', (problem, folder, file) => {
    const result = solve(problem, join(ROOT, 'data', 'benchmarks', folder, file), '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ status: 'optimal', optimalCost: optimum(folder, file) });
    expect(report.certificate.ok).toBe(true);
    expect(report.solveMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses a malformed file, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-solve-'));
    const bad = join(dir, 'bad.min');
    writeFileSync(bad, 'p min 2 1\nn 1 5\nn 2 -5\na 1 2 0 ten 3\n');
    const result = solve('mincostflow', bad);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('bad.min');
    expect(solve('knapsack', bad).stderr).toContain('expected assignment or mincostflow');
  });
});
