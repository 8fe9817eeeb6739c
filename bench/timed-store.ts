/**
 * The real store, composed as openStore composes it (openDatabase → storeOn),
 * with clocks around its seams so an import's time can be split into phases without touching src/:
 *
 * - the SqlDatabase is wrapped: every COPY, every query (classified by its SQL text) and each
 *   transaction is timed;
 * - the Store is wrapped: the use case's `fill` callback (read + parse + stage) and each `stage` call
 *   (serialise records to CSV + COPY) are timed.
 *
 * The clocks run per batch and per statement, never per row, so they cost nothing measurable. SQL is
 * classified by how it starts; if src/db rewrites a statement it falls into "other SQL", not lost.
 */
import type { ImportRequest, Store } from '../src/app/ports.ts';
import { openDatabase, storeOn, type StoreLocation } from '../src/db/open-store.ts';
import type { SqlDatabase, SqlSession } from '../src/db/sql-database.ts';
import type { ImportKind } from '../src/ingest/import-kinds.ts';

/** Seconds per phase of one import; they add up to the import's wall time. */
export interface ImportPhases {
  /** Streaming the file, CSV parsing, row validation, place resolution (fill minus stage). */
  readonly readParse: number;
  /** Records → COPY CSV text (stage minus the COPY itself). */
  readonly serialize: number;
  /** COPY of each batch into the temporary staging table. */
  readonly stageCopy: number;
  /** The duplicate-id check over the staged rows (window query). */
  readonly conflicts: number;
  /** The idempotent merge: DISTINCT ON + INSERT … ON CONFLICT DO UPDATE … WHERE hash differs. */
  readonly merge: number;
  /** Signals only: the company upsert (GROUP BY company_id over the staged rows). */
  readonly companies: number;
  /** CREATE TEMP TABLE, the import_runs insert, anything unclassified. */
  readonly otherSql: number;
  /** BEGIN/COMMIT and the engine's transaction bookkeeping (transaction minus its work). */
  readonly commit: number;
  /** Outside the transaction: stat of the file, rejects file, report (total minus transaction). */
  readonly outside: number;
}

type Counter = 'copy' | 'conflicts' | 'merge' | 'companies' | 'otherSql' | 'fill' | 'stage' | 'tx' | 'work';

function classify(sql: string): Counter {
  const text = sql.trimStart();
  if (text.startsWith('SELECT id, first_row')) return 'conflicts';
  if (text.startsWith('WITH s AS')) return 'merge';
  if (text.startsWith('INSERT INTO companies')) return 'companies';
  return 'otherSql';
}

export interface TimedStore {
  readonly store: Store;
  /** Zeroes the clocks (call before the import to be measured). */
  reset(): void;
  /** The phases of everything since reset(), given the wall time the caller measured. */
  phases(totalSeconds: number): ImportPhases;
  close(): Promise<void>;
}

export async function openTimedStore(location: StoreLocation): Promise<TimedStore> {
  const ms: Record<Counter, number> = {
    copy: 0,
    conflicts: 0,
    merge: 0,
    companies: 0,
    otherSql: 0,
    fill: 0,
    stage: 0,
    tx: 0,
    work: 0,
  };
  const timed = async <T>(counter: Counter, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      ms[counter] += performance.now() - started;
    }
  };

  const timedSession = (session: SqlSession): SqlSession => ({
    query: <Row>(sql: string, params?: readonly unknown[]) =>
      timed(classify(sql), () => session.query<Row>(sql, params)),
    exec: (sql) => timed('otherSql', () => session.exec(sql)),
    copyCsv: (table, columns, csv) => timed('copy', () => session.copyCsv(table, columns, csv)),
    copyOut: (query, format) => session.copyOut(query, format),
  });

  const raw = await openDatabase(location);
  const db: SqlDatabase = {
    ...timedSession(raw),
    engine: raw.engine,
    location: raw.location,
    transaction: (work) =>
      timed('tx', () => raw.transaction((tx) => timed('work', () => work(timedSession(tx))))),
    close: () => raw.close(),
  };
  const inner = await storeOn(db);
  const store: Store = {
    ...inner,
    importRecords: <K extends ImportKind>(request: ImportRequest<K>) =>
      inner.importRecords<K>({
        ...request,
        fill: (session) =>
          timed('fill', () => request.fill({ stage: (rows) => timed('stage', () => session.stage(rows)) })),
      }),
  };

  const reset = () => {
    for (const key of Object.keys(ms) as Counter[]) ms[key] = 0;
  };
  return {
    store,
    reset,
    phases(totalSeconds) {
      const s = (value: number) => value / 1000;
      const phases: ImportPhases = {
        readParse: s(ms.fill - ms.stage),
        serialize: s(ms.stage - ms.copy),
        stageCopy: s(ms.copy),
        conflicts: s(ms.conflicts),
        merge: s(ms.merge),
        companies: s(ms.companies),
        otherSql: s(ms.otherSql),
        commit: s(ms.tx - ms.work),
        outside: totalSeconds - s(ms.tx),
      };
      reset();
      return phases;
    },
    close: () => store.close(),
  };
}
