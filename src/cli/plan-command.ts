/**
 * `northbound plan`: each truck finishing a southbound delivery in the window, the load it should take
 * home (or home empty), its value against driving home empty in USD and CAD, the border port and the
 * eManifest deadline; totals; the optimality proof; and the independent validator's verdict.
 */
import { Command } from 'commander';
import { planWeekBackhauls, type PlanWeekReport } from '../app/plan-week-backhauls.ts';
import { NorthboundError } from '../domain/errors.ts';
import { parseAsOf, startOfWeek } from './as-of-option.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { formatTable } from './format-table.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';

interface PlanOptions extends CommonOptions {
  readonly week?: string;
  readonly from?: string;
  readonly to?: string;
  readonly radius?: string;
  readonly chains?: boolean;
  readonly limit: string;
}

const DAY_MS = 86_400_000;

/** "2026-W46" → Monday 00:00 UTC of that ISO week. */
export function parseIsoWeek(value: string): Date {
  const match = /^(\d{4})-W(\d{2})$/.exec(value.trim());
  const week = match === null ? NaN : Number(match[2]);
  if (match === null || week < 1 || week > 53) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot plan: --week "${value}" is not an ISO week (expected e.g. 2026-W46)`,
      {
        value,
      },
    );
  }
  const jan4 = new Date(Date.UTC(Number(match[1]), 0, 4));
  const week1Monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(week1Monday + (week - 1) * 7 * DAY_MS);
}

const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
const when = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

function describePlan(report: PlanWeekReport, limit: number): string {
  const { result } = report;
  const t = result.totals;
  const byTruck = new Map(result.plan.trucks.map((p) => [p.truckId, p]));
  const rows = result.recommendations
    .filter((r) => r.loadIds.length > 0)
    .sort((a, b) => b.valueUsd - a.valueUsd)
    .slice(0, limit)
    .map((r) => {
      const plan = byTruck.get(r.truckId);
      const first = plan?.legs[0];
      return [
        r.truckId,
        r.loadIds.join(' → '),
        first === undefined ? '—' : `${Math.round(first.deadheadMiles)}`,
        first === undefined ? '—' : when(first.pickupAt),
        usd(r.valueUsd),
        `C${usd(r.valueCad)}`,
        plan?.crossing?.portName ?? '—',
        plan?.crossing === null || plan?.crossing === undefined ? '—' : when(plan.crossing.emanifestDeadline),
      ];
    });
  const proof =
    result.proof.method === 'assignment_duals'
      ? `optimal: dual certificate ${result.proof.ok ? 'checks' : 'FAILS'}`
      : `${result.proof.status}: bound ${usd(result.proof.boundUsd)} after ${result.proof.nodes} nodes, certificates ${result.proof.ok ? 'check' : 'FAIL'}`;
  return [
    `Backhaul plan ${when(report.from)} → ${when(report.to)} UTC: ${report.trucksRead} trucks free, ${report.loadsRead} open loads, ` +
      `${result.candidates.arcs.toLocaleString('en-US')} feasible pairs`,
    `Matched ${t.matched} of ${t.trucks} (${(t.matchedShare * 100).toFixed(1)}%); empty miles ${Math.round(t.emptyMilesHome).toLocaleString('en-US')} → ` +
      `${Math.round(t.emptyMilesPlanned).toLocaleString('en-US')} (saved ${Math.round(t.emptyMilesSaved).toLocaleString('en-US')}); ` +
      `value vs driving home empty ${usd(t.valueUsd)} (C${usd(t.valueCad)})`,
    `${proof}; compliance: ${report.violations.length === 0 ? 'no violations' : `${report.violations.length} VIOLATIONS`}; solved in ${report.solveMs.toFixed(0)} ms`,
    '',
    rows.length === 0
      ? 'No truck has a load worth taking: every truck drives home empty.'
      : formatTable(
          [
            { header: 'truck' },
            { header: 'load(s)' },
            { header: 'deadhead mi', align: 'right' },
            { header: 'pickup (UTC)' },
            { header: 'value USD', align: 'right' },
            { header: 'value CAD', align: 'right' },
            { header: 'border port' },
            { header: 'eManifest by (UTC)' },
          ],
          rows,
        ),
    ...report.violations
      .slice(0, 10)
      .map((v) => `  violation ${v.rule} (${v.truckId}${v.loadId ? `, ${v.loadId}` : ''}): ${v.message}`),
  ].join('\n');
}

export const planCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('plan'))
    .description('match trucks finishing southbound deliveries to northbound loads, optimally and legally')
    .option('--week <iso-week>', 'the ISO week to plan (e.g. 2026-W46; default: this week)')
    .option('--from <date>', 'window start (instead of --week)')
    .option('--to <date>', 'window end, exclusive (with --from)')
    .option('--radius <miles>', 'longest deadhead to a pickup, road miles')
    .option(
      '--chains',
      'allow cabotage-legal chains: a pre-arranged domestic leg toward home, then the northbound load',
    )
    .option('--limit <n>', 'trucks to list', '25')
    .action(async (options: PlanOptions) => {
      try {
        const from =
          options.from !== undefined
            ? parseAsOf(options.from, 'plan')
            : options.week !== undefined
              ? parseIsoWeek(options.week)
              : startOfWeek(services.now());
        const to =
          options.to !== undefined ? parseAsOf(options.to, 'plan') : new Date(from.getTime() + 7 * DAY_MS);
        if (to <= from) {
          throw new NorthboundError(
            'invalid_input',
            `Cannot plan: --to ${to.toISOString()} is not after --from ${from.toISOString()}`,
            {},
          );
        }
        const radius = options.radius === undefined ? undefined : Number(options.radius);
        if (radius !== undefined && !(radius > 0)) {
          throw new NorthboundError(
            'invalid_input',
            `Cannot plan: --radius "${options.radius}" is not a positive number of miles`,
            {},
          );
        }
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const report = await planWeekBackhauls(
            { store, ports: services.borderPorts() },
            {
              tenantId: tenantOf(services, options),
              from,
              to,
              radiusMiles: radius,
              chains: options.chains === true,
              cadPerUsd: services.config.cadPerUsd,
            },
          );
          emit(
            options,
            {
              from: report.from.toISOString(),
              to: report.to.toISOString(),
              trucks_read: report.trucksRead,
              loads_read: report.loadsRead,
              totals: report.result.totals,
              proof: report.result.proof,
              candidates: report.result.candidates,
              violations: report.violations,
              recommendations: report.result.recommendations,
              plan: report.result.plan,
            },
            () => describePlan(report, Number(options.limit) || 25),
          );
          if (report.violations.length > 0) process.exitCode = 1;
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
