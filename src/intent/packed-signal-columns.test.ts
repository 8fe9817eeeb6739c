import { describe, expect, it } from 'vitest';
import { isNorthboundError } from '../domain/errors.ts';
import { PACKED_SIGNAL_BYTES, packedSignalColumns, type PackedSignals } from './packed-signal-columns.ts';
import { REGIONS } from './signal-columns.ts';

const HOUR = 3_600_000;

/** [ms, company key, searcher key, origin key, kind key] → one day's packed bytes. */
function pack(records: readonly (readonly [number, number, number, number, number])[]): Uint8Array {
  const bytes = new Uint8Array(records.length * PACKED_SIGNAL_BYTES);
  const view = new DataView(bytes.buffer);
  records.forEach(([ms, company, searcher, origin, kind], r) => {
    const at = r * PACKED_SIGNAL_BYTES;
    view.setBigInt64(at, BigInt(ms));
    view.setInt32(at + 8, company);
    view.setInt32(at + 12, searcher);
    view.setInt32(at + 16, origin);
    view.setInt32(at + 20, kind);
  });
  return bytes;
}

const base: Omit<PackedSignals, 'days'> = {
  fromMs: 10 * HOUR,
  toMs: 100 * HOUR,
  // Origins 0 and 1 share a point (1 names the city), 2 is elsewhere, 3 gives only a state.
  origins: {
    lat: Float64Array.from([32.78, 32.78, 29.76, 0]),
    lon: Float64Array.from([-96.8, -96.8, -95.37, 0]),
    located: Uint8Array.from([1, 1, 1, 0]),
    city: [null, 'Dallas', null, null],
    region: ['TX', 'TX', 'TX', 'OK'],
    marketId: ['m-dallas', 'm-dallas', null, null],
  },
  kinds: { destRegion: ['ON', 'QC'], equipment: ['reefer', 'dry_van'], industry: ['food', null] },
  companyIds: (keys) => Array.from(keys, (k) => `C${k}`),
  searcherIds: (keys) => Array.from(keys, (k) => `s${k}`),
};

describe('packedSignalColumns', () => {
  it('groups thousands of companies in key order, each in time order (the sort takes two passes there)', () => {
    // 5,000 company keys (> 2¹¹, so both counting passes have work), 20,000 rows in time order.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const records = Array.from({ length: 20_000 }, (_, r) => {
      const company = next(5_000) * 3; // sparse keys: renumbered densely
      return [11 * HOUR + r * 1_000, company, next(50), next(3), next(2)] as const;
    });
    const columns = packedSignalColumns({ ...base, days: [pack(records)] });
    // The reference: a stable sort of the rows by company key.
    const expected = records
      .map((record, r) => ({ record, r }))
      .sort((a, b) => a.record[1] - b.record[1] || a.r - b.r);
    expect(Array.from(columns.observedAtMs)).toEqual(expected.map(({ record }) => record[0]));
    const keys = [...new Set(expected.map(({ record }) => record[1]))];
    expect(columns.companyIds).toEqual(keys.map((k) => `C${k}`));
    const index = new Map(keys.map((k, c) => [k, c]));
    expect(Array.from(columns.company)).toEqual(expected.map(({ record }) => index.get(record[1])));
    keys.forEach((_, c) => {
      for (let i = columns.companyStart[c]!; i < columns.companyStart[c + 1]!; i++)
        expect(columns.company[i]).toBe(c);
    });
  });

  it('keeps the window, groups companies in key order and each in time order, and maps every key', () => {
    const columns = packedSignalColumns({
      ...base,
      days: [
        pack([
          [5 * HOUR, 7, 0, 0, 0], // before the window
          [11 * HOUR, 7, 3, 0, 0],
          [12 * HOUR, 2, -1, 2, 1],
        ]),
        pack([
          [30 * HOUR, 7, 3, 1, 1],
          [31 * HOUR, 2, 5, 3, 0],
          [100 * HOUR, 2, 5, 3, 0], // at the window's end: out
        ]),
      ],
    });
    expect(columns.length).toBe(4);
    expect(columns.companyIds).toEqual(['C2', 'C7']);
    expect(Array.from(columns.companyStart)).toEqual([0, 2, 4]);
    expect(Array.from(columns.observedAtMs)).toEqual([12, 31, 11, 30].map((h) => h * HOUR));
    expect(Array.from(columns.searcher, (s) => (s < 0 ? '-' : columns.searcherIds[s]))).toEqual([
      '-',
      's5',
      's3',
      's3',
    ]);
    expect(columns.searcherCount).toBe(2);
    // Origins 0 and 1 are one place named after the city; origin 3 is no place but keeps its state.
    expect(columns.placeLat.length).toBe(2);
    const places = Array.from(columns.originPlace, (p) => (p < 0 ? '-' : columns.placeLabel[p]));
    expect(places).toEqual(['29.76, -95.37 (TX)', '-', 'Dallas, TX', 'Dallas, TX']);
    expect(Array.from(columns.originRegion, (r) => REGIONS[r])).toEqual(['TX', 'OK', 'TX', 'TX']);
    expect(Array.from(columns.originMarket, (m) => (m < 0 ? '-' : columns.marketIds[m]))).toEqual([
      '-',
      '-',
      'm-dallas',
      'm-dallas',
    ]);
    expect(Array.from(columns.destRegion, (r) => REGIONS[r])).toEqual(['QC', 'ON', 'ON', 'QC']);
    expect(Array.from(columns.industry, (i) => (i < 0 ? '-' : columns.industries[i]))).toEqual([
      '-',
      'food',
      'food',
      '-',
    ]);
  });

  it('refuses records out of time order and keys missing from a dictionary', () => {
    const fail = (days: Uint8Array[], expected: string) => {
      try {
        packedSignalColumns({ ...base, days });
        expect.unreachable();
      } catch (error) {
        expect(isNorthboundError(error)).toBe(true);
        expect((error as Error).message).toContain(expected);
      }
    };
    fail([pack([[20 * HOUR, 1, 0, 0, 0]]), pack([[19 * HOUR, 1, 0, 0, 0]])], 'expected time order');
    fail([pack([[20 * HOUR, 1, 0, 9, 0]])], 'origin key 9');
    fail([pack([[20 * HOUR, 1, 0, 0, 4]])], 'kind key 4');
  });
});
