/**
 * A PostgreSQL server behind SqlDatabase, through a pg pool. COPY uses pg-copy-streams on the
 * session's client, so it joins the surrounding transaction. `schema` (tests) isolates a run in its
 * own schema via the connection's search_path.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { QueryResult, SqlDatabase, SqlSession } from './sql-database.ts';
import { copyStatement } from './copy-statement.ts';

type Queryable = pg.Pool | pg.PoolClient;

function sessionOver(target: Queryable, withClient: <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>) {
  const session: SqlSession = {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query(sql, params as unknown[]);
      return { rows: result.rows as Row[], affectedRows: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await target.query(sql);
    },
    copyCsv: (table, columns, csv) =>
      csv.length === 0
        ? Promise.resolve(0)
        : withClient(async (client) => {
            const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
            await pipeline(Readable.from([csv]), stream as unknown as Writable);
            return Number(stream.rowCount ?? 0);
          }),
    async *copyOut(query: string, format: 'text' | 'binary' = 'text'): AsyncIterable<Uint8Array> {
      const client = target instanceof pg.Pool ? await target.connect() : target;
      try {
        const stream = client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT ${format})`));
        for await (const chunk of stream as AsyncIterable<Uint8Array>) yield chunk;
      } finally {
        if (client !== target) (client as pg.PoolClient).release();
      }
    },
  };
  return session;
}

export const redactUrl = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

export async function openPostgresDatabase(
  url: string,
  options: { schema?: string | undefined } = {},
): Promise<SqlDatabase> {
  const schema = options.schema;
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // Fail fast with a clear error rather than on the first query.
  const probe = await pool.connect();
  try {
    if (schema !== undefined) await probe.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    probe.release();
  }
  const borrow = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  };
  return {
    ...sessionOver(pool, borrow),
    engine: 'postgres',
    location: redactUrl(url),
    transaction: (work) =>
      borrow(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await work(sessionOver(client, (fn) => fn(client)));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }),
    close: () => pool.end(),
  };
}
