/**
 * Deliveries of a time range as landing arrivals: the delivery's equipment, else its truck's
 * (deliveries files often omit equipment; the fleet file knows it). A delivery whose equipment is
 * known neither way (no equipment column and a truck missing from the fleet) cannot say what
 * landed; it is left out and counted, so the caller can say so.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { MarketId, TenantId } from '../domain/ids.ts';
import type { Region } from '../domain/regions.ts';
import type { LandingArrival } from '../zones/landing-zone.ts';
import type { SqlDatabase } from './sql-database.ts';

export async function readLandingArrivals(
  db: SqlDatabase,
  tenantId: TenantId,
  from: Date,
  to: Date,
): Promise<{ arrivals: LandingArrival[]; withoutEquipment: number }> {
  const { rows } = await db.query<{
    truck_id: string;
    equipment: string | null;
    delivered_ms: string;
    dest_lat: number;
    dest_lon: number;
    dest_market_id: string | null;
    dest_city: string;
    dest_region: string;
  }>(
    `SELECT d.truck_id, coalesce(d.equipment, t.equipment) AS equipment,
            (extract(epoch FROM d.delivered_at) * 1000)::bigint::text AS delivered_ms,
            d.dest_lat, d.dest_lon, d.dest_market_id, d.dest_city, d.dest_region
     FROM deliveries d
     LEFT JOIN trucks t ON t.tenant_id = d.tenant_id AND t.truck_id = d.truck_id
     WHERE d.tenant_id = $1 AND d.delivered_at >= $2 AND d.delivered_at < $3
     ORDER BY d.delivered_at, d.delivery_id`,
    [tenantId, from.toISOString(), to.toISOString()],
  );
  const known = rows.filter((r) => r.equipment !== null);
  const arrivals = known.map((r) => ({
    truckId: r.truck_id,
    equipment: r.equipment as Equipment,
    deliveredAtMs: Number(r.delivered_ms),
    lat: r.dest_lat,
    lon: r.dest_lon,
    marketId: r.dest_market_id as MarketId | null,
    city: r.dest_city,
    region: r.dest_region as Region,
  }));
  return { arrivals, withoutEquipment: rows.length - known.length };
}
