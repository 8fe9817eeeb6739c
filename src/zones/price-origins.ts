/**
 * What the landing zones say about points — every distinct search origin, in one batch: proximity
 * (DESIGN.md §3.2: 1 within a zone's reload radius, falling linearly to 0 at 300 mi, the best over
 * zones), the nearest landing zone and its great-circle distance, and trucks/week of each equipment
 * landing in markets (zones or not) whose reload radius covers the point — equipment fit is
 * min(1, that). Priced for hundreds of thousands of origins: points are grouped by ½° cell, and each
 * cell keeps only the zones and markets that can matter somewhere in it (region-candidates.ts), so a
 * point tests a handful exactly instead of every zone and market — O(points × candidates), with the
 * same answers, bit for bit, as the scan over all of them.
 */
import { EQUIPMENT } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import { isValidLatLon } from '../domain/geo.ts';
import { proximityAt, RegionCandidates } from './region-candidates.ts';
import { haversineH, milesOf, RADIANS, sortedByLatitude } from './sorted-points.ts';

const EQUIPMENT_COUNT = EQUIPMENT.length;
const EARTH_RADIUS_MILES = 3958.7613; // as geo.ts
const EQUIPMENT_INDEX = new Map<string, number>(EQUIPMENT.map((e, i) => [e, i]));

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
  /** Equipment fit, min(1, trucksNear), laid out alike: what scoring reads once per search. */
  readonly equipmentFit: Float64Array;
}

/** The h of a distance: comparing h with it decides "within" without an asin per candidate. */
const hOf = (miles: number): number => Math.sin(Math.min(Math.PI / 2, miles / (2 * EARTH_RADIUS_MILES))) ** 2;

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

/**
 * Points are grouped into ½° cells inside 4° blocks (a counting sort on a block-major key), and each
 * block, then each cell, narrows the zones and markets to its candidates (region-candidates.ts), so a
 * point tests a handful exactly: O(points + blocks × (zones + markets) + cells × block candidates).
 */
const CELLS_PER_DEGREE = 2;
const CELLS_PER_BLOCK = 8; // a power of two: the key packs a cell's place in its block in 6 bits
const LAT_CELLS = 180 * CELLS_PER_DEGREE + 1;
const LON_CELLS = 360 * CELLS_PER_DEGREE + 1;
const LON_BLOCKS = Math.ceil(LON_CELLS / CELLS_PER_BLOCK);
const BLOCK_KEYS = Math.ceil(LAT_CELLS / CELLS_PER_BLOCK) * LON_BLOCKS;

/**
 * Prices of `points` points, unpriced: proximity 0, no nearest zone, no trucks. In shared memory, so
 * two threads can price halves of the points into the same arrays (and for the reason given in
 * allocate-scores.ts).
 */
export function allocatePrices(points: number): OriginPrices {
  const allocate = (bytes: number) => new SharedArrayBuffer(bytes);
  return {
    proximity: new Float64Array(allocate(points * 8)),
    nearestZone: new Int32Array(allocate(points * 4)).fill(-1),
    zoneMiles: new Float64Array(allocate(points * 8)).fill(Number.POSITIVE_INFINITY),
    trucksNear: new Float64Array(allocate(points * EQUIPMENT_COUNT * 8)),
    equipmentFit: new Float64Array(allocate(points * EQUIPMENT_COUNT * 8)),
  };
}

/** Prices the points [from, to) into `prices` (all points into fresh arrays by default). */
export function priceOrigins(
  lat: Float64Array,
  lon: Float64Array,
  snapshot: LandingSnapshot,
  from = 0,
  to: number = lat.length,
  prices: OriginPrices = allocatePrices(lat.length),
): OriginPrices {
  const n = to - from;
  const zeroMiles = snapshot.proximityZeroMiles;
  const zones = sortedByLatitude(snapshot.zones);
  const markets = sortedByLatitude(snapshot.markets);
  const marketCount = markets.lat.length;
  const marketTrucks = new Float64Array(marketCount * EQUIPMENT_COUNT);
  for (let m = 0; m < marketCount; m++) {
    for (const landing of snapshot.markets[markets.rank[m]!]!.equipment) {
      const e = EQUIPMENT_INDEX.get(landing.equipment);
      if (e !== undefined) marketTrucks[m * EQUIPMENT_COUNT + e] = landing.trucksPerWeek;
    }
  }
  const { trucksNear, equipmentFit } = prices;
  // Thresholds in h-space, slightly widened so rounding can only send a candidate to the exact test.
  const widen = 1 + 1e-9;
  const hZero = hOf(zeroMiles) * widen;
  const zoneRadiusH = zones.radius.map((r) => hOf(r) / widen);
  const marketRadiusH = markets.radius.map((r) => hOf(r) * widen);
  const marketInsideH = markets.radius.map((r) => hOf(r) / widen);

  // Cell of each point as (block << 6 | cell in block), then the points in key order (a counting
  // sort over the keys from the lowest to the highest present).
  const cellKey = new Int32Array(n);
  let minKey = BLOCK_KEYS << 6;
  let maxKey = -1;
  for (let o = from; o < to; o++) {
    const pLat = lat[o]!;
    const pLon = lon[o]!;
    if (!isValidLatLon(pLat, pLon)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot price the point ${pLat}, ${pLon}: it is not a latitude from −90 to 90 and a longitude from −180 to 180.`,
        { lat: pLat, lon: pLon },
      );
    }
    const latCell = Math.floor((pLat + 90) * CELLS_PER_DEGREE);
    const lonCell = Math.floor((pLon + 180) * CELLS_PER_DEGREE);
    const block = Math.floor(latCell / CELLS_PER_BLOCK) * LON_BLOCKS + Math.floor(lonCell / CELLS_PER_BLOCK);
    const key = (block << 6) | ((latCell % CELLS_PER_BLOCK) << 3) | (lonCell % CELLS_PER_BLOCK);
    cellKey[o - from] = key;
    if (key < minKey) minKey = key;
    if (key > maxKey) maxKey = key;
  }
  const keyCount = new Int32Array(Math.max(0, maxKey - minKey + 2));
  for (let k = 0; k < n; k++) keyCount[cellKey[k]! - minKey + 1]!++;
  for (let k = 1; k < keyCount.length; k++) keyCount[k]! += keyCount[k - 1]!;
  // Points are then read in that order, so their coordinates are copied into it (sequential reads
  // of the copies instead of a cache miss per point); results are written back by point.
  const order = new Int32Array(n);
  const orderKey = new Int32Array(n);
  const orderLat = new Float64Array(n);
  const orderLon = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const o = from + k;
    const at = keyCount[cellKey[k]! - minKey]!++;
    order[at] = o;
    orderKey[at] = cellKey[k]!;
    orderLat[at] = lat[o]!;
    orderLon[at] = lon[o]!;
  }

  const all = RegionCandidates.everything(zones.lat.length, marketCount);
  const block = new RegionCandidates(zones.lat.length, marketCount);
  const cell = new RegionCandidates(zones.lat.length, marketCount);
  const cellDegrees = 1 / CELLS_PER_DEGREE;
  const trucks = new Float64Array(EQUIPMENT_COUNT);
  let blockKey = -1;
  let currentKey = -1;
  for (let at = 0; at < n; at++) {
    const o = order[at]!;
    const key = orderKey[at]!;
    if (key >>> 6 !== blockKey) {
      blockKey = key >>> 6;
      const south = Math.floor(blockKey / LON_BLOCKS) * CELLS_PER_BLOCK * cellDegrees - 90;
      const west = (blockKey % LON_BLOCKS) * CELLS_PER_BLOCK * cellDegrees - 180;
      const size = CELLS_PER_BLOCK * cellDegrees;
      block.narrow(all, zones, markets, zeroMiles, { south, north: south + size, west, east: west + size });
    }
    if (key !== currentKey) {
      currentKey = key;
      const south =
        (Math.floor(blockKey / LON_BLOCKS) * CELLS_PER_BLOCK + ((key >>> 3) & 7)) * cellDegrees - 90;
      const west = ((blockKey % LON_BLOCKS) * CELLS_PER_BLOCK + (key & 7)) * cellDegrees - 180;
      cell.narrow(block, zones, markets, zeroMiles, {
        south,
        north: south + cellDegrees,
        west,
        east: west + cellDegrees,
      });
    }
    const pLat = orderLat[at]!;
    const pLon = orderLon[at]!;
    const cosLat = Math.cos(pLat * RADIANS);
    // The nearest zone (ties: the better rank).
    let nearest = -1;
    let nearestH = Number.POSITIVE_INFINITY;
    for (let k = 0; k < cell.nearestCount; k++) {
      const z = cell.nearest[k]!;
      const h = haversineH(pLat, pLon, cosLat, zones, z);
      const rank = zones.rank[z]!;
      if (h < nearestH || (h === nearestH && rank < nearest)) {
        nearestH = h;
        nearest = rank;
      }
    }
    // Proximity: the best over zones.
    let best = cell.sureProximity ? 1 : 0;
    for (let k = 0; k < cell.proximityCount && best < 1; k++) {
      const z = cell.proximity[k]!;
      const h = haversineH(pLat, pLon, cosLat, zones, z);
      // Beyond the zero distance only a reload radius wider than it still gives 1.
      if (h >= hZero && zones.radius[z]! <= zeroMiles) continue;
      const score = h <= zoneRadiusH[z]! ? 1 : proximityAt(milesOf(h), zones.radius[z]!, zeroMiles);
      if (score > best) best = score;
    }
    prices.proximity[o] = best;
    prices.nearestZone[o] = nearest;
    prices.zoneMiles[o] = nearest < 0 ? Number.POSITIVE_INFINITY : milesOf(nearestH);
    // Markets whose reload radius covers the point: trucks/week by equipment, summed in market order
    // (in `trucks`, then stored: o jumps across trucksNear, and a read-modify-write there misses).
    for (let e = 0; e < EQUIPMENT_COUNT; e++) trucks[e] = 0;
    for (let k = 0; k < cell.marketCount; k++) {
      const m = cell.markets[k]!;
      if (cell.marketSure[k] === 0) {
        const h = haversineH(pLat, pLon, cosLat, markets, m);
        if (h > marketRadiusH[m]! || (h > marketInsideH[m]! && milesOf(h) > markets.radius[m]!)) continue;
      }
      for (let e = 0; e < EQUIPMENT_COUNT; e++) trucks[e]! += marketTrucks[m * EQUIPMENT_COUNT + e]!;
    }
    for (let e = 0; e < EQUIPMENT_COUNT; e++) {
      trucksNear[o * EQUIPMENT_COUNT + e] = trucks[e]!;
      equipmentFit[o * EQUIPMENT_COUNT + e] = Math.min(1, trucks[e]!);
    }
  }
  return prices;
}
