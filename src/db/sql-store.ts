/**
 * The Store port over a SqlDatabase (PGlite or PostgreSQL). All SQL of the product lives in src/db.
 */
import { sql } from 'kysely';
import type { Store, TableCounts } from '../app/ports.ts';
import type { Equipment } from '../domain/equipment.ts';
import type { MarketId, TenantId } from '../domain/ids.ts';
import type { Region } from '../domain/regions.ts';
import { importRecords } from './import-records.ts';
import { createSqlCadenceStore } from './sql-cadence-store.ts';
import { createSqlPoolStore } from './sql-pool-store.ts';
import { readOpenLoads, readTrucksAfterDelivery } from './read-backhaul-inputs.ts';
import { readCompanies } from './read-companies.ts';
import { readLandingArrivals } from './read-landing-arrivals.ts';
import { readSignalColumns } from './read-signal-columns.ts';
import { qb, run } from './query-builder.ts';
import type { SqlDatabase } from './sql-database.ts';

const COUNTED_TABLES = ['trucks', 'deliveries', 'companies', 'signals', 'loads', 'reps', 'lanes'] as const;

export function createSqlStore(db: SqlDatabase): Store {
  return {
    engine: db.engine,
    location: db.location,
    cadence: createSqlCadenceStore(db),
    pool: createSqlPoolStore(db),
    trucksAfterDelivery: (tenantId, from, to) => readTrucksAfterDelivery(db, tenantId, from, to),
    openLoads: (tenantId, from, to) => readOpenLoads(db, tenantId, from, to),

    async ensureTenant(tenantId: TenantId, name?: string) {
      await run(
        db,
        qb
          .insertInto('tenants')
          .values({ tenant_id: tenantId, name: name ?? tenantId })
          .onConflict((oc) =>
            name === undefined
              ? oc.column('tenant_id').doNothing()
              : oc.column('tenant_id').doUpdateSet({ name }),
          ),
      );
    },

    importRecords: (request) => importRecords(db, request),

    async countRows(tenantId) {
      const counts: Record<string, number> = {};
      for (const table of COUNTED_TABLES) {
        const [row] = await run(
          db,
          qb
            .selectFrom(table)
            .select(sql<number>`count(*)::int`.as('n'))
            .where('tenant_id', '=', tenantId),
        );
        counts[table] = row?.n ?? 0;
      }
      return counts as unknown as TableCounts;
    },

    async topDestinationMarkets(tenantId, limit) {
      // Deliveries without a market within the radius are grouped by their own city (DESIGN §3.1).
      const { rows } = await db.query<{
        market_id: string | null;
        city: string;
        region: string;
        deliveries: number;
        trucks: number;
        weeks: number;
      }>(
        `SELECT dest_market_id AS market_id, min(dest_city) AS city, min(dest_region) AS region,
                count(*)::int AS deliveries, count(DISTINCT truck_id)::int AS trucks,
                count(DISTINCT date_trunc('week', delivered_at AT TIME ZONE 'UTC'))::int AS weeks
         FROM deliveries WHERE tenant_id = $1
         GROUP BY dest_market_id, CASE WHEN dest_market_id IS NULL THEN dest_city || ', ' || dest_region END
         ORDER BY deliveries DESC, min(dest_city) LIMIT $2`,
        [tenantId, limit],
      );
      return rows.map((r) => ({
        marketId: r.market_id as MarketId | null,
        city: r.city,
        region: r.region,
        deliveries: r.deliveries,
        trucks: r.trucks,
        weeks: r.weeks,
      }));
    },

    async fleetByEquipment(tenantId) {
      const rows = await run(
        db,
        qb
          .selectFrom('trucks')
          .select(['equipment', sql<number>`count(*)::int`.as('trucks')])
          .where('tenant_id', '=', tenantId)
          .groupBy('equipment')
          .orderBy('trucks', 'desc'),
      );
      return rows.map((r) => ({ equipment: r.equipment as Equipment, trucks: r.trucks }));
    },

    async deliveriesWithoutTruck(tenantId) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM deliveries d
         WHERE d.tenant_id = $1
           AND NOT EXISTS (SELECT 1 FROM trucks t WHERE t.tenant_id = d.tenant_id AND t.truck_id = d.truck_id)`,
        [tenantId],
      );
      return rows[0]?.n ?? 0;
    },

    async signalSpan(tenantId) {
      const [row] = await run(
        db,
        qb
          .selectFrom('signals')
          .select([
            sql<Date | null>`min(observed_at)`.as('first'),
            sql<Date | null>`max(observed_at)`.as('last'),
          ])
          .where('tenant_id', '=', tenantId),
      );
      return { first: row?.first ?? null, last: row?.last ?? null };
    },

    async importRuns(tenantId, limit) {
      const rows = await run(
        db,
        qb
          .selectFrom('import_runs')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .orderBy('run_id', 'desc')
          .limit(limit),
      );
      return rows.map((r) => ({
        runId: Number(r.run_id),
        kind: r.kind,
        fileName: r.file_name,
        startedAt: new Date(r.started_at),
        finishedAt: new Date(r.finished_at),
        rowsRead: r.rows_read,
        rowsNew: r.rows_new,
        rowsUpdated: r.rows_updated,
        rowsUnchanged: r.rows_unchanged,
        rowsRejected: r.rows_rejected,
      }));
    },

    landingArrivals: (tenantId, from, to) => readLandingArrivals(db, tenantId, from, to),
    signalColumns: (tenantId, from, to) => readSignalColumns(db, tenantId, from, to),
    companies: (tenantId, ids) => readCompanies(db, tenantId, ids),

    async fleetHomes(tenantId) {
      const rows = await run(
        db,
        qb
          .selectFrom('trucks')
          .select(['home_region', sql<number>`count(*)::int`.as('trucks')])
          .where('tenant_id', '=', tenantId)
          .groupBy('home_region')
          .orderBy('trucks', 'desc')
          .orderBy('home_region'),
      );
      return rows.map((r) => ({ region: r.home_region as Region, trucks: r.trucks }));
    },

    close: () => db.close(),
  };
}
