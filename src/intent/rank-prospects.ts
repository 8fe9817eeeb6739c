/**
 * Ranks scored companies into the prospect list: tier first (A, B, C — act today before act within
 * 48 h), then score, then company id. Objects and explanations are built only for the
 * prospects returned, so ranking 500k companies costs one typed-array sort.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { Region } from '../domain/regions.ts';
import { explainProspect } from './explain-prospect.ts';
import type { NearZone } from '../zones/price-origins.ts';
import type { ProspectScores } from './prospect-scores.ts';
import { TIER_LABELS, type TierLabel } from './prospect-tier.ts';
import { equipmentAt, regionAt } from './signal-columns.ts';

export interface ProspectComponents {
  readonly distinctWeeks: { readonly d30: number; readonly d60: number; readonly d90: number };
  readonly searches: { readonly d30: number; readonly d60: number; readonly d90: number };
  readonly rawSignals90: number;
  readonly searchers90: number;
  readonly recencyWeighted: number;
  readonly originConsistency: number;
  readonly equipmentFit: number;
  readonly proximity: number;
  readonly destinationFit: number;
  readonly industryFit: number | null;
  readonly momentum: number;
}

export interface RankedProspect {
  readonly rank: number;
  readonly companyId: string;
  readonly score: number;
  readonly tier: TierLabel;
  readonly components: ProspectComponents;
  readonly origin: string | null;
  /** The state of the modal origin (the most searched-from state when no city is known). */
  readonly originRegion: Region;
  readonly zone: NearZone | null;
  readonly zoneMiles: number | null;
  readonly equipment: Equipment;
  readonly destRegion: Region;
  readonly industry: string | null;
  readonly trucksPerWeekNear: number;
  readonly lastSearchAt: Date;
  readonly explanation: string;
}

export interface ProspectFilter {
  readonly tier?: TierLabel | undefined;
  /** A landing zone's label or key; matches prospects whose nearest zone it is, within reach (proximity > 0). */
  readonly zone?: string | undefined;
  readonly limit: number;
}

export interface ProspectRanking {
  /** Prospects (active companies) matching the filter. */
  readonly total: number;
  readonly byTier: Readonly<Record<TierLabel, number>>;
  readonly prospects: readonly RankedProspect[];
}

const SCORE_STEPS = 131_072; // > 100 000: the score in thousandths fits below it
const INDEX_STEPS = 2 ** 24;
const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

export function rankProspects(scores: ProspectScores, filter: ProspectFilter): ProspectRanking {
  const wantedTier = filter.tier === undefined ? -1 : TIER_LABELS.indexOf(filter.tier);
  const wantedZone = filter.zone?.trim().toLowerCase();
  const byTier: Record<TierLabel, number> = { A: 0, B: 0, C: 0 };
  const keys: number[] = [];
  for (let c = 0; c < scores.companies; c++) {
    if (scores.active[c] !== 1) continue;
    if (wantedTier >= 0 && scores.tier[c] !== wantedTier) continue;
    if (wantedZone !== undefined) {
      const zone = scores.zoneOf(c);
      if (zone === null || scores.proximity[c]! <= 0) continue;
      const label = zone.label.toLowerCase();
      if (label !== wantedZone && zone.key.toLowerCase() !== wantedZone && !label.startsWith(wantedZone))
        continue;
    }
    byTier[TIER_LABELS[scores.tier[c]!]!]++;
    keys.push(c);
  }
  const total = keys.length;
  const ids = scores.columns.companyIds;
  const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  let order: number[];
  if (scores.companies < INDEX_STEPS) {
    const packed = new Float64Array(total);
    for (let k = 0; k < total; k++) {
      const c = keys[k]!;
      const scoreSteps = 100_000 - Math.round(scores.score[c]! * 1000);
      packed[k] = (scores.tier[c]! * SCORE_STEPS + scoreSteps) * INDEX_STEPS + c;
    }
    packed.sort();
    // Equal tier and score: order by company id, not by the order the store happened to return
    // rows in, so every engine lists ties alike. Runs straddling the limit are sorted whole.
    const limit = Math.min(filter.limit, total);
    order = [];
    for (let k = 0; k < total && order.length < limit;) {
      const prefix = Math.floor(packed[k]! / INDEX_STEPS);
      let end = k + 1;
      while (end < total && Math.floor(packed[end]! / INDEX_STEPS) === prefix) end++;
      const run: number[] = [];
      for (let j = k; j < end; j++) run.push(packed[j]! % INDEX_STEPS);
      if (run.length > 1) run.sort(byId);
      for (const c of run) if (order.length < limit) order.push(c);
      k = end;
    }
  } else {
    order = keys
      .sort((a, b) => scores.tier[a]! - scores.tier[b]! || scores.score[b]! - scores.score[a]! || byId(a, b))
      .slice(0, filter.limit);
  }
  return { total, byTier, prospects: order.map((c, i) => describe(scores, c, i + 1)) };
}

function describe(scores: ProspectScores, c: number, rank: number): RankedProspect {
  const { columns } = scores;
  const place = scores.modalPlace[c]!;
  const origin = place >= 0 ? columns.placeLabel[place]! : null;
  const originRegion = modalOriginRegion(scores, c, place);
  const zone = scores.zoneOf(c);
  const zoneMiles = Number.isFinite(scores.zoneMiles[c]!) ? round(scores.zoneMiles[c]!, 1) : null;
  const equipment = equipmentAt(scores.modalEquipment[c]!);
  const destRegion = regionAt(scores.modalDest[c]!);
  const industryIndex = scores.industry[c]!;
  const industryFit = scores.industryFit[c]!;
  const lastSearchAt = new Date(scores.lastSeenMs[c]!);
  const explanation = explainProspect({
    searches90: scores.count90[c]!,
    weeks90: scores.weeks90[c]!,
    searchers90: scores.searchers90[c]!,
    equipment,
    origin,
    destRegion,
    daysSinceLastSearch: (scores.asOf.getTime() - lastSearchAt.getTime()) / 86_400_000,
    zone,
    zoneMiles,
    trucksPerWeekNear: scores.trucksNear[c]!,
    momentum: scores.momentum[c]!,
    recentSearches: scores.recentCount[c]!,
    baselineWeekly: scores.baselineWeekly[c]!,
  });
  return {
    rank,
    companyId: columns.companyIds[c]!,
    originRegion,
    score: round(scores.score[c]!, 1),
    tier: TIER_LABELS[scores.tier[c]!]!,
    components: {
      distinctWeeks: { d30: scores.weeks30[c]!, d60: scores.weeks60[c]!, d90: scores.weeks90[c]! },
      searches: { d30: scores.count30[c]!, d60: scores.count60[c]!, d90: scores.count90[c]! },
      rawSignals90: scores.rawCount90[c]!,
      searchers90: scores.searchers90[c]!,
      recencyWeighted: round(scores.recency[c]!, 2),
      originConsistency: round(scores.originConsistency[c]!, 3),
      equipmentFit: round(scores.equipmentFit[c]!, 3),
      proximity: round(scores.proximity[c]!, 3),
      destinationFit: round(scores.destinationFit[c]!, 3),
      industryFit: Number.isNaN(industryFit) ? null : industryFit,
      momentum: round(scores.momentum[c]!, 3),
    },
    origin,
    zone,
    zoneMiles,
    equipment,
    destRegion,
    industry: industryIndex >= 0 ? columns.industries[industryIndex]! : null,
    trucksPerWeekNear: round(scores.trucksNear[c]!, 2),
    lastSearchAt,
    explanation,
  };
}

/** The region of the modal origin place, else the region most of the company's rows search from. */
function modalOriginRegion(scores: ProspectScores, c: number, place: number): Region {
  const { columns } = scores;
  const counts = new Map<number, number>();
  let best = columns.originRegion[columns.companyStart[c]!]!;
  for (let i = columns.companyStart[c]!; i < columns.companyStart[c + 1]!; i++) {
    const region = columns.originRegion[i]!;
    if (place >= 0 && columns.originPlace[i] === place) return regionAt(region);
    const n = (counts.get(region) ?? 0) + 1;
    counts.set(region, n);
    if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && region < best)) best = region;
  }
  return regionAt(best);
}
