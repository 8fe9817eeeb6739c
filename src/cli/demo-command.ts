/**
 * `northbound demo`: generate the seeded demo world, import it through the real import path, and
 * print what landed. The as-of date defaults to the most recent Monday (the planning week starts
 * then), so the same day's runs are identical and re-running imports nothing new.
 */
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { runDemo, type DemoReport } from '../app/run-demo.ts';
import { NorthboundError } from '../domain/errors.ts';
import { isProvince, type Province } from '../domain/regions.ts';
import { WORLD_SIZES, type WorldSize } from '../sim/world-size.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { describeImport } from './describe-import.ts';
import { describeSummary } from './describe-summary.ts';
import { describeQuarter } from './describe-quarter.ts';
import { weekJson } from './week-command.ts';
import { emit, fail } from './output.ts';
import { asOfFrom } from './as-of-option.ts';
import type { CliServices } from './services.ts';
import type { PoolPlan } from '../app/plan-pool.ts';
import { ttyProgress } from './tty-progress.ts';

interface DemoOptions extends CommonOptions {
  readonly size: WorldSize;
  readonly seed: string;
  readonly out: string;
  readonly asOf?: string;
  readonly home?: string;
  readonly quarter: boolean;
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) {
    throw new NorthboundError('invalid_input', `Cannot run the demo: --seed "${value}" is not an integer`, {
      value,
    });
  }
  return seed;
}

function parseHomeProvinces(value: string): Province[] {
  const provinces = value.split(',').map((p) => p.trim().toUpperCase());
  const wrong = provinces.find((p) => !isProvince(p));
  if (wrong !== undefined) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot run the demo: --home "${wrong}" is not a Canadian province code (expected e.g. ON or ON,QC)`,
      { value },
    );
  }
  return provinces as Province[];
}

function describeDemoPool(pool: PoolPlan): string {
  const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
  const inCore =
    pool.coreViolations === null
      ? 'core not checked'
      : pool.coreViolations.length === 0
        ? 'in the core'
        : 'NOT in the core';
  return [
    `Collaborative pool: ${pool.partners.length} partners, ${pool.lanes.length} lanes — ${usd(pool.standaloneTotal)}/week alone → ` +
      `${usd(pool.pooledCost)}/week pooled, saving ${usd(pool.savings)} (${Math.round(pool.savingsShare * 100)}%); empty miles ` +
      `${Math.round(pool.standaloneEmptyMilesPerWeek).toLocaleString('en-US')} → ${Math.round(pool.emptyMilesPerWeek).toLocaleString('en-US')} a week; Shapley split ${inCore}`,
    '  npx northbound pool plan [--method dual|nucleolus|epm|proportional] [--as partner:ID] | pool lanes | pool opportunities',
  ].join('\n');
}

function describeDemo(report: DemoReport): string {
  const { world } = report;
  const terminals = world.carrier.terminals.map((t) => `${t.city} ${t.region} (${t.trucks})`).join(', ');
  return [
    `Demo world: seed ${world.seed}, size ${world.size}, as of ${world.asOf.slice(0, 10)} — files in ${report.outDir}`,
    `Carrier ${world.carrier.name}: terminals ${terminals}`,
    '',
    ...report.imports.map(describeImport),
    '',
    describeSummary(report.summary),
    '',
    ...(report.quarter === null ? [] : [describeQuarter(report.quarter)]),
    ...(report.pool === null ? [] : [describeDemoPool(report.pool), '']),
    `Next, as of the world's date: npx northbound zones | prospects | corridors --as-of ${report.world.asOf.slice(0, 10)};` +
      ' npx northbound tasks | metrics',
  ].join('\n');
}

export const demoCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('demo'))
    .description('generate the seeded demo world, import it, and print the summary')
    .addOption(new Option('--size <size>', 'world size').choices(WORLD_SIZES).default('default'))
    .option('--seed <n>', 'random seed (same seed and as-of date → same world)', '42')
    .option('--out <dir>', 'where to write the generated files', 'out/demo')
    .option('--as-of <date>', 'the world is observed at this date (default: this week’s Monday)')
    .option('--home <provinces>', 'the carrier’s terminal provinces, largest first (e.g. ON or ON,QC)')
    .option('--no-quarter', 'import only: skip the simulated 13-week outreach programme')
    .action(async (options: DemoOptions) => {
      try {
        const asOf = asOfFrom(options.asOf, services.now(), 'the demo');
        const seed = parseSeed(options.seed);
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const report = await runDemo(
            {
              store,
              files: services.files,
              gazetteer: services.gazetteer(),
              world: services.world,
              now: services.now,
              progress: ttyProgress(!options.json),
              linearProgramSolver: services.linearProgramSolver,
            },
            {
              tenantId: tenantOf(services, options),
              size: options.size,
              seed,
              asOf,
              homeProvinces: options.home === undefined ? undefined : parseHomeProvinces(options.home),
              outDir: resolve(options.out),
              batchRows: services.config.importBatchRows,
              quarter: options.quarter,
              cadPerUsd: services.config.cadPerUsd,
              costPerMile: services.config.costPerMile,
            },
          );
          emit(
            options,
            {
              ...report,
              quarter:
                report.quarter === null
                  ? null
                  : {
                      programme_start: report.quarter.programmeStart.toISOString(),
                      weeks: report.quarter.weeks,
                      last_brief: weekJson(report.quarter.lastBrief),
                      metrics: report.quarter.metrics,
                    },
            },
            () => describeDemo(report),
          );
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
