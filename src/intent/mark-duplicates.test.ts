import { describe, expect, it } from 'vitest';
import { DAY, columnsOf, type SignalSpec } from './intent-fixtures.test-support.ts';
import { markDuplicates } from './mark-duplicates.ts';

const MINUTE = 60_000 / DAY;
const kept = (specs: SignalSpec[]) => {
  const columns = columnsOf(specs);
  const duplicate = markDuplicates(columns);
  return Array.from(duplicate).filter((d) => d === 0).length;
};

describe('markDuplicates', () => {
  it('collapses the same company, searcher and lane within 10 minutes', () => {
    expect(kept([0, 0.5, 3, 9.9].map((m) => ({ company: 'A', daysAgo: 2 - m * MINUTE })))).toBe(1);
  });

  it('keeps searches 10+ minutes apart, and compares with kept rows so a chain does not collapse', () => {
    // Rows every 2 minutes for 30 minutes: kept at 0, 12 (first > 10 after 0), 24.
    const chain = Array.from({ length: 16 }, (_, i) => ({ company: 'A', daysAgo: 2 - 2 * i * MINUTE }));
    expect(kept(chain)).toBe(3);
  });

  it('keeps rows of another searcher, lane, equipment, province or company', () => {
    expect(
      kept([
        { company: 'A', daysAgo: 2 },
        { company: 'A', daysAgo: 2, searcher: 'other' },
        { company: 'A', daysAgo: 2, searcher: null },
        { company: 'A', daysAgo: 2, equipment: 'reefer' },
        { company: 'A', daysAgo: 2, destRegion: 'QC' },
        { company: 'A', daysAgo: 2, at: null },
        { company: 'B', daysAgo: 2 },
      ]),
    ).toBe(7);
  });
});
