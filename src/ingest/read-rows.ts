/**
 * The ingest entry point: streams a user file (handed in as chunks, so this core does no I/O) into
 * SourceRows for the row parsers. See read-csv-rows.ts and read-ndjson-rows.ts for each format's
 * rules, and SourceRow for what is fatal.
 */
import { NorthboundError } from '../domain/errors.ts';
import { readCsvRows } from './read-csv-rows.ts';
import { readNdjsonRows } from './read-ndjson-rows.ts';
import type { ReadRowsOptions, SourceFormat, SourceRow } from './source-row.ts';

export type { ReadRowsOptions, SourceFormat, SourceRow } from './source-row.ts';

export function readRows(
  chunks: AsyncIterable<Uint8Array | string>,
  options: ReadRowsOptions,
): AsyncGenerator<SourceRow> {
  return options.format === 'csv' ? readCsvRows(chunks, options) : readNdjsonRows(chunks, options);
}

/**
 * The format a file is read as, from its extension (case-insensitive): .csv, or .ndjson / .jsonl.
 * No sniffing: a file named .txt is refused up front instead of misread halfway through.
 */
export function formatFromFileName(name: string): SourceFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  throw new NorthboundError(
    'invalid_input',
    `Cannot import ${name}: the file name must end in .csv, .ndjson or .jsonl to say its format`,
    { fileName: name, expected: ['.csv', '.ndjson', '.jsonl'] },
  );
}
