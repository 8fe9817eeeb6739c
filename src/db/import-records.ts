/**
 * One import, in one transaction: stage every valid row into a temporary table with COPY, check the
 * staged rows for conflicting duplicate ids, merge into the target table by source id, and record
 * the run. Anything short of a clean, committed merge rolls back, so a rejected file stores nothing.
 *
 * Idempotency: the merge hashes each row's stored content (md5 of the row's text form). A new id is
 * inserted; a known id with a different hash is updated; a known id with the same hash is left alone
 * and counted as unchanged. Verbatim repeats of an id inside one file collapse to one row; repeats
 * with different content are conflicts (policy decides: fail, or keep the first and report).
 */
import type { DuplicateConflict, ImportRequest, ImportResult } from '../app/ports.ts';
import type { ImportKind } from '../ingest/import-kinds.ts';
import { csvLine } from './copy-csv.ts';
import { RECORD_TABLES, storedColumns, type RecordTable } from './record-tables.ts';
import type { SqlDatabase, SqlSession } from './sql-database.ts';

class RollBack extends Error {
  constructor(readonly result: ImportResult) {
    super('import rolled back');
  }
}

const hashOf = (columns: readonly string[], alias: string): string =>
  `md5(ROW(${columns.map((c) => `${alias}.${c}`).join(', ')})::text)`;

async function findConflicts(
  tx: SqlSession,
  stage: string,
  def: RecordTable<ImportKind>,
): Promise<DuplicateConflict[]> {
  // Only ids staged more than once can conflict: hash just those (hashing every row cost ~1 s on 200k).
  const id = def.idColumn;
  const { rows } = await tx.query<{ id: string; first_row: number; row_no: number }>(
    `SELECT id, first_row, row_no FROM (
       SELECT id, row_no, h, first_value(row_no) OVER w AS first_row, first_value(h) OVER w AS first_h
       FROM (
         SELECT s.${id} AS id, s.row_no, ${hashOf(storedColumns(def), 's')} AS h
         FROM ${stage} s
         WHERE s.${id} IN (SELECT ${id} FROM ${stage} GROUP BY ${id} HAVING count(*) > 1)
       ) repeated
       WINDOW w AS (PARTITION BY id ORDER BY row_no)
     ) x WHERE h <> first_h ORDER BY row_no`,
  );
  return rows.map((r) => ({ id: r.id, firstRow: Number(r.first_row), row: Number(r.row_no) }));
}

async function mergeStage(tx: SqlSession, stage: string, def: RecordTable<ImportKind>, tenantId: string) {
  const stored = storedColumns(def);
  const updates = [...stored.filter((c) => c !== def.idColumn), 'source_hash']
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  const { rows } = await tx.query<{ rows_new: number; rows_updated: number; rows_distinct: number }>(
    // Unchanged rows are filtered out before the upsert, so a re-import writes (and locks) nothing;
    // the ON CONFLICT … WHERE stays as the guard against a concurrent writer.
    `WITH s AS (
       SELECT DISTINCT ON (${def.idColumn}) *, ${hashOf(stored, 'st')} AS h
       FROM ${stage} st ORDER BY ${def.idColumn}, row_no
     ), changed AS (
       SELECT s.* FROM s
       LEFT JOIN ${def.table} t ON t.tenant_id = $1 AND t.${def.idColumn} = s.${def.idColumn}
       WHERE t.source_hash IS DISTINCT FROM s.h
     ), up AS (
       INSERT INTO ${def.table} AS t (tenant_id, ${stored.join(', ')}, source_hash)
       SELECT $1, ${stored.map((c) => `c.${c}`).join(', ')}, c.h FROM changed c
       ON CONFLICT (tenant_id, ${def.idColumn}) DO UPDATE SET ${updates}, imported_at = now()
         WHERE t.source_hash IS DISTINCT FROM EXCLUDED.source_hash
       RETURNING (xmax = 0) AS inserted
     )
     SELECT (SELECT count(*) FROM up WHERE inserted)::int AS rows_new,
            (SELECT count(*) FROM up WHERE NOT inserted)::int AS rows_updated,
            (SELECT count(*) FROM s)::int AS rows_distinct`,
    [tenantId],
  );
  const counts = rows[0] ?? { rows_new: 0, rows_updated: 0, rows_distinct: 0 };
  return {
    rowsNew: counts.rows_new,
    rowsUpdated: counts.rows_updated,
    rowsUnchanged: counts.rows_distinct - counts.rows_new - counts.rows_updated,
  };
}

/** Companies are learnt from signal rows: newest non-empty facts win, first/last seen widen. */
async function upsertCompanies(tx: SqlSession, stage: string, tenantId: string): Promise<void> {
  const latest = (column: string) =>
    `(array_agg(${column} ORDER BY observed_at DESC) FILTER (WHERE ${column} IS NOT NULL))[1]`;
  await tx.query(
    `INSERT INTO companies (tenant_id, company_id, name, domain, industry, employees, first_seen_at, last_seen_at)
     SELECT $1, company_id, ${latest('company_name')}, ${latest('company_domain')}, ${latest('industry')},
            ${latest('company_employees')}, min(observed_at), max(observed_at)
     FROM ${stage} GROUP BY company_id
     ON CONFLICT (tenant_id, company_id) DO UPDATE SET
       name = COALESCE(EXCLUDED.name, companies.name),
       domain = COALESCE(EXCLUDED.domain, companies.domain),
       industry = COALESCE(EXCLUDED.industry, companies.industry),
       employees = COALESCE(EXCLUDED.employees, companies.employees),
       first_seen_at = LEAST(companies.first_seen_at, EXCLUDED.first_seen_at),
       last_seen_at = GREATEST(companies.last_seen_at, EXCLUDED.last_seen_at)`,
    [tenantId],
  );
}

/** Imports that change at least this many rows refresh the table's planner statistics. */
const ANALYZE_AFTER_ROWS = 10_000;

export async function importRecords<K extends ImportKind>(
  db: SqlDatabase,
  request: ImportRequest<K>,
): Promise<ImportResult> {
  const def = RECORD_TABLES[request.kind] as RecordTable<ImportKind>;
  const stage = `stage_${def.table}`;
  const columns = ['row_no', ...def.staged.map(([name]) => name)];
  try {
    const result = await db.transaction(async (tx) => {
      await tx.exec(
        `CREATE TEMP TABLE ${stage} (row_no integer NOT NULL, ${def.staged
          .map(([name, type]) => `${name} ${type}`)
          .join(', ')}) ON COMMIT DROP`,
      );
      const fill = await request.fill({
        stage: async (rows) => {
          let csv = '';
          for (const { row, record } of rows) csv += csvLine([row, ...def.toRow(record as never)]);
          await tx.copyCsv(stage, columns, csv);
        },
      });
      const conflicts = await findConflicts(tx, stage, def);
      // A conflicting duplicate is a rejected row whether the import then commits or not.
      const rowsRejected = fill.rowsRejected + conflicts.length;
      const refused = !fill.commit || (conflicts.length > 0 && request.conflictPolicy === 'reject');
      if (refused) {
        const none = { rowsNew: 0, rowsUpdated: 0, rowsUnchanged: 0 };
        throw new RollBack({ committed: false, ...none, rowsRead: fill.rowsRead, rowsRejected, conflicts });
      }
      const counts = await mergeStage(tx, stage, def, request.tenantId);
      if (request.kind === 'signals') await upsertCompanies(tx, stage, request.tenantId);
      await tx.query(
        `INSERT INTO import_runs (tenant_id, kind, file_name, started_at, finished_at, rows_read,
           rows_new, rows_updated, rows_unchanged, rows_rejected)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          request.tenantId,
          request.kind,
          request.fileName,
          request.startedAt.toISOString(),
          request.now().toISOString(),
          fill.rowsRead,
          counts.rowsNew,
          counts.rowsUpdated,
          counts.rowsUnchanged,
          rowsRejected,
        ],
      );
      return { committed: true, ...counts, rowsRead: fill.rowsRead, rowsRejected, conflicts };
    });
    // Fresh statistics after a bulk change: PGlite has no autovacuum at all, and a server's may run
    // minutes later — until then the planner believes a 10M-row table holds a few hundred rows and
    // picks plans accordingly (a bitmap scan for a third of the table). ANALYZE samples, so it stays
    // cheap on large tables; small imports skip it.
    if (result.rowsNew + result.rowsUpdated >= ANALYZE_AFTER_ROWS) {
      await db.exec(`ANALYZE ${def.table}${request.kind === 'signals' ? '; ANALYZE companies' : ''}`);
    }
    return result;
  } catch (error) {
    if (error instanceof RollBack) return error.result;
    throw error;
  }
}
