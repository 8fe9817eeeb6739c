import { describe, expect, it } from 'vitest';
import { greatCircleMiles, type LatLon } from '../domain/geo.ts';
import { NearbyPoints } from './nearby-points.ts';

/** A small linear congruential generator, so the cases repeat. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const within = (points: readonly LatLon[], query: LatLon, radius: number): number[] =>
  points.flatMap((p, i) => (greatCircleMiles(query, p) <= radius ? [i] : []));

describe('NearbyPoints', () => {
  it('finds exactly the points a full scan finds, across the antimeridian and near the poles', () => {
    const next = sequence(42);
    const points: LatLon[] = [];
    for (let i = 0; i < 300; i += 1) points.push({ lat: next() * 180 - 90, lon: next() * 360 - 180 });
    // Clusters where the box logic has edges: the antimeridian, high latitudes, and US freight country.
    for (let i = 0; i < 100; i += 1)
      points.push({ lat: next() * 20 - 10, lon: next() < 0.5 ? 179 + next() : -180 + next() });
    for (let i = 0; i < 100; i += 1) points.push({ lat: 85 + next() * 5, lon: next() * 360 - 180 });
    for (let i = 0; i < 200; i += 1) points.push({ lat: 25 + next() * 24, lon: -125 + next() * 58 });
    const index = new NearbyPoints(points);
    const queries: LatLon[] = [
      { lat: 0, lon: 180 },
      { lat: 0, lon: -180 },
      { lat: 5, lon: 179.9 },
      { lat: 89.5, lon: 10 },
      { lat: -89.9, lon: 0 },
      ...points.slice(0, 50),
    ];
    for (let i = 0; i < 200; i += 1) queries.push({ lat: next() * 180 - 90, lon: next() * 360 - 180 });
    for (let i = 0; i < 200; i += 1) queries.push({ lat: 25 + next() * 24, lon: -125 + next() * 58 });
    let checked = 0;
    for (const query of queries) {
      for (const radius of [0, 50, 100, 300, 1_500, 8_000, 20_000]) {
        const found: number[] = [];
        let mismatches = 0;
        index.forEachWithin(query.lat, query.lon, radius, (point, i, miles) => {
          if (point !== points[i] || miles !== greatCircleMiles(query, point)) mismatches += 1;
          found.push(i);
        });
        const expected = within(points, query, radius);
        const label = `${query.lat},${query.lon} r=${radius}`;
        if (mismatches > 0 || found.sort((a, b) => a - b).join() !== expected.join()) {
          expect({ mismatches, found }, label).toEqual({ mismatches: 0, found: expected });
        }
        checked += 1;
      }
    }
    expect(checked).toBe(queries.length * 7);
  });

  it('includes a point exactly on the rim and handles an empty index', () => {
    const dallas = { lat: 32.78, lon: -96.81 };
    const north = { lat: 34.0, lon: -96.81 };
    const rim = greatCircleMiles(dallas, north);
    const found: number[] = [];
    new NearbyPoints([north]).forEachWithin(dallas.lat, dallas.lon, rim, (_p, i) => found.push(i));
    expect(found).toEqual([0]);
    new NearbyPoints([]).forEachWithin(0, 0, 100, () => found.push(99));
    expect(found).toEqual([0]);
  });
});
