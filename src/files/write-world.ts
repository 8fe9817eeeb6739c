/**
 * Writes a generated world as the files users import (DESIGN.md §7): fleet.csv, deliveries.csv,
 * signals.csv, loads.csv, reps.csv, plus truth.ndjson (the latent truth, for evaluation) and
 * manifest.json (seed, size, asOf, row counts, generator version).
 *
 * CSVs have a header row with the exact §7 column names, UTF-8, `\n` line ends like the files in data/,
 * and RFC 4180 quoting: a field is quoted only when it holds a comma, a quote or a line break, with
 * quotes doubled. Rows are pulled from the world's lazy streams and written in ~256 KB chunks,
 * waiting for 'drain' whenever the file stream's buffer is full, so the large world's 10M signal rows
 * never sit in memory. manifest.json is written last (and any old one removed first): its presence
 * means the set is complete.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { NorthboundError } from '../domain/errors.ts';
import { csvRecord } from '../ingest/csv-field.ts';
import type { DemoWorld, WorldParameters } from '../sim/generate-world.ts';
import { WORLD_TABLES, type WorldTableKind } from '../sim/world-rows.ts';

export type WorldFileKind = WorldTableKind | 'truth';

export interface WriteWorldOptions {
  /** Called every `progressEvery` rows of a file and once when the file is complete. */
  readonly onProgress?: (kind: WorldFileKind, rowsWritten: number) => void;
  readonly progressEvery?: number;
}

export interface WrittenFile {
  readonly kind: WorldFileKind;
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
}

export interface WorldManifest {
  readonly generator: 'northbound-sim';
  readonly generatorVersion: string;
  readonly seed: number;
  readonly size: string;
  readonly asOf: string;
  readonly rowCounts: Readonly<Record<WorldFileKind, number>>;
  readonly files: readonly WrittenFile[];
  readonly parameters: WorldParameters;
}

export interface WriteWorldResult {
  readonly dir: string;
  readonly files: readonly WrittenFile[];
  readonly manifest: WorldManifest;
}

const CHUNK_CHARS = 256 * 1024;
const DEFAULT_PROGRESS_EVERY = 10_000;
export const TRUTH_FILE = 'truth.ndjson';
export const MANIFEST_FILE = 'manifest.json';

/** Streams lines into a file, respecting backpressure; counts the lines after the header lines. */
async function writeLines(
  path: string,
  lines: Iterable<string>,
  headerLines: number,
  onRow: (rows: number) => void,
): Promise<{ rows: number; bytes: number }> {
  let stream: WriteStream;
  try {
    stream = createWriteStream(path, { encoding: 'utf8' });
    await once(stream, 'open');
  } catch (error) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot write ${path}: ${(error as Error).message}`,
      { path },
      { cause: error },
    );
  }
  let chunk = '';
  let rows = 0;
  let bytes = 0;
  const flush = async (): Promise<void> => {
    bytes += Buffer.byteLength(chunk);
    const ok = stream.write(chunk);
    chunk = '';
    if (!ok) await once(stream, 'drain');
  };
  try {
    let skip = headerLines;
    for (const line of lines) {
      chunk += line;
      if (skip > 0) skip -= 1;
      else {
        rows += 1;
        onRow(rows);
      }
      if (chunk.length >= CHUNK_CHARS) await flush();
    }
    if (chunk.length > 0) await flush();
    stream.end();
    await once(stream, 'finish');
  } catch (error) {
    stream.destroy();
    throw new NorthboundError(
      'internal',
      `Cannot write ${path} after ${rows} rows: ${(error as Error).message}`,
      { path, rows },
      { cause: error },
    );
  }
  return { rows, bytes };
}

function* csvLines<C extends string>(
  columns: readonly C[],
  rows: Iterable<Record<C, string>>,
): Generator<string> {
  yield csvRecord(columns);
  const values: string[] = new Array<string>(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i += 1) values[i] = row[columns[i] as C];
    yield csvRecord(values);
  }
}

function* ndjsonLines(records: Iterable<unknown>): Generator<string> {
  for (const record of records) yield `${JSON.stringify(record)}\n`;
}

export async function writeWorld(
  world: DemoWorld,
  outDir: string,
  options: WriteWorldOptions = {},
): Promise<WriteWorldResult> {
  const every = Math.max(1, options.progressEvery ?? DEFAULT_PROGRESS_EVERY);
  const report = options.onProgress;
  await mkdir(outDir, { recursive: true });
  await rm(join(outDir, MANIFEST_FILE), { force: true });

  const files: WrittenFile[] = [];
  const write = async (
    kind: WorldFileKind,
    file: string,
    lines: Iterable<string>,
    headerLines: number,
  ): Promise<void> => {
    const { rows, bytes } = await writeLines(join(outDir, file), lines, headerLines, (count) => {
      if (count % every === 0) report?.(kind, count);
    });
    if (rows % every !== 0 || rows === 0) report?.(kind, rows);
    files.push({ kind, file, rows, bytes });
  };

  for (const table of WORLD_TABLES) {
    const rows: Iterable<Record<string, string>> = world[table.kind]();
    await write(table.kind, table.file, csvLines<string>(table.columns, rows), 1);
  }
  await write('truth', TRUTH_FILE, ndjsonLines(world.truth()), 0);

  const { parameters } = world;
  const rowCounts = Object.fromEntries(files.map((f) => [f.kind, f.rows])) as Record<WorldFileKind, number>;
  const manifest: WorldManifest = {
    generator: 'northbound-sim',
    generatorVersion: parameters.generatorVersion,
    seed: parameters.seed,
    size: parameters.size,
    asOf: parameters.asOf,
    rowCounts,
    files,
    parameters,
  };
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return { dir: outDir, files, manifest };
}
