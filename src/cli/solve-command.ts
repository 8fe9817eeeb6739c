/**
 * `northbound solve assignment FILE` / `solve mincostflow FILE`: our exact solvers on OR-Library
 * assignment files (dense assign100…800 and sparse assignp*) and DIMACS min-cost-flow files, printing
 * the optimal cost, the solve time and whether the dual certificate checks — to compare with published
 * optima (the optima.csv files under data/benchmarks).
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { SOLVE_PROBLEMS, solveFile, type SolveProblem } from '../app/solve-file.ts';
import { NorthboundError } from '../domain/errors.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';

export const solveCommand = (services: CliServices): Command =>
  new Command('solve')
    .description(
      'solve an OR-Library assignment or DIMACS min-cost-flow file; print the optimum and the time',
    )
    .argument('<problem>', SOLVE_PROBLEMS.join(' | '))
    .argument('<file>', 'the instance file')
    .option('--json', 'print one JSON document instead of text')
    .action(async (problem: string, file: string, options: { json?: boolean }) => {
      try {
        if (!(SOLVE_PROBLEMS as readonly string[]).includes(problem)) {
          throw new NorthboundError(
            'invalid_input',
            `Cannot solve "${problem}": expected ${SOLVE_PROBLEMS.join(' or ')}`,
            { problem },
          );
        }
        const result = await solveFile({ files: services.files }, problem as SolveProblem, resolve(file));
        emit(options, result, () =>
          [
            `${result.file} (${Object.entries(result.size)
              .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
              .join(', ')}): ${result.status}`,
            result.optimalCost === null ? '' : `optimal cost ${result.optimalCost}`,
            `solve ${result.solveMs.toFixed(1)} ms (parse ${result.parseMs.toFixed(1)} ms)`,
            `certificate ${result.certificate.ok ? 'checks' : `FAILS: ${result.certificate.violations.slice(0, 3).join('; ')}`}`,
          ]
            .filter((l) => l !== '')
            .join('\n'),
        );
        if (!result.certificate.ok) process.exitCode = 1;
      } catch (error) {
        fail(options, error);
      }
    });
