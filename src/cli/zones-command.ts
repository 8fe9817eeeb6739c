/** `northbound zones`: where the carrier's trucks land, week after week (DESIGN.md §3.1). */
import { Command } from 'commander';
import { landingZonesOf, type LandingZonesResult } from '../app/find-landing-zones.ts';
import type { LandingMarket } from '../zones/landing-zone.ts';
import { asOfFrom, parseCount } from './as-of-option.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { fixed, formatTable, percent, WEEKDAY_NAMES } from './format-table.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';

interface ZonesOptions extends CommonOptions {
  readonly weeks: string;
  readonly asOf?: string;
  readonly all?: boolean;
}

const weekdaySpan = (m: LandingMarket): string =>
  [...m.busiestWeekdays]
    .sort((a, b) => a - b)
    .map((d) => WEEKDAY_NAMES[d])
    .join(' ');

const equipmentMix = (m: LandingMarket): string =>
  m.equipment
    .slice(0, 3)
    .map((e) => `${e.equipment} ${percent(e.share)}`)
    .join(', ');

function describeZones(result: LandingZonesResult, all: boolean): string {
  const { report } = result;
  const shown = all ? report.markets : report.zones;
  const table = formatTable(
    [
      { header: '#', align: 'right' },
      { header: 'zone' },
      { header: 'trucks/wk', align: 'right' },
      { header: 'median', align: 'right' },
      { header: 'weeks', align: 'right' },
      { header: 'trend' },
      { header: 'equipment' },
      { header: 'busiest days' },
    ],
    shown.map((m) => [
      m.rank === null ? '' : `${m.rank}${m.primary ? '*' : ''}`,
      m.label,
      fixed(m.trucksPerWeek.mean, 1),
      fixed(m.trucksPerWeek.median, 1),
      `${Math.round(m.consistency * report.weeks)}/${report.weeks}`,
      m.trend.ratio === null ? m.trend.direction : `${m.trend.direction} ${fixed(m.trend.ratio, 2)}×`,
      equipmentMix(m),
      weekdaySpan(m),
    ]),
  );
  const head =
    `Landing zones, ${report.weeks} weeks ${report.from.toISOString().slice(0, 10)} → ` +
    `${report.to.toISOString().slice(0, 10)}: ${report.zones.length} zones among ${report.markets.length} markets ` +
    `with arrivals (* = primary hunting ground; reload radius ${report.zones[0]?.reloadRadiusMiles ?? 100} mi)`;
  const notes =
    result.withoutEquipment > 0
      ? [`${result.withoutEquipment} deliveries left out: no equipment on the row and truck not in the fleet`]
      : [];
  return [head, '', shown.length > 0 ? table : '(no landing zones: import deliveries first)', ...notes].join(
    '\n',
  );
}

export const zonesCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('zones'))
    .description('rank the US markets where the fleet lands week after week')
    .option('--weeks <n>', 'lookback in weeks', '13')
    .option('--as-of <date>', 'the lookback ends here (default: this week’s Monday)')
    .option('--all', 'list every market with an arrival, not only landing zones')
    .action(async (options: ZonesOptions) => {
      try {
        const asOf = asOfFrom(options.asOf, services.now(), 'zones');
        const weeks = parseCount(options.weeks, '--weeks', 'zones');
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const result = await landingZonesOf(store, services.gazetteer(), tenantOf(services, options), {
            asOf,
            weeks,
          });
          emit(options, result, () => describeZones(result, options.all === true));
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
