import { describe, expect, it } from 'vitest';
import { EQUIPMENT } from '../domain/equipment.ts';
import { SeededRandom } from '../sim/seeded-random.ts';
import { LandingIndex } from '../zones/landing-index.ts';
import type { LandingZoneReport } from '../zones/landing-zone.ts';
import {
  priceOrigins,
  type LandingSnapshot,
  type SnapshotMarket,
  type SnapshotZone,
} from './price-origins.ts';

/** Random markets over North America (some far north, where degrees of longitude are short). */
function randomSnapshot(random: SeededRandom): LandingSnapshot {
  const markets: (SnapshotMarket & SnapshotZone)[] = Array.from({ length: 250 }, (_, i) => ({
    key: `m${i}`,
    label: `Market ${i}`,
    lat: 25 + random.next() * 40,
    lon: -125 + random.next() * 60,
    reloadRadiusMiles: random.chance(0.2) ? 60 + random.next() * 80 : 100,
    equipment: EQUIPMENT.filter(() => random.chance(0.5)).map((equipment) => ({
      equipment,
      trucksPerWeek: Math.round(random.next() * 300) / 100,
    })),
  }));
  return { zones: markets.filter((_, i) => i % 4 === 0), markets, proximityZeroMiles: 300 };
}

describe('priceOrigins', () => {
  it('answers exactly as LandingIndex does, point by point', () => {
    const random = new SeededRandom(11, 'price-origins');
    const snapshot = randomSnapshot(random);
    const index = new LandingIndex(snapshot as unknown as LandingZoneReport, { proximityZeroMiles: 300 });
    const n = 3000;
    const lat = Float64Array.from({ length: n }, () => 20 + random.next() * 50);
    const lon = Float64Array.from({ length: n }, () => -130 + random.next() * 70);
    const prices = priceOrigins(lat, lon, snapshot);
    let inReach = 0;
    for (let o = 0; o < n; o++) {
      expect(prices.proximity[o]).toBeCloseTo(index.proximity(lat[o]!, lon[o]!), 12);
      const nearest = index.nearestZone(lat[o]!, lon[o]!);
      expect(snapshot.zones[prices.nearestZone[o]!]?.key).toBe(nearest?.zone.key);
      expect(prices.zoneMiles[o]).toBeCloseTo(nearest!.miles, 9);
      EQUIPMENT.forEach((equipment, e) => {
        expect(prices.trucksNear[o * EQUIPMENT.length + e]).toBeCloseTo(
          index.trucksPerWeekNear(lat[o]!, lon[o]!, equipment),
          9,
        );
      });
      if (prices.proximity[o]! > 0) inReach++;
    }
    // The sample must exercise both regimes: near zones and beyond proximity's reach.
    expect(inReach).toBeGreaterThan(n / 10);
    expect(inReach).toBeLessThan(n);
  });

  it('has no nearest zone when there are no zones', () => {
    const prices = priceOrigins(Float64Array.of(32.7), Float64Array.of(-96.8), {
      zones: [],
      markets: [],
      proximityZeroMiles: 300,
    });
    expect(prices.nearestZone[0]).toBe(-1);
    expect(prices.proximity[0]).toBe(0);
    expect(prices.zoneMiles[0]).toBe(Number.POSITIVE_INFINITY);
  });
});
