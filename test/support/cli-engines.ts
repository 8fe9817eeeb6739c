/**
 * The engines a CLI test runs `northbound` on: PGlite always; PostgreSQL in a throwaway schema when
 * DATABASE_URL is set (dropped by cleanup). The environment is the test's own minus DATABASE_URL and
 * NORTHBOUND_*, so a developer's settings never leak into a run.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'northbound.js');

export interface CliEngine {
  readonly name: string;
  readonly env: Record<string, string>;
  cleanup(): Promise<void>;
}

export function cliEngines(schemaPrefix: string): CliEngine[] {
  const databaseUrl = process.env['DATABASE_URL'];
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] =>
        e[1] !== undefined && e[0] !== 'DATABASE_URL' && !e[0].startsWith('NORTHBOUND_'),
    ),
  );
  const list: CliEngine[] = [{ name: 'pglite', env: base, cleanup: async () => {} }];
  if (databaseUrl) {
    const schema = `${schemaPrefix}_${randomBytes(5).toString('hex')}`;
    list.push({
      name: 'postgres',
      env: { ...base, DATABASE_URL: databaseUrl, NORTHBOUND_PG_SCHEMA: schema },
      async cleanup() {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    });
  }
  return list;
}
