/**
 * The places the world may name, checked against the gazetteer the importer will use.
 *
 * A generated file is only useful if it imports cleanly, so every city the world writes is one that
 * `gazetteer.resolve({ city, region })` maps back to itself (not an ambiguous or shadowed name), and
 * every ZIP is one whose USPS state is the state written beside it. Checks are cached per city / ZIP.
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import { greatCircleMiles, type LatLon } from '../domain/geo.ts';
import type { City } from '../domain/market.ts';
import { PointGrid } from '../domain/point-grid.ts';
import type { Region } from '../domain/regions.ts';
import type { ZipCentroid } from './reference-data.ts';
import type { SeededRandom } from './seeded-random.ts';
import { WeightedPicker } from './weighted-picker.ts';

/** A resolved city may sit a little off the GeoNames point only through rounding. */
const SAME_POINT_MILES = 0.5;
const MILES_PER_DEGREE = 69.055;
const NEIGHBOURHOOD_MILES = 10;
const NEIGHBOURHOOD_RATIO = 3;

/** A point up to `maxMiles` from `center`, uniform over the disc. */
export function jitterPoint(center: LatLon, maxMiles: number, random: SeededRandom): LatLon {
  const distance = maxMiles * Math.sqrt(random.next());
  const bearing = random.next() * 2 * Math.PI;
  const dLat = (distance * Math.cos(bearing)) / MILES_PER_DEGREE;
  const dLon = (distance * Math.sin(bearing)) / (MILES_PER_DEGREE * Math.cos((center.lat * Math.PI) / 180));
  return { lat: round5(center.lat + dLat), lon: round5(center.lon + dLon) };
}

const round5 = (value: number): number => Math.round(value * 1e5) / 1e5;

export class PlaceCatalog {
  private readonly resolvableById = new Map<string, boolean>();
  private readonly citiesByRegion = new Map<string, readonly City[]>();
  private readonly pickers = new Map<string, WeightedPicker<City> | null>();
  private readonly zipGrid: PointGrid<ZipCentroid>;
  private readonly zipRegion = new Map<string, Region | null>();
  private readonly zipMarket = new Map<string, string | null>();
  private readonly cityMarket = new Map<string, string | null>();

  constructor(
    readonly gazetteer: Gazetteer,
    zipCentroids: readonly ZipCentroid[],
  ) {
    this.zipGrid = new PointGrid(zipCentroids);
  }

  /** True when writing this city's name and region resolves to this very city. */
  isResolvable(city: City): boolean {
    const known = this.resolvableById.get(city.id);
    if (known !== undefined) return known;
    let ok = false;
    try {
      const place = this.gazetteer.resolve({ city: city.name, region: city.region });
      ok = place.region === city.region && greatCircleMiles(place, city) <= SAME_POINT_MILES;
    } catch {
      ok = false;
    }
    this.resolvableById.set(city.id, ok);
    return ok;
  }

  /**
   * Resolvable, standalone cities of a region with at least `minPopulation` people, largest first.
   * GeoNames lists boroughs and neighbourhoods as cities (Queens, Borough Park in New York City); a
   * place within NEIGHBOURHOOD_MILES of a city NEIGHBOURHOOD_RATIO times its size (same region) is
   * treated as part of it and not named, so files say "New York City", as most shippers would.
   */
  citiesIn(region: Region, minPopulation = 0): readonly City[] {
    const cacheKey = `${region}|${minPopulation}`;
    let cities = this.citiesByRegion.get(cacheKey);
    if (cities === undefined) {
      cities =
        minPopulation === 0
          ? this.standaloneCities(region)
          : this.citiesIn(region).filter((city) => city.population >= minPopulation);
      this.citiesByRegion.set(cacheKey, cities);
    }
    return cities;
  }

  private standaloneCities(region: Region): City[] {
    const all = this.gazetteer.citiesIn(region); // largest first
    return all.filter((city) => {
      if (!this.isResolvable(city)) return false;
      for (const big of all) {
        if (big.population < NEIGHBOURHOOD_RATIO * city.population) break;
        if (greatCircleMiles(big, city) <= NEIGHBOURHOOD_MILES) return false;
      }
      return true;
    });
  }

  /** Picks a city of the region in proportion to population (null if the region has none that big). */
  cityByPopulation(region: Region, minPopulation: number, random: SeededRandom): City | null {
    const cacheKey = `${region}|${minPopulation}`;
    let picker = this.pickers.get(cacheKey);
    if (picker === undefined) {
      const cities = this.citiesIn(region, minPopulation);
      picker = WeightedPicker.create(
        cities,
        cities.map((city) => city.population),
      );
      this.pickers.set(cacheKey, picker);
    }
    return picker === null ? null : picker.pick(random);
  }

  /** Resolvable cities of `region` within `radiusMiles` of a point. */
  citiesNear(point: LatLon, region: Region, radiusMiles: number): City[] {
    return this.citiesIn(region).filter((city) => greatCircleMiles(point, city) <= radiusMiles);
  }

  /** The nearest resolvable city of `region` to a point (null only if the region has none). */
  nearestCityIn(point: LatLon, region: Region): City | null {
    const near = this.gazetteer.nearestCity(point, 30);
    if (near !== null && near.region === region && this.isResolvable(near)) return near;
    let best: City | null = null;
    let bestMiles = Infinity;
    for (const city of this.citiesIn(region)) {
      const distance = greatCircleMiles(point, city);
      if (distance < bestMiles) {
        best = city;
        bestMiles = distance;
      }
    }
    return best;
  }

  /**
   * A dock near `city`: up to `maxMiles` away but in the same market as the city, so a row that gives
   * the dock's coordinates lands in the same market as one that gives the city's name.
   */
  dockNear(city: City, maxMiles: number, random: SeededRandom): LatLon {
    let market = this.cityMarket.get(city.id);
    if (market === undefined) {
      market = this.marketIdOf(city);
      this.cityMarket.set(city.id, market);
    }
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const point = jitterPoint(city, maxMiles, random);
      if (this.marketIdOf(point) === market) return point;
    }
    return { lat: city.lat, lon: city.lon };
  }

  /** The nearest ZIP within `radiusMiles` whose USPS state is `region` and whose market is the point's. */
  nearestZip(point: LatLon, region: Region, radiusMiles: number): ZipCentroid | null {
    const market = this.marketIdOf(point);
    return this.zipGrid.nearest(
      point,
      radiusMiles,
      (zip) => this.regionOfZip(zip.zip) === region && this.marketOfZip(zip) === market,
    );
  }

  private marketOfZip(zip: ZipCentroid): string | null {
    let market = this.zipMarket.get(zip.zip);
    if (market === undefined) {
      market = this.marketIdOf(zip);
      this.zipMarket.set(zip.zip, market);
    }
    return market;
  }

  private marketIdOf(point: LatLon): string | null {
    return this.gazetteer.nearestMarket(point)?.id ?? null;
  }

  private regionOfZip(zip: string): Region | null {
    let region = this.zipRegion.get(zip);
    if (region === undefined) {
      try {
        region = this.gazetteer.resolve({ zip }).region;
      } catch {
        region = null;
      }
      this.zipRegion.set(zip, region);
    }
    return region;
  }
}
