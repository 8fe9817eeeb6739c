/**
 * Intent scoring on one thread (DESIGN.md §3.2): prices every search origin against the landing zones,
 * then scores every company (score-companies.ts). Results are columns indexed by company (no object
 * per company): the ranking builds objects only for the prospects it returns. ScoringThreads
 * (src/threads) does the same work on two threads and gives the same bits.
 */
import { priceOrigins, type LandingSnapshot, type OriginPrices } from '../zones/price-origins.ts';
import { allocateScores, type ScoreColumns } from './allocate-scores.ts';
import type { ProspectScores } from './prospect-scores.ts';
import { allCompanies, scoreCompanies } from './score-companies.ts';
import type { ScoringOptions } from './scoring-options.ts';
import type { SignalColumns } from './signal-columns.ts';

/** How a use case scores: scoreProspects itself, or ScoringThreads' two-thread version of it. */
export type ProspectScorer = (
  columns: SignalColumns,
  landing: LandingSnapshot,
  options: ScoringOptions,
) => ProspectScores;

export function scoreProspects(
  columns: SignalColumns,
  landing: LandingSnapshot,
  options: ScoringOptions,
): ProspectScores {
  const prices = priceOrigins(columns.placeLat, columns.placeLon, landing);
  const out = allocateScores(columns.companyStart.length - 1);
  scoreCompanies({ columns, options, prices, out }, allCompanies(out.companies));
  return finishScores(out, columns, landing, options, prices);
}

/** The score columns as ProspectScores: the as-of date, the columns, and each company's nearest zone. */
export function finishScores(
  out: ScoreColumns,
  columns: SignalColumns,
  landing: LandingSnapshot,
  options: ScoringOptions,
  prices: OriginPrices,
): ProspectScores {
  const { modalPlace } = out;
  const { nearestZone } = prices;
  const zoneOf = (c: number) => {
    const place = modalPlace[c]!;
    const zone = place >= 0 ? nearestZone[place]! : -1;
    return zone >= 0 ? landing.zones[zone]! : null;
  };
  // Assigned, not spread: a spread of the 27 columns deoptimised the scorer on every call.
  return Object.assign(out, { asOf: options.asOf, columns, zoneOf });
}
