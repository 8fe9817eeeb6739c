/**
 * Use case: solve a published benchmark instance with our solvers, so anyone can check us against the
 * published optima (`northbound solve assignment assignp800.txt`, `solve mincostflow netgen_8_08a.min`).
 * Reading and parsing are outside the timing; the solve is timed once, then its certificate (dual
 * prices / node potentials) is re-checked independently.
 */
import { basename } from 'node:path';
import { NorthboundError } from '../domain/errors.ts';
import { readDimacsMinCostFlow } from '../ingest/read-dimacs-min-cost-flow.ts';
import { readOrLibraryAssignment } from '../ingest/read-or-library-assignment.ts';
import { checkAssignmentCertificate } from '../optimize/check-assignment-certificate.ts';
import { checkFlowCertificate } from '../optimize/check-flow-certificate.ts';
import { solveAssignment } from '../optimize/solve-assignment.ts';
import { solveMinCostFlow } from '../optimize/solve-min-cost-flow.ts';
import type { FileAccess } from './ports.ts';

export const SOLVE_PROBLEMS = ['assignment', 'mincostflow'] as const;
export type SolveProblem = (typeof SOLVE_PROBLEMS)[number];

export interface SolveFileResult {
  readonly problem: SolveProblem;
  readonly file: string;
  readonly size: Readonly<Record<string, number>>;
  readonly status: string;
  readonly optimalCost: number | null;
  readonly solveMs: number;
  readonly parseMs: number;
  readonly certificate: { readonly ok: boolean; readonly violations: readonly string[] };
}

async function readText(files: FileAccess, path: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of files.read(path)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** Each problem's reader, solver, certificate check and size line: one path for both below. */
const SOLVERS: {
  readonly [P in SolveProblem]: (
    text: string,
    name: string,
    clock: () => number,
  ) => Omit<SolveFileResult, 'problem' | 'file'>;
} = {
  assignment(text, name, clock) {
    const t0 = clock();
    const instance = readOrLibraryAssignment(text, name);
    const t1 = clock();
    const solution = solveAssignment(instance);
    const t2 = clock();
    const optimal = solution.status === 'optimal';
    return {
      size: { rows: instance.rows, cols: instance.cols, arcs: instance.colIndex.length },
      status: solution.status,
      optimalCost: optimal ? solution.totalCost : null,
      parseMs: t1 - t0,
      solveMs: t2 - t1,
      certificate: optimal
        ? checkAssignmentCertificate(instance, solution)
        : { ok: false, violations: ['no perfect matching exists'] },
    };
  },
  mincostflow(text, name, clock) {
    const t0 = clock();
    const network = readDimacsMinCostFlow(text, name);
    const t1 = clock();
    const solution = solveMinCostFlow(network);
    const t2 = clock();
    const optimal = solution.status === 'optimal';
    return {
      size: { nodes: network.nodes, arcs: network.tail.length },
      status: solution.status,
      optimalCost: optimal ? solution.totalCost : null,
      parseMs: t1 - t0,
      solveMs: t2 - t1,
      certificate: optimal
        ? checkFlowCertificate(network, solution)
        : { ok: false, violations: [`the problem is ${solution.status}`] },
    };
  },
};

export async function solveFile(
  deps: { readonly files: FileAccess; readonly clock?: () => number },
  problem: SolveProblem,
  path: string,
): Promise<SolveFileResult> {
  const solve = SOLVERS[problem];
  if (solve === undefined) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot solve "${problem}": expected ${SOLVE_PROBLEMS.join(' or ')}`,
      {
        problem,
      },
    );
  }
  const name = basename(path);
  const text = await readText(deps.files, path);
  return { problem, file: name, ...solve(text, name, deps.clock ?? (() => performance.now())) };
}
