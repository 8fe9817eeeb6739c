/**
 * Applies the numbered plain-SQL migrations in migrations/ (0001_name.sql …) in order, each in its
 * own transaction, recording name and checksum. An applied migration whose file has since changed
 * is refused: schema history is append-only. An advisory lock keeps two processes from migrating
 * the same PostgreSQL database at once.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NorthboundError } from '../domain/errors.ts';
import type { SqlDatabase } from './sql-database.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');
const MIGRATION_LOCK = 7_463_021;

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) {
        throw new NorthboundError(
          'config_invalid',
          `Cannot read migration ${file}: expected a name like 0002_add_tasks.sql`,
          { file },
        );
      }
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(match[1]),
        name: match[2] ?? file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** Brings the database up to the newest migration; returns the versions it applied. */
export async function migrate(db: SqlDatabase, dir: string = MIGRATIONS_DIR): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of readMigrations(dir)) {
    const done = await db.transaction(async (tx) => {
      if (db.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [migration.version],
      );
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new NorthboundError(
            'config_invalid',
            `Migration ${migration.version} (${migration.name}) was changed after it was applied to ${db.location}; ` +
              'add a new migration instead of editing an applied one',
            { version: migration.version },
          );
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
