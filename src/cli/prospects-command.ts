/** `northbound prospects`: who is looking for northbound capacity near our landing zones (DESIGN.md §3.2). */
import { Command, Option } from 'commander';
import { listProspects, type Prospect, type ProspectList } from '../app/list-prospects.ts';
import { TIER_LABELS, type TierLabel } from '../intent/prospect-tier.ts';
import { asOfFrom, parseCount } from './as-of-option.ts';
import { dataDirOf, tenantOf, withCommonOptions, type CommonOptions } from './common-options.ts';
import { fixed, formatTable } from './format-table.ts';
import { emit, fail } from './output.ts';
import type { CliServices } from './services.ts';

interface ProspectsOptions extends CommonOptions {
  readonly zone?: string;
  readonly tier?: TierLabel;
  readonly limit: string;
  readonly asOf?: string;
  readonly strengths?: string;
}

/** Company size is shown beside the score as "fit", never inside it. */
function sizeBand(employees: number | null | undefined): string {
  if (employees === null || employees === undefined) return '—';
  if (employees < 50) return `small (${employees})`;
  if (employees < 500) return `mid (${employees})`;
  return `large (${employees})`;
}

/** The JSON contract (snake_case like the import files): what a CRM sync or a script reads. */
export function prospectJson(p: Prospect) {
  const c = p.components;
  return {
    rank: p.rank,
    company_id: p.companyId,
    company_name: p.company?.name ?? null,
    company_domain: p.company?.domain ?? null,
    employees: p.company?.employees ?? null,
    score: p.score,
    tier: p.tier,
    components: {
      distinct_weeks_30: c.distinctWeeks.d30,
      distinct_weeks_60: c.distinctWeeks.d60,
      distinct_weeks_90: c.distinctWeeks.d90,
      searches_30: c.searches.d30,
      searches_60: c.searches.d60,
      searches_90: c.searches.d90,
      raw_signals_90: c.rawSignals90,
      searchers_90: c.searchers90,
      recency_weighted: c.recencyWeighted,
      origin_consistency: c.originConsistency,
      equipment_fit: c.equipmentFit,
      proximity: c.proximity,
      destination_fit: c.destinationFit,
      industry_fit: c.industryFit,
      momentum: c.momentum,
    },
    origin: p.origin,
    zone: p.zone?.label ?? null,
    zone_miles: p.zoneMiles,
    equipment: p.equipment,
    dest_region: p.destRegion,
    industry: p.industry,
    trucks_per_week_near: p.trucksPerWeekNear,
    last_search_at: p.lastSearchAt.toISOString(),
    explanation: p.explanation,
  };
}

function describeProspects(list: ProspectList): string {
  const head =
    `Prospects as of ${list.asOf.toISOString().slice(0, 10)}: ${list.total} matching ` +
    `(A ${list.byTier.A}, B ${list.byTier.B}, C ${list.byTier.C}) of ${list.companiesScored} companies ` +
    `searching in 90 days; ${list.landingZones} landing zones; ${list.signalsRead} signals read`;
  if (list.prospects.length === 0) return `${head}\n\n(no prospects: import signals and deliveries first)`;
  // The explanation is too long for a column: it goes on its own line under its prospect.
  const table = formatTable(
    [
      { header: '#', align: 'right' },
      { header: 'tier' },
      { header: 'score', align: 'right' },
      { header: 'company' },
      { header: 'size (employees)' },
      { header: 'nearest zone' },
    ],
    list.prospects.map((p) => [
      String(p.rank),
      p.tier,
      fixed(p.score, 1),
      p.company?.name ?? p.companyId,
      sizeBand(p.company?.employees),
      p.zone?.label ?? '—',
    ]),
  ).split('\n');
  const lines = [table[0]!, table[1]!];
  list.prospects.forEach((p, i) => lines.push(table[i + 2]!, `      ${p.explanation}`));
  return [head, '', ...lines].join('\n');
}

export const prospectsCommand = (services: CliServices): Command =>
  withCommonOptions(new Command('prospects'))
    .description('rank shippers by repeat northbound intent near the landing zones')
    .option('--zone <name>', 'only prospects whose nearest landing zone this is (e.g. "Dallas, TX")')
    .addOption(new Option('--tier <tier>', 'only this tier').choices(TIER_LABELS))
    .option('--limit <n>', 'how many to list', '20')
    .option('--as-of <date>', 'score as of this date (default: this week’s Monday)')
    .option('--strengths <list>', 'industries the carrier is strong in, comma-separated (e.g. food,retail)')
    .action(async (options: ProspectsOptions) => {
      try {
        const asOf = asOfFrom(options.asOf, services.now(), 'prospects');
        const limit = parseCount(options.limit, '--limit', 'prospects');
        const strengths = (options.strengths ?? services.config.strengths.join(','))
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        // Asked for before the store opens, so the scoring worker loads while the signals are read.
        const scorer = services.prospectScorer();
        const store = await services.openStore(dataDirOf(services, options));
        try {
          const list = await listProspects(store, services.gazetteer(), tenantOf(services, options), {
            asOf,
            limit,
            tier: options.tier,
            zone: options.zone,
            strengths,
            scorer,
          });
          emit(
            options,
            {
              as_of: list.asOf.toISOString(),
              landing_zones: list.landingZones,
              signals_read: list.signalsRead,
              companies_scored: list.companiesScored,
              total: list.total,
              by_tier: list.byTier,
              prospects: list.prospects.map(prospectJson),
            },
            () => describeProspects(list),
          );
        } finally {
          await store.close();
        }
      } catch (error) {
        fail(options, error);
      }
    });
