/**
 * Use case: who is looking for us (DESIGN.md §3.2)? Scores the tenant's companies as of a date and
 * returns the ranked prospects, each with its components, its one-line explanation and — beside the
 * score, never inside it — the company's size.
 */
import type { Company } from '../domain/company.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { TenantId } from '../domain/ids.ts';
import type { TierLabel } from '../intent/prospect-tier.ts';
import { rankProspects, type RankedProspect } from '../intent/rank-prospects.ts';
import type { Store } from './ports.ts';
import { scoreIntent, type ScoreIntentOptions } from './score-intent.ts';

export interface ListProspectsOptions extends ScoreIntentOptions {
  readonly tier?: TierLabel | undefined;
  readonly zone?: string | undefined;
  readonly limit: number;
}

export interface Prospect extends RankedProspect {
  readonly company: Company | null;
}

export interface ProspectList {
  readonly asOf: Date;
  readonly landingZones: number;
  readonly signalsRead: number;
  readonly companiesScored: number;
  readonly total: number;
  readonly byTier: Readonly<Record<TierLabel, number>>;
  readonly prospects: readonly Prospect[];
  readonly timings: {
    readonly zonesMs: number;
    readonly readMs: number;
    readonly scoreMs: number;
    readonly rankMs: number;
  };
}

export async function listProspects(
  store: Store,
  markets: Pick<Gazetteer, 'market'>,
  tenantId: TenantId,
  options: ListProspectsOptions,
): Promise<ProspectList> {
  const scoring = await scoreIntent(store, markets, tenantId, options);
  const started = performance.now();
  const ranking = rankProspects(scoring.scores, {
    tier: options.tier,
    zone: options.zone,
    limit: options.limit,
  });
  const rankMs = performance.now() - started;
  const facts = await store.companies(
    tenantId,
    ranking.prospects.map((p) => p.companyId),
  );
  const byId = new Map(facts.map((c) => [c.companyId as string, c]));
  let active = 0;
  for (let c = 0; c < scoring.scores.companies; c++) active += scoring.scores.active[c]!;
  return {
    asOf: options.asOf,
    landingZones: scoring.report.zones.length,
    signalsRead: scoring.columns.length,
    companiesScored: active,
    total: ranking.total,
    byTier: ranking.byTier,
    prospects: ranking.prospects.map((p) => ({ ...p, company: byId.get(p.companyId) ?? null })),
    timings: { ...scoring.timings, rankMs },
  };
}
