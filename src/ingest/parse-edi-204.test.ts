import { describe, expect, test } from 'vitest';
import { EdiError } from './edi-x12.ts';
import { parseEdi204 } from './parse-edi-204.ts';
import { tenderToLoad } from './tender-to-load.ts';
import { testGazetteer } from './test-gazetteer.ts';

/** The fixed-width ISA, padded here so the fixtures below stay readable. */
const isaHeader = (sender: string, receiver: string, control: string): string =>
  ['ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', sender.padEnd(15), 'ZZ', receiver.padEnd(15)]
    .concat(['260302', '0930', 'U', '00401', control, '0', 'P', '>'])
    .join('*');

// Segment numbers (ISA = 1) are noted because the error tests below cite them.
const SEGMENTS: readonly string[] = [
  isaHeader('SHIPPERCO', 'NORTHBOUND', '000000101'), // 1
  'GS*SM*SHIPPERCO*NORTHBOUND*20260302*0930*101*X*004010', // 2
  'ST*204*0001', // 3
  'B2**NBHL**SHP-88123**PP', // 4
  'B2A*00*LT', // 5
  'L11*BOL-5521*BM', // 6
  'L11*PO-7781*PO', // 7
  'N1*SH*Lone Star Produce*93*C-42', // 8
  ['N7', '', 'TRL123', '', '', '', '', '', '', '', '', 'RT'].join('*'), // 9
  'AT8*G*L*42000*22', // 10
  'AT5*HM', // 11
  'S5*1*LD', // 12
  'L11*PU-1*PUA', // 13
  'G62*37*20260305*I*0800*LT', // 14
  'G62*38*20260305*K*1600', // 15
  'N1*SF*Lone Star Produce Laredo*93*LSP-LRD', // 16
  'N3*4810 Modern Ln', // 17
  'N4*Laredo*TX*78040*US', // 18
  'S5*2*LD*18000*L', // 19
  'G62*69*20260305*U*1800', // 20
  'N1*SF*Dallas Cold Storage', // 21
  'N4*Dallas*TX*75201', // 22
  'S5*3*UL', // 23
  'G62*54*20260308*L*1200*LT', // 24
  'N1*CN*Maple Leaf Foods DC*93*MLF-TOR', // 25
  'N4*Toronto*ON*M5V 2T6*CA', // 26
  'L3*42000*G***310000', // 27
  'SE*26*0001', // 28
  'GE*1*101', // 29
  'IEA*1*000000101', // 30
];
const edi = (segments: readonly string[]): string => segments.map((s) => `${s}~\n`).join('');
/** The fixture with segment n (1-based, as errors count) replaced, or removed when text is null. */
const withSegment = (n: number, text: string | null, base: readonly string[] = SEGMENTS): string[] => {
  const copy = [...base];
  if (text === null) copy.splice(n - 1, 1);
  else copy[n - 1] = text;
  return copy;
};
const failure = (text: string): EdiError => {
  try {
    const tenders = parseEdi204(text, 'tender.edi');
    tenders.map((t) => tenderToLoad(t, { file: 'tender.edi', gazetteer: testGazetteer() }));
  } catch (error) {
    if (error instanceof EdiError) return error;
    throw error;
  }
  throw new Error('expected the tender to be rejected');
};

describe('parseEdi204', () => {
  test('the fixture ISA is the fixed 106 characters', () => {
    expect(`${SEGMENTS[0]}~`).toHaveLength(106);
  });

  test('reads a two-pick, one-drop tender with dates in each stop’s local time', () => {
    const [tender, ...rest] = parseEdi204(edi(SEGMENTS), 'tender.edi');
    expect(rest).toEqual([]);
    expect(tender).toMatchObject({
      controlNumber: '0001',
      segment: 3,
      shipmentId: 'SHP-88123',
      scac: 'NBHL',
      purpose: 'original',
      paymentMethod: 'PP',
      references: [
        { qualifier: 'BM', value: 'BOL-5521' },
        { qualifier: 'PO', value: 'PO-7781' },
      ],
      parties: [{ entity: 'SH', name: 'Lone Star Produce', idQualifier: '93', id: 'C-42', segment: 8 }],
      equipmentCode: 'RT',
      equipment: 'reefer',
      weightLb: 42000,
      rate: 3100,
      specialHandling: ['HM'],
    });
    const [laredo, dallas, toronto] = tender?.stops ?? [];
    // Laredo is CST (−6) on 5 March 2026: 08:00 → 14:00Z, 16:00 → 22:00Z.
    expect(laredo).toMatchObject({
      sequence: 1,
      reasonCode: 'LD',
      reason: 'pickup',
      segment: 12,
      references: [{ qualifier: 'PUA', value: 'PU-1' }],
      earliest: new Date('2026-03-05T14:00:00Z'),
      latest: new Date('2026-03-05T22:00:00Z'),
      weightLb: null,
    });
    expect(laredo?.parties[0]).toMatchObject({
      entity: 'SF',
      address: ['4810 Modern Ln'],
      city: 'Laredo',
      region: 'TX',
      postalCode: '78040',
      country: 'US',
      segment: 16,
      placeSegment: 18,
    });
    // A scheduled pick-up (69) is one moment: 18:00 CST → 00:00Z next day, both ends.
    expect(dallas).toMatchObject({
      reason: 'pickup',
      earliest: new Date('2026-03-06T00:00:00Z'),
      latest: new Date('2026-03-06T00:00:00Z'),
      weightLb: 18000,
    });
    // Toronto switched to EDT (−4) at 02:00 on Sunday 8 March 2026: noon → 16:00Z; no opening given.
    expect(toronto).toMatchObject({
      reason: 'drop',
      earliest: null,
      latest: new Date('2026-03-08T16:00:00Z'),
    });
    expect(toronto?.parties[0]).toMatchObject({ region: 'ON', postalCode: 'M5V 2T6', country: 'CA' });
  });

  test('a date without a time spans the whole local day; UT times are UTC', () => {
    const text = edi(withSegment(15, 'G62*38*20260305*K*1600*UT', withSegment(14, 'G62*37*20260305')));
    const stop = parseEdi204(text, 'tender.edi')[0]?.stops[0];
    expect(stop?.earliest).toEqual(new Date('2026-03-05T06:00:00Z'));
    expect(stop?.latest).toEqual(new Date('2026-03-05T16:00:00Z'));
  });

  test('kilograms become pounds and an L3 charge with a point is taken as written', () => {
    const text = edi(withSegment(27, 'L3*****2750.50', withSegment(10, 'AT8*G*K*1000')));
    expect(parseEdi204(text, 'tender.edi')[0]).toMatchObject({ weightLb: 2205, rate: 2750.5 });
  });
});

describe('malformed 204s are rejected with the segment and element', () => {
  test('an ISA element of the wrong width', () => {
    const short = isaHeader('SHIPPERCO', 'NORTHBOUND', '000000101').replace(
      'SHIPPERCO      ',
      'SHIPPERCO     ',
    );
    const error = failure(edi(withSegment(1, short)));
    expect(error.message).toBe(
      'Cannot read tender.edi segment 1 (ISA): element 06 "SHIPPERCO     " is 14 characters, expected 15 (the ISA is fixed-width, 106 characters)',
    );
    expect(error).toMatchObject({ code: 'invalid_input', segment: 1, segmentId: 'ISA', element: 6 });
  });

  test('a transaction set without its SE trailer', () => {
    expect(failure(edi(withSegment(28, null))).message).toBe(
      'Cannot read tender.edi segment 3 (ST): element 02 "0001" has no SE trailer before segment 28 (GE)',
    );
  });

  test('an SE whose segment count is wrong', () => {
    const error = failure(edi(withSegment(28, 'SE*25*0001')));
    expect(error.message).toBe(
      'Cannot read tender.edi segment 28 (SE): element 01 "25" does not match the 26 segments from ST to SE',
    );
    expect(error).toMatchObject({ segment: 28, element: 1, value: '25', expected: '26' });
  });

  test('a GE whose control number differs from GS-06', () => {
    expect(failure(edi(withSegment(29, 'GE*1*102'))).message).toBe(
      'Cannot read tender.edi segment 29 (GE): element 02 "102" does not match the GS-06 control number "101"',
    );
  });

  test('a G62 date that is not on the calendar', () => {
    expect(failure(edi(withSegment(14, 'G62*37*20261345*I*0800'))).message).toBe(
      'Cannot read tender.edi segment 14 (G62): element 02 "20261345" is not a date CCYYMMDD',
    );
  });

  test('a G62 time past 23:59', () => {
    expect(failure(edi(withSegment(15, 'G62*38*20260305*K*2460'))).message).toBe(
      'Cannot read tender.edi segment 15 (G62): element 04 "2460" is not a time HHMM (00:00 to 23:59)',
    );
  });

  test('an N4 with an unknown state', () => {
    const error = failure(edi(withSegment(18, 'N4*Laredo*XX*78040*US')));
    expect(error.message).toBe(
      'Cannot read tender.edi segment 18 (N4): element 02 "XX" is not a US state or Canadian province code',
    );
    expect(error).toMatchObject({ segment: 18, segmentId: 'N4', element: 2, value: 'XX' });
  });

  test('an unknown stop reason and an unmapped equipment code', () => {
    expect(failure(edi(withSegment(23, 'S5*3*XX'))).message).toMatch(
      /^Cannot read tender\.edi segment 23 \(S5\): element 02 "XX" is not a stop reason code: expected one of LD, CL/,
    );
    expect(failure(edi(withSegment(9, 'N7**TRL123*********ZZ'))).message).toMatch(
      /^Cannot read tender\.edi segment 9 \(N7\): element 11 "ZZ" is not an equipment code/,
    );
  });

  test('a stop that closes before it opens', () => {
    expect(failure(edi(withSegment(15, 'G62*38*20260304*K*1600'))).message).toBe(
      'Cannot read tender.edi segment 15 (G62): element 02 "20260304" closes the stop at 2026-03-04T22:00:00.000Z, before it opens at 2026-03-05T14:00:00.000Z',
    );
  });

  test('a transaction set that is not a 204', () => {
    expect(failure(edi(withSegment(3, 'ST*990*0001'))).message).toBe(
      'Cannot read tender.edi segment 3 (ST): element 01 "990" is not a 204 load tender',
    );
  });
});

describe('tenderToLoad', () => {
  const gazetteer = testGazetteer();
  const toLoad = (segments: readonly string[]) => {
    const [tender] = parseEdi204(edi(segments), 'tender.edi');
    if (tender === undefined) throw new Error('expected a tender');
    return tenderToLoad(tender, { file: 'tender.edi', gazetteer });
  };

  test('first pick-up is the origin, last drop the destination, the shipper from N1*SH', () => {
    expect(toLoad(SEGMENTS)).toMatchObject({
      loadId: 'SHP-88123',
      shipperId: 'C-42',
      shipperName: 'Lone Star Produce',
      origin: { city: 'Laredo', region: 'TX', marketId: '4705349', resolvedBy: 'zip' },
      dest: { city: 'Toronto', region: 'ON', marketId: '6167865', resolvedBy: 'city' },
      pickupEarliest: new Date('2026-03-05T14:00:00Z'),
      pickupLatest: new Date('2026-03-05T22:00:00Z'),
      deliveryLatest: new Date('2026-03-08T16:00:00Z'),
      equipment: 'reefer',
      weightLb: 42000,
      rate: 3100,
      currency: 'USD',
      status: 'offered',
      requirements: ['hazmat'],
      preArranged: true,
    });
  });

  test('stops are ordered by S5 sequence, not by position in the file', () => {
    const swapped = withSegment(19, 'S5*0*LD*18000*L');
    expect(toLoad(swapped)).toMatchObject({
      origin: { city: 'Dallas' },
      pickupEarliest: new Date('2026-03-06T00:00:00Z'),
      pickupLatest: new Date('2026-03-06T00:00:00Z'),
    });
  });

  test('without a header N1*SH the first pick-up’s SH party is the shipper', () => {
    const load = toLoad(withSegment(16, 'N1*SH*Rio Grande Growers', withSegment(8, 'N1*BT*Broker Billing')));
    expect(load).toMatchObject({ shipperId: null, shipperName: 'Rio Grande Growers' });
  });

  test('a city the gazetteer does not know is an error on N4-01', () => {
    const error = failure(edi(withSegment(26, 'N4*Torontoo*ON*M5V 2T6*CA')));
    expect(error.message).toMatch(
      /^Cannot read tender\.edi segment 26 \(N4\): element 01 "Torontoo" cannot be placed: /,
    );
    expect(error).toMatchObject({ segment: 26, element: 1, value: 'Torontoo' });
  });

  test('a cancellation, a tender without a drop and one without a charge are refused', () => {
    expect(failure(edi(withSegment(5, 'B2A*01'))).message).toBe(
      'Cannot read tender.edi segment 3 (ST): is a cancellation (B2A-01 "01") of shipment SHP-88123: it withdraws a load rather than offering one',
    );
    expect(failure(edi(withSegment(23, 'S5*3*LD'))).message).toBe(
      'Cannot read tender.edi segment 3 (ST): shipment SHP-88123 needs at least one pick-up (S5 LD) and one drop (S5 UL)',
    );
    expect(failure(edi(withSegment(27, 'L3*42000*G'))).message).toBe(
      'Cannot read tender.edi segment 3 (ST): shipment SHP-88123 has no L3-05 charge',
    );
  });
});
