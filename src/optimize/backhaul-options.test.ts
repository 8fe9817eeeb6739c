import { describe, expect, it } from 'vitest';
import { DEFAULT_CABOTAGE_LIMITS } from '../compliance/cabotage-rules.ts';
import { isNorthboundError } from '../domain/errors.ts';
import { GreatCircleRoadDistance, type DistanceProvider } from '../domain/geo.ts';
import { miles } from '../domain/units.ts';
import { DEFAULT_BACKHAUL_OPTIONS, resolveBackhaulOptions } from './backhaul-options.ts';

describe('resolveBackhaulOptions', () => {
  it('fills the design defaults: $2.26/mi, 50 mph, 250 mi, 1.37 CAD/USD, road factor 1.2', () => {
    const options = resolveBackhaulOptions();
    expect(options).toMatchObject({
      costPerMileUsd: 2.26,
      averageMph: 50,
      deadheadRadiusMiles: 250,
      cadPerUsd: 1.37,
      roadFactor: 1.2,
      chains: false,
      maxWaitHours: 24,
    });
    expect(options.cabotageLimits).toBe(DEFAULT_CABOTAGE_LIMITS);
    expect(options.distance).toBeInstanceOf(GreatCircleRoadDistance);
    // 100 great-circle miles are 120 road miles by default.
    expect(options.distance.roadMiles({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(69.0934 * 1.2, 3);
    // The spatial search covers every pickup 250 road miles away: 250 / 1.2 great-circle miles, plus 0.1%.
    expect(options.searchRadiusMiles).toBeCloseTo((250 / 1.2) * 1.001, 9);
  });

  it('drives at 50 mph with a 10 h rest after every full 11 h of driving', () => {
    const hours = (m: number) => resolveBackhaulOptions().driveTimeMs(m) / 3_600_000;
    expect([hours(0), hours(100), hours(549), hours(550), hours(1200)]).toEqual([0, 2, 10.98, 21, 44]);
    // A faster fleet: 60 mph, so 660 mi fill one shift.
    expect(resolveBackhaulOptions({ averageMph: 60 }).driveTimeMs(660) / 3_600_000).toBe(21);
  });

  it('takes overrides, and searches the full radius for a custom distance', () => {
    const flat: DistanceProvider = {
      roadMiles: (a, b) => miles(100 * Math.hypot(a.lat - b.lat, a.lon - b.lon)),
    };
    const options = resolveBackhaulOptions({
      costPerMileUsd: 2,
      deadheadRadiusMiles: 100,
      distance: flat,
    });
    expect(options.costPerMileUsd).toBe(2);
    expect(options.chains).toBe(DEFAULT_BACKHAUL_OPTIONS.chains);
    expect(options.distance).toBe(flat);
    expect(options.searchRadiusMiles).toBe(100);
  });

  it.each([
    ['costPerMileUsd', 0],
    ['averageMph', -50],
    ['deadheadRadiusMiles', Number.NaN],
    ['cadPerUsd', Infinity],
    ['roadFactor', 0.9],
    ['maxWaitHours', -1],
  ] as const)('rejects %s = %s with invalid_input naming the option and the value', (field, value) => {
    try {
      resolveBackhaulOptions({ [field]: value });
      expect.unreachable();
    } catch (error) {
      expect(isNorthboundError(error) && error.code).toBe('invalid_input');
      expect((error as Error).message).toContain(`option ${field} is ${value}`);
    }
  });
});
