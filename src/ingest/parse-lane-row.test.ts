import { describe, expect, test } from 'vitest';
import { parseLaneRow } from './parse-lane-row.ts';
import { testGazetteer } from './test-gazetteer.ts';

const gazetteer = testGazetteer();
const ctx = { file: 'lanes.csv', row: 7, gazetteer };
const row = (overrides: Record<string, string> = {}): Record<string, string> => ({
  partner_id: 'P-maple',
  lane_id: 'LN-1',
  origin_city: 'Toronto',
  origin_region: 'ON',
  dest_city: 'Laredo',
  dest_region: 'TX',
  equipment: 'dry_van',
  loads_per_week: '3.5',
  ...overrides,
});
const errorsOf = (fields: Record<string, string>) => {
  const result = parseLaneRow(fields, ctx);
  if (result.ok) throw new Error('expected the row to be rejected');
  return result.errors;
};

describe('parseLaneRow', () => {
  test('reads the required columns with USD and no money by default', () => {
    const result = parseLaneRow(row(), ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record).toMatchObject({
      laneId: 'LN-1',
      partnerId: 'P-maple',
      partnerName: null,
      origin: { city: 'Toronto', region: 'ON' },
      dest: { city: 'Laredo', region: 'TX', marketId: '4705349' },
      equipment: 'dry_van',
      loadsPerWeek: 3.5,
      costPerLoad: null,
      ratePerLoad: null,
      currency: 'USD',
    });
  });

  test('reads the optional partner name, cost, rate and currency', () => {
    const result = parseLaneRow(
      row({
        partner_name: 'Maple Freight',
        cost_per_load: '2400',
        rate_per_load: '3100.50',
        currency: 'cad',
      }),
      ctx,
    );
    expect(result).toMatchObject({
      ok: true,
      record: { partnerName: 'Maple Freight', costPerLoad: 2400, ratePerLoad: 3100.5, currency: 'CAD' },
    });
  });

  test.each([
    ['0', 'loads_per_week'],
    ['-2', 'loads_per_week'],
    ['1001', 'loads_per_week'],
    ['three', 'loads_per_week'],
  ])('refuses loads_per_week %s, naming the field and the value', (value, field) => {
    const [error] = errorsOf(row({ loads_per_week: value }));
    expect(error).toMatchObject({ file: 'lanes.csv', row: 7, field, value });
    expect(error?.expected).toContain('above 0');
  });

  test('refuses a lane that starts and ends in the same city', () => {
    const [error] = errorsOf(row({ dest_city: 'Toronto', dest_region: 'ON' }));
    expect(error).toMatchObject({
      field: 'dest_city',
      value: 'Toronto',
      expected: 'a destination other than the origin',
    });
  });

  test('names every bad field of a row at once', () => {
    const errors = errorsOf(
      row({ partner_id: '', equipment: 'reefr', dest_city: 'Atlantis', cost_per_load: '-5' }),
    );
    expect(errors.map((e) => e.field).sort()).toEqual([
      'cost_per_load',
      'dest_city',
      'equipment',
      'partner_id',
    ]);
    expect(errors.find((e) => e.field === 'equipment')?.message).toContain('"reefr"');
  });
});
