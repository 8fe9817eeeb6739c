import { describe, expect, it } from 'vitest';
import { emptyMileShare } from './empty-mile-share.ts';
import type { TripRecord } from './trip-record.ts';

const base: TripRecord = {
  truckId: 'T1',
  deliveryId: 'D1',
  deliveredAt: new Date('2024-10-01T10:00:00Z'),
  zone: 'Dallas, TX',
  corridor: 'Dallas, TX → ON · dry van',
  repId: null,
  southboundLoadedMiles: 1400,
  southboundRevenueUsd: 3000,
  reload: null,
  emptyHomeMiles: 1400,
};

describe('emptyMileShare', () => {
  it('counts the whole drive home as empty when there is no reload', () => {
    // 1400 empty of 1400 + 1400 = 0.5.
    expect(emptyMileShare([base])).toEqual({ trips: 1, loadedMiles: 1400, emptyMiles: 1400, share: 0.5 });
  });

  it('adds the reload deadhead to the empty miles and its loaded miles to the loaded', () => {
    // Empty 60 + 40 = 100; loaded 1400 + 1500 = 2900 → 100 / 3000.
    const reloaded: TripRecord = {
      ...base,
      reload: {
        loadId: 'L1',
        pickedUpAt: new Date('2024-10-01T20:00:00Z'),
        deadheadMiles: 60,
        loadedMiles: 1500,
        revenueUsd: 3000,
        withinReloadRadius: false,
      },
      emptyHomeMiles: 40,
    };
    expect(emptyMileShare([reloaded])).toEqual({
      trips: 1,
      loadedMiles: 2900,
      emptyMiles: 100,
      share: 100 / 3000,
    });
    // A ratio of sums, not a mean of ratios: (1400 + 100) / (2800 + 3000) = 1500 / 5800, not (0.5 + 1/30) / 2.
    expect(emptyMileShare([base, reloaded]).share).toBe(1500 / 5800);
  });

  it('is null with no miles at all', () => {
    expect(emptyMileShare([])).toEqual({ trips: 0, loadedMiles: 0, emptyMiles: 0, share: null });
    expect(emptyMileShare([{ ...base, southboundLoadedMiles: 0, emptyHomeMiles: 0 }]).share).toBeNull();
  });

  it('rejects negative or non-finite miles, naming the delivery and field', () => {
    expect(() => emptyMileShare([{ ...base, emptyHomeMiles: -5 }])).toThrow(
      'Cannot compute the empty-mile share for delivery D1: emptyHomeMiles must be a finite number ≥ 0, saw -5',
    );
    expect(() => emptyMileShare([{ ...base, southboundLoadedMiles: Number.NaN }])).toThrow(
      /southboundLoadedMiles/,
    );
  });
});
