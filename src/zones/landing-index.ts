/**
 * Where a point stands against the carrier's landing zones: the spatial questions intent scoring
 * (DESIGN.md §3.2 proximity and equipment fit) and corridor briefs (§3.3 "trucks landing nearby") ask.
 *
 * Built once per report; each question is a bounded search (nearby-points.ts, domain/point-grid.ts), not
 * a scan with trigonometry per market: O(bands · log m + markets in the search box) for a few hundred
 * markets, asked for ~50,000 points × 5 equipment. trucksPerWeekNear answers every equipment for a point
 * in one search and keeps the last point's answer, so asking the five equipment of one point in a row
 * costs one search.
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import { greatCircleMiles, isValidLatLon } from '../domain/geo.ts';
import { PointGrid } from '../domain/point-grid.ts';
import type { LandingMarket, LandingZoneReport } from './landing-zone.ts';
import { NearbyPoints } from './nearby-points.ts';

export interface LandingIndexOptions {
  /** Distance from a landing zone at which proximity reaches 0 (300 mi). */
  readonly proximityZeroMiles?: number;
}

export const DEFAULT_PROXIMITY_ZERO_MILES = 300;

const EQUIPMENT_COUNT = EQUIPMENT.length;
const EQUIPMENT_INDEX: ReadonlyMap<string, number> = new Map(EQUIPMENT.map((e: Equipment, i) => [e, i]));

export class LandingIndex {
  private readonly proximityZeroMiles: number;
  /** Landing zones in rank order, so of two equidistant zones the better-ranked is "nearest". */
  private readonly nearestZones: PointGrid<LandingMarket>;
  private readonly zonesNearby: NearbyPoints<LandingMarket>;
  private readonly marketsNearby: NearbyPoints<LandingMarket>;
  private readonly hasZones: boolean;
  /** How far proximity can reach: the zero distance, or a wider reload radius. */
  private readonly proximityReachMiles: number;
  /** The widest reload radius of any market: the search radius of trucksPerWeekNear. */
  private readonly reloadReachMiles: number;
  /** Mean distinct trucks/week per market and equipment, at market · EQUIPMENT_COUNT + equipment. */
  private readonly marketTrucksPerWeek: Float64Array;

  /** trucksPerWeekNear's answer for the last point asked, every equipment. */
  private cachedLat = NaN;
  private cachedLon = NaN;
  private readonly cachedTrucksPerWeek = new Float64Array(EQUIPMENT_COUNT);

  constructor(report: LandingZoneReport, options: LandingIndexOptions = {}) {
    const proximityZeroMiles = options.proximityZeroMiles ?? DEFAULT_PROXIMITY_ZERO_MILES;
    if (!(proximityZeroMiles > 0 && Number.isFinite(proximityZeroMiles))) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot build the landing index: proximityZeroMiles is ${proximityZeroMiles}; expected a distance in miles > 0.`,
        { option: 'proximityZeroMiles', value: proximityZeroMiles },
      );
    }
    this.proximityZeroMiles = proximityZeroMiles;
    const zones = [...report.zones];
    this.hasZones = zones.length > 0;
    this.nearestZones = new PointGrid(zones);
    this.zonesNearby = new NearbyPoints(zones);
    this.marketsNearby = new NearbyPoints(report.markets);
    this.proximityReachMiles = Math.max(proximityZeroMiles, ...zones.map((z) => z.reloadRadiusMiles));
    this.reloadReachMiles = Math.max(0, ...report.markets.map((m) => m.reloadRadiusMiles));
    this.marketTrucksPerWeek = new Float64Array(report.markets.length * EQUIPMENT_COUNT);
    report.markets.forEach((market, m) => {
      for (const landing of market.equipment) {
        const e = EQUIPMENT_INDEX.get(landing.equipment);
        if (e !== undefined) this.marketTrucksPerWeek[m * EQUIPMENT_COUNT + e] = landing.trucksPerWeek;
      }
    });
  }

  /** Great-circle miles to the nearest LANDING ZONE centre and that zone, or null when there are none. */
  nearestZone(lat: number, lon: number): { zone: LandingMarket; miles: number } | null {
    checkPoint('nearestZone', lat, lon);
    if (!this.hasZones) return null;
    const point = { lat, lon };
    const zone = this.nearestZones.nearest(point, Infinity);
    return zone === null ? null : { zone, miles: greatCircleMiles(point, zone) };
  }

  /**
   * DESIGN §3.2 proximity: 1 within a landing zone's reload radius, falling linearly to 0 at
   * proximityZeroMiles; the best over all zones (they may differ in radius, so the nearest is not
   * always the best).
   */
  proximity(lat: number, lon: number): number {
    checkPoint('proximity', lat, lon);
    const zeroMiles = this.proximityZeroMiles;
    let best = 0;
    this.zonesNearby.forEachWithin(lat, lon, this.proximityReachMiles, (zone, _i, miles) => {
      const radius = zone.reloadRadiusMiles;
      const score = miles <= radius ? 1 : miles >= zeroMiles ? 0 : (zeroMiles - miles) / (zeroMiles - radius);
      if (score > best) best = score;
    });
    return best;
  }

  /**
   * Mean distinct trucks per week of this equipment landing in ANY market (zone or not) whose centre is
   * within its reload radius of the point, summed over those markets.
   */
  trucksPerWeekNear(lat: number, lon: number, equipment: Equipment): number {
    checkPoint('trucksPerWeekNear', lat, lon);
    const e = EQUIPMENT_INDEX.get(equipment);
    if (e === undefined) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot count trucks landing near ${lat}, ${lon}: equipment ${JSON.stringify(equipment)} is not one of ${EQUIPMENT.join(', ')}.`,
        { equipment },
      );
    }
    if (lat !== this.cachedLat || lon !== this.cachedLon) this.countTrucksNear(lat, lon);
    return this.cachedTrucksPerWeek[e] ?? 0;
  }

  /**
   * DESIGN §3.2 equipment fit: min(1, trucksPerWeekNear). 1 when trucks of that equipment land at
   * least weekly within the reload radius (whatever their share of the fleet), partial when less often,
   * 0 when none do.
   */
  equipmentFit(lat: number, lon: number, equipment: Equipment): number {
    return Math.min(1, this.trucksPerWeekNear(lat, lon, equipment));
  }

  private countTrucksNear(lat: number, lon: number): void {
    const totals = this.cachedTrucksPerWeek;
    const perMarket = this.marketTrucksPerWeek;
    totals.fill(0);
    this.marketsNearby.forEachWithin(lat, lon, this.reloadReachMiles, (market, m, miles) => {
      if (miles > market.reloadRadiusMiles) return;
      for (let e = 0; e < EQUIPMENT_COUNT; e += 1) {
        totals[e] = (totals[e] ?? 0) + (perMarket[m * EQUIPMENT_COUNT + e] ?? 0);
      }
    });
    this.cachedLat = lat;
    this.cachedLon = lon;
  }
}

function checkPoint(question: string, lat: number, lon: number): void {
  if (!isValidLatLon(lat, lon)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot answer ${question}: the point ${lat}, ${lon} is not a latitude from −90 to 90 and a longitude from −180 to 180.`,
      { lat, lon },
    );
  }
}
