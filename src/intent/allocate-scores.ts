/**
 * The score columns of `companies` companies, zeroed: what scoreProspects fills. Companies without a
 * search in the window keep these values (tier C, no modal place or industry).
 */
import { TIER_C } from './prospect-tier.ts';
import type { ProspectScores } from './prospect-scores.ts';

export type ScoreColumns = Omit<ProspectScores, 'asOf' | 'columns' | 'zoneOf'>;

export function allocateScores(companies: number): ScoreColumns {
  return {
    companies,
    active: new Uint8Array(companies),
    score: new Float64Array(companies),
    tier: new Uint8Array(companies).fill(TIER_C),
    weeks30: new Uint8Array(companies),
    weeks60: new Uint8Array(companies),
    weeks90: new Uint8Array(companies),
    count30: new Int32Array(companies),
    count60: new Int32Array(companies),
    count90: new Int32Array(companies),
    rawCount90: new Int32Array(companies),
    searchers90: new Int32Array(companies),
    recency: new Float64Array(companies),
    originConsistency: new Float64Array(companies),
    equipmentFit: new Float64Array(companies),
    proximity: new Float64Array(companies),
    destinationFit: new Float64Array(companies),
    industryFit: new Float64Array(companies),
    momentum: new Float64Array(companies),
    recentCount: new Int32Array(companies),
    baselineWeekly: new Float64Array(companies),
    modalPlace: new Int32Array(companies).fill(-1),
    modalEquipment: new Uint8Array(companies),
    modalDest: new Uint8Array(companies),
    industry: new Int32Array(companies).fill(-1),
    lastSeenMs: new Float64Array(companies),
    zoneMiles: new Float64Array(companies),
    trucksNear: new Float64Array(companies),
  };
}
