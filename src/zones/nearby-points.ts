/**
 * "Every point within r miles" over a few hundred markets, asked tens of thousands of times: the
 * companion of domain/point-grid.ts (which answers only "the nearest one").
 *
 * Points sit in 1° latitude bands, each band sorted by longitude. A query visits the bands the radius
 * can reach (±r / R in latitude) and, in each, binary-searches the longitude window that can hold a point
 * within the radius (half-width asin(sin(r/R) / cos φ), a hair wider; split in two where it crosses the
 * antimeridian; every longitude when the cap reaches a pole or the window would wrap all the way round). Only candidates inside that box pay for
 * a haversine (greatCircleMiles, so "within" means the same as everywhere else in the product).
 * Cost per query: O(bands · log m + points in the box); building is O(m · log m).
 */
import { greatCircleMiles, type LatLon } from '../domain/geo.ts';

const EARTH_RADIUS_MILES = 3958.7613; // as geo.ts
const RADIANS = Math.PI / 180;
/** Widens the box a hair so a point on the rim that greatCircleMiles calls inside is never cut. */
const SLACK = 1 + 1e-9;

export class NearbyPoints<T extends LatLon> {
  private readonly bands: number;
  private readonly bandStart: Int32Array;
  /** Per slot (band order, then longitude): the point's index in `points`, its latitude and longitude. */
  private readonly index: Int32Array;
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;

  /** `bandDegrees` divides 180; 1° keeps a band to a handful of markets and a 100–300 mi query to 3–9 bands. */
  constructor(
    private readonly points: readonly T[],
    private readonly bandDegrees = 1,
  ) {
    this.bands = Math.round(180 / bandDegrees);
    this.bandStart = new Int32Array(this.bands + 1);
    const slots = points
      .map((p, i) => ({ i, band: this.band(p.lat), lat: p.lat, lon: normaliseLon(p.lon) }))
      .sort((a, b) => a.band - b.band || a.lon - b.lon || a.i - b.i);
    for (const slot of slots) this.bandStart[slot.band + 1] = (this.bandStart[slot.band + 1] ?? 0) + 1;
    for (let b = 1; b <= this.bands; b += 1) {
      this.bandStart[b] = (this.bandStart[b] ?? 0) + (this.bandStart[b - 1] ?? 0);
    }
    this.index = Int32Array.from(slots, (s) => s.i);
    this.lat = Float64Array.from(slots, (s) => s.lat);
    this.lon = Float64Array.from(slots, (s) => s.lon);
  }

  private band(lat: number): number {
    return Math.min(this.bands - 1, Math.max(0, Math.floor((lat + 90) / this.bandDegrees)));
  }

  /**
   * Calls `visit(point, index, miles)` for every point within `radiusMiles` (great-circle, inclusive)
   * of (lat, lon), in no particular order; `index` is the point's position in the constructor's array.
   */
  forEachWithin(
    lat: number,
    lon: number,
    radiusMiles: number,
    visit: (point: T, index: number, miles: number) => void,
  ): void {
    if (!(radiusMiles >= 0) || this.points.length === 0) return;
    const capAngle = Math.min(Math.PI, radiusMiles / EARTH_RADIUS_MILES) * SLACK;
    const capDegrees = capAngle / RADIANS;
    const ratio = Math.sin(capAngle) / Math.cos(lat * RADIANS);
    const reachesPole = lat + capDegrees >= 90 || lat - capDegrees <= -90 || capAngle >= Math.PI / 2;
    // One asin per query (not per point); the slack keeps the window a superset of the cap.
    const lonDegrees = reachesPole || !(ratio < 1) ? 180 : (Math.asin(ratio) / RADIANS) * SLACK + 1e-9;
    const everyLongitude = lonDegrees >= 180;
    const centre = { lat, lon };
    const qLon = normaliseLon(lon);
    const west = qLon - lonDegrees;
    const east = qLon + lonDegrees;
    const bandLast = this.band(lat + capDegrees);
    for (let band = this.band(lat - capDegrees); band <= bandLast; band += 1) {
      if (everyLongitude) {
        this.scan(band, -180, 180, centre, capDegrees, radiusMiles, visit);
      } else if (west < -180) {
        this.scan(band, west + 360, 180, centre, capDegrees, radiusMiles, visit);
        this.scan(band, -180, east, centre, capDegrees, radiusMiles, visit);
      } else if (east > 180) {
        this.scan(band, west, 180, centre, capDegrees, radiusMiles, visit);
        this.scan(band, -180, east - 360, centre, capDegrees, radiusMiles, visit);
      } else {
        this.scan(band, west, east, centre, capDegrees, radiusMiles, visit);
      }
    }
  }

  /** The band's slots with longitude in [west, east], checked by latitude then by distance. */
  private scan(
    band: number,
    west: number,
    east: number,
    centre: LatLon,
    capDegrees: number,
    radiusMiles: number,
    visit: (point: T, index: number, miles: number) => void,
  ): void {
    const end = this.bandStart[band + 1] as number;
    for (let slot = this.firstAtOrEast(band, west); slot < end; slot += 1) {
      if ((this.lon[slot] as number) > east) break;
      if (Math.abs((this.lat[slot] as number) - centre.lat) > capDegrees) continue;
      const i = this.index[slot] as number;
      const point = this.points[i] as T;
      const miles = greatCircleMiles(centre, point);
      if (miles <= radiusMiles) visit(point, i, miles);
    }
  }

  /** Binary search: the first slot of the band whose longitude is ≥ west. */
  private firstAtOrEast(band: number, west: number): number {
    let low = this.bandStart[band] as number;
    let high = this.bandStart[band + 1] as number;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.lon[middle] as number) < west) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Longitude in [−180, 180), so 190° and −170° land in the same place in a band. */
function normaliseLon(lon: number): number {
  const wrapped = (((lon + 180) % 360) + 360) % 360;
  return wrapped - 180;
}
