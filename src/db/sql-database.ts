/**
 * The thin SQL surface the store needs from a Postgres engine: parameterised queries, COPY of CSV
 * text into a table, and transactions. Two implementations: PGlite (embedded, default) and a
 * pg pool (PostgreSQL server). Everything above this file is engine-agnostic.
 */
export interface QueryResult<Row> {
  readonly rows: Row[];
  readonly affectedRows: number;
}

export interface SqlSession {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Runs one or more statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /** COPY `csv` (RFC 4180, no header) into `table (columns)`; returns the rows copied. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<number>;
  /**
   * `COPY (query) TO STDOUT` in PostgreSQL's text format (tab-separated, \N for null, backslash
   * escapes), as byte chunks — or in its binary format when `format` is 'binary'. COPY takes no bind
   * parameters: inline values with sqlLiteral().
   */
  copyOut(query: string, format?: 'text' | 'binary'): AsyncIterable<Uint8Array>;
}

export interface SqlDatabase extends SqlSession {
  readonly engine: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory or a redacted connection URL. */
  readonly location: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
