/**
 * PGlite (WASM Postgres in-process) behind SqlDatabase. One connection: statements are serialised
 * by PGlite itself, and a transaction holds the connection until it ends. Bulk loads go through
 * COPY … FROM '/dev/blob', which PGlite feeds from an in-memory Blob.
 */
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { QueryResult, SqlDatabase, SqlSession } from './sql-database.ts';
import { copyStatement } from './copy-statement.ts';

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function sessionOver(target: PgliteLike): SqlSession {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
    async copyCsv(table: string, columns: readonly string[], csv: string): Promise<number> {
      if (csv.length === 0) return 0;
      const result = await target.query(copyStatement(table, columns, "'/dev/blob'"), [], {
        blob: new Blob([csv]),
      });
      return result.affectedRows ?? 0;
    },
    async *copyOut(query: string, format: 'text' | 'binary' = 'text'): AsyncIterable<Uint8Array> {
      // PGlite writes COPY … TO '/dev/blob' into one Blob; callers keep each query's result small.
      const result = await target.query(`COPY (${query}) TO '/dev/blob' WITH (FORMAT ${format})`);
      if (result.blob !== undefined) yield new Uint8Array(await result.blob.arrayBuffer());
    },
  };
}

/** Opens (creating if needed) a PGlite data directory; `null` gives an in-memory database. */
export async function openPgliteDatabase(dataDir: string | null): Promise<SqlDatabase> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const db = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir);
  const session = sessionOver(db);
  return {
    ...session,
    engine: 'pglite',
    location: dataDir ?? 'memory://',
    transaction: <T>(work: (s: SqlSession) => Promise<T>) => db.transaction((tx) => work(sessionOver(tx))),
    close: () => db.close(),
  };
}
