/**
 * The companies cut into chunks of about equal cost, for two scoring threads to claim one at a time:
 * whichever thread is held up (a garbage collection, the other process on its core) simply claims
 * fewer. A company costs its rows plus a fixed share for its own work (modal origin, momentum, 27
 * columns written) — about two rows' worth, measured on the large world, where a third of the
 * companies have a single search.
 */
const COMPANY_COST_IN_ROWS = 2;

/** Chunk k holds companies [bounds[k], bounds[k + 1]), cut nearest k/chunks of the cost; no chunk is empty. */
export function chunkCompanies(companyStart: Int32Array, chunks: number): Int32Array {
  const companies = companyStart.length - 1;
  const costAt = (c: number) => companyStart[c]! + COMPANY_COST_IN_ROWS * c;
  const total = costAt(companies);
  const bounds = [0];
  let c = 0;
  for (let k = 1; k < chunks; k++) {
    const target = (total * k) / chunks;
    while (c < companies && costAt(c) < target) c++;
    // c is the first company whose prefix reaches the target; the one before may be nearer it.
    const last = bounds[bounds.length - 1]!;
    const bound = c - 1 > last && target - costAt(c - 1) <= costAt(c) - target ? c - 1 : c;
    if (bound > last) bounds.push(bound);
  }
  if (companies > bounds[bounds.length - 1]!) bounds.push(companies);
  return Int32Array.from(bounds);
}
