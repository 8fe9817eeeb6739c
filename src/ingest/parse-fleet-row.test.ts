import { describe, expect, test } from 'vitest';
import { parseFleetRow } from './parse-fleet-row.ts';
import { testGazetteer } from './test-gazetteer.ts';

const gazetteer = testGazetteer();
const ctx = { file: 'fleet.csv', row: 7, gazetteer };
const row = (overrides: Record<string, string> = {}): Record<string, string> => ({
  truck_id: 'T-101',
  equipment: 'reefer',
  home_city: 'Mississauga',
  home_region: 'ON',
  ...overrides,
});

describe('parseFleetRow', () => {
  test('reads a truck with its home terminal resolved, defaults CA domicile and no credentials', () => {
    const result = parseFleetRow(row(), ctx);
    expect(result).toEqual({
      ok: true,
      record: {
        truckId: 'T-101',
        equipment: 'reefer',
        homeCity: 'Mississauga',
        homeRegion: 'ON',
        home: { lat: 43.5789, lon: -79.6583 },
        domicile: 'CA',
        credentials: [],
      },
    });
  });

  test('trims, folds case and uses the gazetteer spelling of the home city', () => {
    const result = parseFleetRow(
      row({
        truck_id: '  T-7 ',
        equipment: 'Dry_Van',
        home_city: 'montreal',
        home_region: 'qc',
        domicile: 'us',
        credentials: 'FAST; hazmat;;fast ',
      }),
      ctx,
    );
    expect(result.ok && result.record).toMatchObject({
      truckId: 'T-7',
      equipment: 'dry_van',
      homeCity: 'Montréal',
      homeRegion: 'QC',
      domicile: 'US',
      credentials: ['fast', 'hazmat'],
    });
  });

  test('a misspelt equipment names the value and every accepted one', () => {
    const result = parseFleetRow(row({ equipment: 'reefr' }), ctx);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: 'fleet.csv',
          row: 7,
          field: 'equipment',
          value: 'reefr',
          expected: 'one of dry_van, reefer, flatbed, step_deck, tanker',
          message:
            'Cannot import fleet.csv row 7: equipment "reefr" is not one of dry_van, reefer, flatbed, step_deck, tanker',
        },
      ],
    });
  });

  test('collects every error on the row, not just the first', () => {
    const result = parseFleetRow(
      {
        truck_id: '',
        equipment: 'van',
        home_city: 'Toronto',
        home_region: 'XX',
        domicile: 'MX',
        credentials: 'fast;ctpat',
      },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.value])).toEqual([
      ['truck_id', ''],
      ['equipment', 'van'],
      ['home_region', 'XX'],
      ['domicile', 'MX'],
      ['credentials', 'ctpat'],
    ]);
    expect(result.errors[0]?.message).toBe('Cannot import fleet.csv row 7: truck_id is required but empty');
    expect(result.errors[2]?.message).toBe(
      'Cannot import fleet.csv row 7: home_region "XX" is not a US state or Canadian province code',
    );
    expect(result.errors[4]?.expected).toBe('one of fast, bonded, hazmat, twic');
  });

  test('a missing column reads as missing, not empty', () => {
    const { truck_id: _, ...rest } = row();
    const result = parseFleetRow(rest, ctx);
    expect(!result.ok && result.errors[0]?.message).toBe(
      'Cannot import fleet.csv row 7: truck_id is required but missing',
    );
  });

  test('a home terminal the gazetteer cannot place is an error on home_city carrying its message', () => {
    const result = parseFleetRow(row({ home_city: 'Missisauga' }), ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ field: 'home_city', value: 'Missisauga' });
    expect(result.errors[0]?.message).toMatch(
      /^Cannot import fleet\.csv row 7: home_city: .*Missisauga.* is not a known city in ON \(did you mean Mississauga\?\)$/,
    );
  });

  test('ids longer than 128 characters are refused', () => {
    const result = parseFleetRow(row({ truck_id: 'x'.repeat(129) }), ctx);
    expect(!result.ok && result.errors[0]?.message).toBe(
      'Cannot import fleet.csv row 7: truck_id is 129 characters long; ids are at most 128',
    );
    expect(parseFleetRow(row({ truck_id: 'x'.repeat(128) }), ctx).ok).toBe(true);
  });

  test('home_lat/home_lon are not fleet columns: let through by --allow-extra, they are ignored', () => {
    const result = parseFleetRow(row({ home_lat: 'north', home_lon: '' }), ctx);
    expect(result.ok && result.record.home).toEqual({ lat: 43.5789, lon: -79.6583 });
  });
});
