/**
 * Kysely as a typed query *builder* only: queries are compiled here and run through SqlSession,
 * so one code path serves PGlite and pg, inside or outside a transaction, next to COPY.
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
} from 'kysely';
import type { Database } from './schema.ts';
import type { SqlSession } from './sql-database.ts';

export const qb = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Compiles a Kysely query and runs it on `session`, typed by the query's output. */
export async function run<O>(session: SqlSession, query: Compilable<O>): Promise<O[]> {
  const compiled = query.compile();
  const { rows } = await session.query<O>(compiled.sql, compiled.parameters);
  return rows;
}
