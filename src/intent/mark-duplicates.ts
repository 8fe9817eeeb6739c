/**
 * Duplicate signal rows count once (DESIGN.md §3.2): feeds echo a search seconds later under a new
 * signal id, and a searcher re-running the same search minutes apart is one need, not two. A row is a
 * duplicate when an earlier KEPT row of the same company, searcher and lane (origin, destination
 * province, equipment) lies within `windowMinutes` before it. Comparing with kept rows (not any row)
 * stops a chain of rows one minute apart from collapsing an hour of distinct searches.
 *
 * Rows without a searcher match only rows without a searcher; rows with only an origin state match on
 * the state. O(n · k) where k is the number of kept rows of the company inside the window (small:
 * a burst of 60 searches in an hour keeps at most the distinct lanes among them).
 */
import type { SignalColumns } from './signal-columns.ts';

export const DEFAULT_DUPLICATE_WINDOW_MINUTES = 10;

/**
 * 1 marks a duplicate row, 0 a row that counts. Requires columns grouped by company in time order.
 * Marks the rows of companies [fromCompany, toCompany) (all by default): entry k is row
 * companyStart[fromCompany] + k, so scoring holds flags for the chunk of companies at hand only.
 */
export function markDuplicates(
  columns: SignalColumns,
  windowMinutes: number = DEFAULT_DUPLICATE_WINDOW_MINUTES,
  fromCompany = 0,
  toCompany: number = columns.companyStart.length - 1,
): Uint8Array {
  const { companyStart, searcher, observedAtMs, originPlace, originRegion, destRegion, equipment } = columns;
  const base = companyStart[fromCompany]!;
  const duplicate = new Uint8Array(companyStart[toCompany]! - base);
  const windowMs = windowMinutes * 60_000;
  // Kept rows of the current company still inside the window, oldest first (a sliding queue).
  let kept = new Int32Array(64);
  for (let c = fromCompany; c < toCompany; c++) {
    const from = companyStart[c]!;
    const to = companyStart[c + 1]!;
    let head = 0;
    let tail = 0;
    for (let i = from; i < to; i++) {
      const t = observedAtMs[i]!;
      while (head < tail && t - observedAtMs[kept[head]!]! > windowMs) head++;
      let isDuplicate = false;
      for (let k = head; k < tail; k++) {
        const j = kept[k]!;
        if (
          searcher[j] === searcher[i] &&
          equipment[j] === equipment[i] &&
          destRegion[j] === destRegion[i] &&
          originPlace[j] === originPlace[i] &&
          originRegion[j] === originRegion[i]
        ) {
          isDuplicate = true;
          break;
        }
      }
      if (isDuplicate) {
        duplicate[i - base] = 1;
        continue;
      }
      if (tail === kept.length) {
        // Compact before growing: the live part is [head, tail).
        if (head > 0) {
          kept.copyWithin(0, head, tail);
          tail -= head;
          head = 0;
        } else {
          const bigger = new Int32Array(kept.length * 2);
          bigger.set(kept);
          kept = bigger;
        }
      }
      kept[tail++] = i;
    }
  }
  return duplicate;
}
