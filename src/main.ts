/**
 * Composition root: reads the config, builds the adapters (store, gazetteer, files, clock, demo
 * world files, scoring threads) and hands them to the CLI. The only place that knows every layer.
 */
import { loadConfig } from './config.ts';
import { buildProgram } from './cli/program.ts';
import type { CliServices } from './cli/services.ts';
import { fail } from './cli/output.ts';
import { openStore } from './db/open-store.ts';
import type { Gazetteer } from './domain/gazetteer.ts';
import { loadGazetteer } from './files/load-gazetteer.ts';
import { loadBorderPorts } from './files/load-border-ports.ts';
import type { BorderPort } from './domain/border-port.ts';
import { nodeFiles } from './files/node-files.ts';
import { demoWorldFiles } from './files/demo-world-files.ts';
import { loadLinearProgramSolver } from './files/load-linear-program-solver.ts';
import type { SolveLinearProgram } from './collab/linear-program.ts';
import { ScoringThreads } from './threads/scoring-threads.ts';

/** Per LP of the nucleolus / equal-profit sequence: DESIGN.md §5 says always pass HiGHS a time limit. */
const LP_TIME_LIMIT_SECONDS = 60;

async function main(): Promise<void> {
  const config = loadConfig();
  let gazetteer: Gazetteer | undefined;
  let ports: ReadonlyMap<string, BorderPort> | undefined;
  let solver: Promise<SolveLinearProgram> | undefined;
  let scoringThreads: ScoringThreads | undefined;
  const services: CliServices = {
    config,
    openStore: (dataDir) =>
      openStore({ databaseUrl: config.databaseUrl, schema: config.databaseSchema, dataDir }),
    gazetteer: () =>
      (gazetteer ??= loadGazetteer({
        marketMinPopulation: config.marketMinPopulation,
        marketRadiusMiles: config.marketRadiusMiles,
      })),
    borderPorts: () => (ports ??= loadBorderPorts()),
    linearProgramSolver: () =>
      (solver ??= loadLinearProgramSolver({ timeLimitSeconds: LP_TIME_LIMIT_SECONDS })),
    prospectScorer: () => (scoringThreads ??= ScoringThreads.start()).score,
    files: nodeFiles,
    world: demoWorldFiles,
    now: () => new Date(),
  };
  await buildProgram(services).parseAsync(process.argv);
}

main().catch((error: unknown) => fail({ json: process.argv.includes('--json') }, error));
