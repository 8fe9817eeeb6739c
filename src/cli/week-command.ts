/**
 * `northbound week`: the Monday run (DESIGN.md §3.4) — rescore, tidy overdue and finished sequences,
 * create and assign this week's outreach tasks with their drafts, and print the weekly brief.
 * The run is as of now unless --as-of says otherwise (a backfill, or the demo's simulated weeks).
 */
import { Command } from 'commander';
import { runWeek, type WeekReport } from '../app/run-week.ts';
import { parseAsOf } from './as-of-option.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { describeWeek } from './describe-week.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';
import { taskJson } from './task-json.ts';

interface WeekOptions extends CommonOptions {
  readonly asOf?: string;
  readonly strengths?: string;
}

export function weekJson(report: WeekReport) {
  return {
    as_of: report.asOf.toISOString(),
    carrier: report.carrier.name,
    prospects: report.prospects,
    top_zones: report.topZones.map((z) => ({
      rank: z.rank,
      zone: z.label,
      trucks_per_week: z.trucksPerWeek.mean,
      consistency: z.consistency,
      busiest_weekdays: z.busiestWeekdays,
      trend: z.trend.direction,
    })),
    new_tier_a: report.newTierA.map((n) => ({ task_id: n.task.taskId, explanation: n.explanation })),
    tasks_created: report.created.map((t) => taskJson(t)),
    waiting: {
      territory_full: report.waiting.territoryFull,
      team_full: report.waiting.teamFull,
      top: report.waiting.top.map((p) => ({
        company_id: p.companyId,
        tier: p.tier,
        score: p.score,
        zone: p.zone?.label ?? null,
      })),
    },
    already_in_cadence: report.alreadyInCadence,
    overdue: report.overdue.map((o) => ({
      task_id: o.task.taskId,
      missed: o.missed,
      from_rep_id: o.fromRepId,
      rep_id: o.task.repId,
      reassigned: o.reassigned,
      escalations: o.task.escalations,
    })),
    nurtured: report.nurtured.map((t) => t.taskId),
    by_rep: report.byRep.map((r) => ({
      rep_id: r.rep.repId,
      name: r.rep.name,
      open: r.open,
      capacity: r.rep.capacity,
      created: r.created,
      overdue: r.overdue,
    })),
    surging_corridors: report.surges.map((s) => ({
      origin: s.origin,
      dest_region: s.destRegion,
      equipment: s.equipment,
      observed: s.observed,
      baseline_mean: s.baselineMean,
      score: s.score,
      brief: s.brief?.text ?? null,
    })),
  };
}

export const weekCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('week'))
    .description('the weekly run: rescore, create and assign outreach tasks, print the weekly brief')
    .option('--as-of <date>', 'run as of this instant (default: now)')
    .option('--strengths <list>', 'industries the carrier is strong in, comma-separated (e.g. food,retail)')
    .action(async (options: WeekOptions) => {
      try {
        const asOf = options.asOf === undefined ? services.now() : parseAsOf(options.asOf, 'week');
        const strengths = (options.strengths ?? services.config.strengths.join(','))
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        // Asked for before the store opens, so the scoring worker loads while the signals are read.
        const scorer = services.prospectScorer();
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const report = await runWeek(
            { store, gazetteer: services.gazetteer(), scorer },
            { tenantId: tenantOf(services, options), asOf, strengths },
          );
          emit(options, weekJson(report), () => describeWeek(report));
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
