/**
 * The scoring loop of intent scoring (DESIGN.md §3.2), over the companies a thread claims chunk by
 * chunk: every company with a search in the 90 days before asOf gets a 0–100 score, its components and
 * a tier, written into score columns indexed by company. scoreProspects runs it over every company as
 * one chunk; ScoringThreads (src/threads) lets two threads claim chunks from a shared counter until
 * none is left. A company's results depend only on its own rows, the origin prices and the options,
 * never on which thread or chunk scored it, so any split gives the same bits.
 *
 * Cost: O(rows) over the chunks, per row only array lookups (the prices hold each place's fits).
 * Weeks are the 7-day periods counted back from asOf (period 0 = the 7 days before it); with asOf on
 * a Monday 00:00 — the CLI's default — they are ISO weeks (UTC). Company size is not an input.
 */
import { EQUIPMENT } from '../domain/equipment.ts';
import { markDuplicates } from './mark-duplicates.ts';
import { MOMENTUM_PERIODS, MomentumCache } from './momentum-cache.ts';
import { MomentumBacklog } from './momentum-backlog.ts';
import type { OriginPrices } from '../zones/price-origins.ts';
import { prospectTier } from './prospect-tier.ts';
import type { ScoreColumns } from './allocate-scores.ts';
import { decayPerHour } from './decay-per-hour.ts';
import { DAYS_OF_AGE, MASK30_SHIFT, MASK60_SHIFT } from './days-of-age.ts';
import {
  MOMENTUM_BASELINE_WEEKS,
  MOMENTUM_RECENT_WEEKS,
  SCORING_LOOKBACK_DAYS,
  type ScoringOptions,
} from './scoring-options.ts';
import { REGIONS, type SignalColumns } from './signal-columns.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const RECENT = MOMENTUM_RECENT_WEEKS;
const EQUIPMENT_COUNT = EQUIPMENT.length;
const MILES_PER_DEGREE = 69.05;
/** The count component is read from a table filled on first use for counts below this. */
const COUNT_TABLE = 256;

const popcount = (mask: number): number => {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

export interface CompanyScoring {
  readonly columns: SignalColumns;
  readonly options: ScoringOptions;
  /** The origin prices of every place in the columns (priceOrigins). */
  readonly prices: OriginPrices;
  /** Written for the companies of the chunks this call claims only. */
  readonly out: ScoreColumns;
}

/** The companies a scoring thread works through, a chunk at a time. */
export interface CompanyChunks {
  /** Chunk k holds the companies [bounds[k], bounds[k + 1]). */
  readonly bounds: Int32Array;
  /** Claims a chunk for the caller: its index, or −1 when every chunk is taken. */
  next(): number;
}

/** Every company as one chunk, for one thread. */
export function allCompanies(companies: number): CompanyChunks {
  let taken = false;
  return {
    bounds: Int32Array.of(0, companies),
    next: () => (taken ? -1 : ((taken = true), 0)),
  };
}

/**
 * One pass per company over its rows; everything that needs the modal origin (origin consistency,
 * equipment fit of rows that name only a state) is settled afterwards from per-place and
 * per-equipment tallies. A search's windows and week come from tables by its day of age
 * (days-of-age.ts); momentum's three integers from the company's weekly counts, kept only for the
 * weeks it searched in (a bit per week), so companies with one search — a third of them — pay for
 * one week, not fifteen.
 */
export function scoreCompanies(scoring: CompanyScoring, chunks: CompanyChunks): void {
  const { columns, options, prices, out } = scoring;
  const { companyStart, searcher, observedAtMs, originPlace, originRegion, destRegion, equipment, industry } =
    columns;
  const { placeLat, placeLon } = columns;
  const asOfMs = options.asOf.getTime();
  const { weights, saturation, tierA } = options;
  const placeProximity = prices.proximity;
  const placeZoneMiles = prices.zoneMiles;
  const placeTrucks = prices.trucksNear;
  const placeFit = prices.equipmentFit;

  const served = new Uint8Array(REGIONS.length);
  for (const province of options.servedProvinces) served[REGIONS.indexOf(province)] = 1;
  const strengths = options.strengths.map((s) => s.toLowerCase());
  const industryFits = Float64Array.from(columns.industries, (name) =>
    strengths.some((s) => name.toLowerCase().includes(s)) ? 1 : 0,
  );
  const useIndustry = strengths.length > 0;
  const decay = decayPerHour(options.halfLifeDays);

  const {
    active: outActive,
    score: outScore,
    tier: outTier,
    weeks30: outWeeks30,
    weeks60: outWeeks60,
    weeks90: outWeeks90,
    count30: outCount30,
    count60: outCount60,
    count90: outCount90,
    rawCount90: outRaw90,
    searchers90: outSearchers,
    recency: outRecency,
    originConsistency: outConsistency,
    equipmentFit: outEquipmentFit,
    proximity: outProximity,
    destinationFit: outDestinationFit,
    industryFit: outIndustryFit,
    momentum: outMomentum,
    recentCount: outRecent,
    baselineWeekly: outBaseline,
    modalPlace: outModalPlace,
    modalEquipment: outModalEquipment,
    modalDest: outModalDest,
    industry: outIndustry,
    lastSeenMs: outLastSeen,
    zoneMiles: outZoneMiles,
    trucksNear: outTrucksNear,
  } = out;
  const searcherStamp = new Int32Array(columns.searcherCount).fill(-1);
  const placeCount = new Int32Array(placeLat.length);
  // A company touches each place at most once: no pass over the companies to size this by their rows.
  const touchedPlaces = new Int32Array(placeLat.length);
  const equipmentCount = new Int32Array(EQUIPMENT_COUNT);
  /** Rows naming only a state, by equipment and by region (settled against the modal origin). */
  const unplacedByEquipment = new Int32Array(EQUIPMENT_COUNT);
  const unplacedByRegion = new Int32Array(REGIONS.length);
  const destCount = new Int32Array(REGIONS.length);
  const { period: periodOfDay, in30, in60, in90, masks: masksOfDay } = DAYS_OF_AGE;
  const lookback = SCORING_LOOKBACK_DAYS * DAY_MS;
  const radiusDegreesSq = (options.originRadiusMiles / MILES_PER_DEGREE) ** 2;
  const wWeeks = weights.weeks;
  const wSearchers = weights.searchers;
  const wCount = weights.count;
  const wRecency = weights.recency;
  const wConsistency = weights.originConsistency;
  const wEquipment = weights.equipmentFit;
  const wProximity = weights.proximity;
  const wDestination = weights.destinationFit;
  const wIndustry = useIndustry ? weights.industryFit : 0;
  const wMomentum = weights.momentum;
  const totalWeight =
    wWeeks +
    wSearchers +
    wCount +
    wRecency +
    wConsistency +
    wEquipment +
    wProximity +
    wDestination +
    wIndustry +
    wMomentum;
  const momentumCache = new MomentumCache();
  const backlog = new MomentumBacklog(
    momentumCache,
    { score: outScore, momentum: outMomentum },
    wMomentum,
    totalWeight,
  );
  const saturationWeeks = saturation.weeks;
  const saturationSearchers = saturation.searchers;
  const saturationRecency = saturation.recency;
  const logCountSaturation = Math.log1p(saturation.count);
  // The count component by count, filled on first use: most companies have a handful of searches.
  const countScoreOf = new Float64Array(COUNT_TABLE).fill(Number.NaN);
  /** Searches by period of the company at hand; `periods` marks the ones to read and reset. */
  const periodCount = new Int32Array(MOMENTUM_PERIODS);

  for (let chunk = chunks.next(); chunk >= 0; chunk = chunks.next()) {
    const fromCompany = chunks.bounds[chunk]!;
    const toCompany = chunks.bounds[chunk + 1]!;
    const duplicate = markDuplicates(columns, options.duplicateWindowMinutes, fromCompany, toCompany);
    /** duplicate[i - firstRow] flags row i. */
    const firstRow = companyStart[fromCompany]!;
    for (let c = fromCompany; c < toCompany; c++) {
      const from = companyStart[c]!;
      const to = companyStart[c + 1]!;
      for (let e = 0; e < EQUIPMENT_COUNT; e++) {
        equipmentCount[e] = 0;
        unplacedByEquipment[e] = 0;
      }
      let touched = 0;
      let masks = 0;
      let periods = 0;
      let count30 = 0;
      let count60 = 0;
      let count90 = 0;
      let raw90 = 0;
      let recency = 0;
      let searchers = 0;
      let destServed = 0;
      let fitPlaced = 0;
      let unplaced = 0;
      let lastRow = -1;
      let companyIndustry = -1;
      let modalDest = 0;
      let modalDestCount = 0;

      for (let i = from; i < to; i++) {
        const age = asOfMs - observedAtMs[i]!;
        if (age <= 0 || age > lookback) continue;
        const day = ((age - 1) / DAY_MS) | 0;
        raw90 += in90[day]!;
        if (duplicate[i - firstRow] === 1) continue;
        const period = periodOfDay[day]!;
        periods |= 1 << period;
        periodCount[period]!++;
        // Days 90–104 of the lookback count only for momentum's baseline.
        if (day >= 90) continue;
        masks |= masksOfDay[day]!;
        count90++;
        count60 += in60[day]!;
        count30 += in30[day]!;
        recency += decay[(age / HOUR_MS) | 0]!;
        const s = searcher[i]!;
        if (s >= 0 && searcherStamp[s] !== c) {
          searcherStamp[s] = c;
          searchers++;
        }
        const e = equipment[i]!;
        equipmentCount[e]!++;
        const p = originPlace[i]!;
        if (p >= 0) {
          if (placeCount[p]!++ === 0) touchedPlaces[touched++] = p;
          fitPlaced += placeFit[p * EQUIPMENT_COUNT + e]!;
        } else {
          unplaced++;
          unplacedByEquipment[e]!++;
          unplacedByRegion[originRegion[i]!]!++;
        }
        const d = destRegion[i]!;
        destServed += served[d]!;
        if (++destCount[d]! > modalDestCount) {
          modalDestCount = destCount[d]!;
          modalDest = d;
        }
        const companyRowIndustry = industry[i]!;
        if (companyRowIndustry >= 0) companyIndustry = companyRowIndustry;
        lastRow = i;
      }
      const lastSeen = lastRow >= 0 ? observedAtMs[lastRow]! : Number.NEGATIVE_INFINITY;
      const mask90 = masks & ((1 << MASK60_SHIFT) - 1);
      const mask60 = (masks >>> MASK60_SHIFT) & ((1 << (MASK30_SHIFT - MASK60_SHIFT)) - 1);
      const mask30 = masks >>> MASK30_SHIFT;
      // Momentum's three integers from the weekly counts, reset as read.
      let recent = 0;
      let baselineSum = 0;
      let baselineSquares = 0;
      for (let bits = periods; bits !== 0; bits &= bits - 1) {
        const period = 31 - Math.clz32(bits & -bits);
        const n = periodCount[period]!;
        periodCount[period] = 0;
        if (period < RECENT) recent += n;
        else {
          baselineSum += n;
          baselineSquares += n * n;
        }
      }

      // Modal origin: the most searched point (ties: the first seen).
      let modalPlace = -1;
      let modalCount = 0;
      for (let k = 0; k < touched; k++) {
        const p = touchedPlaces[k]!;
        if (placeCount[p]! > modalCount) {
          modalCount = placeCount[p]!;
          modalPlace = p;
        }
      }
      // Origin consistency over distinct places (each weighted by its rows), counters reset as read.
      // One place is its own modal origin: no distance to measure.
      let consistent = modalCount;
      let placed = modalCount;
      if (touched > 1) {
        consistent = 0;
        placed = 0;
        const modalLat = placeLat[modalPlace]!;
        const modalLon = placeLon[modalPlace]!;
        const cosLat = Math.cos((modalLat * Math.PI) / 180);
        for (let k = 0; k < touched; k++) {
          const p = touchedPlaces[k]!;
          const rows = placeCount[p]!;
          placed += rows;
          const dLat = placeLat[p]! - modalLat;
          const dLon = (placeLon[p]! - modalLon) * cosLat;
          if (p === modalPlace || dLat * dLat + dLon * dLon <= radiusDegreesSq) consistent += rows;
        }
      }
      for (let k = 0; k < touched; k++) placeCount[touchedPlaces[k]!] = 0;
      if (count90 > 0) for (let i = from; i < to; i++) destCount[destRegion[i]!] = 0;
      outRaw90[c] = raw90;
      if (count90 === 0) continue;

      // Rows naming only a state: consistent when it is the modal origin's state, fit at the modal origin.
      let fitSum = fitPlaced;
      if (unplaced > 0) {
        if (modalPlace >= 0) {
          placed += unplaced;
          for (let i = from; i < to; i++) {
            if (originPlace[i] === modalPlace) {
              consistent += unplacedByRegion[originRegion[i]!]!;
              break;
            }
          }
          for (let e = 0; e < EQUIPMENT_COUNT; e++) {
            fitSum += unplacedByEquipment[e]! * placeFit[modalPlace * EQUIPMENT_COUNT + e]!;
          }
        }
        for (let i = from; i < to; i++) unplacedByRegion[originRegion[i]!] = 0;
      }

      let modalEquipment = 0;
      for (let e = 1; e < EQUIPMENT_COUNT; e++) {
        if (equipmentCount[e]! > equipmentCount[modalEquipment]!) modalEquipment = e;
      }

      // NaN for a case not yet priced: the company waits in the backlog (momentum-backlog.ts).
      const momentum = momentumCache.known(recent, baselineSum, baselineSquares);

      const weeks30 = popcount(mask30);
      const weeks90 = popcount(mask90);
      const proximity = modalPlace >= 0 ? placeProximity[modalPlace]! : 0;
      const equipmentFit = fitSum / count90;
      const originConsistency = placed > 0 ? consistent / placed : 0;
      const destinationFit = destServed / count90;
      const industryFit = companyIndustry >= 0 ? industryFits[companyIndustry]! : 0;

      const weeksScore = Math.min(1, weeks90 / saturationWeeks);
      const searchersScore = Math.min(1, searchers / saturationSearchers);
      let countScore = count90 < COUNT_TABLE ? countScoreOf[count90]! : Number.NaN;
      if (Number.isNaN(countScore)) {
        countScore = Math.min(1, Math.log1p(count90) / logCountSaturation);
        if (count90 < COUNT_TABLE) countScoreOf[count90] = countScore;
      }
      const recencyScore = Math.min(1, recency / saturationRecency);
      // Momentum's term comes last, so a parked company's score is finished by adding it to this.
      const weightedBeforeMomentum =
        wWeeks * weeksScore +
        wSearchers * searchersScore +
        wCount * countScore +
        wRecency * recencyScore +
        wConsistency * originConsistency +
        wEquipment * equipmentFit +
        wProximity * proximity +
        wDestination * destinationFit +
        wIndustry * industryFit;

      outActive[c] = 1;
      if (Number.isNaN(momentum)) {
        outScore[c] = weightedBeforeMomentum;
        backlog.park(c, recent, baselineSum, baselineSquares);
      } else {
        outScore[c] =
          totalWeight > 0 ? (100 * (weightedBeforeMomentum + wMomentum * momentum)) / totalWeight : 0;
        outMomentum[c] = momentum;
      }
      outTier[c] = prospectTier(weeks30, weeks90, count30, proximity, equipmentFit, tierA);
      outWeeks30[c] = weeks30;
      outWeeks60[c] = popcount(mask60);
      outWeeks90[c] = weeks90;
      outCount30[c] = count30;
      outCount60[c] = count60;
      outCount90[c] = count90;
      outSearchers[c] = searchers;
      outRecency[c] = recency;
      outConsistency[c] = originConsistency;
      outEquipmentFit[c] = equipmentFit;
      outProximity[c] = proximity;
      outDestinationFit[c] = destinationFit;
      outIndustryFit[c] = useIndustry ? industryFit : Number.NaN;
      outRecent[c] = recent;
      outBaseline[c] = baselineSum / MOMENTUM_BASELINE_WEEKS;
      outModalPlace[c] = modalPlace;
      outModalEquipment[c] = modalEquipment;
      outModalDest[c] = modalDest;
      outIndustry[c] = companyIndustry;
      outLastSeen[c] = lastSeen;
      outZoneMiles[c] = modalPlace >= 0 ? placeZoneMiles[modalPlace]! : Number.POSITIVE_INFINITY;
      outTrucksNear[c] = modalPlace >= 0 ? placeTrucks[modalPlace * EQUIPMENT_COUNT + modalEquipment]! : 0;
    }
  }
  backlog.settle();
}
