import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import { findLandingZones } from './find-landing-zones.ts';
import { LandingIndex } from './landing-index.ts';
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

describe('LandingIndex', () => {
  it('is built on a report whose fixtures say what the tests assume', () => {
    const built = report();
    expect(built.zones.map((z) => z.key)).toEqual([DALLAS.id]);
    expect(built.zones[0]?.equipment.find((e) => e.equipment === 'reefer')?.share).toBe(0.2);
    expect(greatCircleMiles(DALLAS, FORT_WORTH)).toBeLessThan(50);
    expect(greatCircleMiles(DALLAS, MEMPHIS)).toBeGreaterThan(400);
  });

  it('scores proximity 1 inside the reload radius, linearly down to 0 at 300 mi', () => {
    const index = new LandingIndex(report());
    expect(index.proximity(DALLAS.lat, DALLAS.lon)).toBe(1);
    expect(index.proximity(...northOf(DALLAS, 99))).toBe(1);
    expect(index.proximity(...northOf(DALLAS, 150))).toBeCloseTo(0.75, 9);
    expect(index.proximity(...northOf(DALLAS, 200))).toBeCloseTo(0.5, 9);
    expect(index.proximity(...northOf(DALLAS, 250))).toBeCloseTo(0.25, 9);
    expect(index.proximity(...northOf(DALLAS, 301))).toBe(0);
    // Memphis lands reefers but is no zone: proximity counts zones only.
    expect(index.proximity(MEMPHIS.lat, MEMPHIS.lon)).toBe(0);
  });

  it('takes the zero distance it is given', () => {
    const index = new LandingIndex(report(), { proximityZeroMiles: 500 });
    expect(index.proximity(...northOf(DALLAS, 300))).toBeCloseTo(0.5, 9);
    expect(() => new LandingIndex(report(), { proximityZeroMiles: 0 })).toThrow(
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
    const index = new LandingIndex({ ...built, zones: [dallas, wide], markets: [dallas, wide] });
    expect(index.proximity(qLat, qLon)).toBeCloseTo((300 - 260) / (300 - 250), 9);
    expect(index.nearestZone(qLat, qLon)?.zone.key).toBe(DALLAS.id);
  });

  it('finds the nearest landing zone and its distance, ignoring markets that are not zones', () => {
    const index = new LandingIndex(report());
    const nearMemphis = index.nearestZone(MEMPHIS.lat, MEMPHIS.lon);
    expect(nearMemphis?.zone.key).toBe(DALLAS.id);
    expect(nearMemphis?.miles).toBeCloseTo(greatCircleMiles(MEMPHIS, DALLAS), 9);
    // Half the world away still finds it.
    expect(index.nearestZone(-30, 80)?.zone.key).toBe(DALLAS.id);
  });

  it('fits equipment that lands at least weekly nearby fully, even as a 20% share', () => {
    const index = new LandingIndex(report());
    const [lat, lon] = northOf(DALLAS, 60);
    expect(index.equipmentFit(lat, lon, 'reefer')).toBe(1);
    expect(index.equipmentFit(lat, lon, 'dry_van')).toBe(1);
    expect(index.trucksPerWeekNear(lat, lon, 'dry_van')).toBe(4);
    // Dallas's weekly reefer plus Fort Worth's every other week: both centres are within 100 mi.
    expect(index.trucksPerWeekNear(lat, lon, 'reefer')).toBe(1.5);
    expect(index.equipmentFit(lat, lon, 'flatbed')).toBe(0);
  });

  it('fits equipment that lands every other week partly, from markets that are not zones too', () => {
    const index = new LandingIndex(report());
    expect(index.trucksPerWeekNear(MEMPHIS.lat, MEMPHIS.lon, 'reefer')).toBe(0.5);
    expect(index.equipmentFit(MEMPHIS.lat, MEMPHIS.lon, 'reefer')).toBe(0.5);
    expect(index.equipmentFit(MEMPHIS.lat, MEMPHIS.lon, 'dry_van')).toBe(0);
    // Beyond the reload radius nothing counts, however close the next band.
    expect(index.equipmentFit(...northOf(DALLAS, 160), 'dry_van')).toBe(0);
  });

  it('answers each point afresh when the point changes', () => {
    const index = new LandingIndex(report());
    expect(index.trucksPerWeekNear(DALLAS.lat, DALLAS.lon, 'reefer')).toBe(1.5);
    expect(index.trucksPerWeekNear(MEMPHIS.lat, MEMPHIS.lon, 'reefer')).toBe(0.5);
    expect(index.trucksPerWeekNear(MEMPHIS.lat, MEMPHIS.lon, 'dry_van')).toBe(0);
    expect(index.trucksPerWeekNear(DALLAS.lat, DALLAS.lon, 'dry_van')).toBe(4);
  });

  it('has no nearest zone and no proximity without zones, but still counts trucks', () => {
    const built = report();
    const index = new LandingIndex({
      ...built,
      zones: [],
      markets: built.markets.filter((m) => !m.isLandingZone),
    });
    expect(index.nearestZone(DALLAS.lat, DALLAS.lon)).toBeNull();
    expect(index.proximity(DALLAS.lat, DALLAS.lon)).toBe(0);
    expect(index.equipmentFit(MEMPHIS.lat, MEMPHIS.lon, 'reefer')).toBe(0.5);
  });

  it('rejects a point off the globe and unknown equipment', () => {
    const index = new LandingIndex(report());
    expect(() => index.proximity(Number.NaN, 0)).toThrow(NorthboundError);
    expect(() => index.nearestZone(91, 0)).toThrow(/the point 91, 0 is not a latitude/);
    expect(() => index.equipmentFit(0, 0, 'reefr' as never)).toThrow(/equipment "reefr" is not one of/);
  });
});
