import { describe, expect, it } from 'vitest';
import { reloadRate } from './reload-rate.ts';
import type { ReloadLeg, TripRecord } from './trip-record.ts';

const DELIVERED = new Date('2024-10-01T00:00:00Z');

function landing(deliveryId: string, waitHours: number | null, withinReloadRadius = true): TripRecord {
  const reload: ReloadLeg | null =
    waitHours === null
      ? null
      : {
          loadId: `L-${deliveryId}`,
          pickedUpAt: new Date(DELIVERED.getTime() + waitHours * 3_600_000),
          deadheadMiles: 20,
          loadedMiles: 1300,
          revenueUsd: 2500,
          withinReloadRadius,
        };
  return {
    truckId: 'T1',
    deliveryId,
    deliveredAt: DELIVERED,
    zone: 'Houston, TX',
    corridor: 'Houston, TX → QC · reefer',
    repId: 'rep-ben',
    southboundLoadedMiles: 1600,
    southboundRevenueUsd: 3400,
    reload,
    emptyHomeMiles: 30,
  };
}

describe('reloadRate', () => {
  it('counts reloads within 48 h inclusive and inside the radius, and waits over those only', () => {
    // Qualifying: 48 h (the edge counts), 2 h, 7 h → 3 of 6 = 0.5; waits 2 7 48 → median 7, mean 57/3.
    // Excluded: 48.5 h (late), 1 h outside the radius; one trip without a reload.
    const trips = [
      landing('D1', 48),
      landing('D2', 48.5),
      landing('D3', 1, false),
      landing('D4', 2),
      landing('D5', null),
      landing('D6', 7),
    ];
    expect(reloadRate(trips)).toEqual({
      trips: 6,
      reloads: 3,
      excludedReloads: 2,
      rate: 0.5,
      medianWaitHours: 7,
      meanWaitHours: 57 / 3,
    });
  });

  it('takes the window from the caller', () => {
    // A 72 h window admits the 48.5 h pickup: 4 of 6; waits 2 7 48 48.5 → median 27.5.
    const trips = [landing('D1', 48), landing('D2', 48.5), landing('D3', 1, false), landing('D4', 2)];
    const wide = reloadRate([...trips, landing('D5', null), landing('D6', 7)], 72);
    expect(wide.reloads).toBe(4);
    expect(wide.rate).toBe(4 / 6);
    expect(wide.medianWaitHours).toBe(27.5);
  });

  it('is null, not NaN, with no trips or no qualifying reload', () => {
    expect(reloadRate([])).toEqual({
      trips: 0,
      reloads: 0,
      excludedReloads: 0,
      rate: null,
      medianWaitHours: null,
      meanWaitHours: null,
    });
    expect(reloadRate([landing('D1', null)])).toMatchObject({
      rate: 0,
      medianWaitHours: null,
      meanWaitHours: null,
    });
  });

  it('rejects a pickup before the delivery and a bad window', () => {
    expect(() => reloadRate([landing('D9', -3)])).toThrow(
      'Cannot compute the reload wait for delivery D9: reload L-D9 is picked up at 2024-09-30T21:00:00.000Z, ' +
        'before the delivery at 2024-10-01T00:00:00.000Z',
    );
    expect(() => reloadRate([], -1)).toThrow(/reload window must be a finite number of hours ≥ 0, saw -1/);
  });
});
