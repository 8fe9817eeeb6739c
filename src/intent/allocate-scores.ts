/**
 * The score columns of `companies` companies, zeroed: what scoreProspects fills. Companies without a
 * search in the window keep these values (tier C, no modal place or industry). The columns live in
 * shared memory, which two scoring threads can both write. That also spares a full garbage collection
 * per run — observed on Node 20, not a documented guarantee: the columns are ~45 MB on the large
 * world, and as ordinary ArrayBuffers they forced one every scoring run, which cost 0.4 s a run in a
 * process holding a few million objects (bench/README.md, session 7).
 */
import { TIER_C } from './prospect-tier.ts';
import type { ProspectScores } from './prospect-scores.ts';

export type ScoreColumns = Omit<ProspectScores, 'asOf' | 'columns' | 'zoneOf'>;

export function allocateScores(companies: number): ScoreColumns {
  const u8 = () => new Uint8Array(new SharedArrayBuffer(companies));
  const i32 = () => new Int32Array(new SharedArrayBuffer(4 * companies));
  const f64 = () => new Float64Array(new SharedArrayBuffer(8 * companies));
  return {
    companies,
    active: u8(),
    score: f64(),
    tier: u8().fill(TIER_C),
    weeks30: u8(),
    weeks60: u8(),
    weeks90: u8(),
    count30: i32(),
    count60: i32(),
    count90: i32(),
    rawCount90: i32(),
    searchers90: i32(),
    recency: f64(),
    originConsistency: f64(),
    equipmentFit: f64(),
    proximity: f64(),
    destinationFit: f64(),
    industryFit: f64(),
    momentum: f64(),
    recentCount: i32(),
    baselineWeekly: f64(),
    modalPlace: i32().fill(-1),
    modalEquipment: u8(),
    modalDest: u8(),
    industry: i32().fill(-1),
    lastSeenMs: f64(),
    zoneMiles: f64(),
    trucksNear: f64(),
  };
}
