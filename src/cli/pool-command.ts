/**
 * `northbound pool …`: the collaborative pool run by a broker (DESIGN.md §3.7).
 *   import FILE         partners' lanes (the lanes file of §7), through the common import
 *   lanes               lanes with their backhaul rate floors (--as partner:ID: only that partner's)
 *   plan                lane covering, stand-alone vs pooled cost, the allocation, the core check
 *   opportunities       broker only: which pairs and triangles of partners would save most together
 */
import { Command, Option } from 'commander';
import { listPoolLanes } from '../app/list-pool-lanes.ts';
import { ALLOCATION_METHODS, type AllocationMethod } from '../app/allocate-pool-cost.ts';
import { showPoolPlan } from '../app/show-pool-plan.ts';
import { findPoolOpportunities } from '../app/find-pool-opportunities.ts';
import { DEFAULT_MARKET_RATES, type MarketRates } from '../collab/market-rates.ts';
import { NorthboundError } from '../domain/errors.ts';
import { tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { withStore } from './with-store.ts';
import { describePoolLanes, describePoolOpportunities, describePoolPlan } from './describe-pool.ts';
import { emit } from './output.ts';
import { parsePoolViewer } from './pool-viewer-option.ts';
import { runImport, type ImportOptions } from './run-import.ts';
import type { CliServices } from './services.ts';

interface PoolOptions extends CommonOptions {
  readonly as?: string;
}

const asOption = () =>
  new Option(
    '--as <viewer>',
    'who is looking: broker (sees all) or partner:<partner_id> (own lanes, pool totals)',
  ).default('broker');

function marketRatesOf(services: CliServices): MarketRates {
  const rates = { ...DEFAULT_MARKET_RATES };
  for (const [equipment, rate] of Object.entries(services.config.marketRateOverrides)) {
    rates[equipment as keyof MarketRates] = { ...rate, source: 'configured (NORTHBOUND_MARKET_RATES)' };
  }
  return rates;
}

const importSubcommand = (services: CliServices) =>
  withCommonOptions(new Command('import'))
    .description(
      "import partners' lanes (CSV or NDJSON: partner_id, lane_id, origin/dest city and region, equipment, loads_per_week)",
    )
    .argument('<file>', 'the lanes file')
    .option('--skip-invalid', 'store the valid rows and write rejects to <file>.rejects.csv')
    .option('--allow-extra', 'ignore columns the format does not define')
    .action((file: string, options: ImportOptions) => runImport(services, 'lanes', file, options));

const lanesSubcommand = (services: CliServices) =>
  withCommonOptions(new Command('lanes'))
    .description('lanes with their backhaul rate floor beside the market reference')
    .addOption(asOption())
    .action((options: PoolOptions) =>
      withStore(services, options, async (store) => {
        const lines = await listPoolLanes(store, {
          tenantId: tenantOf(services, options),
          viewer: parsePoolViewer(options.as),
          costPerMile: services.config.costPerMile,
          marketRates: marketRatesOf(services),
        });
        emit(options, lines, () => describePoolLanes(lines));
      }),
    );

interface PlanOptions extends PoolOptions {
  readonly method: string;
  readonly samples: string;
  readonly seed: string;
  readonly maxCycleDays?: string;
}

const positiveInteger = (value: string, flag: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot plan the pool: ${flag} "${value}" is not a whole number ≥ 2`,
      {
        value,
      },
    );
  }
  return n;
};

const planSubcommand = (services: CliServices) =>
  withCommonOptions(new Command('plan'))
    .description('pooled lane covering, each partner’s stand-alone and allocated cost, and the core check')
    .addOption(
      new Option('--method <method>', 'how the pooled cost is split')
        .choices(ALLOCATION_METHODS)
        .default('shapley'),
    )
    .option(
      '--samples <n>',
      'most join orders for sampled Shapley (pools above 15 partners); stops sooner at ±1%',
      '2000',
    )
    .option('--seed <n>', 'seed for sampled Shapley', '42')
    .option(
      '--max-cycle-days <k>',
      'also plan truck cycles of at most K days (heuristic beside its lower bound)',
    )
    .addOption(asOption())
    .action((options: PlanOptions) =>
      withStore(services, options, async (store) => {
        const view = await showPoolPlan(
          { store, linearProgramSolver: services.linearProgramSolver },
          {
            tenantId: tenantOf(services, options),
            viewer: parsePoolViewer(options.as),
            method: options.method as AllocationMethod,
            costPerMile: services.config.costPerMile,
            samples: positiveInteger(options.samples, '--samples'),
            seed: Number(options.seed),
            maxCycleDays: options.maxCycleDays === undefined ? undefined : Number(options.maxCycleDays),
          },
        );
        emit(options, view, () => describePoolPlan(view));
      }),
    );

const opportunitiesSubcommand = (services: CliServices) =>
  withCommonOptions(new Command('opportunities'))
    .description('broker: pairs and triangles of partners whose lanes complement each other, by savings')
    .option('--partners <ids>', 'only among these partners (comma-separated)')
    .option('--limit <n>', 'opportunities to list', '10')
    .addOption(asOption())
    .action((options: PoolOptions & { partners?: string; limit: string }) =>
      withStore(services, options, async (store) => {
        const opportunities = await findPoolOpportunities(store, {
          tenantId: tenantOf(services, options),
          viewer: parsePoolViewer(options.as),
          partners:
            options.partners === undefined
              ? null
              : options.partners
                  .split(',')
                  .map((id) => id.trim())
                  .filter((id) => id !== ''),
          costPerMile: services.config.costPerMile,
          limit: positiveInteger(options.limit, '--limit'),
        });
        emit(options, opportunities, () => describePoolOpportunities(opportunities));
      }),
    );

export const poolCommand = (services: CliServices): Command =>
  new Command('pool')
    .description('collaborative backhaul pool: lanes, the pooled plan, fair allocations, broker tools')
    .addCommand(importSubcommand(services))
    .addCommand(lanesSubcommand(services))
    .addCommand(planSubcommand(services))
    .addCommand(opportunitiesSubcommand(services));
