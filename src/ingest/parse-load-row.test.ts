import { describe, expect, test } from 'vitest';
import { parseLoadRow } from './parse-load-row.ts';
import { testGazetteer } from './test-gazetteer.ts';

const gazetteer = testGazetteer();
const ctx = { file: 'loads.ndjson', row: 4, gazetteer };
const row = (overrides: Record<string, string> = {}): Record<string, string> => ({
  load_id: 'L-1',
  origin_city: 'Laredo',
  origin_region: 'TX',
  dest_city: 'Toronto',
  dest_region: 'ON',
  pickup_earliest: '2026-03-05T08:00:00-06:00',
  pickup_latest: '2026-03-05T16:00:00-06:00',
  equipment: 'reefer',
  rate: '3100',
  ...overrides,
});
const errorsOf = (fields: Record<string, string>) => {
  const result = parseLoadRow(fields, ctx);
  if (result.ok) throw new Error('expected the row to be rejected');
  return result.errors;
};

describe('parseLoadRow', () => {
  test('reads the required columns with the documented defaults', () => {
    const result = parseLoadRow(row(), ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record).toMatchObject({
      loadId: 'L-1',
      shipperId: null,
      shipperName: null,
      origin: { city: 'Laredo', region: 'TX', marketId: '4705349' },
      dest: { city: 'Toronto', region: 'ON' },
      pickupEarliest: new Date('2026-03-05T14:00:00Z'),
      pickupLatest: new Date('2026-03-05T22:00:00Z'),
      deliveryLatest: null,
      equipment: 'reefer',
      weightLb: null,
      rate: 3100,
      currency: 'USD',
      status: 'offered',
      requirements: [],
      preArranged: false,
    });
  });

  test('reads the optional columns', () => {
    const result = parseLoadRow(
      row({
        shipper_id: 'C-42',
        shipper_name: 'Lone Star Produce',
        delivery_latest: '2026-03-07T12:00:00-05:00',
        weight_lb: '42000',
        currency: 'CAD',
        status: 'Booked',
        requirements: 'FAST; Hazmat',
        pre_arranged: 'yes',
      }),
      ctx,
    );
    expect(result.ok && result.record).toMatchObject({
      shipperId: 'C-42',
      shipperName: 'Lone Star Produce',
      deliveryLatest: new Date('2026-03-07T17:00:00Z'),
      weightLb: 42000,
      currency: 'CAD',
      status: 'booked',
      requirements: ['fast', 'hazmat'],
      preArranged: true,
    });
  });

  test('pre_arranged accepts true/false, yes/no and 1/0 in any case', () => {
    const read = (value: string) => {
      const result = parseLoadRow(row({ pre_arranged: value }), ctx);
      return result.ok ? result.record.preArranged : result.errors[0]?.message;
    };
    expect(['TRUE', 'Yes', '1', 'false', 'no', '0', ''].map(read)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(read('maybe')).toBe(
      'Cannot import loads.ndjson row 4: pre_arranged "maybe" is not true or false (yes/no and 1/0 also accepted)',
    );
  });

  test('a destination in the US is allowed', () => {
    expect(parseLoadRow(row({ dest_city: 'Detroit', dest_region: 'MI' }), ctx).ok).toBe(true);
  });

  test('the pickup window and delivery deadline must not end before the window opens', () => {
    const errors = errorsOf(
      row({ pickup_latest: '2026-03-05T07:00:00-06:00', delivery_latest: '2026-03-05T12:00:00Z' }),
    );
    expect(errors.map((e) => [e.field, e.expected])).toEqual([
      ['pickup_latest', 'at or after pickup_earliest'],
      ['delivery_latest', 'at or after pickup_earliest'],
    ]);
    expect(errors[0]?.message).toBe(
      'Cannot import loads.ndjson row 4: pickup_latest "2026-03-05T07:00:00-06:00" is before pickup_earliest "2026-03-05T08:00:00-06:00"',
    );
    // Equal instants in different offsets are not "before".
    expect(parseLoadRow(row({ pickup_latest: '2026-03-05T09:00:00-05:00' }), ctx).ok).toBe(true);
  });

  test('collects every error: status, rate, weight, places', () => {
    const errors = errorsOf(
      row({
        status: 'pending',
        rate: '-1',
        weight_lb: 'heavy',
        origin_city: 'Laredoo',
        dest_region: 'Ontario',
      }),
    );
    expect(errors.map((e) => e.field)).toEqual(['dest_region', 'rate', 'weight_lb', 'status', 'origin_city']);
    expect(errors.find((e) => e.field === 'status')?.expected).toBe('one of offered, committed, booked');
  });

  test('origin_lat/dest_zip are not load columns and do not override the city', () => {
    const result = parseLoadRow(row({ origin_lat: '45', origin_lon: '-73', dest_zip: '75201' }), ctx);
    expect(result.ok && [result.record.origin.city, result.record.dest.city]).toEqual(['Laredo', 'Toronto']);
  });
});
