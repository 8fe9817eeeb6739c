/**
 * The engines a CLI test runs `northbound` on: PGlite always; PostgreSQL in a throwaway schema when
 * DATABASE_URL is set (dropped by cleanup). The environment is the test's own minus DATABASE_URL and
 * NORTHBOUND_*, so a developer's settings never leak into a run.
 */
import { spawnSync } from 'node:child_process';
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

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `northbound ARGS --db DB` in a fresh node on the engine's environment, killed after timeoutMs. */
export const cliRunner =
  (engine: CliEngine, db: string, timeoutMs = 120_000) =>
  (...args: string[]): CliRun => {
    const result = spawnSync(process.execPath, [BIN, ...args, '--db', db], {
      env: engine.env,
      encoding: 'utf8',
      timeout: timeoutMs,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
