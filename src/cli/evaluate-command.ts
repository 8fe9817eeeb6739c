/**
 * `northbound evaluate`: does the ranking find recurring freight? Generates the demo world for each
 * seed, scores it, and compares the ranking with the world's latent truth beside two baselines
 * (DESIGN.md §3.10). The default seeds (101–105) were not used to choose the weights
 * (docs/intent-weights.md).
 */
import { Command, Option } from 'commander';
import { evaluateProspects, type EvaluationReport, type MeanQuality } from '../app/evaluate-prospects.ts';
import { NorthboundError } from '../domain/errors.ts';
import { EVALUATION_CUTOFFS } from '../sim/ranking-quality.ts';
import { WORLD_SIZES, type WorldSize } from '../sim/world-size.ts';
import { asOfFrom } from './as-of-option.ts';
import { type CommonOptions } from './common-options.ts';
import { fixed, formatTable } from './format-table.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';
import { ttyProgress } from './tty-progress.ts';

interface EvaluateOptions extends Pick<CommonOptions, 'json'> {
  readonly seeds: string;
  readonly size: WorldSize;
  readonly asOf?: string;
}

/** "101-105" or "1,2,7" or a mix. */
export function parseSeeds(value: string): number[] {
  const seeds: number[] = [];
  for (const part of value.split(',')) {
    const range = /^\s*(-?\d+)\s*(?:-\s*(-?\d+)\s*)?$/.exec(part);
    const from = range === null ? Number.NaN : Number(range[1]);
    const to = range?.[2] === undefined ? from : Number(range[2]);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from || to - from > 1000) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot run evaluate: --seeds part "${part}" is not a seed or a range (expected e.g. 101-105 or 1,2,7)`,
        { value },
      );
    }
    for (let seed = from; seed <= to; seed++) seeds.push(seed);
  }
  return seeds;
}

const cells = (q: {
  precision: Readonly<Record<number, number>>;
  ndcg: Readonly<Record<number, number>>;
}) => [
  ...EVALUATION_CUTOFFS.map((k) => fixed(q.precision[k] ?? 0, 2)),
  ...EVALUATION_CUTOFFS.map((k) => fixed(q.ndcg[k] ?? 0, 2)),
];

function qualityTable(mean: MeanQuality): string {
  const ratio = (ours: number, base: number) => (base > 0 ? `${fixed(ours / base, 2)}×` : '—');
  return formatTable(
    [
      { header: 'ranking' },
      ...EVALUATION_CUTOFFS.map((k) => ({ header: `P@${k}`, align: 'right' as const })),
      ...EVALUATION_CUTOFFS.map((k) => ({ header: `NDCG@${k}`, align: 'right' as const })),
      { header: 'ours ÷ it at P@20', align: 'right' },
    ],
    [
      ['intent score (ours)', ...cells(mean.ours), ''],
      ['company size', ...cells(mean.bySize), ratio(mean.ours.precision[20]!, mean.bySize.precision[20]!)],
      [
        'raw signal count',
        ...cells(mean.byRawCount),
        ratio(mean.ours.precision[20]!, mean.byRawCount.precision[20]!),
      ],
    ],
  );
}

function describeEvaluation(report: EvaluationReport): string {
  const perSeed = formatTable(
    [
      { header: 'seed', align: 'right' },
      { header: 'signals', align: 'right' },
      { header: 'companies', align: 'right' },
      { header: 'zones', align: 'right' },
      { header: 'relevant', align: 'right' },
      { header: 'ours P@20', align: 'right' },
      { header: 'size P@20', align: 'right' },
      { header: 'raw P@20', align: 'right' },
    ],
    report.seeds.map((s) => [
      String(s.seed),
      String(s.signalsScored),
      String(s.companiesScored),
      String(s.landingZones),
      String(s.nearZones.relevantSearching),
      fixed(s.nearZones.ours.precision[20]!, 2),
      fixed(s.nearZones.bySize.precision[20]!, 2),
      fixed(s.nearZones.byRawCount.precision[20]!, 2),
    ]),
  );
  return [
    `Ranking evaluation: ${report.seeds.length} ${report.size} worlds as of ${report.asOf.toISOString().slice(0, 10)}, ` +
      `seeds ${report.seeds.map((s) => s.seed).join(', ')}`,
    'Relevant = a shipper with a recurring northbound lane active in the 90 days (latent truth) whose dock is',
    'within 100 mi of one of the carrier’s landing zones. Every ranking orders the same companies (all with a',
    'search in the 90 days).',
    '',
    perSeed,
    '',
    'Mean over seeds — near the carrier’s landing zones (from its deliveries, §3.1)',
    qualityTable(report.mean.nearZones),
    '',
    'Mean over seeds — stricter: near a truth market expecting ≥ 1 regular arrival a week',
    qualityTable(report.mean.nearTruthMarkets),
  ].join('\n');
}

export const evaluateCommand = (services: CliServices): Command =>
  new Command('evaluate')
    .description(
      'score generated demo worlds and compare the ranking with their latent truth and two baselines',
    )
    .option('--seeds <list>', 'world seeds, e.g. 101-105 or 1,2,7 (default: the held-out seeds)', '101-105')
    .addOption(new Option('--size <size>', 'world size').choices(WORLD_SIZES).default('default'))
    .option('--as-of <date>', 'the worlds are observed at this date (default: this week’s Monday)')
    .option('--json', 'print one JSON document instead of text')
    .action(async (options: EvaluateOptions) => {
      try {
        const report = await evaluateProspects(
          { world: services.world, gazetteer: services.gazetteer(), progress: ttyProgress(!options.json) },
          {
            seeds: parseSeeds(options.seeds),
            size: options.size,
            asOf: asOfFrom(options.asOf, services.now(), 'evaluate'),
          },
        );
        emit(options, report, () => describeEvaluation(report));
      } catch (error) {
        fail(options, error);
      }
    });
