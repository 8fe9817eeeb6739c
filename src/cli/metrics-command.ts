/**
 * `northbound metrics`: is the backhaul programme working (DESIGN.md §3.9)? Empty-mile share, reload
 * rate and wait, signal-to-outreach time, the funnel and revenue per truck, before and after a
 * programme start when --baseline-until is given.
 */
import { Command, Option } from 'commander';
import { measureProgramme } from '../app/measure-programme.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { KpiGrouping } from '../metrics/compute-kpis.ts';
import { parseAsOf, startOfWeek } from './as-of-option.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { describeMetrics } from './describe-metrics.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';

interface MetricsOptions extends CommonOptions {
  readonly from?: string;
  readonly to?: string;
  readonly by: KpiGrouping;
  readonly baselineUntil?: string;
  readonly limit: string;
}

const WEEK_MS = 7 * 86_400_000;

export const metricsCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('metrics'))
    .description('empty miles, reloads, outreach speed, funnel and revenue per truck — before and after')
    .option('--from <date>', 'start (default: 26 weeks before --to)')
    .option('--to <date>', 'end, exclusive (default: this week’s Monday)')
    .addOption(
      new Option('--by <dimension>', 'group rows by')
        .choices(['corridor', 'zone', 'rep'])
        .default('corridor'),
    )
    .option('--baseline-until <date>', 'the programme start: compare [from, date) with [date, to)')
    .option('--limit <n>', 'rows to print', '15')
    .action(async (options: MetricsOptions) => {
      try {
        const to = options.to === undefined ? startOfWeek(services.now()) : parseAsOf(options.to, 'metrics');
        const from =
          options.from === undefined
            ? new Date(to.getTime() - 26 * WEEK_MS)
            : parseAsOf(options.from, 'metrics');
        const baselineUntil =
          options.baselineUntil === undefined ? undefined : parseAsOf(options.baselineUntil, 'metrics');
        if (from >= to || (baselineUntil !== undefined && (baselineUntil <= from || baselineUntil >= to))) {
          throw new NorthboundError(
            'invalid_input',
            `Cannot compute metrics: expected --from < --baseline-until < --to, saw ${from.toISOString()}, ` +
              `${baselineUntil?.toISOString() ?? '—'}, ${to.toISOString()}`,
            {},
          );
        }
        const limit = Number(options.limit);
        // Asked for before the store opens, so the scoring worker loads while the signals are read.
        const scorer = services.prospectScorer();
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const report = await measureProgramme(
            { store, gazetteer: services.gazetteer(), scorer },
            {
              tenantId: tenantOf(services, options),
              from,
              to,
              baselineUntil,
              by: options.by,
              cadPerUsd: services.config.cadPerUsd,
            },
          );
          emit(options, report, () =>
            describeMetrics(report, { limit: Number.isFinite(limit) ? limit : 15 }),
          );
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
