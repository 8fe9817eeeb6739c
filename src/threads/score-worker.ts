/**
 * The scoring worker (ScoringThreads' second thread): for each job, prices its half of the places
 * into the shared prices, waits for the main thread's half, then scores chunks of companies into the
 * shared score columns until none is left. It reports failure through the job's signal, never by hanging.
 */
import { parentPort } from 'node:worker_threads';
import { scoreCompanies } from '../intent/score-companies.ts';
import { priceOrigins } from '../zones/price-origins.ts';
import {
  MAIN_FAILED,
  MAIN_PRICED,
  WORKER_DONE,
  WORKER_FAILED,
  WORKER_PRICED,
  asSignalColumns,
  claimChunks,
  raiseSignal,
  waitForSignal,
  type ScoringJob,
} from './scoring-job.ts';

/** How long the worker waits for the main thread's prices before giving the job up. */
const MAIN_TIMEOUT_MS = 120_000;

function run(job: ScoringJob): void {
  const { signal, landing, options, prices, out } = job;
  const columns = asSignalColumns(job.columns);
  try {
    priceOrigins(columns.placeLat, columns.placeLon, landing, job.places[0], job.places[1], prices);
    raiseSignal(signal, WORKER_PRICED);
    if (!waitForSignal(signal, MAIN_PRICED, MAIN_TIMEOUT_MS) || Atomics.load(signal, MAIN_FAILED) === 1) {
      raiseSignal(signal, WORKER_DONE);
      return;
    }
    scoreCompanies({ columns, options, prices, out }, claimChunks(signal, job.chunks));
    raiseSignal(signal, WORKER_DONE);
  } catch (error) {
    raiseSignal(signal, WORKER_FAILED, WORKER_PRICED, WORKER_DONE);
    parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  }
}

parentPort!.on('message', (job: ScoringJob) => run(job));
parentPort!.postMessage({ ready: true });
