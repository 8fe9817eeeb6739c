/**
 * EDI X12 204 Motor Carrier Load Tender (004010) → tenders (DESIGN.md §3.7). A tender is what the
 * shipper or broker sent, in X12's terms; tender-to-load.ts turns one into the Load the planner uses.
 *
 * Segments read (others — MS3, NTE, PLD, LAD, OID, G61, L5, MEA … — are skipped):
 *   B2   02 SCAC, 04 shipment id, 06 payment method        B2A  01 purpose (00 original, 01 cancel, 04 change, 05 replace)
 *   L11  01 reference, 02 qualifier (header or stop)        N1/N3/N4  party, address, city/state/ZIP/country
 *   N7   11 equipment description code                      AT8  02 unit (L lb, K kg), 03 weight
 *   AT5  01 special handling code (HM hazmat)               S5   01 stop sequence, 02 reason (LD/CL/PL pick up, UL/CU/PU drop)
 *   G62  01 date qualifier, 02 CCYYMMDD, 03 time qualifier, 04 HHMM[SS], 05 time code (LT/blank local, UT/GM UTC)
 *   S5-03/04 stop weight and unit (an AT8 in the stop overrides it)
 *   L3   01 weight, 05 charge (X12 type N2: two implied decimals, so 310000 is 3100.00; a written point is honoured)
 *
 * Equipment (N7-11 → the product's trailer types). This is our mapping of the common codes, not a standard:
 *   dry_van: TL trailer, TV truck/van, VN van, DV dry van     reefer: RT controlled-temperature trailer, RF, RV
 *   flatbed: FT flat bed trailer, FR flat rack, FB            step_deck: SD step deck, DD double drop, LB lowboy
 *   tanker: TN tank, TK tank truck, TQ
 *
 * G62 dates: 37/53 (ship/deliver not before) set the stop's earliest, 38/54 (not later than) its latest;
 * 10/68/69/70 (requested or scheduled pick-up/delivery) are one moment — both ends, unless time qualifier
 * I/G (earliest) or K/L (latest) says which — and are overridden by the explicit not-before/not-later pair.
 * A date without a time opens at 00:00 and closes at 23:59. Times are the stop's local clock (its N4 state)
 * unless G62-05 says UTC. Other qualifiers are validated and ignored.
 */
import type { Equipment } from '../domain/equipment.ts';
import { isRegion, type Region } from '../domain/regions.ts';
import {
  EdiError,
  elementAt,
  parseEdiX12,
  readX12Date,
  readX12Decimal,
  readX12Time,
  type X12Segment,
} from './edi-x12.ts';
import { readStopDate, stopWindow, type StopDate } from './edi-204-stop-dates.ts';

export type TenderPurpose = 'original' | 'cancellation' | 'change' | 'replace';
export type StopReason = 'pickup' | 'drop';

export interface TenderReference {
  readonly qualifier: string;
  readonly value: string;
}

export interface TenderParty {
  /** N1-01: SH shipper, CN consignee, ST ship to, SF ship from, BT bill to, … */
  readonly entity: string;
  readonly name: string;
  readonly idQualifier: string | null;
  readonly id: string | null;
  readonly address: readonly string[];
  readonly city: string | null;
  /** Null outside the US and Canada. */
  readonly region: Region | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  /** Segment number of the N1, and of the N4 (null when the party has no N4). */
  readonly segment: number;
  readonly placeSegment: number | null;
}

export interface TenderStop {
  readonly sequence: number;
  readonly reasonCode: string;
  readonly reason: StopReason;
  /** Segment number of the S5. */
  readonly segment: number;
  readonly parties: readonly TenderParty[];
  readonly references: readonly TenderReference[];
  readonly earliest: Date | null;
  readonly latest: Date | null;
  readonly weightLb: number | null;
}

/** Who exchanged the 204, from its ISA and GS: a 990 answers by swapping them. */
export interface TenderEnvelope {
  readonly senderQualifier: string;
  readonly senderId: string;
  readonly receiverQualifier: string;
  readonly receiverId: string;
  readonly senderCode: string;
  readonly receiverCode: string;
}

export interface Tender {
  readonly envelope: TenderEnvelope;
  /** ST-02 and the ST's segment number. */
  readonly controlNumber: string;
  readonly segment: number;
  readonly shipmentId: string;
  readonly scac: string;
  readonly purpose: TenderPurpose;
  readonly paymentMethod: string | null;
  readonly references: readonly TenderReference[];
  readonly parties: readonly TenderParty[];
  readonly equipmentCode: string | null;
  readonly equipment: Equipment | null;
  readonly weightLb: number | null;
  /** L3-05 total charge, in the tender's currency. */
  readonly rate: number | null;
  readonly specialHandling: readonly string[];
  readonly stops: readonly TenderStop[];
}

// prettier-ignore
const PURPOSES: Readonly<Record<string, TenderPurpose>> = {
  '00': 'original', '01': 'cancellation', '04': 'change', '05': 'replace',
};
// prettier-ignore
const STOP_REASONS: Readonly<Record<string, StopReason>> = {
  LD: 'pickup', CL: 'pickup', PL: 'pickup', UL: 'drop', CU: 'drop', PU: 'drop',
};
// prettier-ignore
const EQUIPMENT_CODES: Readonly<Record<string, Equipment>> = {
  TL: 'dry_van', TV: 'dry_van', VN: 'dry_van', DV: 'dry_van', RT: 'reefer', RF: 'reefer', RV: 'reefer',
  FT: 'flatbed', FR: 'flatbed', FB: 'flatbed', SD: 'step_deck', DD: 'step_deck', LB: 'step_deck',
  TN: 'tanker', TK: 'tanker', TQ: 'tanker',
};
const KG_TO_LB = 2.20462;
const US_OR_CA = new Set(['', 'US', 'USA', 'CA', 'CAN']);

/** An EdiError on the value at `position`. */
const fail = (file: string, segment: X12Segment, at: number, expected: string, problem: string): EdiError =>
  new EdiError(file, segment, at, elementAt(segment, at), expected, problem);

/** The code at `position` looked up in `table`, or an error listing the codes this reader knows. */
function readCode<T>(
  file: string,
  segment: X12Segment,
  position: number,
  table: Readonly<Record<string, T>>,
  what: string,
): T {
  const value = elementAt(segment, position);
  const mapped = table[value];
  if (mapped !== undefined) return mapped;
  const expected = `one of ${Object.keys(table).join(', ')}`;
  throw new EdiError(file, segment, position, value, expected, `is not ${what}: expected ${expected}`);
}

/** Weight in pounds from a weight element and its unit element (AT8-03/02, S5-03/04). */
function readWeight(file: string, segment: X12Segment, weightAt: number, unitAt: number): number {
  const unit = elementAt(segment, unitAt);
  const weight = readX12Decimal(file, segment, weightAt, 'a weight ≥ 0');
  if (unit === 'L' || unit === '') return weight;
  if (unit === 'K') return Math.round(weight * KG_TO_LB);
  throw fail(file, segment, unitAt, 'L or K', 'is not a weight unit: expected L (pounds) or K (kilograms)');
}

interface PartyDraft {
  entity: string;
  name: string;
  idQualifier: string | null;
  id: string | null;
  address: string[];
  city: string | null;
  region: Region | null;
  postalCode: string | null;
  country: string | null;
  segment: number;
  placeSegment: number | null;
}

interface StopDraft {
  readonly s5: X12Segment;
  readonly sequence: number;
  readonly reasonCode: string;
  readonly reason: StopReason;
  readonly parties: PartyDraft[];
  readonly references: TenderReference[];
  readonly dates: StopDate[];
  weightLb: number | null;
}

const orNull = (value: string): string | null => (value === '' ? null : value);

function readN4(file: string, segment: X12Segment, party: PartyDraft): void {
  const state = elementAt(segment, 2);
  const country = elementAt(segment, 4);
  const inUsOrCanada = US_OR_CA.has(country);
  if (inUsOrCanada && state !== '' && !isRegion(state)) {
    throw fail(
      file,
      segment,
      2,
      'a US state or Canadian province code',
      'is not a US state or Canadian province code',
    );
  }
  party.city = orNull(elementAt(segment, 1));
  party.region = inUsOrCanada && isRegion(state) ? state : null;
  party.postalCode = orNull(elementAt(segment, 3));
  party.country = orNull(country);
  party.placeSegment = segment.number;
}

/** Reads one 204 transaction set body into a tender. */
function readTender(
  file: string,
  envelope: TenderEnvelope,
  st: X12Segment,
  body: readonly X12Segment[],
): Tender {
  let b2: X12Segment | null = null;
  let purpose: TenderPurpose | null = null;
  const references: TenderReference[] = [];
  const parties: PartyDraft[] = [];
  const stops: StopDraft[] = [];
  const specialHandling: string[] = [];
  let equipmentCode: string | null = null;
  let equipment: Equipment | null = null;
  let weightLb: number | null = null;
  let summaryWeightLb: number | null = null;
  let rate: number | null = null;
  /*
   * State: `stop` is the open S5 loop (null in the heading); `party` is the open N1 loop, which N2/N3/N4
   * extend. An S5 opens a stop and closes any party; an N1 opens a party within the current stop or
   * heading; L3 (summary) closes both.
   */
  let stop: StopDraft | null = null;
  let party: PartyDraft | null = null;
  for (const segment of body) {
    const el = (position: number): string => elementAt(segment, position);
    switch (segment.id) {
      case 'B2': {
        b2 = segment;
        if (el(4) === '')
          throw new EdiError(file, segment, 4, '', 'a shipment id', 'is empty: no shipment id');
        break;
      }
      case 'B2A':
        purpose = readCode(file, segment, 1, PURPOSES, 'a purpose code');
        break;
      case 'L11':
        (stop?.references ?? references).push({ qualifier: el(2), value: el(1) });
        break;
      case 'G62': {
        if (stop === null) {
          readX12Date(file, segment, 2);
          readX12Time(file, segment, 4);
          break;
        }
        const date = readStopDate(file, segment);
        if (date !== null) stop.dates.push(date);
        break;
      }
      case 'N1':
        party = {
          entity: el(1),
          name: el(2),
          idQualifier: orNull(el(3)),
          id: orNull(el(4)),
          address: [],
          city: null,
          region: null,
          postalCode: null,
          country: null,
          segment: segment.number,
          placeSegment: null,
        };
        (stop?.parties ?? parties).push(party);
        break;
      case 'N3':
        party?.address.push(...[el(1), el(2)].filter((line) => line !== ''));
        break;
      case 'N4':
        if (party === null)
          throw new EdiError(file, segment, 0, '', 'N1 before N4', 'is not inside an N1 loop');
        readN4(file, segment, party);
        break;
      case 'N7':
        if (el(11) === '') break;
        equipment = readCode(file, segment, 11, EQUIPMENT_CODES, 'an equipment code this reader maps');
        equipmentCode = el(11);
        break;
      case 'AT8': {
        const weight = readWeight(file, segment, 3, 2);
        if (stop === null) weightLb = weight;
        else stop.weightLb = weight;
        break;
      }
      case 'AT5':
        if (el(1) !== '') specialHandling.push(el(1));
        break;
      case 'S5': {
        if (!/^\d+$/.test(el(1))) {
          throw new EdiError(file, segment, 1, el(1), 'a stop number', 'is not a stop sequence number');
        }
        const reason = readCode(file, segment, 2, STOP_REASONS, 'a stop reason code');
        stop = {
          s5: segment,
          sequence: Number(el(1)),
          reasonCode: el(2),
          reason,
          parties: [],
          references: [],
          dates: [],
          weightLb: el(3) === '' ? null : readWeight(file, segment, 3, 4),
        };
        stops.push(stop);
        party = null;
        break;
      }
      case 'L3': {
        stop = null;
        party = null;
        if (el(1) !== '') summaryWeightLb = readX12Decimal(file, segment, 1, 'a weight ≥ 0');
        const charge = el(5);
        if (charge !== '') {
          const amount = readX12Decimal(file, segment, 5, 'a charge (two implied decimals)');
          rate = charge.includes('.') ? amount : amount / 100;
        }
        break;
      }
      default:
        break;
    }
  }
  if (b2 === null) throw new EdiError(file, st, 0, '', 'B2', 'has no B2 segment (shipment id and SCAC)');
  if (purpose === null)
    throw new EdiError(file, st, 0, '', 'B2A', 'has no B2A segment (transaction purpose)');
  const pickupWeights = stops.filter((s) => s.reason === 'pickup' && s.weightLb !== null);
  const stopWeight =
    pickupWeights.length === 0 ? null : pickupWeights.reduce((sum, s) => sum + (s.weightLb ?? 0), 0);
  return {
    envelope,
    controlNumber: elementAt(st, 2),
    segment: st.number,
    shipmentId: elementAt(b2, 4),
    scac: elementAt(b2, 2),
    purpose,
    paymentMethod: orNull(elementAt(b2, 6)),
    references,
    parties,
    equipmentCode,
    equipment,
    weightLb: weightLb ?? summaryWeightLb ?? stopWeight,
    rate,
    specialHandling,
    stops: stops.map((s) => ({
      sequence: s.sequence,
      reasonCode: s.reasonCode,
      reason: s.reason,
      segment: s.s5.number,
      parties: s.parties,
      references: s.references,
      ...stopWindow(file, s.dates, s.parties.find((party) => party.region !== null)?.region ?? null),
      weightLb: s.weightLb,
    })),
  };
}

/** Parses an interchange of 204 load tenders; every transaction set must be a 204. */
export function parseEdi204(text: string, file: string): Tender[] {
  const interchange = parseEdiX12(text, file);
  const tenders: Tender[] = [];
  for (const group of interchange.groups) {
    for (const transaction of group.transactions) {
      if (transaction.setId !== '204') {
        throw new EdiError(file, transaction.st, 1, transaction.setId, '204', 'is not a 204 load tender');
      }
      const envelope: TenderEnvelope = {
        senderQualifier: interchange.senderQualifier,
        senderId: interchange.senderId,
        receiverQualifier: interchange.receiverQualifier,
        receiverId: interchange.receiverId,
        senderCode: group.senderCode,
        receiverCode: group.receiverCode,
      };
      tenders.push(readTender(file, envelope, transaction.st, transaction.body));
    }
  }
  return tenders;
}
