/**
 * The CadenceStore port over a SqlDatabase: outreach tasks, their append-only events, weekly runs and
 * dispatches. Writes are batched multi-row statements inside one transaction, so a weekly run of a few
 * hundred tasks is a handful of round trips, and a failed run leaves nothing behind.
 */
import type { CadenceStore } from '../app/cadence-store.ts';
import { NorthboundError } from '../domain/errors.ts';
import { readTaskRow, readTripRow, readMilestoneRow, readEventRow } from './cadence-rows.ts';
import type { SqlDatabase } from './sql-database.ts';
import { dispatchValues, insertRows, saveTaskChanges } from './write-task-changes.ts';

export function createSqlCadenceStore(db: SqlDatabase, now: () => Date = () => new Date()): CadenceStore {
  return {
    async carrierProfile(tenantId) {
      const { rows: tenants } = await db.query<{ name: string }>(
        'SELECT name FROM tenants WHERE tenant_id = $1',
        [tenantId],
      );
      const { rows } = await db.query<{
        city: string;
        region: string;
        lat: number;
        lon: number;
        trucks: number;
      }>(
        `SELECT home_city AS city, home_region AS region, avg(home_lat) AS lat, avg(home_lon) AS lon,
                count(*)::int AS trucks
         FROM trucks WHERE tenant_id = $1 GROUP BY home_city, home_region
         ORDER BY trucks DESC, home_region, home_city`,
        [tenantId],
      );
      return {
        name: tenants[0]?.name ?? tenantId,
        terminals: rows.map((r) => ({
          ...r,
          region: r.region as never,
          lat: Number(r.lat),
          lon: Number(r.lon),
        })),
      };
    },

    async reps(tenantId) {
      const { rows } = await db.query<{
        rep_id: string;
        name: string;
        email: string | null;
        territories: string[];
        capacity: number;
        region: string | null;
      }>(
        'SELECT rep_id, name, email, territories, capacity, region FROM reps WHERE tenant_id = $1 ORDER BY rep_id',
        [tenantId],
      );
      return rows.map((r) => ({
        repId: r.rep_id as never,
        name: r.name,
        email: r.email,
        territories: r.territories,
        capacity: r.capacity,
        region: r.region as never,
      }));
    },

    async tasks(tenantId, filter = {}) {
      const where = ['tenant_id = $1'];
      const params: unknown[] = [tenantId];
      if (filter.states !== undefined) {
        params.push(filter.states);
        where.push(`state = ANY($${params.length}::text[])`);
      }
      if (filter.repId !== undefined) {
        params.push(filter.repId);
        where.push(`rep_id = $${params.length}`);
      }
      if (filter.taskIds !== undefined) {
        params.push(filter.taskIds.map((id) => id.toUpperCase()));
        where.push(`task_id = ANY($${params.length}::text[])`);
      }
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT * FROM outreach_tasks WHERE ${where.join(' AND ')} ORDER BY task_no`,
        params,
      );
      return rows.map(readTaskRow);
    },

    async companiesInCadence(tenantId, closedSince) {
      const { rows } = await db.query<{ company_id: string }>(
        `SELECT DISTINCT company_id FROM outreach_tasks
         WHERE tenant_id = $1 AND (state IN ('new', 'assigned', 'contacted', 'replied', 'quoted')
                                   OR updated_at >= $2)`,
        [tenantId, closedSince],
      );
      return new Set(rows.map((r) => r.company_id));
    },

    async nextTaskNumber(tenantId) {
      const { rows } = await db.query<{ n: number }>(
        'SELECT coalesce(max(task_no), 0)::int + 1 AS n FROM outreach_tasks WHERE tenant_id = $1',
        [tenantId],
      );
      return rows[0]?.n ?? 1;
    },

    async saveTaskChanges(tenantId, changes) {
      try {
        await db.transaction((session) => saveTaskChanges(session, tenantId, changes));
      } catch (error) {
        if (/duplicate key|unique/i.test(String(error))) {
          throw new NorthboundError(
            'conflict',
            'Cannot save the tasks: another run saved tasks with the same numbers at the same time; run again',
            {},
            { cause: error },
          );
        }
        throw error;
      }
    },

    async taskEvents(tenantId, taskId) {
      const { rows } = await db.query<Record<string, unknown>>(
        'SELECT * FROM task_events WHERE tenant_id = $1 AND task_id = $2 ORDER BY event_no',
        [tenantId, taskId.toUpperCase()],
      );
      return rows.map(readEventRow);
    },

    async lastRun(tenantId) {
      const { rows } = await db.query<Record<string, unknown>>(
        'SELECT * FROM cadence_runs WHERE tenant_id = $1 ORDER BY run_no DESC LIMIT 1',
        [tenantId],
      );
      const r = rows[0];
      if (r === undefined) return null;
      return {
        asOf: r.as_of as Date,
        ranAt: r.ran_at as Date,
        tasksCreated: r.tasks_created as number,
        prospectsWaiting: r.prospects_waiting as number,
        escalated: r.escalated as number,
        reassigned: r.reassigned as number,
        nurtured: r.nurtured as number,
        roundRobinCursor: (r.round_robin_cursor as string | null) ?? null,
      };
    },

    async existingLoads(tenantId, loadIds) {
      const { rows } = await db.query<{ load_id: string }>(
        'SELECT load_id FROM loads WHERE tenant_id = $1 AND load_id = ANY($2::text[])',
        [tenantId, loadIds],
      );
      return new Set(rows.map((r) => r.load_id));
    },

    async saveDispatches(tenantId, dispatches) {
      const at = now();
      await db.transaction((session) =>
        insertRows(
          session,
          `INSERT INTO dispatches (tenant_id, delivery_id, truck_id, load_id, picked_up_at, deadhead_miles,
             source, created_at)`,
          8,
          dispatches.map((d) => dispatchValues(tenantId, d, at)),
          `ON CONFLICT (tenant_id, delivery_id) DO UPDATE SET truck_id = EXCLUDED.truck_id,
             load_id = EXCLUDED.load_id, picked_up_at = EXCLUDED.picked_up_at,
             deadhead_miles = EXCLUDED.deadhead_miles, source = EXCLUDED.source`,
        ),
      );
    },

    async untakenLoads(tenantId, from, to) {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT l.load_id, l.shipper_id, l.origin_lat, l.origin_lon, l.pickup_earliest, l.pickup_latest,
                l.equipment, l.status
         FROM loads l
         WHERE l.tenant_id = $1 AND l.pickup_earliest >= $2 AND l.pickup_earliest < $3
           AND NOT EXISTS (SELECT 1 FROM dispatches x WHERE x.tenant_id = l.tenant_id AND x.load_id = l.load_id)
         ORDER BY l.pickup_earliest, l.load_id`,
        [tenantId, from, to],
      );
      return rows.map((r) => ({
        loadId: String(r.load_id),
        shipperId: r.shipper_id === null ? null : String(r.shipper_id),
        origin: { lat: Number(r.origin_lat), lon: Number(r.origin_lon) },
        pickupEarliest: r.pickup_earliest as Date,
        pickupLatest: r.pickup_latest as Date,
        equipment: r.equipment as never,
        status: r.status as never,
      }));
    },

    async trips(tenantId, from, to) {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT d.delivery_id, d.truck_id, d.delivered_at, d.dest_lat, d.dest_lon, d.dest_market_id,
                d.dest_city, d.dest_region, coalesce(d.equipment, t.equipment) AS equipment,
                d.loaded_miles, d.revenue::float8 AS revenue, d.currency,
                t.home_lat, t.home_lon, t.home_region,
                x.load_id, x.picked_up_at, x.deadhead_miles, x.source,
                l.origin_lat, l.origin_lon, l.dest_lat AS load_dest_lat, l.dest_lon AS load_dest_lon,
                l.rate::float8 AS rate, l.currency AS load_currency
         FROM deliveries d
         JOIN trucks t ON t.tenant_id = d.tenant_id AND t.truck_id = d.truck_id
         LEFT JOIN dispatches x ON x.tenant_id = d.tenant_id AND x.delivery_id = d.delivery_id
         LEFT JOIN loads l ON l.tenant_id = x.tenant_id AND l.load_id = x.load_id
         WHERE d.tenant_id = $1 AND d.delivered_at >= $2 AND d.delivered_at < $3
         ORDER BY d.delivered_at, d.delivery_id`,
        [tenantId, from, to],
      );
      return rows.map(readTripRow);
    },

    async taskMilestones(tenantId, from, to) {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT t.task_id, t.tier, t.rep_id, t.zone_label, t.dest_region, t.equipment, t.signal_at, t.created_at,
                min(e.at) FILTER (WHERE e.to_state = 'contacted') AS first_contact_at,
                min(e.at) FILTER (WHERE e.to_state = 'quoted') AS quoted_at,
                min(e.at) FILTER (WHERE e.to_state = 'booked') AS booked_at,
                min(e.at) FILTER (WHERE e.to_state = 'lost') AS lost_at
         FROM outreach_tasks t
         LEFT JOIN task_events e ON e.tenant_id = t.tenant_id AND e.task_id = t.task_id
         WHERE t.tenant_id = $1 AND t.created_at >= $2 AND t.created_at < $3
         GROUP BY t.task_id, t.task_no, t.tier, t.rep_id, t.zone_label, t.dest_region, t.equipment,
                  t.signal_at, t.created_at
         ORDER BY t.task_no`,
        [tenantId, from, to],
      );
      return rows.map(readMilestoneRow);
    },

    async resetCadence(tenantId) {
      await db.transaction(async (session) => {
        for (const table of ['task_events', 'outreach_tasks', 'cadence_runs', 'dispatches']) {
          await session.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
        }
      });
    },
  };
}
