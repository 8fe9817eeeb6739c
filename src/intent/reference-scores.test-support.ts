/**
 * A plain reading of the scoring rules (DESIGN.md §3.2), one company at a time with arrays and no
 * shortcuts: the oracle the fast core in score-prospects.ts is compared with, bit for bit, on random
 * signals. Sums run in the same order as the core's (rows in time order, equipment in EQUIPMENT order,
 * weighted components in the score's order), so equal rules give equal bits.
 *
 * Momentum's baseline variance is computed from (recent, Σ baseline, Σ baseline²) as the core's cache
 * prices it (Σ (n − m)² = Σ n² − 2m Σ n + 12 m²), so equal triples give equal bits in any order.
 */
import { EQUIPMENT } from '../domain/equipment.ts';
import { priceOrigins, type LandingSnapshot } from '../zones/price-origins.ts';
import { allocateScores } from './allocate-scores.ts';
import { negativeBinomialUpperTailInto } from './negative-binomial.ts';
import { prospectTier } from './prospect-tier.ts';
import {
  MOMENTUM_BASELINE_WEEKS,
  MOMENTUM_RECENT_WEEKS,
  SCORING_LOOKBACK_DAYS,
  type ScoringOptions,
} from './scoring-options.ts';
import { REGIONS, type SignalColumns } from './signal-columns.ts';
import type { ScoreColumns } from './allocate-scores.ts';

const DAY = 86_400_000;
const PERIODS = MOMENTUM_RECENT_WEEKS + MOMENTUM_BASELINE_WEEKS;
const E = EQUIPMENT.length;

/** Duplicate rows by the rule in mark-duplicates.ts, compared pairwise: same lane within the window of a kept row. */
function duplicates(columns: SignalColumns, windowMinutes: number): boolean[] {
  const { companyStart, searcher, observedAtMs, originPlace, originRegion, destRegion, equipment } = columns;
  const duplicate: boolean[] = Array.from({ length: columns.length }, () => false);
  for (let c = 0; c + 1 < companyStart.length; c++) {
    const kept: number[] = [];
    for (let i = companyStart[c]!; i < companyStart[c + 1]!; i++) {
      duplicate[i] = kept.some(
        (j) =>
          observedAtMs[i]! - observedAtMs[j]! <= windowMinutes * 60_000 &&
          searcher[j] === searcher[i] &&
          equipment[j] === equipment[i] &&
          destRegion[j] === destRegion[i] &&
          originPlace[j] === originPlace[i] &&
          originRegion[j] === originRegion[i],
      );
      if (!duplicate[i]) kept.push(i);
    }
  }
  return duplicate;
}

function argmaxFirst(counts: Map<number, number>): number {
  let best = -1;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

export function referenceScores(
  columns: SignalColumns,
  landing: LandingSnapshot,
  options: ScoringOptions,
): ScoreColumns {
  const companies = columns.companyStart.length - 1;
  const out = allocateScores(companies);
  const asOf = options.asOf.getTime();
  const duplicate = duplicates(columns, options.duplicateWindowMinutes);
  const prices = priceOrigins(columns.placeLat, columns.placeLon, landing);
  const fit = (place: number, e: number) => Math.min(1, prices.trucksNear[place * E + e]!);
  const strengths = options.strengths.map((s) => s.toLowerCase());
  const useIndustry = strengths.length > 0;
  const w = options.weights;
  const wIndustry = useIndustry ? w.industryFit : 0;
  const total =
    w.weeks +
    w.searchers +
    w.count +
    w.recency +
    w.originConsistency +
    w.equipmentFit +
    w.proximity +
    w.destinationFit +
    wIndustry +
    w.momentum;
  const momentumOf = new Map<string, number>();

  for (let c = 0; c < companies; c++) {
    const rows: number[] = [];
    for (let i = columns.companyStart[c]!; i < columns.companyStart[c + 1]!; i++) rows.push(i);
    const ageOf = (i: number) => asOf - columns.observedAtMs[i]!;
    const inLookback = rows.filter((i) => ageOf(i) > 0 && ageOf(i) <= SCORING_LOOKBACK_DAYS * DAY);
    out.rawCount90[c] = inLookback.filter((i) => ageOf(i) <= 90 * DAY).length;
    const kept = inLookback.filter((i) => !duplicate[i]);
    const weeks = new Array<number>(PERIODS).fill(0);
    for (const i of kept) weeks[Math.min(PERIODS - 1, Math.floor((ageOf(i) - 1) / (7 * DAY)))]!++;
    const counted = kept.filter((i) => ageOf(i) <= 90 * DAY);
    if (counted.length === 0) continue;

    const weekSet = (days: number) =>
      new Set(
        counted.filter((i) => ageOf(i) <= days * DAY).map((i) => Math.floor((ageOf(i) - 1) / (7 * DAY))),
      ).size;
    const countIn = (days: number) => counted.filter((i) => ageOf(i) <= days * DAY).length;
    let recency = 0;
    for (const i of counted) recency += 0.5 ** (Math.floor(ageOf(i) / 3_600_000) / 24 / options.halfLifeDays);
    const searchers = new Set(counted.map((i) => columns.searcher[i]!).filter((s) => s >= 0)).size;

    const placeRows = new Map<number, number>();
    const equipmentRows = new Array<number>(E).fill(0);
    const destRows = new Map<number, number>();
    let modalDest = 0;
    let modalDestCount = 0;
    for (const i of counted) {
      const p = columns.originPlace[i]!;
      if (p >= 0) placeRows.set(p, (placeRows.get(p) ?? 0) + 1);
      equipmentRows[columns.equipment[i]!]!++;
      const d = columns.destRegion[i]!;
      destRows.set(d, (destRows.get(d) ?? 0) + 1);
      if (destRows.get(d)! > modalDestCount) {
        modalDestCount = destRows.get(d)!;
        modalDest = d;
      }
    }
    const modalPlace = argmaxFirst(placeRows);
    const placed = counted.filter((i) => columns.originPlace[i]! >= 0);
    const unplaced = counted.filter((i) => columns.originPlace[i]! < 0);

    let consistent = 0;
    let placedRows = 0;
    let fitSum = 0;
    for (const i of placed) fitSum += fit(columns.originPlace[i]!, columns.equipment[i]!);
    if (modalPlace >= 0) {
      const cosLat = Math.cos((columns.placeLat[modalPlace]! * Math.PI) / 180);
      const radius = (options.originRadiusMiles / 69.05) ** 2;
      for (const [p, n] of placeRows) {
        placedRows += n;
        const dLat = columns.placeLat[p]! - columns.placeLat[modalPlace]!;
        const dLon = (columns.placeLon[p]! - columns.placeLon[modalPlace]!) * cosLat;
        if (p === modalPlace || dLat * dLat + dLon * dLon <= radius) consistent += n;
      }
      if (unplaced.length > 0) {
        placedRows += unplaced.length;
        const modalRow = rows.find((i) => columns.originPlace[i] === modalPlace)!;
        const modalRegion = columns.originRegion[modalRow]!;
        consistent += unplaced.filter((i) => columns.originRegion[i] === modalRegion).length;
        for (let e = 0; e < E; e++) {
          fitSum += unplaced.filter((i) => columns.equipment[i] === e).length * fit(modalPlace, e);
        }
      }
    }
    let modalEquipment = 0;
    for (let e = 1; e < E; e++) if (equipmentRows[e]! > equipmentRows[modalEquipment]!) modalEquipment = e;

    const recent = weeks.slice(0, MOMENTUM_RECENT_WEEKS).reduce((a, b) => a + b, 0);
    const baseline = weeks.slice(MOMENTUM_RECENT_WEEKS);
    const baselineSum = baseline.reduce((a, b) => a + b, 0);
    const baselineSquares = baseline.reduce((a, b) => a + b * b, 0);
    // Triples beyond these bounds are priced afresh every time (as the core does).
    const cached = recent < 4096 && baselineSum < 4096 && baselineSquares < 1_048_576;
    const key = `${recent}/${baselineSum}/${baselineSquares}`;
    let momentum = cached ? momentumOf.get(key) : undefined;
    if (momentum === undefined) {
      const mean = Math.max(0.5 / MOMENTUM_BASELINE_WEEKS, baselineSum / MOMENTUM_BASELINE_WEEKS);
      const squares = baselineSquares - 2 * mean * baselineSum + MOMENTUM_BASELINE_WEEKS * mean * mean;
      const variance = Math.max(0, squares) / (MOMENTUM_BASELINE_WEEKS - 1);
      const tail = new Float64Array(2);
      const mu = mean * MOMENTUM_RECENT_WEEKS;
      negativeBinomialUpperTailInto(tail, recent, mu, Math.max(variance, mean) * MOMENTUM_RECENT_WEEKS);
      momentum = 1 - tail[1]!;
      if (cached) momentumOf.set(key, momentum);
    }

    const last = counted[counted.length - 1]!;
    const withIndustry = counted.filter((i) => columns.industry[i]! >= 0);
    const industry = withIndustry.length > 0 ? columns.industry[withIndustry[withIndustry.length - 1]!]! : -1;
    const industryName = industry >= 0 ? columns.industries[industry]!.toLowerCase() : null;
    const industryFit = industryName !== null && strengths.some((s) => industryName.includes(s)) ? 1 : 0;
    const count90 = counted.length;
    const served = new Set(options.servedProvinces.map((p) => REGIONS.indexOf(p)));
    const proximity = modalPlace >= 0 ? prices.proximity[modalPlace]! : 0;
    const equipmentFit = fitSum / count90;
    const originConsistency = placedRows > 0 ? consistent / placedRows : 0;
    const destinationFit = counted.filter((i) => served.has(columns.destRegion[i]!)).length / count90;
    const s = options.saturation;
    const weighted =
      w.weeks * Math.min(1, weekSet(90) / s.weeks) +
      w.searchers * Math.min(1, searchers / s.searchers) +
      w.count * Math.min(1, Math.log1p(count90) / Math.log1p(s.count)) +
      w.recency * Math.min(1, recency / s.recency) +
      w.originConsistency * originConsistency +
      w.equipmentFit * equipmentFit +
      w.proximity * proximity +
      w.destinationFit * destinationFit +
      wIndustry * industryFit +
      w.momentum * momentum;

    out.active[c] = 1;
    out.score[c] = total > 0 ? (100 * weighted) / total : 0;
    out.tier[c] = prospectTier(weekSet(30), weekSet(90), countIn(30), proximity, equipmentFit, options.tierA);
    out.weeks30[c] = weekSet(30);
    out.weeks60[c] = weekSet(60);
    out.weeks90[c] = weekSet(90);
    out.count30[c] = countIn(30);
    out.count60[c] = countIn(60);
    out.count90[c] = count90;
    out.searchers90[c] = searchers;
    out.recency[c] = recency;
    out.originConsistency[c] = originConsistency;
    out.equipmentFit[c] = equipmentFit;
    out.proximity[c] = proximity;
    out.destinationFit[c] = destinationFit;
    out.industryFit[c] = useIndustry ? industryFit : Number.NaN;
    out.momentum[c] = momentum;
    out.recentCount[c] = recent;
    out.baselineWeekly[c] = baselineSum / MOMENTUM_BASELINE_WEEKS;
    out.modalPlace[c] = modalPlace;
    out.modalEquipment[c] = modalEquipment;
    out.modalDest[c] = modalDest;
    out.industry[c] = industry;
    out.lastSeenMs[c] = columns.observedAtMs[last]!;
    out.zoneMiles[c] = modalPlace >= 0 ? prices.zoneMiles[modalPlace]! : Number.POSITIVE_INFINITY;
    out.trucksNear[c] = modalPlace >= 0 ? prices.trucksNear[modalPlace * E + modalEquipment]! : 0;
  }
  return out;
}
