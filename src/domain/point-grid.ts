/**
 * Nearest-point search for the gazetteer: nearestMarket / nearestCity run ~200k times per import and
 * 10M times in benchmarks, so a linear scan over 17.5k cities is out.
 */
import { greatCircleMiles, type LatLon } from './geo.ts';

const EARTH_RADIUS_MILES = 3958.7613; // as geo.ts, so h-space comparisons agree with greatCircleMiles
const RADIANS = Math.PI / 180;
/** Half the Earth's circumference: no two points are farther apart. */
const MAX_MILES = Math.PI * EARTH_RADIUS_MILES;

/**
 * Points (cities, markets) bucketed in square-degree cells, stored as compressed rows on typed arrays
 * (each cell's points sorted by latitude), so a query allocates nothing.
 *
 * A query scans rings of cells around its own, k = 0, 1, 2…, clipped to the cells that can hold a
 * point within the radius (rows ±r/69 mi per degree, columns ±asin(sin(r/R) / cos φ), wrapping at the
 * antimeridian). It stops once the best point found is closer than anything outside the scanned box
 * can be: such a point differs by at least the latitude gap to the box, or lies beyond the meridian at
 * the longitude gap, at least asin(cos φ · sin Δλ) away. Inside a cell, points whose latitude alone
 * puts them beyond the best so far are skipped before any trigonometry.
 * Cost: O(cells in the searched box + points in a band of the best distance).
 */
export class PointGrid<T extends LatLon> {
  private readonly rows: number;
  private readonly cols: number;
  private readonly cellStart: Int32Array;
  /** Per slot (cell order): the point's index, latitude and position on the unit sphere. */
  private readonly index: Int32Array;
  private readonly lat: Float64Array;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly z: Float64Array;

  /**
   * `points` in tie-break order: of two equidistant points the earlier wins (pass largest city first).
   * `cellDegrees` divides 180: small enough that a cell holds few points, large enough that a search
   * covers few cells (1° for ~1,000 markets, ¼° for ~17,500 cities).
   */
  constructor(
    private readonly points: readonly T[],
    private readonly cellDegrees = 1,
  ) {
    this.rows = Math.round(180 / cellDegrees);
    this.cols = 2 * this.rows;
    this.cellStart = new Int32Array(this.rows * this.cols + 1);
    const cellOf = points.map((p) => this.row(p.lat) * this.cols + this.col(p.lon));
    for (const cell of cellOf) this.cellStart[cell + 1] = (this.cellStart[cell + 1] ?? 0) + 1;
    for (let i = 1; i < this.cellStart.length; i += 1) {
      this.cellStart[i] = (this.cellStart[i] ?? 0) + (this.cellStart[i - 1] ?? 0);
    }
    const slots = points
      .map((p, i) => ({ i, cell: cellOf[i] ?? 0, lat: p.lat }))
      .sort((a, b) => a.cell - b.cell || a.lat - b.lat || a.i - b.i);
    this.index = Int32Array.from(slots, (s) => s.i);
    this.lat = Float64Array.from(slots, (s) => s.lat);
    const lonOf = (s: { i: number }): number => (points[s.i]?.lon ?? 0) * RADIANS;
    this.x = Float64Array.from(slots, (s) => Math.cos(s.lat * RADIANS) * Math.cos(lonOf(s)));
    this.y = Float64Array.from(slots, (s) => Math.cos(s.lat * RADIANS) * Math.sin(lonOf(s)));
    this.z = Float64Array.from(slots, (s) => Math.sin(s.lat * RADIANS));
  }

  private row(lat: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((lat + 90) / this.cellDegrees)));
  }
  private col(lon: number): number {
    const col = Math.floor((lon + 180) / this.cellDegrees) % this.cols;
    return col < 0 ? col + this.cols : col;
  }

  /** Radius-dependent constants of the last query; callers reuse one radius, so this saves trigonometry. */
  private capMiles = NaN;
  private capDegrees = 0;
  private capSin = 0;
  private capH = 0;

  /** The nearest point within radiusMiles (great-circle) that passes `accept`, or null. */
  nearest(point: LatLon, radiusMiles: number, accept?: (item: T) => boolean): T | null {
    const { cellStart, index, lat, x, y, z, cols, cellDegrees } = this;
    if (!(radiusMiles >= 0)) return null;
    if (radiusMiles !== this.capMiles) {
      const capAngle = (Math.min(radiusMiles, MAX_MILES) / EARTH_RADIUS_MILES) * (1 + 1e-9);
      this.capMiles = radiusMiles;
      this.capDegrees = capAngle / RADIANS;
      this.capSin = capAngle >= Math.PI / 2 ? 1 : Math.sin(capAngle);
      this.capH = Math.sin(capAngle / 2) ** 2;
    }
    const { capDegrees, capSin, capH } = this;
    const qLat = point.lat;
    const qLon = point.lon;
    const qCosLat = Math.cos(qLat * RADIANS);
    const qx = qCosLat * Math.cos(qLon * RADIANS);
    const qy = qCosLat * Math.sin(qLon * RADIANS);
    const qz = Math.sin(qLat * RADIANS);
    // The box of cells that can hold a point within the radius (columns unwrapped). The longitude
    // half-width is asin(sin r / cos φ), over-estimated by x / √(1 − x²) ≥ asin x to skip an asin.
    const rowFirst = this.row(qLat - capDegrees);
    const rowLast = this.row(qLat + capDegrees);
    const qRow = this.row(qLat);
    const qCol = Math.floor((qLon + 180) / cellDegrees);
    const lonRatio = capSin / qCosLat;
    const spansPole = qLat + capDegrees >= 90 || qLat - capDegrees <= -90 || !(lonRatio < 0.99);
    const lonDegrees = spansPole ? 180 : lonRatio / Math.sqrt(1 - lonRatio * lonRatio) / RADIANS;
    let colFirst = Math.floor((qLon - lonDegrees + 180) / cellDegrees);
    let colLast = Math.floor((qLon + lonDegrees + 180) / cellDegrees);
    if (colLast - colFirst >= cols - 1) {
      colFirst = qCol - (cols >> 1);
      colLast = colFirst + cols - 1;
    }
    const lastRing = Math.max(qRow - rowFirst, rowLast - qRow, qCol - colFirst, colLast - qCol);

    let best = -1;
    let bestH = capH;
    // An upper bound on the best distance in degrees of arc, refreshed once per ring (asin is dear).
    let bestDegrees = capDegrees;
    let ringStartH = bestH;
    for (let k = 0; k <= lastRing; k += 1) {
      const top = Math.max(qRow - k, rowFirst);
      const bottom = Math.min(qRow + k, rowLast);
      const left = Math.max(qCol - k, colFirst);
      const right = Math.min(qCol + k, colLast);
      for (let row = top; row <= bottom; row += 1) {
        const edgeRow = row === qRow - k || row === qRow + k;
        const step = edgeRow ? 1 : 2 * k;
        for (let c = edgeRow ? left : qCol - k; c <= right; c += step) {
          if (c < colFirst) continue;
          const cell = row * cols + (c < 0 ? c + cols : c >= cols ? c - cols : c);
          const end = cellStart[cell + 1] as number;
          for (let slot = cellStart[cell] as number; slot < end; slot += 1) {
            const pLat = lat[slot] as number;
            if (pLat < qLat - bestDegrees) continue; // the latitude gap alone is too far…
            if (pLat > qLat + bestDegrees) break; // …and stays so: slots are sorted by latitude
            // Haversine's h = sin²(θ/2) = chord² / 4: the same order as greatCircleMiles, no trigonometry.
            const dx = (x[slot] as number) - qx;
            const dy = (y[slot] as number) - qy;
            const dz = (z[slot] as number) - qz;
            const h = (dx * dx + dy * dy + dz * dz) / 4;
            const i = index[slot] as number;
            if (h > bestH || (h === bestH && i > best)) continue;
            if (accept !== undefined && !accept(this.points[i] as T)) continue;
            best = i;
            bestH = h;
          }
        }
      }
      if (best >= 0) {
        if (bestH !== ringStartH) bestDegrees = (2 * Math.asin(Math.min(1, Math.sqrt(bestH)))) / RADIANS;
        ringStartH = bestH;
        // Stop when no point outside the box of rings 0..k can beat the best: it would lie beyond the
        // box's latitude gap, or beyond the meridian at its longitude gap, asin(cos φ · sin Δλ) away.
        const south = (qRow - k) * cellDegrees - 90;
        const north = (qRow + k + 1) * cellDegrees - 90;
        const latGap = Math.min(
          south <= -90 ? Infinity : qLat - south,
          north >= 90 ? Infinity : north - qLat,
        );
        if (bestDegrees > latGap) continue;
        const lonGap = Math.min(
          qLon + 180 - (qCol - k) * cellDegrees,
          (qCol + k + 1) * cellDegrees - (qLon + 180),
        );
        if (lonGap >= 90) {
          if (bestDegrees <= 90 - Math.abs(qLat)) break;
        } else if (
          bestH <= 0.5 &&
          2 * Math.sqrt(bestH * (1 - bestH)) <= qCosLat * Math.sin(lonGap * RADIANS)
        ) {
          break; // sin(best) ≤ sin(meridian distance), both arcs ≤ 90°
        }
      }
    }
    const found = this.points[best];
    if (found === undefined) return null;
    // Clearly inside the cap: done. At its rim, ask geo.ts so "within the radius" means the same
    // everywhere in the product.
    return bestH < capH * (1 - 1e-6) || greatCircleMiles(point, found) <= radiusMiles ? found : null;
  }
}
