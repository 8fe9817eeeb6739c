import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readOrLibraryAssignment } from '../ingest/read-or-library-assignment.ts';
import { checkAssignmentCertificate } from './check-assignment-certificate.ts';
import { solveAssignment } from './solve-assignment.ts';

const DIR = fileURLToPath(new URL('../../data/benchmarks/or-library-assignment/', import.meta.url));

/** optima.csv: file,n,optimal_cost — OR-Library's published assignopt.txt values. */
const optima = readFileSync(`${DIR}optima.csv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [file, n, optimalCost] = line.split(',');
    return { file: file!, n: Number(n), optimalCost: Number(optimalCost) };
  });

describe('OR-Library linear assignment benchmarks (published optima)', () => {
  it('lists every instance file in the folder in optima.csv, and only those', () => {
    const files = readdirSync(DIR)
      .filter((name) => name.endsWith('.txt'))
      .sort();
    expect(optima.map((row) => row.file).sort()).toEqual(files);
    expect(files.length).toBe(12);
  });

  for (const { file, n, optimalCost } of optima) {
    it(`${file}: n = ${n} hits the published optimum ${optimalCost} exactly, with a certificate`, () => {
      const problem = readOrLibraryAssignment(readFileSync(`${DIR}${file}`, 'utf8'), file);
      expect(problem.rows).toBe(n);
      expect(problem.cols).toBe(n);

      const solution = solveAssignment(problem);

      expect(solution.status).toBe('optimal');
      expect(solution.totalCost === optimalCost).toBe(true);
      // Integer costs: the certificate holds exactly, with no tolerance.
      expect(checkAssignmentCertificate(problem, solution, 0)).toEqual({ ok: true, violations: [] });
      expect(solution.rowToCol.every((j) => j >= 0)).toBe(true);

      // Warm-started from its own prices, the same optimum comes back.
      const again = solveAssignment(problem, { warmStart: { colDual: solution.colDual } });
      expect(again.totalCost === optimalCost).toBe(true);
      expect(checkAssignmentCertificate(problem, again, 0).ok).toBe(true);
    });
  }
});
