/**
 * Load rows (DESIGN.md §7): northbound offers, the backhauls a truck can take home. Both ends must
 * resolve, since matching prices the deadhead to the pickup and the miles to the drop. A load whose
 * destination is in the US is accepted here; the matcher decides what counts as "home".
 */
import type { CompanyId, LoadId } from '../domain/ids.ts';
import { LOAD_STATUSES, type Load, type LoadStatus } from '../domain/load.ts';
import { choiceOf, CURRENCY_CHOICE, DEFAULT_CURRENCY, FieldReader, NON_NEGATIVE } from './field-reader.ts';
import { placeColumns, readPlace } from './read-place.ts';
import type { RowContext, RowParseResult } from './row-parser.ts';

const STATUS_CHOICE = choiceOf(LOAD_STATUSES);
const ORIGIN = placeColumns('origin', false);
const DEST = placeColumns('dest', false);

export const DEFAULT_LOAD_STATUS: LoadStatus = 'offered';

export function parseLoadRow(
  fields: Readonly<Record<string, string>>,
  ctx: RowContext,
): RowParseResult<Load> {
  const r = new FieldReader(fields, ctx);
  const loadId = r.requiredId<LoadId>('load_id');
  r.required(ORIGIN.city);
  const originRegion = r.region(ORIGIN.region, true);
  r.required(DEST.city);
  const destRegion = r.region(DEST.region, true);
  const pickupEarliest = r.timestamp('pickup_earliest', true);
  const pickupLatest = r.timestamp('pickup_latest', true);
  const equipment = r.equipment('equipment', true);
  const rate = r.number('rate', true, NON_NEGATIVE);
  const shipperId = r.optionalId<CompanyId>('shipper_id');
  const deliveryLatest = r.timestamp('delivery_latest', false);
  const weightLb = r.number('weight_lb', false, NON_NEGATIVE);
  const currency = r.choice('currency', CURRENCY_CHOICE, false, DEFAULT_CURRENCY);
  const status = r.choice('status', STATUS_CHOICE, false, DEFAULT_LOAD_STATUS);
  const preArranged = r.boolean('pre_arranged', false);
  const origin = readPlace(r, ORIGIN, originRegion);
  const dest = readPlace(r, DEST, destRegion);

  if (pickupEarliest !== null && pickupLatest !== null && pickupLatest < pickupEarliest) {
    r.fail(
      'pickup_latest',
      r.text('pickup_latest'),
      'at or after pickup_earliest',
      `pickup_latest ${JSON.stringify(r.text('pickup_latest'))} is before pickup_earliest ${JSON.stringify(r.text('pickup_earliest'))}`,
    );
  }
  if (pickupEarliest !== null && deliveryLatest !== null && deliveryLatest < pickupEarliest) {
    r.fail(
      'delivery_latest',
      r.text('delivery_latest'),
      'at or after pickup_earliest',
      `delivery_latest ${JSON.stringify(r.text('delivery_latest'))} is before pickup_earliest ${JSON.stringify(r.text('pickup_earliest'))}`,
    );
  }

  if (
    r.hasErrors ||
    loadId === null ||
    origin === null ||
    dest === null ||
    pickupEarliest === null ||
    pickupLatest === null ||
    equipment === null ||
    rate === null ||
    currency === null ||
    status === null ||
    preArranged === null
  ) {
    return r.reject();
  }
  return {
    ok: true,
    record: {
      loadId,
      shipperId,
      shipperName: r.optional('shipper_name'),
      origin,
      dest,
      pickupEarliest,
      pickupLatest,
      deliveryLatest,
      equipment,
      weightLb,
      rate,
      currency,
      status,
      // Requirements are codes (hazmat, fast, …) matched against truck credentials: one case.
      requirements: r.list('requirements').map((item) => item.toLowerCase()),
      preArranged,
    },
  };
}
