/**
 * What backhaul planning reads (DESIGN.md §3.6): the trucks that finish a southbound delivery in the
 * window (where and when each becomes free, with its home, domicile and credentials) and the
 * northbound loads still open whose pickup window reaches into the window.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { CompanyId, LoadId, MarketId, TruckId } from '../domain/ids.ts';
import type { Load, LoadStatus } from '../domain/load.ts';
import type { Country, Region } from '../domain/regions.ts';
import type { Credential } from '../domain/truck.ts';
import type { Currency } from '../domain/units.ts';
import type { SqlSession } from './sql-database.ts';
import type { TruckAfterDelivery } from '../app/ports.ts';

type Row = Record<string, unknown>;

export async function readTrucksAfterDelivery(
  db: SqlSession,
  tenantId: string,
  from: Date,
  to: Date,
): Promise<TruckAfterDelivery[]> {
  // The last delivery of each truck in the window: where it will stand when it is free to go home.
  const { rows } = await db.query<Row>(
    `SELECT DISTINCT ON (d.truck_id) d.delivery_id, d.truck_id, d.delivered_at, d.dest_lat, d.dest_lon,
            d.dest_region, coalesce(d.equipment, t.equipment) AS equipment, t.home_city, t.home_region,
            t.home_lat, t.home_lon, t.domicile, t.credentials
     FROM deliveries d JOIN trucks t ON t.tenant_id = d.tenant_id AND t.truck_id = d.truck_id
     WHERE d.tenant_id = $1 AND d.delivered_at >= $2 AND d.delivered_at < $3
     ORDER BY d.truck_id, d.delivered_at DESC`,
    [tenantId, from, to],
  );
  return rows.map((r) => ({
    deliveryId: String(r.delivery_id),
    availableAt: r.delivered_at as Date,
    position: { lat: Number(r.dest_lat), lon: Number(r.dest_lon), region: r.dest_region as Region },
    truck: {
      truckId: String(r.truck_id) as TruckId,
      equipment: r.equipment as Equipment,
      homeCity: String(r.home_city),
      homeRegion: r.home_region as Region,
      home: { lat: Number(r.home_lat), lon: Number(r.home_lon) },
      domicile: r.domicile as Country,
      credentials: (r.credentials as Credential[] | null) ?? [],
    },
  }));
}

export async function readOpenLoads(db: SqlSession, tenantId: string, from: Date, to: Date): Promise<Load[]> {
  // Open = not yet booked by anyone, not already taken by a truck (no dispatch), and not a tender the
  // broker declined (the shipper has been told no: planning it would promise a load we refused) or the
  // shipper cancelled (a 204 B2A-01 "01": the freight is gone).
  const { rows } = await db.query<Row>(
    `SELECT l.* , l.rate::float8 AS rate_number FROM loads l
     WHERE l.tenant_id = $1 AND l.status <> 'booked' AND l.pickup_latest >= $2 AND l.pickup_earliest < $3
       AND NOT EXISTS (SELECT 1 FROM dispatches x WHERE x.tenant_id = l.tenant_id AND x.load_id = l.load_id)
       AND NOT EXISTS (SELECT 1 FROM tenders t
                       WHERE t.tenant_id = l.tenant_id AND t.load_id = l.load_id
                         AND (t.response = 'decline' OR t.cancelled_at IS NOT NULL))
     ORDER BY l.pickup_earliest, l.load_id`,
    [tenantId, from, to],
  );
  return rows.map((r) => ({
    loadId: String(r.load_id) as LoadId,
    shipperId: r.shipper_id === null ? null : (String(r.shipper_id) as CompanyId),
    shipperName: r.shipper_name === null ? null : String(r.shipper_name),
    origin: {
      lat: Number(r.origin_lat),
      lon: Number(r.origin_lon),
      city: String(r.origin_city),
      region: r.origin_region as Region,
      marketId: r.origin_market_id === null ? null : (String(r.origin_market_id) as MarketId),
      resolvedBy: 'latlon',
    },
    dest: {
      lat: Number(r.dest_lat),
      lon: Number(r.dest_lon),
      city: String(r.dest_city),
      region: r.dest_region as Region,
      marketId: null,
      resolvedBy: 'latlon',
    },
    pickupEarliest: r.pickup_earliest as Date,
    pickupLatest: r.pickup_latest as Date,
    deliveryLatest: (r.delivery_latest as Date | null) ?? null,
    equipment: r.equipment as Equipment,
    weightLb: r.weight_lb === null ? null : Number(r.weight_lb),
    rate: Number(r.rate_number),
    currency: r.currency as Currency,
    status: r.status as LoadStatus,
    requirements: (r.requirements as string[] | null) ?? [],
    preArranged: Boolean(r.pre_arranged),
  }));
}
