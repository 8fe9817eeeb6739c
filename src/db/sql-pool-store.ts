/**
 * The PoolStore port over a SqlDatabase: partners' lanes (filtered by viewer in SQL, so a partner's
 * read cannot carry another partner's rows) and the broker's EDI tenders with their responses.
 */
import type { CancelTendersReport, PoolStore, PoolViewer, TenderRecord } from '../app/pool-store.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { Equipment } from '../domain/equipment.ts';
import type { LaneId, MarketId, PartnerId, TenantId } from '../domain/ids.ts';
import type { Lane } from '../domain/lane.ts';
import type { Region } from '../domain/regions.ts';
import type { Currency } from '../domain/units.ts';
import type { Selectable } from 'kysely';
import type { LanesTable, TendersTable } from './schema.ts';
import type { SqlDatabase, SqlSession } from './sql-database.ts';

// Rows as the schema types them (src/db/schema.ts), less the bookkeeping columns the reads leave out.
type LaneRow = Omit<Selectable<LanesTable>, 'tenant_id' | 'source_hash' | 'imported_at'>;
type TenderRow = Omit<Selectable<TendersTable>, 'tenant_id'>;

/** `AND partner_id = $2` for a partner, nothing for the broker: the one place views are filtered. */
function viewerFilter(viewer: PoolViewer): { clause: string; params: string[] } {
  return viewer.role === 'broker'
    ? { clause: '', params: [] }
    : { clause: ' AND partner_id = $2', params: [viewer.partnerId] };
}

const money = (value: string | null): number | null => (value === null ? null : Number(value));

function readLane(r: LaneRow): Lane {
  return {
    laneId: r.lane_id as LaneId,
    partnerId: r.partner_id as PartnerId,
    partnerName: r.partner_name,
    origin: {
      city: r.origin_city,
      region: r.origin_region as Region,
      lat: Number(r.origin_lat),
      lon: Number(r.origin_lon),
      marketId: r.origin_market_id as MarketId | null,
      resolvedBy: 'city',
    },
    dest: {
      city: r.dest_city,
      region: r.dest_region as Region,
      lat: Number(r.dest_lat),
      lon: Number(r.dest_lon),
      marketId: r.dest_market_id as MarketId | null,
      resolvedBy: 'city',
    },
    equipment: r.equipment as Equipment,
    loadsPerWeek: Number(r.loads_per_week),
    costPerLoad: money(r.cost_per_load),
    ratePerLoad: money(r.rate_per_load),
    currency: r.currency as Currency,
  };
}

const date = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

function readTender(r: TenderRow): TenderRecord {
  const references = (
    typeof r.reference_list === 'string' ? JSON.parse(r.reference_list) : r.reference_list
  ) as {
    qualifier: string;
    value: string;
  }[];
  return {
    loadId: r.load_id,
    shipmentId: r.shipment_id,
    scac: r.scac,
    purpose: r.purpose,
    fileName: r.file_name,
    sender: { qualifier: r.sender_qualifier, id: r.sender_id, code: r.sender_code },
    receiver: { qualifier: r.receiver_qualifier, id: r.receiver_id, code: r.receiver_code },
    references,
    receivedAt: date(r.received_at),
    response: r.response as TenderRecord['response'],
    declineReason: r.decline_reason,
    respondedAt: r.responded_at === null ? null : date(r.responded_at),
    responseControlNumber: r.response_control_number,
    cancelledAt: r.cancelled_at === null ? null : date(r.cancelled_at),
    cancelFileName: r.cancel_file_name,
  };
}

const TENDER_COLUMNS = `load_id, shipment_id, scac, purpose, file_name, sender_qualifier, sender_id,
  receiver_qualifier, receiver_id, sender_code, receiver_code, reference_list, received_at, response,
  decline_reason, responded_at, response_control_number, cancelled_at, cancel_file_name`;

export function createSqlPoolStore(db: SqlDatabase): PoolStore {
  // Takes the session: inside a transaction PGlite's one connection is the transaction's.
  async function tender(
    session: SqlSession,
    tenantId: TenantId,
    loadId: string,
  ): Promise<TenderRecord | null> {
    const { rows } = await session.query<TenderRow>(
      `SELECT ${TENDER_COLUMNS} FROM tenders WHERE tenant_id = $1 AND load_id = $2`,
      [tenantId, loadId],
    );
    return rows[0] === undefined ? null : readTender(rows[0]);
  }

  return {
    async lanes(tenantId, viewer) {
      const { clause, params } = viewerFilter(viewer);
      const { rows } = await db.query<LaneRow>(
        `SELECT lane_id, partner_id, partner_name, origin_city, origin_region, origin_lat, origin_lon,
                origin_market_id, dest_city, dest_region, dest_lat, dest_lon, dest_market_id, equipment,
                loads_per_week, cost_per_load, rate_per_load, currency
         FROM lanes WHERE tenant_id = $1${clause} ORDER BY partner_id, lane_id`,
        [tenantId, ...params],
      );
      return rows.map(readLane);
    },

    async partners(tenantId, viewer) {
      const { clause, params } = viewerFilter(viewer);
      const { rows } = await db.query<{ partner_id: string; name: string | null; lanes: number }>(
        `SELECT partner_id, max(partner_name) AS name, count(*)::int AS lanes
         FROM lanes WHERE tenant_id = $1${clause} GROUP BY partner_id ORDER BY partner_id`,
        [tenantId, ...params],
      );
      return rows.map((r) => ({ partnerId: r.partner_id as PartnerId, name: r.name, lanes: r.lanes }));
    },

    async saveTenders(tenantId, tenders) {
      return db.transaction(async (tx) => {
        const answered: string[] = [];
        for (const t of tenders) {
          const { rows } = await tx.query<{ response: string | null }>(
            `INSERT INTO tenders (tenant_id, ${TENDER_COLUMNS})
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, NULL, NULL, NULL, NULL, NULL, NULL)
             ON CONFLICT (tenant_id, load_id) DO UPDATE SET
               shipment_id = EXCLUDED.shipment_id, scac = EXCLUDED.scac, purpose = EXCLUDED.purpose,
               file_name = EXCLUDED.file_name, sender_qualifier = EXCLUDED.sender_qualifier,
               sender_id = EXCLUDED.sender_id, receiver_qualifier = EXCLUDED.receiver_qualifier,
               receiver_id = EXCLUDED.receiver_id, sender_code = EXCLUDED.sender_code,
               receiver_code = EXCLUDED.receiver_code, reference_list = EXCLUDED.reference_list,
               received_at = EXCLUDED.received_at, cancelled_at = NULL, cancel_file_name = NULL
             WHERE tenders.response IS NULL
             RETURNING response`,
            [
              tenantId,
              t.loadId,
              t.shipmentId,
              t.scac,
              t.purpose,
              t.fileName,
              t.sender.qualifier,
              t.sender.id,
              t.receiver.qualifier,
              t.receiver.id,
              t.sender.code,
              t.receiver.code,
              JSON.stringify(t.references),
              t.receivedAt.toISOString(),
            ],
          );
          // No row back: the conflict's WHERE kept an answered tender as it was.
          if (rows.length === 0) answered.push(t.loadId);
        }
        return { answered };
      });
    },

    async cancelTenders(tenantId, cancellations) {
      return db.transaction(async (tx) => {
        const report: CancelTendersReport = {
          cancelled: [],
          afterAcceptance: [],
          alreadyCancelled: [],
          unknown: [],
        };
        for (const c of cancellations) {
          const { rows } = await tx.query<{ response: string | null }>(
            `UPDATE tenders SET cancelled_at = $3, cancel_file_name = $4
             WHERE tenant_id = $1 AND load_id = $2 AND cancelled_at IS NULL
             RETURNING response`,
            [tenantId, c.loadId, c.cancelledAt.toISOString(), c.fileName],
          );
          if (rows[0] !== undefined) {
            report.cancelled.push(c.loadId);
            if (rows[0].response === 'accept') report.afterAcceptance.push(c.loadId);
          } else if ((await tender(tx, tenantId, c.loadId)) === null) report.unknown.push(c.loadId);
          else report.alreadyCancelled.push(c.loadId);
        }
        return report;
      });
    },

    tender: (tenantId, loadId) => tender(db, tenantId, loadId),

    async tenders(tenantId) {
      const { rows } = await db.query<TenderRow>(
        `SELECT ${TENDER_COLUMNS} FROM tenders WHERE tenant_id = $1 ORDER BY received_at, load_id`,
        [tenantId],
      );
      return rows.map(readTender);
    },

    async respondToTender(tenantId, response) {
      await db.transaction(async (tx) => {
        // Numbering and recording in one statement: the next control number is taken under the row
        // lock of the update, and the UNIQUE constraint refuses a concurrent duplicate.
        const { rows } = await tx.query<{ load_id: string }>(
          `UPDATE tenders SET response = $3, decline_reason = $4, responded_at = $5,
             response_control_number = (SELECT coalesce(max(response_control_number), 0) + 1
                                         FROM tenders WHERE tenant_id = $1)
           WHERE tenant_id = $1 AND load_id = $2 AND response IS NULL AND cancelled_at IS NULL
           RETURNING load_id`,
          [
            tenantId,
            response.loadId,
            response.response,
            response.declineReason,
            response.respondedAt.toISOString(),
          ],
        );
        if (rows.length === 0) {
          const existing = await tender(tx, tenantId, response.loadId);
          if (existing?.cancelledAt != null && existing.response === null) {
            throw new NorthboundError(
              'conflict',
              `Cannot ${response.response} the tender for load ${response.loadId}: the shipper cancelled it ` +
                `(${existing.cancelFileName} at ${existing.cancelledAt.toISOString()})`,
              { loadId: response.loadId, cancelledAt: existing.cancelledAt.toISOString() },
            );
          }
          throw existing === null
            ? new NorthboundError(
                'not_found',
                `Cannot respond to tender for load ${response.loadId}: no such tender`,
                {
                  loadId: response.loadId,
                },
              )
            : new NorthboundError(
                'conflict',
                `Cannot ${response.response} the tender for load ${response.loadId}: it was already answered ` +
                  `(${existing.response} at ${existing.respondedAt?.toISOString()})`,
                { loadId: response.loadId, response: existing.response },
              );
        }
        if (response.response === 'accept') {
          await tx.query(`UPDATE loads SET status = 'committed' WHERE tenant_id = $1 AND load_id = $2`, [
            tenantId,
            response.loadId,
          ]);
        }
      });
      const saved = await tender(db, tenantId, response.loadId);
      if (saved === null) throw new Error(`tender ${response.loadId} vanished after its response`);
      return saved;
    },
  };
}
