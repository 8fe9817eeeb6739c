import { describe, expect, it } from 'vitest';
import { ACI_HIGHWAY_LEAD_HOURS, emanifestDeadline } from './emanifest-deadline.ts';

describe('emanifestDeadline', () => {
  it('is one hour before arrival at the border by default', () => {
    expect(ACI_HIGHWAY_LEAD_HOURS).toBe(1);
    expect(emanifestDeadline(new Date('2025-03-04T15:20:00Z'))).toEqual(new Date('2025-03-04T14:20:00Z'));
    // Across midnight and keeping the offset's instant: 00:30 −05:00 is 05:30Z → 04:30Z.
    expect(emanifestDeadline(new Date('2025-03-05T00:30:00-05:00'))).toEqual(
      new Date('2025-03-05T04:30:00Z'),
    );
  });

  it('takes a longer lead time for a safety margin', () => {
    expect(emanifestDeadline(new Date('2025-03-04T15:20:00Z'), 2.5)).toEqual(
      new Date('2025-03-04T12:50:00Z'),
    );
  });

  it('refuses a lead time shorter than CBSA allows, and an invalid date', () => {
    expect(() => emanifestDeadline(new Date('2025-03-04T15:20:00Z'), 0.5)).toThrow(
      /lead time must be at least CBSA's 1 h for highway carriers, saw 0.5 h/,
    );
    expect(() => emanifestDeadline(new Date('not a date'))).toThrow(/not a valid date/);
  });
});
