/**
 * The in-process stages over one CSV file, each returning the data rows it got through:
 *
 * - A (anchor): csv-parse alone, `columns: true`, over a file stream — what any Node CSV import pays;
 * - B: the product's reader, readRows (csv-parse without per-record info, row numbering, header
 *   check, column-count check, fields by name);
 * - C: readRows + the kind's row parser (ROW_PARSERS) with the real gazetteer: validation,
 *   timestamps, ids, place resolution — everything the import does before it touches the database.
 *
 * All three read with 1 MiB chunks, as nodeFiles does for the import, so they differ only in parsing.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import type { Gazetteer } from '../src/domain/gazetteer.ts';
import { nodeFiles } from '../src/files/node-files.ts';
import type { ImportKind } from '../src/ingest/import-kinds.ts';
import { readRows } from '../src/ingest/read-rows.ts';
import { ROW_PARSERS } from '../src/ingest/row-parsers.ts';

const CHUNK_BYTES = 1 << 20;

export interface ParseStageInput {
  readonly path: string;
  readonly kind: ImportKind;
  readonly gazetteer: Gazetteer;
}

/** Rows read; throws when a stage rejects a row of the generated file (it must be all valid). */
export type ParseStage = (input: ParseStageInput) => Promise<number>;

const csvParseAlone: ParseStage = async ({ path }) => {
  const parser = parse({ columns: true });
  pipeline(createReadStream(path, { highWaterMark: CHUNK_BYTES }), parser, () => undefined);
  let rows = 0;
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    if (record !== null) rows += 1;
  }
  return rows;
};

const sourceRows = ({ path, kind }: ParseStageInput) =>
  readRows(nodeFiles.read(path), { fileName: basename(path), format: 'csv', kind, allowExtra: false });

const readRowsAlone: ParseStage = async (input) => {
  let rows = 0;
  for await (const source of sourceRows(input)) {
    if (source.error !== undefined) throw new Error(source.error.message);
    rows += 1;
  }
  return rows;
};

const readAndParseRows: ParseStage = async (input) => {
  const parseRow = ROW_PARSERS[input.kind];
  const file = basename(input.path);
  let rows = 0;
  for await (const source of sourceRows(input)) {
    if (source.error !== undefined) throw new Error(source.error.message);
    const parsed = parseRow(source.fields, { file, row: source.row, gazetteer: input.gazetteer });
    if (!parsed.ok) throw new Error(parsed.errors[0]?.message ?? `row ${source.row} was rejected`);
    rows += 1;
  }
  return rows;
};

export const PARSE_STAGES = {
  A: { label: 'csv-parse alone (anchor)', run: csvParseAlone },
  B: { label: 'readRows', run: readRowsAlone },
  C: { label: 'readRows + parse row', run: readAndParseRows },
} as const satisfies Record<string, { readonly label: string; readonly run: ParseStage }>;
