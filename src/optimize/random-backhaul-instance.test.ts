import { describe, expect, it } from 'vitest';
import { isNorthboundError } from '../domain/errors.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import { countryOf } from '../domain/regions.ts';
import { randomBackhaulInstance } from './random-backhaul-instance.ts';

describe('randomBackhaulInstance', () => {
  const instance = randomBackhaulInstance({ seed: 11, trucks: 400, loads: 4000 });

  it('is a pure function of its options', () => {
    expect(randomBackhaulInstance({ seed: 11, trucks: 400, loads: 4000 })).toEqual(instance);
    expect(randomBackhaulInstance({ seed: 12, trucks: 400, loads: 4000 })).not.toEqual(instance);
  });

  it('lands Canadian trucks in US markets over the week, homed at Canadian terminals', () => {
    expect(instance.trucks).toHaveLength(400);
    const start = Date.parse('2025-03-03T12:00:00Z');
    for (const { truck, position, availableAt } of instance.trucks) {
      expect(countryOf(position.region)).toBe('US');
      expect(countryOf(truck.homeRegion)).toBe('CA');
      expect(truck.domicile).toBe('CA');
      expect(availableAt.getTime()).toBeGreaterThanOrEqual(start);
      expect(availableAt.getTime()).toBeLessThanOrEqual(start + 7 * 24 * 3_600_000);
    }
    expect(new Set(instance.trucks.map((t) => t.truck.truckId)).size).toBe(400);
  });

  it('makes loads from US markets, about 15% domestic, with valid windows, rates and currencies', () => {
    expect(instance.loads).toHaveLength(4000);
    const domestic = instance.loads.filter((l) => countryOf(l.dest.region) === 'US').length / 4000;
    expect(domestic).toBeGreaterThan(0.12);
    expect(domestic).toBeLessThan(0.18);
    for (const load of instance.loads) {
      expect(countryOf(load.origin.region)).toBe('US');
      expect(load.pickupEarliest.getTime()).toBeLessThan(load.pickupLatest.getTime());
      if (load.deliveryLatest !== null) expect(load.deliveryLatest > load.pickupLatest).toBe(true);
      expect(load.rate).toBeGreaterThan(0);
      expect(['USD', 'CAD']).toContain(load.currency);
    }
    const cad = instance.loads.filter((l) => l.currency === 'CAD').length / 4000;
    expect(cad).toBeGreaterThan(0.15);
    expect(cad).toBeLessThan(0.25);
  });

  it('clusters points around metro centres: with one metro every origin is within ~100 mi of Chicago', () => {
    const chicago = { lat: 41.88, lon: -87.63 };
    const one = randomBackhaulInstance({ seed: 3, trucks: 50, loads: 500, metros: 1, domesticShare: 0 });
    for (const load of one.loads) expect(greatCircleMiles(load.origin, chicago)).toBeLessThan(110);
    expect(one.loads.every((l) => countryOf(l.dest.region) === 'CA')).toBe(true);
  });

  it.each([
    [{ seed: 1, trucks: -1, loads: 1 }, 'trucks is -1'],
    [{ seed: 1, trucks: 1, loads: 1.5 }, 'loads is 1.5'],
    [{ seed: 1, trucks: 1, loads: 1, metros: 45 }, 'metros is 45'],
    [{ seed: 1, trucks: 1, loads: 1, days: 0 }, 'days 0'],
  ])('rejects %o', (options, message) => {
    try {
      randomBackhaulInstance(options);
      expect.unreachable();
    } catch (error) {
      expect(isNorthboundError(error) && error.code).toBe('invalid_input');
      expect((error as Error).message).toContain(message);
    }
  });
});
