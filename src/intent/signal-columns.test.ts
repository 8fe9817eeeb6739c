import { describe, expect, it } from 'vitest';
import { isNorthboundError } from '../domain/errors.ts';
import { signal } from './intent-fixtures.test-support.ts';
import { SignalColumnsBuilder } from './signal-columns.ts';

describe('SignalColumnsBuilder', () => {
  it('groups rows by company in first-seen order, each company in time order', () => {
    const builder = new SignalColumnsBuilder(2); // grows past its first capacity
    for (const [company, daysAgo] of [
      ['B', 9],
      ['A', 8],
      ['B', 7],
      ['C', 6],
      ['A', 5],
      ['B', 10], // out of order: must be sorted into place
    ] as const) {
      builder.add(signal({ company, daysAgo }));
    }
    const columns = builder.build();
    expect(columns.companyIds).toEqual(['B', 'A', 'C']);
    expect(Array.from(columns.companyStart)).toEqual([0, 3, 5, 6]);
    const times = Array.from(columns.observedAtMs);
    expect(times.slice(0, 3)).toEqual([...times.slice(0, 3)].sort((a, b) => a - b));
    expect(Array.from(columns.company)).toEqual([0, 0, 0, 1, 1, 2]);
  });

  it('interns origin places and names them after the city when a row gives one', () => {
    const builder = new SignalColumnsBuilder();
    builder.addWithPlaceText(
      { ...signal({ company: 'A', daysAgo: 1 }), originCity: null },
      '32.7767',
      '-96.797',
    );
    builder.addWithPlaceText(signal({ company: 'A', daysAgo: 1 }), '32.7767', '-96.797');
    builder.add(signal({ company: 'A', daysAgo: 1, at: null }));
    const columns = builder.build();
    expect(columns.placeLat.length).toBe(1);
    expect(columns.placeLabel).toEqual(['Dallas, TX']);
    expect(Array.from(columns.originPlace)).toEqual([0, 0, -1]);
  });

  it('refuses an unknown region or equipment, naming the company and the value', () => {
    const builder = new SignalColumnsBuilder();
    try {
      builder.add({ ...signal({ company: 'A', daysAgo: 1 }), destRegion: 'XX' as 'ON' });
      expect.unreachable();
    } catch (error) {
      expect(isNorthboundError(error)).toBe(true);
      expect((error as Error).message).toContain('destination region "XX"');
      expect((error as Error).message).toContain('"A"');
    }
  });
});
