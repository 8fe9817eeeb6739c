/** `northbound corridors`: corridors surging against their own baseline, with broker briefs (DESIGN.md §3.3). */
import { Command } from 'commander';
import {
  findCorridorSurges,
  type CorridorFinding,
  type CorridorReport,
} from '../app/find-corridor-surges.ts';
import { asOfFrom } from './as-of-option.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { fixed, formatTable } from './format-table.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';

interface CorridorsOptions extends CommonOptions {
  readonly asOf?: string;
}

const corridorRows = (findings: readonly CorridorFinding[]) =>
  findings.map((f) => [
    `${f.origin} → ${f.destRegion}`,
    f.equipment,
    String(f.observed),
    fixed(f.baselineMean, 1),
    f.ratio === null ? '—' : `${fixed(f.ratio, 1)}×`,
    f.qValue < 0.001 ? '<0.001' : fixed(f.qValue, 3),
    String(Math.round(f.score)),
  ]);

const COLUMNS = [
  { header: 'corridor' },
  { header: 'equipment' },
  { header: 'last wk', align: 'right' },
  { header: 'baseline/wk', align: 'right' },
  { header: 'ratio', align: 'right' },
  { header: 'q', align: 'right' },
  { header: 'score', align: 'right' },
] as const;

function describeCorridors(report: CorridorReport): string {
  const head =
    `Corridor surges, week ${report.weekStart.toISOString().slice(0, 10)} → ${report.asOf.toISOString().slice(0, 10)}: ` +
    `${report.flagged.length} flagged of ${report.corridorsTested} corridors tested ` +
    `(baseline weeks t−13…t−2, Benjamini–Hochberg q ≤ 0.1, ≥ 5 searches, ≥ 1.5× baseline; score 50 = normal)`;
  const flagged =
    report.flagged.length > 0
      ? [
          formatTable(COLUMNS, corridorRows(report.flagged)),
          '',
          'Broker briefs',
          ...report.flagged.map((f) => `- ${f.brief?.text ?? ''}`),
        ]
      : ['No corridor is surging this week.'];
  const watch =
    report.watch.length > 0
      ? ['', 'Watch (busy, not significant)', formatTable(COLUMNS, corridorRows(report.watch))]
      : [];
  return [head, '', ...flagged, ...watch].join('\n');
}

export const corridorsCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('corridors'))
    .description('flag corridors whose searches surge against their own baseline, with a broker brief each')
    .option('--as-of <date>', 'test the week ending here (default: this week’s Monday)')
    .action(async (options: CorridorsOptions) => {
      try {
        const asOf = asOfFrom(options.asOf, services.now(), 'corridors');
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const report = await findCorridorSurges(store, services.gazetteer(), tenantOf(services, options), {
            asOf,
          });
          emit(options, report, () => describeCorridors(report));
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
