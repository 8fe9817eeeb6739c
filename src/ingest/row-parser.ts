/**
 * The shape every per-kind row parser shares: strings in (one row's fields, as read from CSV or
 * NDJSON), a domain record or every reason the row was refused out. Parsers are pure; the gazetteer
 * is the only collaborator and is passed in.
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { RowError } from './row-error.ts';

export interface RowContext {
  /** The file name as the user gave it, for messages (`signals.csv`). */
  readonly file: string;
  /** The row number as readRows reports it (see RowError for the numbering). */
  readonly row: number;
  readonly gazetteer: Gazetteer;
}

export type RowParseResult<T> =
  { readonly ok: true; readonly record: T } | { readonly ok: false; readonly errors: RowError[] };

export type RowParser<T> = (fields: Readonly<Record<string, string>>, ctx: RowContext) => RowParseResult<T>;
