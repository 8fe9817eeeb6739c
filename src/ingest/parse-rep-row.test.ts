import { describe, expect, test } from 'vitest';
import { DEFAULT_REP_CAPACITY, parseRepRow } from './parse-rep-row.ts';
import { testGazetteer } from './test-gazetteer.ts';

const ctx = { file: 'reps.csv', row: 2, gazetteer: testGazetteer() };

describe('parseRepRow', () => {
  test('reads a rep with the default capacity', () => {
    expect(parseRepRow({ rep_id: 'R-1', name: ' Dana Roy ' }, ctx)).toEqual({
      ok: true,
      record: {
        repId: 'R-1',
        name: 'Dana Roy',
        email: null,
        territories: [],
        capacity: DEFAULT_REP_CAPACITY,
        region: null,
      },
    });
    expect(DEFAULT_REP_CAPACITY).toBe(25);
  });

  test('splits territories on ";" and trims them, keeping market names as written', () => {
    const result = parseRepRow(
      {
        rep_id: 'R-1',
        name: 'Dana',
        email: 'dana@carrier.ca',
        territories: ' Dallas, TX ;Laredo, TX;; ',
        capacity: '40',
        region: 'qc',
      },
      ctx,
    );
    expect(result.ok && result.record).toEqual({
      repId: 'R-1',
      name: 'Dana',
      email: 'dana@carrier.ca',
      territories: ['Dallas, TX', 'Laredo, TX'],
      capacity: 40,
      region: 'QC',
    });
  });

  test('collects errors: missing name, bad email, fractional capacity, unknown region', () => {
    const result = parseRepRow(
      { rep_id: 'R-1', name: '', email: 'dana at carrier', capacity: '2.5', region: 'Quebec' },
      ctx,
    );
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual([
      'Cannot import reps.csv row 2: name is required but empty',
      'Cannot import reps.csv row 2: email "dana at carrier" is not an email address',
      'Cannot import reps.csv row 2: capacity "2.5" is not a whole number; expected a whole number ≥ 0',
      'Cannot import reps.csv row 2: region "Quebec" is not a US state or Canadian province code',
    ]);
  });
});
