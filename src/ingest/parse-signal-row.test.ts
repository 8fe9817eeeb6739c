import { describe, expect, test } from 'vitest';
import { parseSignalRow } from './parse-signal-row.ts';
import { testGazetteer } from './test-gazetteer.ts';

const gazetteer = testGazetteer();
const ctx = { file: 'signals.csv', row: 812, gazetteer };
const row = (overrides: Record<string, string> = {}): Record<string, string> => ({
  signal_id: 'S-1',
  observed_at: '2026-03-04T09:15:00-05:00',
  company_id: 'C-42',
  origin_region: 'TX',
  dest_region: 'ON',
  equipment: 'dry_van',
  ...overrides,
});

const errorsOf = (fields: Record<string, string>) => {
  const result = parseSignalRow(fields, ctx);
  if (result.ok) throw new Error('expected the row to be rejected');
  return result.errors;
};

describe('parseSignalRow', () => {
  test('a row with only the required columns: origin known at region grain, company facts empty', () => {
    const result = parseSignalRow(row(), ctx);
    expect(result).toEqual({
      ok: true,
      record: {
        signal: {
          signalId: 'S-1',
          observedAt: new Date('2026-03-04T14:15:00Z'),
          companyId: 'C-42',
          searcherId: null,
          source: null,
          origin: null,
          originRegion: 'TX',
          originZip: null,
          destCity: null,
          destRegion: 'ON',
          equipment: 'dry_van',
          industry: null,
        },
        company: { companyId: 'C-42', name: null, domain: null, industry: null, employees: null },
      },
    });
  });

  test('carries the optional signal and company columns', () => {
    const result = parseSignalRow(
      row({
        source: 'loadboard',
        company_name: 'Lone Star Produce',
        company_domain: 'LoneStarProduce.com',
        searcher_id: 'U-9',
        origin_city: 'Dallas',
        dest_city: 'Toronto',
        industry: 'Food',
        company_employees: '240',
      }),
      ctx,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.signal).toMatchObject({
      source: 'loadboard',
      searcherId: 'U-9',
      destCity: 'Toronto',
      industry: 'Food',
      origin: { city: 'Dallas', region: 'TX', resolvedBy: 'city', marketId: '4684888' },
    });
    expect(result.record.company).toEqual({
      companyId: 'C-42',
      name: 'Lone Star Produce',
      domain: 'lonestarproduce.com',
      industry: 'Food',
      employees: 240,
    });
  });

  test('origin precedence: lat/lon over ZIP over city', () => {
    const byZip = parseSignalRow(row({ origin_zip: '78040', origin_city: 'Dallas' }), ctx);
    expect(byZip.ok && byZip.record.signal.origin).toMatchObject({ city: 'Laredo', resolvedBy: 'zip' });
    expect(byZip.ok && byZip.record.signal.originZip).toBe('78040');

    const byPoint = parseSignalRow(
      row({ origin_lat: '32.7831', origin_lon: '-96.8067', origin_zip: '78040', origin_city: 'Laredo' }),
      ctx,
    );
    expect(byPoint.ok && byPoint.record.signal.origin).toMatchObject({
      lat: 32.7831,
      lon: -96.8067,
      city: 'Dallas',
      resolvedBy: 'latlon',
    });
  });

  test('coordinates that snap to a city across the border keep the region the file states', () => {
    // Downtown Detroit, filed as Ontario (Windsor is a mile away across the river).
    const result = parseSignalRow(
      row({ origin_region: 'ON', origin_lat: '42.3314', origin_lon: '-83.0457' }),
      ctx,
    );
    expect(result.ok && result.record.signal.origin).toMatchObject({ region: 'ON', resolvedBy: 'latlon' });
  });

  test('a destination in the US is accepted (the product filters later)', () => {
    expect(parseSignalRow(row({ dest_region: 'mi' }), ctx).ok).toBe(true);
  });

  test('misspelt equipment: the message the design promises', () => {
    expect(errorsOf(row({ equipment: 'reefr' }))[0]?.message).toBe(
      'Cannot import signals.csv row 812: equipment "reefr" is not one of dry_van, reefer, flatbed, step_deck, tanker',
    );
  });

  test('a timestamp without an offset is refused with an example of what works', () => {
    const [error] = errorsOf(row({ observed_at: '2026-03-04T09:15:00' }));
    expect(error).toEqual({
      file: 'signals.csv',
      row: 812,
      field: 'observed_at',
      value: '2026-03-04T09:15:00',
      expected: 'ISO 8601 with offset, e.g. 2026-03-04T09:15:00-05:00',
      message:
        'Cannot import signals.csv row 812: observed_at "2026-03-04T09:15:00" has no UTC offset; ' +
        'expected ISO 8601 with offset, e.g. 2026-03-04T09:15:00-05:00',
    });
  });

  test('a date-only or impossible timestamp is refused', () => {
    expect(errorsOf(row({ observed_at: '2026-03-04' }))[0]?.message).toContain(
      'observed_at "2026-03-04" is a date without a time of day',
    );
    expect(errorsOf(row({ observed_at: '2026-02-30T09:15:00Z' }))[0]?.message).toContain(
      'is not a real calendar date',
    );
  });

  test('company_employees must be a whole number ≥ 0', () => {
    expect(errorsOf(row({ company_employees: '12.5' }))[0]?.message).toBe(
      'Cannot import signals.csv row 812: company_employees "12.5" is not a whole number; expected a whole number ≥ 0',
    );
    expect(errorsOf(row({ company_employees: '-3' }))[0]?.message).toContain('"-3" is negative');
    expect(errorsOf(row({ company_employees: '1,200' }))[0]?.message).toContain('"1,200" is not a number');
  });

  test('half a coordinate, or one out of range, is an error on that column', () => {
    expect(errorsOf(row({ origin_lat: '32.78' })).map((e) => [e.field, e.message])).toEqual([
      ['origin_lon', 'Cannot import signals.csv row 812: origin_lon is required but missing'],
    ]);
    expect(errorsOf(row({ origin_lat: '95', origin_lon: '-96.8' }))[0]).toMatchObject({
      field: 'origin_lat',
      expected: 'a latitude from -90 to 90',
    });
  });

  test('an origin the gazetteer cannot place blames the column the place was read from', () => {
    const [byCity] = errorsOf(row({ origin_city: 'Dalas' }));
    expect(byCity).toMatchObject({ field: 'origin_city', value: 'Dalas' });
    expect(byCity?.message).toContain('did you mean Dallas?');

    const [byZip] = errorsOf(row({ origin_zip: '99999' }));
    expect(byZip).toMatchObject({ field: 'origin_zip', value: '99999' });
    expect(byZip?.message).toMatch(/^Cannot import signals\.csv row 812: origin_zip: ZIP "99999" /);

    const [byPoint] = errorsOf(row({ origin_lat: '0', origin_lon: '0' }));
    expect(byPoint).toMatchObject({ field: 'origin_lat', value: '0,0' });
  });

  test('collects every error on the row', () => {
    const errors = errorsOf({
      signal_id: 'S-1',
      observed_at: 'soon',
      company_id: '',
      origin_region: 'Texas',
      dest_region: 'ON',
      equipment: 'van',
      company_employees: 'many',
    });
    expect(errors.map((e) => e.field)).toEqual([
      'observed_at',
      'company_id',
      'origin_region',
      'equipment',
      'company_employees',
    ]);
  });
});
