/**
 * Which landing zones and markets can matter to some point inside a latitude/longitude box: the
 * candidates priceOrigins tests exactly for each point of the box, so each point looks at a handful
 * of zones and markets instead of all of them. Narrowed box by box (all → 4° block → ½° cell), each
 * step looking only at its parent's candidates.
 *
 * Bounds come from the triangle inequality: every point of the box lies within R miles of its centre
 * (R = the farthest corner: along a parallel the distance from the centre grows towards the corners,
 * along a meridian it is convex, so a small box's farthest point is a corner), so a zone d miles from
 * the centre is between d − R and d + R from any point in it. R carries SLACK_MILES, far above the
 * rounding of the haversine, so a candidate is dropped only when the exact test could not keep it —
 * the prices stay those of the scan over every zone and market, bit for bit.
 */
import { haversineH, milesOf, RADIANS, type SortedPoints } from './sorted-points.ts';

const SLACK_MILES = 1e-3;

/** Proximity (DESIGN.md §3.2) of a zone with this reload radius, `miles` away: as priceOrigins scores it. */
export const proximityAt = (miles: number, radius: number, zeroMiles: number): number =>
  miles <= radius ? 1 : miles >= zeroMiles ? 0 : (zeroMiles - miles) / (zeroMiles - radius);

function cornerMiles(lat: number, lon: number, cornerLat: number, cornerLon: number): number {
  const dLat = (cornerLat - lat) * RADIANS;
  const dLon = (cornerLon - lon) * RADIANS;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat * RADIANS) * Math.cos(cornerLat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return milesOf(h);
}

/** Candidates of one box, in sorted-point indices; reused box after box (no allocation per box). */
export class RegionCandidates {
  /** Zones that may be the nearest zone of a point in the box. */
  readonly nearest: Int32Array;
  nearestCount = 0;
  /** Zones whose proximity may be a point's best (empty when sureProximity). */
  readonly proximity: Int32Array;
  proximityCount = 0;
  /** A zone's reload radius covers the whole box: proximity is 1 everywhere in it. */
  sureProximity = false;
  /** Markets whose reload radius may cover a point, in ascending index (the order trucks are summed in). */
  readonly markets: Int32Array;
  /** 1 where markets[k]'s radius covers the whole box: no exact test needed. */
  readonly marketSure: Uint8Array;
  marketCount = 0;
  /** Scratch: distance from the box centre, by position in the parent's list. */
  private readonly miles: Float64Array;

  constructor(zoneCount: number, marketCount: number) {
    this.nearest = new Int32Array(zoneCount);
    this.proximity = new Int32Array(zoneCount);
    this.markets = new Int32Array(marketCount);
    this.marketSure = new Uint8Array(marketCount);
    this.miles = new Float64Array(Math.max(zoneCount, marketCount));
  }

  /** Every zone and market: the root the boxes narrow from. */
  static everything(zoneCount: number, marketCount: number): RegionCandidates {
    const all = new RegionCandidates(zoneCount, marketCount);
    for (let z = 0; z < zoneCount; z++) all.nearest[z] = all.proximity[z] = z;
    for (let m = 0; m < marketCount; m++) all.markets[m] = m;
    all.nearestCount = all.proximityCount = zoneCount;
    all.marketCount = marketCount;
    return all;
  }

  /** This box's candidates, from those of a box that contains it. */
  narrow(
    parent: RegionCandidates,
    zones: SortedPoints,
    markets: SortedPoints,
    zeroMiles: number,
    box: { readonly south: number; readonly north: number; readonly west: number; readonly east: number },
  ): void {
    const south = Math.max(-90, box.south);
    const north = Math.min(90, box.north);
    const lat = (south + north) / 2;
    const lon = (box.west + box.east) / 2;
    const cosLat = Math.cos(lat * RADIANS);
    const reach =
      Math.max(
        cornerMiles(lat, lon, south, box.west),
        cornerMiles(lat, lon, south, box.east),
        cornerMiles(lat, lon, north, box.west),
        cornerMiles(lat, lon, north, box.east),
      ) + SLACK_MILES;
    const miles = this.miles;

    // Nearest: a zone is a candidate unless it is farther from every point than some zone can be.
    let bound = Number.POSITIVE_INFINITY;
    for (let k = 0; k < parent.nearestCount; k++) {
      const d = milesOf(haversineH(lat, lon, cosLat, zones, parent.nearest[k]!));
      miles[k] = d;
      if (d + reach < bound) bound = d + reach;
    }
    this.nearestCount = 0;
    for (let k = 0; k < parent.nearestCount; k++) {
      if (miles[k]! - reach <= bound) this.nearest[this.nearestCount++] = parent.nearest[k]!;
    }

    // Proximity: a zone is a candidate unless its best case is below another zone's worst case.
    this.proximityCount = 0;
    this.sureProximity = parent.sureProximity;
    if (!this.sureProximity) {
      let floor = 0;
      for (let k = 0; k < parent.proximityCount; k++) {
        const z = parent.proximity[k]!;
        const d = milesOf(haversineH(lat, lon, cosLat, zones, z));
        miles[k] = d;
        const worst = proximityAt(d + reach, zones.radius[z]!, zeroMiles);
        if (worst > floor) floor = worst;
      }
      this.sureProximity = floor === 1;
      for (let k = 0; k < parent.proximityCount && !this.sureProximity; k++) {
        const z = parent.proximity[k]!;
        const best = proximityAt(Math.max(0, miles[k]! - reach), zones.radius[z]!, zeroMiles);
        if (best > 0 && best >= floor) this.proximity[this.proximityCount++] = z;
      }
    }

    // Markets: dropped when out of reach of every point, sure when covering every point.
    this.marketCount = 0;
    for (let k = 0; k < parent.marketCount; k++) {
      const m = parent.markets[k]!;
      let sure = parent.marketSure[k]!;
      if (sure === 0) {
        const d = milesOf(haversineH(lat, lon, cosLat, markets, m));
        const radius = markets.radius[m]!;
        if (d - reach > radius) continue;
        sure = d + reach <= radius ? 1 : 0;
      }
      this.marketSure[this.marketCount] = sure;
      this.markets[this.marketCount++] = m;
    }
  }
}
