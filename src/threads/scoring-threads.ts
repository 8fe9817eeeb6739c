/**
 * Intent scoring on two threads: the main thread and one worker each price half of the search
 * origins, then both score chunks of companies, claimed from a shared counter, into score columns in
 * shared memory — the same bits as scoreProspects on one thread, since a company's results depend only on
 * its own rows. `score` is synchronous like scoreProspects: the main thread blocks on Atomics while
 * the worker finishes its half.
 *
 * One thread is used while the worker is starting (it takes ~150 ms to load), for small inputs (the
 * hand-over costs more than it saves), and for good once the worker has failed or stopped answering;
 * a job the worker fails is redone on one thread, so a caller always gets scores or the core's error.
 */
import { Worker } from 'node:worker_threads';
import { allocateScores } from '../intent/allocate-scores.ts';
import type { ProspectScores } from '../intent/prospect-scores.ts';
import { scoreCompanies } from '../intent/score-companies.ts';
import { finishScores, scoreProspects } from '../intent/score-prospects.ts';
import type { ScoringOptions } from '../intent/scoring-options.ts';
import type { SignalColumns } from '../intent/signal-columns.ts';
import { allocatePrices, priceOrigins, type LandingSnapshot } from '../zones/price-origins.ts';
import {
  MAIN_FAILED,
  MAIN_PRICED,
  SIGNAL_SLOTS,
  WORKER_DONE,
  WORKER_FAILED,
  WORKER_PRICED,
  claimChunks,
  raiseSignal,
  waitForSignal,
  type ScoringColumns,
  type ScoringJob,
} from './scoring-job.ts';
import { chunkCompanies } from './chunk-companies.ts';

/** Below this many signal rows one thread is faster than handing half to the worker. */
export const PARALLEL_MIN_ROWS = 200_000;
/** How long the main thread waits for the worker before scoring alone from then on. */
const WORKER_TIMEOUT_MS = 60_000;
/** Chunks of companies the two threads claim: enough that the last one claimed is a small tail. */
const CHUNKS = 64;

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

/** The array itself when it is already in shared memory, else a shared copy. */
function inShared<T extends Int32Array | Uint8Array | Float64Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(shared(array.byteLength));
  copy.set(array);
  return copy;
}

/**
 * The landing picture as pricing reads it: a report's zones and markets carry histograms and trends
 * (≈ 330 kB cloned per job on the large world) that the worker never reads.
 */
function pricingFields(landing: LandingSnapshot): LandingSnapshot {
  return {
    zones: landing.zones.map(({ key, label, lat, lon, reloadRadiusMiles }) => ({
      key,
      label,
      lat,
      lon,
      reloadRadiusMiles,
    })),
    markets: landing.markets.map(({ lat, lon, reloadRadiusMiles, equipment }) => ({
      lat,
      lon,
      reloadRadiusMiles,
      equipment: equipment.map(({ equipment, trucksPerWeek }) => ({ equipment, trucksPerWeek })),
    })),
    proximityZeroMiles: landing.proximityZeroMiles,
  };
}

/** Waits for the worker to raise `slot`: null when it did, else why the job cannot count on it. */
function workerTrouble(signal: Int32Array, slot: number): string | null {
  if (!waitForSignal(signal, slot, WORKER_TIMEOUT_MS)) return 'the worker did not answer in time';
  return Atomics.load(signal, WORKER_FAILED) === 1 ? 'the worker failed' : null;
}

export class ScoringThreads {
  private state: 'starting' | 'ready' | 'broken' = 'starting';
  /** Why the worker was given up (the bench and the tests check it is null). */
  brokenBecause: string | null = null;
  private settleStart: () => void = () => {};
  private readonly started = new Promise<void>((resolve) => (this.settleStart = resolve));

  private constructor(
    private readonly worker: Worker,
    private readonly minRows: number,
  ) {
    worker.on('message', (message: { ready?: boolean; failed?: string }) => {
      if (message.ready === true && this.state === 'starting') {
        this.state = 'ready';
        this.settleStart();
      }
      if (message.failed !== undefined) this.giveUp(`the worker failed: ${message.failed}`);
    });
    worker.on('error', (error) => this.giveUp(`the worker stopped: ${error.message}`));
    worker.on('exit', (code) => this.giveUp(`the worker exited with code ${code}`));
    // Scoring keeps no process alive: a CLI command exits when its work is done.
    worker.unref();
  }

  /**
   * Starts the worker; scoring uses one thread until it has loaded, and for fewer than `minRows`
   * signal rows (tests lower it to run small inputs on both threads).
   */
  static start(options: { readonly minRows?: number } = {}): ScoringThreads {
    // No flags from the parent: the boot file loads TypeScript itself, and a parent's --eval or
    // --input-type would stop the worker from starting.
    const worker = new Worker(new URL('./score-worker-boot.mjs', import.meta.url), { execArgv: [] });
    return new ScoringThreads(worker, options.minRows ?? PARALLEL_MIN_ROWS);
  }

  /** Resolves once the worker can take jobs (or has failed to start). */
  ready(): Promise<void> {
    // The worker is unreferenced, so a process with nothing else to do would exit before it loads:
    // hold the process open while someone waits for it.
    if (this.state !== 'starting') return this.started;
    this.worker.ref();
    return this.started.then(() => {
      this.worker.unref();
    });
  }

  get threads(): number {
    return this.state === 'ready' ? 2 : 1;
  }

  /** scoreProspects, on two threads when the worker is up and the input is large enough. */
  readonly score = (
    columns: SignalColumns,
    landing: LandingSnapshot,
    options: ScoringOptions,
  ): ProspectScores =>
    this.state === 'ready' && columns.length >= this.minRows
      ? this.scoreOnTwoThreads(columns, landing, options)
      : scoreProspects(columns, landing, options);

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.giveUp('closed');
    await this.worker.terminate();
  }

  private giveUp(reason: string): void {
    if (this.state === 'broken') return;
    this.state = 'broken';
    this.brokenBecause = reason;
    this.settleStart();
  }

  private scoreOnTwoThreads(
    columns: SignalColumns,
    landing: LandingSnapshot,
    options: ScoringOptions,
  ): ProspectScores {
    const places = columns.placeLat.length;
    const companies = columns.companyStart.length - 1;
    const jobColumns: ScoringColumns = {
      length: columns.length,
      searcherCount: columns.searcherCount,
      industries: columns.industries,
      searcher: inShared(columns.searcher),
      observedAtMs: inShared(columns.observedAtMs),
      originPlace: inShared(columns.originPlace),
      originRegion: inShared(columns.originRegion),
      destRegion: inShared(columns.destRegion),
      equipment: inShared(columns.equipment),
      industry: inShared(columns.industry),
      companyStart: inShared(columns.companyStart),
      placeLat: inShared(columns.placeLat),
      placeLon: inShared(columns.placeLon),
    };
    const prices = allocatePrices(places);
    const out = allocateScores(companies);
    const signal = new Int32Array(shared(4 * SIGNAL_SLOTS));
    const placeSplit = places >>> 1;
    const chunks = inShared(chunkCompanies(columns.companyStart, CHUNKS));
    const job: ScoringJob = {
      columns: jobColumns,
      landing: pricingFields(landing),
      options,
      prices,
      out,
      places: [placeSplit, places],
      chunks,
      signal,
    };
    this.worker.postMessage(job);
    try {
      priceOrigins(columns.placeLat, columns.placeLon, landing, 0, placeSplit, prices);
    } catch (error) {
      raiseSignal(signal, MAIN_FAILED, MAIN_PRICED);
      throw error;
    }
    raiseSignal(signal, MAIN_PRICED);
    let trouble = workerTrouble(signal, WORKER_PRICED);
    if (trouble === null) {
      // This thread reads the columns as given: the same values as the shared copies the worker reads.
      scoreCompanies({ columns, options, prices, out }, claimChunks(signal, chunks));
      trouble = workerTrouble(signal, WORKER_DONE);
    }
    if (trouble === null) return finishScores(out, columns, landing, options, prices);
    // Redo the job on this thread, and score alone from now on.
    this.giveUp(trouble);
    return scoreProspects(columns, landing, options);
  }
}
