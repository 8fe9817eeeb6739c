import { describe, expect, test } from 'vitest';
import { choiceOf, COUNT, FieldReader, LATITUDE, NON_NEGATIVE } from './field-reader.ts';
import { testGazetteer } from './test-gazetteer.ts';

const ctx = { file: 'x.csv', row: 5, gazetteer: testGazetteer() };
const reader = (fields: Record<string, string>) => new FieldReader(fields, ctx);

describe('FieldReader', () => {
  test('numbers: plain decimal notation only, trimmed', () => {
    const r = reader({ a: ' 12 ', b: '1e3', c: '.5', d: '0x10', e: 'Infinity', f: '', g: '12 lb', h: '+3' });
    expect(['a', 'b', 'c', 'h'].map((name) => r.number(name, true, NON_NEGATIVE))).toEqual([
      12, 1000, 0.5, 3,
    ]);
    expect(r.hasErrors).toBe(false);
    expect(['d', 'e', 'g'].map((name) => r.number(name, true, NON_NEGATIVE))).toEqual([null, null, null]);
    expect(r.number('f', false, NON_NEGATIVE)).toBeNull();
    expect(r.reject()).toMatchObject({ ok: false, errors: [{ field: 'd' }, { field: 'e' }, { field: 'g' }] });
  });

  test('number rules: whole numbers, ranges', () => {
    const r = reader({ n: '3.0', lat: '-90.5' });
    expect(r.number('n', true, COUNT)).toBe(3);
    expect(r.number('lat', true, LATITUDE)).toBeNull();
    const result = r.reject();
    expect(!result.ok && result.errors[0]?.message).toBe(
      'Cannot import x.csv row 5: lat "-90.5" is below -90; expected a latitude from -90 to 90',
    );
  });

  test('choices fold case, keep the canonical spelling, and give the default only when absent', () => {
    const sizes = choiceOf(['S', 'M', 'XL'] as const);
    const r = reader({ a: 'xl', b: '', c: 'XXL' });
    expect(r.choice('a', sizes, false, 'M')).toBe('XL');
    expect(r.choice('b', sizes, false, 'M')).toBe('M');
    expect(r.choice('missing', sizes, false, 'M')).toBe('M');
    expect(r.choice('c', sizes, false, 'M')).toBeNull();
    expect(r.choice('b', sizes, true, 'M')).toBeNull();
    const result = r.reject();
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual([
      'Cannot import x.csv row 5: c "XXL" is not one of S, M, XL',
      'Cannot import x.csv row 5: b is required but empty',
    ]);
  });

  test('a valid id passes through and records nothing', () => {
    const r = reader({ id: 'A' });
    expect(r.requiredId('id')).toBe('A');
    expect(r.hasErrors).toBe(false);
  });
});
