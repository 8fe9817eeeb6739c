/**
 * What the main thread hands the scoring worker: the columns scoring reads, the prices and score
 * columns both threads write, all in shared memory, the worker's half of the places and the chunks of
 * companies. `signal` is where the two threads meet (Atomics): each prices its half of the places,
 * waits for the other's, then both claim chunks of companies from a shared counter until none is left.
 */
import type { ScoreColumns } from '../intent/allocate-scores.ts';
import type { CompanyChunks } from '../intent/score-companies.ts';
import type { ScoringOptions } from '../intent/scoring-options.ts';
import type { SignalColumns } from '../intent/signal-columns.ts';
import type { LandingSnapshot, OriginPrices } from '../zones/price-origins.ts';

/** Slots of ScoringJob.signal. */
export const WORKER_PRICED = 0;
export const MAIN_PRICED = 1;
export const WORKER_DONE = 2;
/** Set with MAIN_PRICED when the main thread failed: the worker skips its companies. */
export const MAIN_FAILED = 3;
/** Set with WORKER_PRICED and WORKER_DONE when the worker failed. */
export const WORKER_FAILED = 4;
/** The next unclaimed chunk of companies. */
export const NEXT_CHUNK = 5;
export const SIGNAL_SLOTS = 6;

/** The typed-array columns scoring reads (no ids: a thread never names a company). */
export type ScoringColumns = Pick<
  SignalColumns,
  | 'length'
  | 'searcher'
  | 'searcherCount'
  | 'observedAtMs'
  | 'originPlace'
  | 'originRegion'
  | 'destRegion'
  | 'equipment'
  | 'industry'
  | 'companyStart'
  | 'industries'
  | 'placeLat'
  | 'placeLon'
>;

export interface ScoringJob {
  readonly columns: ScoringColumns;
  readonly landing: LandingSnapshot;
  readonly options: ScoringOptions;
  readonly prices: OriginPrices;
  readonly out: ScoreColumns;
  /** The worker's places [from, to). */
  readonly places: readonly [number, number];
  /** Chunk k holds companies [chunks[k], chunks[k + 1]) (chunk-companies.ts). */
  readonly chunks: Int32Array;
  readonly signal: Int32Array;
}

/** The job's columns as the scoring loop takes them: it never reads the ids, the company or the market. */
export function asSignalColumns(columns: ScoringColumns): SignalColumns {
  return {
    ...columns,
    company: new Int32Array(0),
    originMarket: new Int32Array(0),
    companyIds: [],
    searcherIds: [],
    marketIds: [],
    placeLabel: [],
  };
}

/** The chunks of a job as a thread claims them: the shared counter hands each chunk to one thread. */
export function claimChunks(signal: Int32Array, bounds: Int32Array): CompanyChunks {
  const count = bounds.length - 1;
  return {
    bounds,
    next: () => {
      const chunk = Atomics.add(signal, NEXT_CHUNK, 1);
      return chunk < count ? chunk : -1;
    },
  };
}

/** Blocks until signal[slot] is no longer 0, or `timeoutMs` passes; true when it was set. */
export function waitForSignal(signal: Int32Array, slot: number, timeoutMs: number): boolean {
  const deadline = performance.now() + timeoutMs;
  while (Atomics.load(signal, slot) === 0) {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(signal, slot, 0, left);
  }
  return true;
}

export function raiseSignal(signal: Int32Array, ...slots: number[]): void {
  for (const slot of slots) Atomics.store(signal, slot, 1);
  for (const slot of slots) Atomics.notify(signal, slot);
}
