/**
 * One line of the bench's results: a stage run over one file on one engine, its median time, and
 * its time relative to the anchor it is read against (the ratio is the headline, not the seconds:
 * seconds move with the machine, ratios to an anchor measured in the same run mostly do not).
 */
import type { ImportPhases } from './timed-store.ts';

export type StageId = 'A' | 'B' | 'C' | 'D' | 'E' | 'E2';
/** pglite-mem: PGlite in memory (what tests use); pglite-disk: in a data directory (the CLI default). */
export type Engine = 'node' | 'pglite-mem' | 'pglite-disk' | 'postgres';

export interface Measurement {
  readonly file: string;
  readonly engine: Engine;
  readonly stage: StageId;
  readonly label: string;
  readonly rows: number;
  readonly bytes: number;
  /** Median of `runs`. */
  readonly seconds: number;
  readonly runs: readonly number[];
  readonly rowsPerSecond: number;
  /** Megabytes (10^6 bytes) of the input file per second. */
  readonly mbPerSecond: number;
  /** The stage this one is read against (same file, same engine), or null for an anchor. */
  readonly anchor: StageId | null;
  /** seconds ÷ the anchor's seconds: 1.0 = as fast as the anchor, 3.0 = a third of its throughput. */
  readonly ratio: number | null;
  /** Import stages only: the import's own counts and where its time went. */
  readonly import?: {
    readonly rowsNew: number;
    readonly rowsUpdated: number;
    readonly rowsUnchanged: number;
    readonly rowsRejected: number;
    readonly phases: ImportPhases;
  };
}

export type MeasurementInput = Omit<Measurement, 'seconds' | 'rowsPerSecond' | 'mbPerSecond' | 'ratio'>;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Completes a measurement: median, rates, and the ratio to its anchor among `earlier`. */
export function measurement(input: MeasurementInput, earlier: readonly Measurement[]): Measurement {
  const seconds = median(input.runs);
  const anchor =
    input.anchor === null
      ? undefined
      : earlier.find((m) => m.file === input.file && m.engine === input.engine && m.stage === input.anchor);
  return {
    ...input,
    seconds,
    rowsPerSecond: input.rows / seconds,
    mbPerSecond: input.bytes / 1e6 / seconds,
    ratio: anchor === undefined ? null : seconds / anchor.seconds,
  };
}
