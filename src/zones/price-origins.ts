/**
 * What the landing zones say about points — every distinct search origin, in one batch: proximity
 * (DESIGN.md §3.2: 1 within a zone's reload radius, falling linearly to 0 at 300 mi, the best over
 * zones), the nearest landing zone and its great-circle distance, and trucks/week of each equipment
 * landing in markets (zones or not) whose reload radius covers the point — equipment fit is
 * min(1, that). Priced for hundreds of thousands of origins: zones and markets are sorted by
 * latitude, each origin looks only at the latitude band its radius can reach, and the great-circle
 * distance is computed only for candidates inside the band's longitude window.
 * O(origins × markets in band); a far origin with no zone in reach scans the zones once for its
 * nearest (explanations name it).
 */
import { EQUIPMENT } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import { isValidLatLon } from '../domain/geo.ts';

const EQUIPMENT_COUNT = EQUIPMENT.length;
const EQUIPMENT_INDEX = new Map<string, number>(EQUIPMENT.map((e, i) => [e, i]));
/** A little under geo.ts's 69.09 mi per degree, so bands err wide. */
const MILES_PER_DEGREE_LAT = 69.05;

/** A landing zone as prospects name it. */
export interface NearZone {
  readonly key: string;
  readonly label: string;
}

export interface SnapshotZone extends NearZone {
  readonly lat: number;
  readonly lon: number;
  readonly reloadRadiusMiles: number;
}

export interface SnapshotMarket {
  readonly lat: number;
  readonly lon: number;
  readonly reloadRadiusMiles: number;
  readonly equipment: readonly { readonly equipment: string; readonly trucksPerWeek: number }[];
}

/** The landing picture scoring reads; a LandingZoneReport's `zones` and `markets` fit it as they are. */
export interface LandingSnapshot {
  /** Landing zones, best-ranked first (a tie for nearest goes to the better-ranked zone). */
  readonly zones: readonly SnapshotZone[];
  /** Every market with arrivals (zones included). */
  readonly markets: readonly SnapshotMarket[];
  /** Distance from a zone at which proximity reaches 0 (300 mi). */
  readonly proximityZeroMiles: number;
}

export interface OriginPrices {
  readonly proximity: Float64Array;
  /** Index into snapshot.zones, −1 when there are no zones. */
  readonly nearestZone: Int32Array;
  readonly zoneMiles: Float64Array;
  /** [origin × EQUIPMENT.length + equipment]. */
  readonly trucksNear: Float64Array;
}

const EARTH_RADIUS_MILES = 3958.7613; // as geo.ts: distances here equal greatCircleMiles exactly
const RADIANS = Math.PI / 180;

/** Points sorted by latitude, as typed columns; `rank` maps back to the caller's order. */
interface Sorted {
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly cosLat: Float64Array;
  readonly radius: Float64Array;
  readonly rank: Int32Array;
}

function byLatitude(items: readonly { lat: number; lon: number; reloadRadiusMiles: number }[]): Sorted {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.lat - items[b]!.lat || a - b);
  return {
    lat: Float64Array.from(order, (i) => items[i]!.lat),
    lon: Float64Array.from(order, (i) => items[i]!.lon),
    cosLat: Float64Array.from(order, (i) => Math.cos(items[i]!.lat * RADIANS)),
    radius: Float64Array.from(order, (i) => items[i]!.reloadRadiusMiles),
    rank: Int32Array.from(order),
  };
}

/** First index with lat ≥ value. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The haversine h of geo.ts's greatCircleMiles; miles = 2R·asin(√h), monotone in h. */
function haversineH(lat: number, lon: number, cosLat: number, s: Sorted, at: number): number {
  const dLat = (s.lat[at]! - lat) * RADIANS;
  const dLon = (s.lon[at]! - lon) * RADIANS;
  return Math.sin(dLat / 2) ** 2 + cosLat * s.cosLat[at]! * Math.sin(dLon / 2) ** 2;
}

const milesOf = (h: number): number => 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
/** The h of a distance: comparing h with it decides "within" without an asin per candidate. */
const hOf = (miles: number): number => Math.sin(Math.min(Math.PI / 2, miles / (2 * EARTH_RADIUS_MILES))) ** 2;

/** Degrees of longitude a band must span: measured at its edge nearest the pole, where they are shortest. */
const lonWindow = (lat: number, band: number): number =>
  band / Math.max(0.01, Math.cos((Math.min(89, Math.abs(lat) + band) * Math.PI) / 180));

/** The snapshot of a landing-zone report, as scoring reads it. */
export const DEFAULT_PROXIMITY_ZERO_MILES = 300;

export function landingSnapshot(
  report: { readonly zones: readonly SnapshotZone[]; readonly markets: readonly SnapshotMarket[] },
  proximityZeroMiles = DEFAULT_PROXIMITY_ZERO_MILES,
): LandingSnapshot {
  if (!(proximityZeroMiles > 0 && Number.isFinite(proximityZeroMiles))) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot price points against the landing zones: proximityZeroMiles is ${proximityZeroMiles}; expected a distance in miles > 0.`,
      { option: 'proximityZeroMiles', value: proximityZeroMiles },
    );
  }
  return { zones: report.zones, markets: report.markets, proximityZeroMiles };
}

export function priceOrigins(lat: Float64Array, lon: Float64Array, snapshot: LandingSnapshot): OriginPrices {
  const n = lat.length;
  const prices: OriginPrices = {
    proximity: new Float64Array(n),
    nearestZone: new Int32Array(n).fill(-1),
    zoneMiles: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    trucksNear: new Float64Array(n * EQUIPMENT_COUNT),
  };
  const zeroMiles = snapshot.proximityZeroMiles;
  const zones = byLatitude(snapshot.zones);
  const markets = byLatitude(snapshot.markets);
  const zoneCount = zones.lat.length;
  const marketCount = markets.lat.length;
  const marketTrucks = new Float64Array(marketCount * EQUIPMENT_COUNT);
  for (let m = 0; m < marketCount; m++) {
    for (const landing of snapshot.markets[markets.rank[m]!]!.equipment) {
      const e = EQUIPMENT_INDEX.get(landing.equipment);
      if (e !== undefined) marketTrucks[m * EQUIPMENT_COUNT + e] = landing.trucksPerWeek;
    }
  }
  const zoneReach = Math.max(zeroMiles, ...snapshot.zones.map((z) => z.reloadRadiusMiles));
  const marketReach = Math.max(0, ...snapshot.markets.map((m) => m.reloadRadiusMiles));
  const zoneBand = zoneReach / MILES_PER_DEGREE_LAT;
  const marketBand = marketReach / MILES_PER_DEGREE_LAT;
  const trucksNear = prices.trucksNear;
  // Thresholds in h-space, slightly widened so rounding can only send a candidate to the exact test.
  const widen = 1 + 1e-9;
  const hZero = hOf(zeroMiles) * widen;
  const zoneRadiusH = zones.radius.map((r) => hOf(r) / widen);
  const marketRadiusH = markets.radius.map((r) => hOf(r) * widen);

  for (let o = 0; o < n; o++) {
    const pLat = lat[o]!;
    const pLon = lon[o]!;
    if (!isValidLatLon(pLat, pLon)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot price the point ${pLat}, ${pLon}: it is not a latitude from −90 to 90 and a longitude from −180 to 180.`,
        { lat: pLat, lon: pLon },
      );
    }
    const cosLat = Math.cos(pLat * RADIANS);
    // Zones within reach: proximity (the best over zones) and the nearest (ties: the better rank).
    let best = 0;
    let nearest = -1;
    let nearestH = Number.POSITIVE_INFINITY;
    const zoneLonBand = lonWindow(pLat, zoneBand);
    for (let z = lowerBound(zones.lat, pLat - zoneBand); z < zoneCount; z++) {
      if (zones.lat[z]! > pLat + zoneBand) break;
      if (Math.abs(zones.lon[z]! - pLon) > zoneLonBand) continue;
      const h = haversineH(pLat, pLon, cosLat, zones, z);
      const rank = zones.rank[z]!;
      if (h < nearestH || (h === nearestH && rank < nearest)) {
        nearestH = h;
        nearest = rank;
      }
      if (best === 1 || h >= hZero) continue;
      if (h <= zoneRadiusH[z]!) {
        best = 1;
        continue;
      }
      const miles = milesOf(h);
      const radius = zones.radius[z]!;
      const score = miles <= radius ? 1 : miles >= zeroMiles ? 0 : (zeroMiles - miles) / (zeroMiles - radius);
      if (score > best) best = score;
    }
    // The band is a box: a zone found in its corner may be farther than one just outside it.
    if (nearest < 0 || milesOf(nearestH) > zoneReach) {
      for (let z = 0; z < zoneCount; z++) {
        const h = haversineH(pLat, pLon, cosLat, zones, z);
        const rank = zones.rank[z]!;
        if (h < nearestH || (h === nearestH && rank < nearest)) {
          nearestH = h;
          nearest = rank;
        }
      }
    }
    prices.proximity[o] = best;
    prices.nearestZone[o] = nearest;
    prices.zoneMiles[o] = nearest < 0 ? Number.POSITIVE_INFINITY : milesOf(nearestH);
    // Markets whose reload radius covers the point: trucks/week by equipment.
    const marketLonBand = lonWindow(pLat, marketBand);
    for (let m = lowerBound(markets.lat, pLat - marketBand); m < marketCount; m++) {
      if (markets.lat[m]! > pLat + marketBand) break;
      if (Math.abs(markets.lon[m]! - pLon) > marketLonBand) continue;
      const h = haversineH(pLat, pLon, cosLat, markets, m);
      if (h > marketRadiusH[m]! || milesOf(h) > markets.radius[m]!) continue;
      for (let e = 0; e < EQUIPMENT_COUNT; e++) {
        trucksNear[o * EQUIPMENT_COUNT + e]! += marketTrucks[m * EQUIPMENT_COUNT + e]!;
      }
    }
  }
  return prices;
}
