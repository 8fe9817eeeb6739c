/**
 * The default road distance (src/domain/geo.ts: great circle × road factor) as one kernel over plain
 * numbers, for the candidate loop, where it runs a few million times: the cosine of each point's latitude
 * is computed once per point (cosLatitude) instead of once per pair, and no object is built or passed.
 *
 * It repeats greatCircleMiles and GreatCircleRoadDistance.roadMiles operation for operation, in the same
 * order (from → to), so its miles are those of the provider to the last bit; backhaul-road-miles.test.ts
 * holds it to that on random points. A change to one of the two must be made to both.
 */
const EARTH_RADIUS_MILES = 3958.7613;
const RADIANS = Math.PI / 180;

/** cos(latitude), the per-point factor greatCircleRoadMiles takes. */
export const cosLatitude = (lat: number): number => Math.cos(lat * RADIANS);

/** Road miles from → to: haversine great-circle miles × roadFactor. O(1), no allocation. */
export function greatCircleRoadMiles(
  fromLat: number,
  fromLon: number,
  fromCosLat: number,
  toLat: number,
  toLon: number,
  toCosLat: number,
  roadFactor: number,
): number {
  const dLat = (toLat - fromLat) * RADIANS;
  const dLon = (toLon - fromLon) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + fromCosLat * toCosLat * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h))) * roadFactor;
}
