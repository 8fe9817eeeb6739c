/**
 * Lane rows (DESIGN.md §7, lanes file): what a partner brings to a pool. Both ends must resolve, since
 * lane covering prices every lane and every empty move by its miles. A lane with no volume is refused
 * rather than ignored: a partner who lists a lane expects it covered, and 0 usually means a typo.
 */
import type { LaneId, PartnerId } from '../domain/ids.ts';
import type { Lane } from '../domain/lane.ts';
import {
  CURRENCY_CHOICE,
  DEFAULT_CURRENCY,
  FieldReader,
  NON_NEGATIVE,
  type NumberRule,
} from './field-reader.ts';
import { placeColumns, readPlace } from './read-place.ts';
import type { RowContext, RowParseResult } from './row-parser.ts';

const ORIGIN = placeColumns('origin', false);
const DEST = placeColumns('dest', false);

/** More than one truck a day each way is a dedicated fleet, not a lane; 1,000/week catches unit slips. */
const LOADS_PER_WEEK: NumberRule = {
  min: Number.MIN_VALUE,
  max: 1000,
  integer: false,
  expected: 'loads per week above 0 and at most 1000 (0.5 = every other week)',
};

export function parseLaneRow(
  fields: Readonly<Record<string, string>>,
  ctx: RowContext,
): RowParseResult<Lane> {
  const r = new FieldReader(fields, ctx);
  const partnerId = r.requiredId<PartnerId>('partner_id');
  const laneId = r.requiredId<LaneId>('lane_id');
  r.required(ORIGIN.city);
  const originRegion = r.region(ORIGIN.region, true);
  r.required(DEST.city);
  const destRegion = r.region(DEST.region, true);
  const equipment = r.equipment('equipment', true);
  const loadsPerWeek = r.number('loads_per_week', true, LOADS_PER_WEEK);
  const costPerLoad = r.number('cost_per_load', false, NON_NEGATIVE);
  const ratePerLoad = r.number('rate_per_load', false, NON_NEGATIVE);
  const currency = r.choice('currency', CURRENCY_CHOICE, false, DEFAULT_CURRENCY);
  const origin = readPlace(r, ORIGIN, originRegion);
  const dest = readPlace(r, DEST, destRegion);
  if (origin !== null && dest !== null && origin.city === dest.city && origin.region === dest.region) {
    r.fail(
      DEST.city,
      r.text(DEST.city),
      'a destination other than the origin',
      `lane ${laneId ?? ''} starts and ends in ${origin.city}, ${origin.region}: a lane must go somewhere`,
    );
  }

  if (
    r.hasErrors ||
    partnerId === null ||
    laneId === null ||
    origin === null ||
    dest === null ||
    equipment === null ||
    loadsPerWeek === null ||
    currency === null
  ) {
    return r.reject();
  }
  return {
    ok: true,
    record: {
      laneId,
      partnerId,
      partnerName: r.optional('partner_name'),
      origin,
      dest,
      equipment,
      loadsPerWeek,
      costPerLoad,
      ratePerLoad,
      currency,
    },
  };
}
