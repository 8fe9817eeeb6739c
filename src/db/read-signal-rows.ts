/**
 * Signals of a time range as scoring columns, read from the signals table itself with COPY … TO STDOUT (text) rather than through
 * the driver's row objects: at millions of rows the per-row object and type parsing of a SELECT costs
 * more than the scoring itself. Read a week at a time, so PGlite's single COPY blob stays small. No
 * ORDER BY: sorting a third of a 10M-row table doubled the server's time, and the builder puts each
 * company's rows in time order itself (weeks arrive in order, so only rows inside a week move).
 *
 * Scoring reads the packed days instead (read-signal-columns.ts): this row read is the reference the
 * store tests hold the packed read to, and costs ~9 µs a row at 3M rows (string splitting and interning).
 */
import type { TenantId } from '../domain/ids.ts';
import type { Equipment } from '../domain/equipment.ts';
import type { Region } from '../domain/regions.ts';
import { SignalColumnsBuilder, type SignalColumns } from '../intent/signal-columns.ts';
import { COPY_NULL, copyField, readCopyRows } from './copy-text-rows.ts';
import type { SqlDatabase } from './sql-database.ts';
import { sqlLiteral } from './sql-literal.ts';

const CHUNK_MS = 7 * 86_400_000;

export async function readSignalRows(
  db: SqlDatabase,
  tenantId: TenantId,
  from: Date,
  to: Date,
): Promise<SignalColumns> {
  const builder = new SignalColumnsBuilder(1 << 16);
  for (let start = from.getTime(); start < to.getTime(); start += CHUNK_MS) {
    const end = Math.min(start + CHUNK_MS, to.getTime());
    const query = `SELECT company_id, searcher_id, (extract(epoch FROM observed_at) * 1000)::bigint,
        origin_lat, origin_lon, origin_market_id, origin_city, origin_region, dest_region, equipment, industry
      FROM signals
      WHERE tenant_id = ${sqlLiteral(tenantId)}
        AND observed_at >= ${sqlLiteral(new Date(start))} AND observed_at < ${sqlLiteral(new Date(end))}`;
    await readCopyRows(db.copyOut(query), (f) => {
      const lat = f[3]!;
      const lon = f[4]!;
      const located = lat !== COPY_NULL && lon !== COPY_NULL;
      builder.addWithPlaceText(
        {
          companyId: copyField(f[0]!)!,
          searcherId: copyField(f[1]!),
          observedAtMs: Number(f[2]),
          originMarketId: copyField(f[5]!),
          originCity: copyField(f[6]!),
          originRegion: f[7] as Region,
          destRegion: f[8] as Region,
          equipment: f[9] as Equipment,
          industry: copyField(f[10]!),
        },
        located ? lat : '',
        located ? lon : '',
      );
    });
  }
  return builder.build();
}
