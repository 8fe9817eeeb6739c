/**
 * EDI X12 990 Response to a Load Tender (004010), the carrier's accept or decline (DESIGN.md §3.7):
 *   ISA · GS (GF) · ST 990 · B1 (SCAC, shipment id, date, A/D) · N9* (references) · K1? (decline remark) · SE · GE · IEA
 * Control numbers come from the caller (the store that numbers interchanges), and dates are written in
 * UTC from `createdAt`, so the same response always writes the same bytes.
 */
import { NorthboundError } from '../domain/errors.ts';
import { ISA_WIDTHS } from './edi-x12.ts';

export interface TenderResponse {
  readonly scac: string;
  /** B2-04 of the tender being answered. */
  readonly shipmentId: string;
  readonly action: 'accept' | 'decline';
  /** N9 references (qualifier, value), e.g. the tender's BM bill of lading. */
  readonly references?: readonly { readonly qualifier: string; readonly value: string }[];
  /** Written as a K1 remark on a decline (X12 limits a remark to 30 characters). */
  readonly declineReason?: string;
}

export interface X12Envelope {
  readonly senderQualifier: string;
  readonly senderId: string;
  readonly receiverQualifier: string;
  readonly receiverId: string;
  /** GS-02 / GS-03 application codes; default to the interchange ids. */
  readonly senderCode?: string;
  readonly receiverCode?: string;
  readonly interchangeControlNumber: number;
  readonly groupControlNumber: number;
  readonly transactionControlNumber: number;
  readonly createdAt: Date;
  /** ISA-15: P production (default) or T test. */
  readonly usage?: 'P' | 'T';
  readonly elementSeparator?: string;
  readonly subElementSeparator?: string;
  readonly segmentTerminator?: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function invalid(field: string, value: unknown, expected: string): NorthboundError {
  return new NorthboundError(
    'invalid_input',
    `Cannot write the 990: ${field} ${JSON.stringify(value)} is not ${expected}`,
    { field, value, expected },
  );
}

function controlNumber(field: string, value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 999_999_999) {
    throw invalid(field, value, 'an integer from 1 to 999999999');
  }
  return String(value);
}

/** Writes one 990 interchange; the text ends with the segment terminator and a newline per segment. */
export function writeEdi990(response: TenderResponse, envelope: X12Envelope): string {
  const element = envelope.elementSeparator ?? '*';
  const sub = envelope.subElementSeparator ?? '>';
  const terminator = envelope.segmentTerminator ?? '~';
  const delimiters = [element, sub, terminator];
  if (new Set(delimiters).size !== 3 || delimiters.some((d) => d.length !== 1 || /[A-Za-z0-9 ]/.test(d))) {
    throw invalid('delimiters', delimiters.join(''), 'three distinct single punctuation characters');
  }
  // A value holding a delimiter would split into extra elements or segments on the partner's side.
  const clean = (field: string, value: string, min: number, max: number): string => {
    if (
      value.length < min ||
      value.length > max ||
      delimiters.some((d) => value.includes(d)) ||
      /[\r\n]/.test(value)
    ) {
      throw invalid(field, value, `${min}–${max} characters without ${delimiters.join(' ')} or line breaks`);
    }
    return value;
  };
  if (!/^[A-Z0-9]{2,4}$/.test(response.scac))
    throw invalid('scac', response.scac, 'a SCAC of 2–4 letters or digits');
  if (Number.isNaN(envelope.createdAt.getTime()))
    throw invalid('createdAt', String(envelope.createdAt), 'a date');

  const at = envelope.createdAt;
  const ccyymmdd = `${at.getUTCFullYear()}${pad2(at.getUTCMonth() + 1)}${pad2(at.getUTCDate())}`;
  const hhmm = `${pad2(at.getUTCHours())}${pad2(at.getUTCMinutes())}`;
  const isaControl = controlNumber('interchangeControlNumber', envelope.interchangeControlNumber).padStart(
    9,
    '0',
  );
  const gsControl = controlNumber('groupControlNumber', envelope.groupControlNumber);
  const stControl = controlNumber('transactionControlNumber', envelope.transactionControlNumber).padStart(
    4,
    '0',
  );

  const isaValues = [
    '00',
    '',
    '00',
    '',
    clean('senderQualifier', envelope.senderQualifier, 2, 2),
    clean('senderId', envelope.senderId, 1, 15),
    clean('receiverQualifier', envelope.receiverQualifier, 2, 2),
    clean('receiverId', envelope.receiverId, 1, 15),
    ccyymmdd.slice(2),
    hhmm,
    'U',
    '00401',
    isaControl,
    '0',
    envelope.usage ?? 'P',
    sub,
  ].map((value, i) => value.padEnd(ISA_WIDTHS[i] ?? 0, ' '));

  const body: string[][] = [
    ['ST', '990', stControl],
    [
      'B1',
      response.scac,
      clean('shipmentId', response.shipmentId, 1, 30),
      ccyymmdd,
      response.action === 'accept' ? 'A' : 'D',
    ],
    ...(response.references ?? []).map((ref) => [
      'N9',
      clean('reference qualifier', ref.qualifier, 2, 3),
      clean('reference', ref.value, 1, 30),
    ]),
  ];
  if (response.action === 'decline' && response.declineReason !== undefined) {
    body.push(['K1', clean('declineReason', response.declineReason, 1, 30)]);
  }
  body.push(['SE', String(body.length + 1), stControl]);

  const segments: string[][] = [
    ['ISA', ...isaValues],
    [
      'GS',
      'GF',
      clean('senderCode', envelope.senderCode ?? envelope.senderId, 2, 15),
      clean('receiverCode', envelope.receiverCode ?? envelope.receiverId, 2, 15),
      ccyymmdd,
      hhmm,
      gsControl,
      'X',
      '004010',
    ],
    ...body,
    ['GE', '1', gsControl],
    ['IEA', '1', isaControl],
  ];
  return segments.map((segment) => `${segment.join(element)}${terminator}\n`).join('');
}
