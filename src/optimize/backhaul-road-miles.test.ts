import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GreatCircleRoadDistance } from '../domain/geo.ts';
import { cosLatitude, greatCircleRoadMiles } from './backhaul-road-miles.ts';

describe('greatCircleRoadMiles', () => {
  const latitude = fc.double({ min: -90, max: 90, noNaN: true });
  const longitude = fc.double({ min: -180, max: 180, noNaN: true });
  const factor = fc.constantFrom(1, 1.2, 1.35);

  it('returns the default provider’s road miles to the last bit, on random points anywhere', () => {
    fc.assert(
      fc.property(latitude, longitude, latitude, longitude, factor, (aLat, aLon, bLat, bLon, roadFactor) => {
        const expected = new GreatCircleRoadDistance(roadFactor).roadMiles(
          { lat: aLat, lon: aLon },
          { lat: bLat, lon: bLon },
        );
        const actual = greatCircleRoadMiles(
          aLat,
          aLon,
          cosLatitude(aLat),
          bLat,
          bLon,
          cosLatitude(bLat),
          roadFactor,
        );
        expect(Object.is(actual, expected)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('and on nearby points, where the trucks and pickups are (rounding matters most there)', () => {
    const near = fc.double({ min: -4, max: 4, noNaN: true });
    fc.assert(
      fc.property(
        fc.double({ min: 25, max: 55, noNaN: true }),
        fc.double({ min: -125, max: -65, noNaN: true }),
        near,
        near,
        (lat, lon, dLat, dLon) => {
          const expected = new GreatCircleRoadDistance().roadMiles(
            { lat, lon },
            { lat: lat + dLat, lon: lon + dLon },
          );
          const actual = greatCircleRoadMiles(
            lat,
            lon,
            cosLatitude(lat),
            lat + dLat,
            lon + dLon,
            cosLatitude(lat + dLat),
            1.2,
          );
          expect(Object.is(actual, expected)).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
