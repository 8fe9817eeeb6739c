/**
 * Geography: points, great-circle distance and the road-distance provider interface.
 * Road miles default to great-circle × 1.2 (DESIGN.md §3.6); a real routing service can be plugged
 * in behind DistanceProvider without touching the cores.
 */
import { miles, type Miles } from './units.ts';

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

const EARTH_RADIUS_MILES = 3958.7613;
const RADIANS = Math.PI / 180;

/** Haversine distance; accurate to ~0.5% (spherical earth), plenty for planning. */
export function greatCircleMiles(a: LatLon, b: LatLon): Miles {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLon = (b.lon - a.lon) * RADIANS;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return miles(2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h))));
}

export const DEFAULT_ROAD_FACTOR = 1.2;

export interface DistanceProvider {
  /** Road miles between two points. */
  roadMiles(from: LatLon, to: LatLon): Miles;
}

export class GreatCircleRoadDistance implements DistanceProvider {
  constructor(private readonly roadFactor: number = DEFAULT_ROAD_FACTOR) {}
  roadMiles(from: LatLon, to: LatLon): Miles {
    return miles(greatCircleMiles(from, to) * this.roadFactor);
  }
}

export const isValidLatLon = (lat: number, lon: number): boolean =>
  Number.isFinite(lat) && Number.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
