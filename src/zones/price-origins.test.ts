import { describe, expect, it } from 'vitest';
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import { SeededRandom } from '../sim/seeded-random.ts';
import { findLandingZones } from './find-landing-zones.ts';
import {
  DALLAS,
  FORT_WORTH,
  MEMPHIS,
  everyWeek,
  markets,
  options,
  range,
} from './landing-fixtures.test-support.ts';
import type { LandingZoneReport } from './landing-zone.ts';
import {
  landingSnapshot,
  priceOrigins,
  type LandingSnapshot,
  type SnapshotMarket,
  type SnapshotZone,
} from './price-origins.ts';

/** Miles per degree of latitude on geo.ts's sphere: a point d miles due north is d / this degrees up. */
const MILES_PER_DEGREE = (3958.7613 * Math.PI) / 180;
const northOf = (point: { lat: number; lon: number }, miles: number): [number, number] => [
  point.lat + miles / MILES_PER_DEGREE,
  point.lon,
];

/**
 * Twelve weeks, so "every other week" is exactly half: Dallas is a zone landing 4 dry vans and 1 reefer
 * every week (reefers are 20% of its arrivals); Fort Worth (~30 mi away) and Memphis land one reefer every
 * other week and are not zones.
 */
function report(): LandingZoneReport {
  const weeks = 12;
  const alternate = [0, 2, 4, 6, 8, 10];
  return findLandingZones(
    [
      ...everyWeek(DALLAS, 'van', 4, range(weeks), 'dry_van', weeks),
      ...everyWeek(DALLAS, 'reefer', 1, range(weeks), 'reefer', weeks),
      ...everyWeek(FORT_WORTH, 'ftw', 1, alternate, 'reefer', weeks),
      ...everyWeek(MEMPHIS, 'mem', 1, alternate, 'reefer', weeks),
    ],
    markets,
    options({ weeks }),
  );
}

/** One point priced alone, read back by name. */
function at(snapshot: LandingSnapshot, lat: number, lon: number) {
  const prices = priceOrigins(Float64Array.of(lat), Float64Array.of(lon), snapshot);
  const trucks = (equipment: Equipment) => prices.trucksNear[EQUIPMENT.indexOf(equipment)]!;
  const zone = snapshot.zones[prices.nearestZone[0]!];
  return {
    proximity: prices.proximity[0]!,
    nearest: zone === undefined ? null : { key: zone.key, miles: prices.zoneMiles[0]! },
    trucks,
    fit: (equipment: Equipment) => Math.min(1, trucks(equipment)),
  };
}

describe('priceOrigins', () => {
  it('is built on a report whose fixtures say what the tests assume', () => {
    const built = report();
    expect(built.zones.map((z) => z.key)).toEqual([DALLAS.id]);
    expect(built.zones[0]?.equipment.find((e) => e.equipment === 'reefer')?.share).toBe(0.2);
    expect(greatCircleMiles(DALLAS, FORT_WORTH)).toBeLessThan(50);
    expect(greatCircleMiles(DALLAS, MEMPHIS)).toBeGreaterThan(400);
  });

  it('scores proximity 1 inside the reload radius, linearly down to 0 at 300 mi', () => {
    const snapshot = landingSnapshot(report());
    expect(at(snapshot, DALLAS.lat, DALLAS.lon).proximity).toBe(1);
    expect(at(snapshot, ...northOf(DALLAS, 99)).proximity).toBe(1);
    expect(at(snapshot, ...northOf(DALLAS, 150)).proximity).toBeCloseTo(0.75, 9);
    expect(at(snapshot, ...northOf(DALLAS, 200)).proximity).toBeCloseTo(0.5, 9);
    expect(at(snapshot, ...northOf(DALLAS, 250)).proximity).toBeCloseTo(0.25, 9);
    expect(at(snapshot, ...northOf(DALLAS, 301)).proximity).toBe(0);
    // Memphis lands reefers but is no zone: proximity counts zones only.
    expect(at(snapshot, MEMPHIS.lat, MEMPHIS.lon).proximity).toBe(0);
  });

  it('takes the zero distance it is given, and refuses one that is not a distance', () => {
    expect(at(landingSnapshot(report(), 500), ...northOf(DALLAS, 300)).proximity).toBeCloseTo(0.5, 9);
    expect(() => landingSnapshot(report(), 0)).toThrow(
      /proximityZeroMiles is 0; expected a distance in miles > 0/,
    );
  });

  it('takes the best zone, not just the nearest, when reload radii differ', () => {
    const built = report();
    const dallas = built.zones[0];
    if (dallas === undefined) throw new Error('no Dallas zone');
    // A second zone 260 mi south of the query with a 250 mi radius beats Dallas 150 mi north of it.
    const [qLat, qLon] = northOf(DALLAS, 150);
    const wide = { ...dallas, key: 'wide', lat: qLat - 260 / MILES_PER_DEGREE, reloadRadiusMiles: 250 };
    const point = at(landingSnapshot({ zones: [dallas, wide], markets: [dallas, wide] }), qLat, qLon);
    expect(point.proximity).toBeCloseTo((300 - 260) / (300 - 250), 9);
    expect(point.nearest?.key).toBe(DALLAS.id);
  });

  it('finds the nearest landing zone and its distance, ignoring markets that are not zones', () => {
    const snapshot = landingSnapshot(report());
    const nearMemphis = at(snapshot, MEMPHIS.lat, MEMPHIS.lon).nearest;
    expect(nearMemphis?.key).toBe(DALLAS.id);
    expect(nearMemphis?.miles).toBeCloseTo(greatCircleMiles(MEMPHIS, DALLAS), 9);
    // Half the world away still finds it.
    expect(at(snapshot, -30, 80).nearest?.key).toBe(DALLAS.id);
  });

  it('fits equipment that lands at least weekly nearby fully, even as a 20% share', () => {
    const point = at(landingSnapshot(report()), ...northOf(DALLAS, 60));
    expect(point.fit('reefer')).toBe(1);
    expect(point.fit('dry_van')).toBe(1);
    expect(point.trucks('dry_van')).toBe(4);
    // Dallas's weekly reefer plus Fort Worth's every other week: both centres are within 100 mi.
    expect(point.trucks('reefer')).toBe(1.5);
    expect(point.fit('flatbed')).toBe(0);
  });

  it('fits equipment that lands every other week partly, from markets that are not zones too', () => {
    const snapshot = landingSnapshot(report());
    const memphis = at(snapshot, MEMPHIS.lat, MEMPHIS.lon);
    expect(memphis.trucks('reefer')).toBe(0.5);
    expect(memphis.fit('reefer')).toBe(0.5);
    expect(memphis.fit('dry_van')).toBe(0);
    // Beyond the reload radius nothing counts, however close the next band.
    expect(at(snapshot, ...northOf(DALLAS, 160)).fit('dry_van')).toBe(0);
  });

  it('prices many points in one batch, each afresh', () => {
    const snapshot = landingSnapshot(report());
    const points = [DALLAS, MEMPHIS, MEMPHIS, DALLAS];
    const prices = priceOrigins(
      Float64Array.from(points, (p) => p.lat),
      Float64Array.from(points, (p) => p.lon),
      snapshot,
    );
    const reefer = EQUIPMENT.indexOf('reefer');
    const dryVan = EQUIPMENT.indexOf('dry_van');
    const trucks = (o: number, e: number) => prices.trucksNear[o * EQUIPMENT.length + e];
    expect([trucks(0, reefer), trucks(1, reefer), trucks(2, dryVan), trucks(3, dryVan)]).toEqual([
      1.5, 0.5, 0, 4,
    ]);
  });

  it('has no nearest zone and no proximity without zones, but still counts trucks', () => {
    const built = report();
    const snapshot = landingSnapshot({ zones: [], markets: built.markets.filter((m) => !m.isLandingZone) });
    expect(at(snapshot, DALLAS.lat, DALLAS.lon).nearest).toBeNull();
    expect(at(snapshot, DALLAS.lat, DALLAS.lon).proximity).toBe(0);
    expect(at(snapshot, MEMPHIS.lat, MEMPHIS.lon).fit('reefer')).toBe(0.5);
  });

  it('rejects a point off the globe', () => {
    const snapshot = landingSnapshot(report());
    expect(() => at(snapshot, Number.NaN, 0)).toThrow(NorthboundError);
    expect(() => at(snapshot, 91, 0)).toThrow(/the point 91, 0: it is not a latitude/);
  });

  it('equals the scan over every zone and market bit for bit, cells, blocks and edges included', () => {
    const random = new SeededRandom(29, 'price-origins-exact');
    const spread = (lat: number, lon: number, degrees: number) => ({
      lat: Math.max(-90, Math.min(90, lat + (random.next() - 0.5) * degrees)),
      lon: Math.max(-180, Math.min(180, lon + (random.next() - 0.5) * degrees)),
    });
    // Clustered markets (so cells see several), some far north, some across the antimeridian, and
    // zones with radii from tiny to wider than proximity's 300 mi.
    const centres = [
      [32, -97],
      [41, -88],
      [45, -73],
      [62, -115],
      [52, 179.5],
      [-33, 151],
    ] as const;
    const all: (SnapshotMarket & SnapshotZone)[] = Array.from({ length: 300 }, (_, i) => {
      const [lat, lon] = centres[i % centres.length]!;
      return {
        key: `m${i}`,
        label: `Market ${i}`,
        ...spread(lat, lon, i % 7 === 0 ? 40 : 8),
        reloadRadiusMiles: [100, 5, 60 + random.next() * 80, 320][i % 4]!,
        equipment: EQUIPMENT.filter(() => random.chance(0.6)).map((equipment) => ({
          equipment,
          trucksPerWeek: random.next() * 3,
        })),
      };
    });
    const snapshot = landingSnapshot({ zones: all.filter((_, i) => i % 3 === 0), markets: all });
    // Points near the markets, anywhere on the globe, on the ½° grid lines, and at its extremes.
    const points = [
      ...Array.from({ length: 3000 }, (_, i) => {
        const [lat, lon] = centres[i % centres.length]!;
        return spread(lat, lon, 30);
      }),
      ...Array.from({ length: 500 }, () => ({
        lat: -90 + random.next() * 180,
        lon: -180 + random.next() * 360,
      })),
      ...Array.from({ length: 300 }, () => ({
        lat: Math.round((30 + random.next() * 20) * 2) / 2,
        lon: Math.round((-100 + random.next() * 20) * 2) / 2,
      })),
      { lat: 90, lon: 180 },
      { lat: -90, lon: -180 },
      { lat: 52, lon: -180 },
      { lat: 52, lon: 180 },
    ];
    const prices = priceOrigins(
      Float64Array.from(points, (p) => p.lat),
      Float64Array.from(points, (p) => p.lon),
      snapshot,
    );
    // Trucks are summed in latitude order, as priceOrigins sums them, so the sums agree to the bit.
    const byLatitude = all
      .map((m, i) => ({
        m,
        i,
        trucks: EQUIPMENT.map((e) => m.equipment.find((l) => l.equipment === e)?.trucksPerWeek ?? 0),
      }))
      .sort((a, b) => a.m.lat - b.m.lat || a.i - b.i);
    points.forEach((point, o) => {
      const { proximity, nearest, nearestMiles } = scanZones(point, snapshot.zones);
      expect(prices.proximity[o]).toBe(proximity);
      expect(prices.nearestZone[o]).toBe(nearest);
      expect(prices.zoneMiles[o]).toBe(nearestMiles);
      const trucks = EQUIPMENT.map(() => 0);
      for (const market of byLatitude) {
        if (greatCircleMiles(point, market.m) > market.m.reloadRadiusMiles) continue;
        market.trucks.forEach((t, e) => (trucks[e]! += t));
      }
      expect(
        Array.from(prices.trucksNear.subarray(o * EQUIPMENT.length, (o + 1) * EQUIPMENT.length)),
      ).toEqual(trucks);
    });
  });

  it('answers as a brute-force scan does, on thousands of random points and markets', () => {
    const random = new SeededRandom(11, 'price-origins');
    // Random markets over North America (some far north, where degrees of longitude are short).
    const all: (SnapshotMarket & SnapshotZone)[] = Array.from({ length: 250 }, (_, i) => ({
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
    const snapshot = landingSnapshot({ zones: all.filter((_, i) => i % 4 === 0), markets: all });
    const n = 3000;
    const lat = Float64Array.from({ length: n }, () => 20 + random.next() * 50);
    const lon = Float64Array.from({ length: n }, () => -130 + random.next() * 70);
    const prices = priceOrigins(lat, lon, snapshot);
    let inReach = 0;
    for (let o = 0; o < n; o++) {
      const point = { lat: lat[o]!, lon: lon[o]! };
      const { proximity, nearest, nearestMiles } = scanZones(point, snapshot.zones);
      expect(prices.proximity[o]).toBeCloseTo(proximity, 12);
      expect(prices.nearestZone[o]).toBe(nearest);
      expect(prices.zoneMiles[o]).toBeCloseTo(nearestMiles, 9);
      EQUIPMENT.forEach((equipment, e) => {
        let trucks = 0;
        for (const market of all) {
          if (greatCircleMiles(point, market) > market.reloadRadiusMiles) continue;
          trucks += market.equipment.find((l) => l.equipment === equipment)?.trucksPerWeek ?? 0;
        }
        expect(prices.trucksNear[o * EQUIPMENT.length + e]).toBeCloseTo(trucks, 9);
      });
      if (proximity > 0) inReach++;
    }
    // The sample must exercise both regimes: near zones and beyond proximity's reach.
    expect(inReach).toBeGreaterThan(n / 10);
    expect(inReach).toBeLessThan(n);
  });
});

/**
 * The brute-force answer for one point: proximity (1 inside a zone's reload radius, falling linearly to
 * 0 at 300 miles; the best zone counts) and the nearest zone with its miles, by scanning every zone.
 */
function scanZones(
  point: { readonly lat: number; readonly lon: number },
  zones: readonly SnapshotZone[],
): { proximity: number; nearest: number; nearestMiles: number } {
  let proximity = 0;
  let nearest = -1;
  let nearestMiles = Number.POSITIVE_INFINITY;
  zones.forEach((zone, z) => {
    const miles = greatCircleMiles(point, zone);
    const r = zone.reloadRadiusMiles;
    proximity = Math.max(proximity, miles <= r ? 1 : miles >= 300 ? 0 : (300 - miles) / (300 - r));
    if (miles < nearestMiles) [nearest, nearestMiles] = [z, miles];
  });
  return { proximity, nearest, nearestMiles };
}
