/**
 * Use case: import one user file (DESIGN.md §7) into the store.
 *
 * Streams the file through the ingest parsers, stages valid rows in batches (COPY), and lets the
 * store merge them by source id in one transaction. Atomic by default: one bad row and nothing from
 * the file is stored — validation still runs to the end so the user sees every problem at once.
 * With skipInvalid the good rows are stored and the rejects are written beside the input as
 * `<name>.rejects.csv` (written in both modes whenever there are rejects, so a planner can fix them).
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { TenantId } from '../domain/ids.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { ImportKind } from '../ingest/import-kinds.ts';
import { formatFromFileName, readRows } from '../ingest/read-rows.ts';
import type { RowError } from '../ingest/row-error.ts';
import { rejectsHeader, rejectsLine } from '../ingest/rejects-csv.ts';
import { ROW_PARSERS } from '../ingest/row-parsers.ts';
import type { FileAccess, ImportedRecords, Progress, StagedRow, Store, TextSink } from './ports.ts';

export interface ImportFileInput {
  readonly tenantId: TenantId;
  readonly kind: ImportKind;
  readonly path: string;
  readonly skipInvalid: boolean;
  readonly allowExtra: boolean;
  readonly batchRows: number;
}

export interface ImportFileDeps {
  readonly store: Store;
  readonly files: FileAccess;
  readonly gazetteer: Gazetteer;
  readonly now: () => Date;
  readonly progress: Progress;
}

export interface ImportReport {
  readonly kind: ImportKind;
  readonly file: string;
  readonly committed: boolean;
  /** The file as a whole was refused (its header), before any row was read. */
  readonly fileRefused: boolean;
  readonly rowsRead: number;
  readonly rowsNew: number;
  readonly rowsUpdated: number;
  readonly rowsUnchanged: number;
  readonly rowsRejected: number;
  /** The first errors (all of them are in the rejects file). */
  readonly errors: readonly RowError[];
  readonly rejectsFile: string | null;
  readonly seconds: number;
}

const ERRORS_KEPT = 20;

export const rejectsPathFor = (path: string): string =>
  join(dirname(path), `${basename(path, extname(path))}.rejects.csv`);

export async function importFile(deps: ImportFileDeps, input: ImportFileInput): Promise<ImportReport> {
  const { store, files, gazetteer, progress } = deps;
  const file = basename(input.path);
  const format = formatFromFileName(file);
  const startedAt = deps.now();
  const totalBytes = await files.size(input.path);
  const parse = ROW_PARSERS[input.kind];

  const errors: RowError[] = [];
  /** Set by a fatal (header) problem: the file as a whole is refused, whatever --skip-invalid says. */
  let fileRefused = false;
  const rejectsPath = rejectsPathFor(input.path);
  let rejects: TextSink | null = null;
  let header: readonly string[] = [];
  const reject = async (rowErrors: readonly RowError[], fields: Readonly<Record<string, string>>) => {
    for (const e of rowErrors) if (errors.length < ERRORS_KEPT) errors.push(e);
    if (rejects === null) {
      rejects = await files.writeText(rejectsPath);
      await rejects.write(rejectsHeader(header));
    }
    await rejects.write(rejectsLine(rowErrors, fields, header));
  };

  async function* countingChunks(): AsyncIterable<Uint8Array> {
    let bytes = 0;
    progress.start(`${input.kind} ${file}`, totalBytes);
    for await (const chunk of files.read(input.path)) {
      bytes += chunk.byteLength;
      progress.update(bytes);
      yield chunk;
    }
  }

  try {
    const result = await store.importRecords({
      tenantId: input.tenantId,
      kind: input.kind,
      fileName: file,
      startedAt,
      now: deps.now,
      conflictPolicy: input.skipInvalid ? 'keep-first' : 'reject',
      fill: async (session) => {
        let rowsRead = 0;
        let rowsRejected = 0;
        let batch: StagedRow<ImportedRecords[typeof input.kind]>[] = [];
        const rows = readRows(countingChunks(), {
          fileName: file,
          format,
          kind: input.kind,
          allowExtra: input.allowExtra,
          onHeader: (columns) => {
            header = columns;
          },
        });
        for await (const source of rows) {
          // A fatal row (bad header) refuses the whole file, even with --skip-invalid.
          if (source.fatal) fileRefused = true;
          else rowsRead += 1;
          const parsed = source.error
            ? { ok: false as const, errors: [source.error] }
            : parse(source.fields, { file, row: source.row, gazetteer });
          if (!parsed.ok) {
            if (!source.fatal) rowsRejected += 1;
            await reject(parsed.errors, source.fields);
            continue;
          }
          // Once an atomic import has a reject, nothing will be stored: keep validating, stop staging.
          if (rowsRejected > 0 && !input.skipInvalid) continue;
          batch.push({ row: source.row, record: parsed.record });
          if (batch.length >= input.batchRows) {
            await session.stage(batch);
            batch = [];
          }
        }
        if (batch.length > 0 && (rowsRejected === 0 || input.skipInvalid)) await session.stage(batch);
        return { rowsRead, rowsRejected, commit: !fileRefused && (rowsRejected === 0 || input.skipInvalid) };
      },
    });

    const conflictErrors = result.conflicts.map((c): RowError => ({
      file,
      row: c.row,
      field: 'id',
      value: c.id,
      expected: `a unique id (row ${c.firstRow} has the same id with different values)`,
      message: `Cannot import ${file} row ${c.row}: id "${c.id}" already appears at row ${c.firstRow} with different values`,
    }));
    for (const e of conflictErrors) await reject([e], {});
    return {
      kind: input.kind,
      file,
      committed: result.committed,
      fileRefused,
      rowsRead: result.rowsRead,
      rowsNew: result.rowsNew,
      rowsUpdated: result.rowsUpdated,
      rowsUnchanged: result.rowsUnchanged,
      rowsRejected: result.rowsRejected,
      errors,
      rejectsFile: rejects === null ? null : rejectsPath,
      seconds: (deps.now().getTime() - startedAt.getTime()) / 1000,
    };
  } catch (error) {
    if (error instanceof NorthboundError) throw error;
    throw new NorthboundError(
      'internal',
      `Cannot import ${file}: ${(error as Error).message}`,
      {},
      { cause: error },
    );
  } finally {
    progress.stop();
    if (rejects !== null) await (rejects as TextSink).close();
  }
}
