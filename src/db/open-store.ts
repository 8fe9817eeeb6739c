/**
 * Opens the configured store: PostgreSQL when a database URL is configured, else PGlite in a data
 * directory. Migrates on open, so `init` and every other command see the current schema.
 */
import type { Store } from '../app/ports.ts';
import { NorthboundError } from '../domain/errors.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase, redactUrl } from './postgres-database.ts';
import type { SqlDatabase } from './sql-database.ts';
import { createSqlStore } from './sql-store.ts';

export interface StoreLocation {
  /** PostgreSQL connection URL; wins over dataDir when set. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory; null = in memory (tests). */
  readonly dataDir: string | null;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  readonly schema?: string | undefined;
}

export async function openDatabase(location: StoreLocation): Promise<SqlDatabase> {
  if (location.databaseUrl) {
    try {
      return await openPostgresDatabase(location.databaseUrl, { schema: location.schema });
    } catch (error) {
      throw new NorthboundError(
        'store_unavailable',
        `Cannot connect to PostgreSQL at ${redactUrl(location.databaseUrl)}: ${(error as Error).message}`,
        {},
        { cause: error },
      );
    }
  }
  try {
    return await openPgliteDatabase(location.dataDir);
  } catch (error) {
    throw new NorthboundError(
      'store_unavailable',
      `Cannot open the embedded database in ${location.dataDir ?? 'memory'}: ${(error as Error).message}`,
      {},
      { cause: error },
    );
  }
}

/** The store over an open database, migrated first; the database is closed if migrating fails. */
export async function storeOn(db: SqlDatabase): Promise<Store> {
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createSqlStore(db);
}

export async function openStore(location: StoreLocation): Promise<Store> {
  return storeOn(await openDatabase(location));
}
