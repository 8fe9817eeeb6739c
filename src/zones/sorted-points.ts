/**
 * Landing zones or markets as typed columns sorted by latitude, and the haversine arithmetic that
 * prices points against them. The arithmetic is geo.ts's greatCircleMiles split in two — h, then
 * miles from h — so callers compare h (monotone in miles) and pay the asin only when they need miles;
 * a distance computed here equals greatCircleMiles of the same two points bit for bit.
 */

const EARTH_RADIUS_MILES = 3958.7613; // as geo.ts
export const RADIANS = Math.PI / 180;

/** Points sorted by latitude (ties: input order), as columns; `rank` maps back to the input order. */
export interface SortedPoints {
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly cosLat: Float64Array;
  readonly radius: Float64Array;
  readonly rank: Int32Array;
}

export function sortedByLatitude(
  items: readonly { lat: number; lon: number; reloadRadiusMiles: number }[],
): SortedPoints {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.lat - items[b]!.lat || a - b);
  return {
    lat: Float64Array.from(order, (i) => items[i]!.lat),
    lon: Float64Array.from(order, (i) => items[i]!.lon),
    cosLat: Float64Array.from(order, (i) => Math.cos(items[i]!.lat * RADIANS)),
    radius: Float64Array.from(order, (i) => items[i]!.reloadRadiusMiles),
    rank: Int32Array.from(order),
  };
}

/** The haversine h between a point (with its cos(lat)) and sorted point `at`. */
export function haversineH(lat: number, lon: number, cosLat: number, s: SortedPoints, at: number): number {
  const dLat = (s.lat[at]! - lat) * RADIANS;
  const dLon = (s.lon[at]! - lon) * RADIANS;
  return Math.sin(dLat / 2) ** 2 + cosLat * s.cosLat[at]! * Math.sin(dLon / 2) ** 2;
}

/** Great-circle miles of a haversine h. */
export const milesOf = (h: number): number => 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
