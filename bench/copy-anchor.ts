/**
 * Anchor D: the database's own bulk load of the same CSV file, with nothing of ours in between — one
 * COPY … WITH (FORMAT csv, HEADER true) into a fresh plain table whose columns are all text (so the
 * engine parses CSV and writes tuples, but converts, validates and merges nothing). Timed from the
 * start of the file read to the end of the COPY; creating the database and the table is not timed.
 *
 * PGlite: a fresh instance (in memory, or in an empty data directory), fed the file as a Blob
 * ('/dev/blob'), as the store does.
 * PostgreSQL: a table in the given scratch schema, fed the file stream through pg-copy-streams.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyTarget =
  /** dataDir null: in memory. */
  | { readonly engine: 'pglite'; readonly dataDir: string | null }
  | { readonly engine: 'postgres'; readonly databaseUrl: string; readonly schema: string };

export interface CopyResult {
  readonly rows: number;
  readonly seconds: number;
}

async function headerColumns(path: string): Promise<string[]> {
  const stream = createReadStream(path, { encoding: 'utf8', end: 64 * 1024 });
  let head = '';
  for await (const chunk of stream) {
    head += chunk as string;
    if (head.includes('\n')) break;
  }
  stream.destroy();
  const line = head.split('\n')[0] ?? '';
  // The generated files' headers are plain identifiers (DESIGN.md §7); quote them anyway.
  return line.split(',').map((name) => `"${name.trim().replaceAll('"', '""')}"`);
}

const tableDdl = (table: string, columns: readonly string[]) =>
  `CREATE TABLE ${table} (${columns.map((c) => `${c} text`).join(', ')})`;

export async function copyAnchor(target: CopyTarget, path: string): Promise<CopyResult> {
  const columns = await headerColumns(path);
  if (target.engine === 'pglite') {
    const db = target.dataDir === null ? await PGlite.create() : await PGlite.create(target.dataDir);
    try {
      await db.exec(tableDdl('copy_anchor', columns));
      const started = performance.now();
      const blob = new Blob([await readFile(path)]);
      const result = await db.query(`COPY copy_anchor FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob,
      });
      return { rows: result.affectedRows ?? 0, seconds: (performance.now() - started) / 1000 };
    } finally {
      await db.close();
    }
  }

  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    const table = `${target.schema}.copy_anchor`;
    await client.query(tableDdl(table, columns));
    const started = performance.now();
    const copy = client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`));
    await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), copy as unknown as Writable);
    return { rows: Number(copy.rowCount ?? 0), seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
