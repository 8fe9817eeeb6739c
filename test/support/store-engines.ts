/**
 * The engines every store test runs on: PGlite always; PostgreSQL when DATABASE_URL is set.
 * In CI (CI=true) the PostgreSQL run is mandatory: a missing or unreachable server fails the suite
 * instead of silently testing one engine.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../../src/app/ports.ts';
import { openStore } from '../../src/db/open-store.ts';

export interface Engine {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

const databaseUrl = process.env['DATABASE_URL'];
const inCi = process.env['CI'] === 'true';

if (inCi && !databaseUrl) {
  throw new Error('CI=true but DATABASE_URL is not set: the PostgreSQL store run is mandatory in CI');
}

const pglite: Engine = {
  name: 'pglite',
  async open() {
    const store = await openStore({ dataDir: null });
    return { store, dispose: () => store.close() };
  },
};

const postgres = (url: string): Engine => ({
  name: 'postgres',
  async open() {
    // Each suite gets its own schema, dropped afterwards, so runs never see each other's rows.
    const schema = `nb_test_${randomBytes(6).toString('hex')}`;
    const store = await openStore({ databaseUrl: url, dataDir: null, schema });
    return {
      store,
      async dispose() {
        await store.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  },
});

export const ENGINES: readonly Engine[] = databaseUrl ? [pglite, postgres(databaseUrl)] : [pglite];
