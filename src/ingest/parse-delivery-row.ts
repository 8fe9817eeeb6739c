/**
 * Delivery rows (DESIGN.md §7): where and when a truck landed in the US, southbound history or
 * scheduled. The destination is what landing zones cluster, so it must resolve to a point; the origin
 * is kept as written (it only labels the lane).
 */
import type { Delivery } from '../domain/delivery.ts';
import type { DeliveryId, TruckId } from '../domain/ids.ts';
import { CURRENCY_CHOICE, DEFAULT_CURRENCY, FieldReader, NON_NEGATIVE } from './field-reader.ts';
import { placeColumns, readPlace } from './read-place.ts';
import type { RowContext, RowParseResult } from './row-parser.ts';

const DEST = placeColumns('dest', true);

export function parseDeliveryRow(
  fields: Readonly<Record<string, string>>,
  ctx: RowContext,
): RowParseResult<Delivery> {
  const r = new FieldReader(fields, ctx);
  const deliveryId = r.requiredId<DeliveryId>('delivery_id');
  const truckId = r.requiredId<TruckId>('truck_id');
  r.required(DEST.city);
  const destRegion = r.region(DEST.region, true);
  const deliveredAt = r.timestamp('delivered_at', true);
  const originCity = r.optional('origin_city');
  const originRegion = r.region('origin_region', false);
  const equipment = r.equipment('equipment', false);
  const loadedMiles = r.number('loaded_miles', false, NON_NEGATIVE);
  const revenue = r.number('revenue', false, NON_NEGATIVE);
  const currency = r.choice('currency', CURRENCY_CHOICE, false, DEFAULT_CURRENCY);
  const dest = readPlace(r, DEST, destRegion);

  if (
    r.hasErrors ||
    deliveryId === null ||
    truckId === null ||
    deliveredAt === null ||
    dest === null ||
    currency === null
  ) {
    return r.reject();
  }
  return {
    ok: true,
    record: {
      deliveryId,
      truckId,
      originCity,
      originRegion,
      dest,
      destZip: r.optional('dest_zip'),
      deliveredAt,
      equipment,
      loadedMiles,
      revenue,
      currency,
    },
  };
}
