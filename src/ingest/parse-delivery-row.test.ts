import { describe, expect, test } from 'vitest';
import { parseDeliveryRow } from './parse-delivery-row.ts';
import { testGazetteer } from './test-gazetteer.ts';

const gazetteer = testGazetteer();
const ctx = { file: 'deliveries.csv', row: 3, gazetteer };
const row = (overrides: Record<string, string> = {}): Record<string, string> => ({
  delivery_id: 'D-1',
  truck_id: 'T-101',
  dest_city: 'Dallas',
  dest_region: 'TX',
  delivered_at: '2026-03-04T09:15:00-06:00',
  ...overrides,
});
const errorsOf = (fields: Record<string, string>) => {
  const result = parseDeliveryRow(fields, ctx);
  if (result.ok) throw new Error('expected the row to be rejected');
  return result.errors;
};

describe('parseDeliveryRow', () => {
  test('reads the required columns; money defaults to USD, optional facts to null', () => {
    expect(parseDeliveryRow(row(), ctx)).toEqual({
      ok: true,
      record: {
        deliveryId: 'D-1',
        truckId: 'T-101',
        originCity: null,
        originRegion: null,
        dest: {
          lat: 32.78306,
          lon: -96.80667,
          city: 'Dallas',
          region: 'TX',
          marketId: '4684888',
          resolvedBy: 'city',
        },
        destZip: null,
        deliveredAt: new Date('2026-03-04T15:15:00Z'),
        equipment: null,
        loadedMiles: null,
        revenue: null,
        currency: 'USD',
      },
    });
  });

  test('reads the optional columns, CAD money included', () => {
    const result = parseDeliveryRow(
      row({
        origin_city: 'Mississauga',
        origin_region: 'on',
        dest_zip: '75201',
        equipment: 'FLATBED',
        loaded_miles: '1432.5',
        revenue: '4200',
        currency: 'cad',
      }),
      ctx,
    );
    expect(result.ok && result.record).toMatchObject({
      originCity: 'Mississauga',
      originRegion: 'ON',
      dest: { city: 'Dallas', resolvedBy: 'zip', lat: 32.78831 },
      destZip: '75201',
      equipment: 'flatbed',
      loadedMiles: 1432.5,
      revenue: 4200,
      currency: 'CAD',
    });
  });

  test('dest_lat/dest_lon win over the ZIP and the city', () => {
    const result = parseDeliveryRow(
      row({ dest_lat: '27.5064', dest_lon: '-99.5075', dest_zip: '75201' }),
      ctx,
    );
    expect(result.ok && result.record.dest).toMatchObject({
      city: 'Laredo',
      region: 'TX',
      resolvedBy: 'latlon',
    });
  });

  test('an unknown ZIP beside an unknown city blames the city', () => {
    const [error] = errorsOf(row({ dest_zip: '99999', dest_city: 'Dalas' }));
    expect(error).toMatchObject({ field: 'dest_city', value: 'Dalas' });
  });

  test('refuses other currencies, negative miles and revenue, and a date without a time', () => {
    const errors = errorsOf(
      row({ currency: 'EUR', loaded_miles: '-12', revenue: '$4,200', delivered_at: '2026-03-04' }),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Cannot import deliveries.csv row 3: delivered_at "2026-03-04" is a date without a time of day; expected ISO 8601 with offset, e.g. 2026-03-04T09:15:00-05:00',
      'Cannot import deliveries.csv row 3: loaded_miles "-12" is negative; expected a number ≥ 0',
      'Cannot import deliveries.csv row 3: revenue "$4,200" is not a number; expected a number ≥ 0',
      'Cannot import deliveries.csv row 3: currency "EUR" is not one of USD, CAD',
    ]);
  });

  test('required columns are required even when coordinates locate the place', () => {
    const errors = errorsOf(row({ dest_city: '', dest_lat: '32.78', dest_lon: '-96.8' }));
    expect(errors.map((e) => e.field)).toEqual(['dest_city']);
  });
});
