/**
 * Signals of a time range as scoring columns, from the packed scoring days the database keeps beside
 * the signals (migrations/0004_signal_scoring.sql): one bytea of 24-byte records per UTC day, read
 * with binary COPY, plus the per-tenant dictionaries the records' keys point into. At 3M signals this
 * moves ~70 MB of integers instead of ~360 MB of text rows, and no string is split or interned per
 * signal (the row read, read-signal-rows.ts, spent ~25 s of 27 there).
 *
 * Dictionaries: kinds and origins are read and decoded whole (small: hundreds and ~10⁵ rows); company
 * and searcher ids are fetched as COPY text but decoded only when something reads the columns'
 * companyIds / searcherIds (ranking reads a few, scoring none).
 */
import type { TenantId } from '../domain/ids.ts';
import { packedSignalColumns, type PackedOrigins } from '../intent/packed-signal-columns.ts';
import type { SignalColumns } from '../intent/signal-columns.ts';
import { readCopyBinaryValues } from './copy-binary-values.ts';
import { COPY_NULL, copyField, readCopyRows } from './copy-text-rows.ts';
import type { SqlDatabase } from './sql-database.ts';
import { sqlLiteral } from './sql-literal.ts';

const DAY_MS = 86_400_000;
/** Days per COPY: PGlite returns each COPY as one blob, so keep each under ~25 MB at the large world. */
const DAYS_PER_READ = 35;

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts;
}

/** `key → id` rows as COPY text, fetched now and decoded on first use into the ids of the keys asked. */
async function lazyIds(db: SqlDatabase, query: string): Promise<(keys: Int32Array) => readonly string[]> {
  const parts = await collect(db.copyOut(query));
  return (keys) => {
    const byKey: string[] = [];
    const decoder = new TextDecoder();
    // One decode of the joined bytes: a chunk may end inside a line or a character.
    for (const part of parts.length === 1 ? parts : [concat(parts)]) {
      const text = decoder.decode(part);
      let start = 0;
      while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        const tab = text.indexOf('\t', start);
        byKey[Number(text.slice(start, tab))] = copyField(text.slice(tab + 1, end))!;
        start = end + 1;
      }
    }
    return Array.from(keys, (key) => byKey[key]!);
  };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const part of parts) size += part.byteLength;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

async function readOrigins(db: SqlDatabase, tenant: string): Promise<PackedOrigins> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT coalesce(max(origin_key), -1)::int + 1 AS n FROM scoring_origins WHERE tenant_id = $1',
    [tenant],
  );
  const n = rows[0]?.n ?? 0;
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const located = new Uint8Array(n);
  const city: (string | null)[] = new Array<string | null>(n).fill(null);
  const region: string[] = new Array<string>(n).fill('');
  const marketId: (string | null)[] = new Array<string | null>(n).fill(null);
  await readCopyRows(
    db.copyOut(
      `SELECT origin_key, lat, lon, city, region, market_id FROM scoring_origins WHERE tenant_id = ${sqlLiteral(tenant)}`,
    ),
    (f) => {
      const key = Number(f[0]);
      if (f[1] !== COPY_NULL && f[2] !== COPY_NULL) {
        lat[key] = Number(f[1]);
        lon[key] = Number(f[2]);
        located[key] = 1;
      }
      city[key] = copyField(f[3]!);
      region[key] = copyField(f[4]!) ?? '';
      marketId[key] = copyField(f[5]!);
    },
  );
  return { lat, lon, located, city, region, marketId };
}

export async function readSignalColumns(
  db: SqlDatabase,
  tenantId: TenantId,
  from: Date,
  to: Date,
): Promise<SignalColumns> {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const tenant = sqlLiteral(tenantId);
  const days: Uint8Array[] = [];
  if (toMs > fromMs) {
    const firstDay = Math.floor(fromMs / DAY_MS);
    const lastDay = Math.floor((toMs - 1) / DAY_MS);
    for (let day = firstDay; day <= lastDay; day += DAYS_PER_READ) {
      const until = Math.min(lastDay, day + DAYS_PER_READ - 1);
      const values = await readCopyBinaryValues(
        db.copyOut(
          `SELECT packed FROM signal_scoring_days
           WHERE tenant_id = ${tenant} AND day >= ${day} AND day <= ${until} ORDER BY day`,
          'binary',
        ),
      );
      for (const value of values) if (value !== null) days.push(value);
    }
  }
  const kinds = await db.query<{
    kind_key: number;
    dest_region: string;
    equipment: string;
    industry: string | null;
  }>('SELECT kind_key, dest_region, equipment, industry FROM scoring_kinds WHERE tenant_id = $1', [tenantId]);
  const kindCount = kinds.rows.reduce((n, k) => Math.max(n, k.kind_key + 1), 0);
  const destRegion = new Array<string>(kindCount).fill('');
  const equipment = new Array<string>(kindCount).fill('');
  const industry = new Array<string | null>(kindCount).fill(null);
  for (const k of kinds.rows) {
    destRegion[k.kind_key] = k.dest_region;
    equipment[k.kind_key] = k.equipment;
    industry[k.kind_key] = k.industry;
  }
  const origins = await readOrigins(db, tenantId);
  const companyIds = await lazyIds(
    db,
    `SELECT company_key, company_id FROM scoring_companies WHERE tenant_id = ${tenant}`,
  );
  const searcherIds = await lazyIds(
    db,
    `SELECT searcher_key, searcher_id FROM scoring_searchers WHERE tenant_id = ${tenant}`,
  );
  return packedSignalColumns({
    days,
    fromMs,
    toMs,
    origins,
    kinds: { destRegion, equipment, industry },
    companyIds,
    searcherIds,
  });
}
