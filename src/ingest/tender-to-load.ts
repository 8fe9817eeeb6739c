/**
 * A 204 tender → the Load the planner matches (DESIGN.md §3.7, §7). Origin is the first pick-up stop
 * (lowest S5 sequence), destination the last drop; the pick-up window is the origin stop's G62 window and
 * delivery_latest the destination's close. Places resolve through the gazetteer like a CSV row's do
 * (ZIP for US stops, else city + state); a place it cannot find is an error naming the N4 element.
 *
 * Requirements: AT5 special handling HM becomes `hazmat`; other handling codes have no truck credential
 * to match and are left on the tender.
 */
import type { Equipment } from '../domain/equipment.ts';
import { isNorthboundError } from '../domain/errors.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import { asId, type CompanyId, type LoadId } from '../domain/ids.ts';
import type { Load } from '../domain/load.ts';
import type { ResolvedPlace } from '../domain/place.ts';
import type { Currency } from '../domain/units.ts';
import { EdiError } from './edi-x12.ts';
import type { Tender, TenderParty, TenderStop } from './parse-edi-204.ts';

export interface TenderToLoadOptions {
  /** The file name errors cite. */
  readonly file: string;
  readonly gazetteer: Gazetteer;
  /** The 204 carries no currency; the trading partner's agreement does. Default USD. */
  readonly currency?: Currency;
  /** Used when the tender has no N7-11 equipment code; without it such a tender is rejected. */
  readonly defaultEquipment?: Equipment;
}

const US_ZIP = /^\d{5}(-\d{4})?$/;
const REQUIREMENTS: Readonly<Record<string, string>> = { HM: 'hazmat' };

/** The party whose N4 locates the stop: the first with one. */
function stopParty(file: string, stop: TenderStop): TenderParty & { placeSegment: number } {
  const party = stop.parties.find((p) => p.placeSegment !== null);
  if (party === undefined || party.placeSegment === null) {
    throw new EdiError(
      file,
      { number: stop.segment, id: 'S5' },
      0,
      '',
      'an N1 loop with N4',
      `stop ${stop.sequence} has no N4 place`,
    );
  }
  return { ...party, placeSegment: party.placeSegment };
}

function resolveStop(file: string, stop: TenderStop, gazetteer: Gazetteer): ResolvedPlace {
  const party = stopParty(file, stop);
  const n4 = { number: party.placeSegment, id: 'N4' };
  if (party.region === null) {
    throw new EdiError(
      file,
      n4,
      2,
      '',
      'a US state or Canadian province code',
      'is needed to place the stop: the product plans US and Canadian stops',
    );
  }
  const zip = party.postalCode !== null && US_ZIP.test(party.postalCode) ? party.postalCode : undefined;
  try {
    return gazetteer.resolve({ zip, city: party.city ?? undefined, region: party.region });
  } catch (error) {
    if (!isNorthboundError(error)) throw error;
    // The gazetteer falls back from an unknown ZIP to city + state; blame the element it gave up on.
    const onZip = 'zip' in error.details && !('city' in error.details);
    const position = onZip ? 3 : 1;
    const value = (onZip ? zip : party.city) ?? '';
    throw new EdiError(
      file,
      n4,
      position,
      value,
      onZip ? 'a US ZIP the gazetteer knows' : 'a city the gazetteer knows in that state',
      `cannot be placed: ${error.message}`,
    );
  }
}

/** Converts one tender; throws EdiError naming the segment at fault. */
export function tenderToLoad(tender: Tender, options: TenderToLoadOptions): Load {
  const { file, gazetteer } = options;
  const st = { number: tender.segment, id: 'ST' };
  if (tender.purpose === 'cancellation') {
    throw new EdiError(
      file,
      st,
      0,
      '01',
      'a tender that offers a load',
      `is a cancellation (B2A-01 "01") of shipment ${tender.shipmentId}: it withdraws a load rather than offering one`,
    );
  }
  const ordered = [...tender.stops].sort((a, b) => a.sequence - b.sequence);
  const pickup = ordered.find((stop) => stop.reason === 'pickup');
  const drop = ordered.filter((stop) => stop.reason === 'drop').at(-1);
  if (pickup === undefined || drop === undefined) {
    throw new EdiError(
      file,
      st,
      0,
      tender.shipmentId,
      'an S5 pick-up and an S5 drop',
      `shipment ${tender.shipmentId} needs at least one pick-up (S5 LD) and one drop (S5 UL)`,
    );
  }
  const pickupEarliest = pickup.earliest ?? pickup.latest;
  const pickupLatest = pickup.latest ?? pickup.earliest;
  if (pickupEarliest === null || pickupLatest === null) {
    throw new EdiError(
      file,
      { number: pickup.segment, id: 'S5' },
      0,
      '',
      'a G62 pick-up date',
      `pick-up stop ${pickup.sequence} has no G62 date`,
    );
  }
  const deliveryLatest = drop.latest ?? drop.earliest;
  if (deliveryLatest !== null && deliveryLatest < pickupEarliest) {
    throw new EdiError(
      file,
      { number: drop.segment, id: 'S5' },
      0,
      deliveryLatest.toISOString(),
      'a delivery after the pick-up opens',
      `drop stop ${drop.sequence} closes at ${deliveryLatest.toISOString()}, before the pick-up opens at ${pickupEarliest.toISOString()}`,
    );
  }
  const equipment = tender.equipment ?? options.defaultEquipment;
  if (equipment === undefined) {
    throw new EdiError(
      file,
      st,
      0,
      '',
      'an N7-11 equipment code',
      `shipment ${tender.shipmentId} has no N7-11 equipment code`,
    );
  }
  if (tender.rate === null) {
    throw new EdiError(
      file,
      st,
      0,
      '',
      'an L3-05 charge',
      `shipment ${tender.shipmentId} has no L3-05 charge`,
    );
  }
  const shipper =
    tender.parties.find((party) => party.entity === 'SH') ??
    ordered
      .filter((stop) => stop.reason === 'pickup')
      .flatMap((stop) => stop.parties)
      .find((party) => party.entity === 'SH') ??
    null;
  const requirements = [...new Set(tender.specialHandling.flatMap((code) => REQUIREMENTS[code] ?? []))];
  return {
    loadId: asId<LoadId>(tender.shipmentId),
    shipperId: shipper?.id == null ? null : asId<CompanyId>(shipper.id),
    shipperName: shipper === null || shipper.name === '' ? null : shipper.name,
    origin: resolveStop(file, pickup, gazetteer),
    dest: resolveStop(file, drop, gazetteer),
    pickupEarliest,
    pickupLatest,
    deliveryLatest,
    equipment,
    weightLb: tender.weightLb,
    rate: tender.rate,
    currency: options.currency ?? 'USD',
    status: 'offered',
    requirements,
    // A tender is the shipper's own offer to this carrier before the truck moves: pre-arranged in the
    // cabotage sense (§3.8), unlike a load a driver finds on a board while in the US.
    preArranged: true,
  };
}
