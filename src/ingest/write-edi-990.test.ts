import { describe, expect, test } from 'vitest';
import { elementAt, parseEdiX12 } from './edi-x12.ts';
import { writeEdi990, type X12Envelope } from './write-edi-990.ts';

const envelope: X12Envelope = {
  senderQualifier: 'ZZ',
  senderId: 'NORTHBOUND',
  receiverQualifier: 'ZZ',
  receiverId: 'SHIPPERCO',
  interchangeControlNumber: 42,
  groupControlNumber: 7,
  transactionControlNumber: 3,
  createdAt: new Date('2026-03-02T15:04:00Z'),
};

describe('writeEdi990', () => {
  test('writes an accept with the envelope, counts and control numbers an X12 guide expects', () => {
    const text = writeEdi990(
      {
        scac: 'NBHL',
        shipmentId: 'SHP-88123',
        action: 'accept',
        references: [{ qualifier: 'BM', value: 'BOL-5521' }],
      },
      envelope,
    );
    expect(text.split('\n')).toEqual([
      'ISA*00*          *00*          *ZZ*NORTHBOUND     *ZZ*SHIPPERCO      *260302*1504*U*00401*000000042*0*P*>~',
      'GS*GF*NORTHBOUND*SHIPPERCO*20260302*1504*7*X*004010~',
      'ST*990*0003~',
      'B1*NBHL*SHP-88123*20260302*A~',
      'N9*BM*BOL-5521~',
      'SE*4*0003~',
      'GE*1*7~',
      'IEA*1*000000042~',
      '',
    ]);
    expect(text.indexOf('~')).toBe(105);
  });

  test('round-trips through the X12 reader: same fields back, envelope checks pass', () => {
    const text = writeEdi990(
      {
        scac: 'NBHL',
        shipmentId: 'SHP-88123',
        action: 'decline',
        references: [
          { qualifier: 'BM', value: 'BOL-5521' },
          { qualifier: 'PO', value: 'PO-7781' },
        ],
        declineReason: 'No capacity on lane',
      },
      { ...envelope, usage: 'T', elementSeparator: '|', subElementSeparator: '^', segmentTerminator: '!' },
    );
    const interchange = parseEdiX12(text, 'response.edi');
    expect(interchange).toMatchObject({
      elementSeparator: '|',
      subElementSeparator: '^',
      segmentTerminator: '!',
      senderId: 'NORTHBOUND',
      receiverId: 'SHIPPERCO',
      controlNumber: '000000042',
      usage: 'T',
    });
    const [group] = interchange.groups;
    expect(group).toMatchObject({ functionalId: 'GF', controlNumber: '7' });
    const [transaction] = group?.transactions ?? [];
    expect(transaction).toMatchObject({ setId: '990', controlNumber: '0003' });
    const body = transaction?.body ?? [];
    expect(body.map((segment) => segment.elements)).toEqual([
      ['B1', 'NBHL', 'SHP-88123', '20260302', 'D'],
      ['N9', 'BM', 'BOL-5521'],
      ['N9', 'PO', 'PO-7781'],
      ['K1', 'No capacity on lane'],
    ]);
    // Segment numbers count from ISA = 1, so B1 is the fourth segment.
    expect(body[0] && elementAt(body[0], 4)).toBe('D');
    expect(body[0]?.number).toBe(4);
  });

  test('a decline reason is written only on a decline', () => {
    const text = writeEdi990(
      { scac: 'NBHL', shipmentId: 'S1', action: 'accept', declineReason: 'ignored' },
      envelope,
    );
    expect(text).not.toContain('K1');
    expect(text).toContain('SE*3*0003~');
  });

  test('refuses values that would corrupt the interchange', () => {
    expect(() => writeEdi990({ scac: 'NBHL', shipmentId: 'SHP*1', action: 'accept' }, envelope)).toThrow(
      'Cannot write the 990: shipmentId "SHP*1" is not 1–30 characters without * > ~ or line breaks',
    );
    expect(() => writeEdi990({ scac: 'nbhl!', shipmentId: 'S1', action: 'accept' }, envelope)).toThrow(
      'Cannot write the 990: scac "nbhl!" is not a SCAC of 2–4 letters or digits',
    );
    expect(() =>
      writeEdi990(
        { scac: 'NBHL', shipmentId: 'S1', action: 'accept' },
        { ...envelope, interchangeControlNumber: 0 },
      ),
    ).toThrow('Cannot write the 990: interchangeControlNumber 0 is not an integer from 1 to 999999999');
    expect(() =>
      writeEdi990(
        { scac: 'NBHL', shipmentId: 'S1', action: 'accept' },
        { ...envelope, senderId: 'A'.repeat(16) },
      ),
    ).toThrow(/senderId "A{16}" is not 1–15 characters/);
  });
});
