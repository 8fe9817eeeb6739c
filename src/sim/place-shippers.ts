/**
 * US shippers placed by Census County Business Patterns 2021.
 *
 * A shipper's state and sector are drawn by establishment counts, weighted by how likely a business of
 * that sector is to ship truckloads across the border (SECTOR_PROPENSITY: a factory or a wholesaler
 * far more than a shop). Where CBP has county detail (38 states), the county is drawn by the sector's
 * establishments and the shipper sits in a town within 25 mi of the county centroid, by population
 * (businesses cluster in towns; a centroid is often in a field). For the 12 states without county
 * detail, the state total is spread over the state's towns by population. The dock is within 3 mi of
 * the town, and the town is a gazetteer city that resolves back to itself, so origin_city +
 * origin_region in the files always import.
 *
 * Employees: the sector's mean per establishment in that state, with a lognormal spread (σ = 1.1),
 * because establishment sizes are heavily skewed.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { City } from '../domain/market.ts';
import type { UsState } from '../domain/regions.ts';
import { emailLocalPart, flatString, personName, type CompanyNamer, type Industry } from './company-names.ts';
import type { PlaceCatalog } from './place-catalog.ts';
import type { CountyCentroid, ReferenceData, ShipperSector, StateSectorCount } from './reference-data.ts';
import { hashKeys, mix32, SeededRandom } from './seeded-random.ts';
import { WeightedPicker } from './weighted-picker.ts';
import type { Shipper } from './world-model.ts';

/** Relative chance that one establishment of the sector ships truckloads cross-border at all. */
export const SECTOR_PROPENSITY: Readonly<Record<ShipperSector, number>> = {
  food_mfg: 1,
  other_mfg: 1,
  wholesale: 0.5,
  retail: 0.08,
};

export const SECTOR_INDUSTRY: Readonly<Record<ShipperSector, Industry>> = {
  food_mfg: 'food',
  other_mfg: 'manufacturing',
  wholesale: 'wholesale',
  retail: 'retail',
};

const TOWN_RADIUS_MILES = 25;
const DOCK_JITTER_MILES = 3;
const ZIP_RADIUS_MILES = 15;
const EMPLOYEE_SIGMA = 1.1;

/**
 * An opaque, unique company id: murmur's finaliser is a bijection on 32-bit integers, so distinct
 * indexes never collide, and ids do not reveal placement order (bots are not the last ids).
 */
export function companyIdOf(seed: number, index: number): string {
  return `C${((hashKeys(seed, ['company']) ^ mix32(index)) >>> 0).toString(16).padStart(8, '0').toUpperCase()}`;
}

export interface PlaceShippersInput {
  readonly seed: number;
  readonly count: number;
  readonly reference: Pick<ReferenceData, 'stateSectors' | 'countySectors' | 'countyCentroids'>;
  readonly places: PlaceCatalog;
  readonly namer: CompanyNamer;
}

export function placeShippers({ seed, count, reference, places, namer }: PlaceShippersInput): Shipper[] {
  const random = new SeededRandom(seed, 'shippers');
  const stateSectors = reference.stateSectors.filter((row) => places.citiesIn(row.state).length > 0);
  const statePicker = WeightedPicker.create(
    stateSectors,
    stateSectors.map((row) => row.establishments * SECTOR_PROPENSITY[row.sector]),
  );
  if (statePicker === null) {
    throw new NorthboundError(
      'internal',
      'Cannot place shippers: no CBP establishments in a state the gazetteer has towns for',
    );
  }

  const centroids = new Map<string, CountyCentroid>(reference.countyCentroids.map((c) => [c.countyFips, c]));
  const countyPickers = new Map<string, WeightedPicker<CountyCentroid> | null>();
  const countyOf = (row: StateSectorCount): CountyCentroid | null => {
    const cacheKey = `${row.state}|${row.sector}`;
    let picker = countyPickers.get(cacheKey);
    if (picker === undefined) {
      const rows = reference.countySectors.filter(
        (c) => c.state === row.state && c.sector === row.sector && centroids.has(c.countyFips),
      );
      picker = WeightedPicker.create(
        rows.map((c) => centroids.get(c.countyFips) as CountyCentroid),
        rows.map((c) => c.establishments),
      );
      countyPickers.set(cacheKey, picker);
    }
    return picker?.pick(random) ?? null;
  };

  const townPickers = new Map<string, WeightedPicker<City> | null>();
  const townIn = (county: CountyCentroid): City | null => {
    let picker = townPickers.get(county.countyFips);
    if (picker === undefined) {
      const towns = places.citiesNear(county, county.state, TOWN_RADIUS_MILES);
      picker = WeightedPicker.create(
        towns,
        towns.map((c) => c.population),
      );
      townPickers.set(county.countyFips, picker);
    }
    return picker?.pick(random) ?? places.nearestCityIn(county, county.state);
  };

  const shippers: Shipper[] = [];
  for (let index = 0; index < count; index += 1) {
    const row = statePicker.pick(random);
    const county = row.hasCountyDetail ? countyOf(row) : null;
    const city =
      county === null
        ? places.cityByPopulation(row.state, 0, random)
        : (townIn(county) ?? places.cityByPopulation(row.state, 0, random));
    if (city === null) continue;
    const state = city.region as UsState;
    const point = places.dockNear(city, DOCK_JITTER_MILES, random);
    const industry = SECTOR_INDUSTRY[row.sector];
    const { name, domain } = namer.name(random, city.name, industry);
    const meanEmployees = row.establishments > 0 ? row.employees / row.establishments : 10;
    const searcherCount = 1 + random.geometric(0.55, 2);
    const searcherIds = new Set<string>();
    while (searcherIds.size < searcherCount) {
      searcherIds.add(flatString(`${emailLocalPart(personName(random))}@${domain}`));
    }
    shippers.push({
      index: shippers.length,
      companyId: companyIdOf(seed, shippers.length),
      name,
      domain,
      sector: row.sector,
      industry,
      employees: Math.max(1, Math.round(random.lognormalWithMean(meanEmployees, EMPLOYEE_SIGMA))),
      state,
      city,
      point,
      zip: places.nearestZip(point, state, ZIP_RADIUS_MILES)?.zip ?? null,
      searcherIds: [...searcherIds],
      lanes: [],
    });
  }
  return shippers;
}
