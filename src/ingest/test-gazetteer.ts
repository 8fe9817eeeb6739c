/**
 * A small real gazetteer for ingest tests: createGazetteer over a dozen hand-written cities (points
 * and populations from data/gazetteer-us-ca.csv) and three ZIP centroids. Only tests import this.
 */
import { createGazetteer } from '../domain/create-gazetteer.ts';
import type { LatLon } from '../domain/geo.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { MarketId } from '../domain/ids.ts';
import type { City } from '../domain/market.ts';
import type { Country, Region } from '../domain/regions.ts';

const city = (
  id: string,
  name: string,
  region: Region,
  country: Country,
  lat: number,
  lon: number,
  population: number,
): City => ({ id: id as MarketId, name, region, country, lat, lon, population });

export const TEST_CITIES: readonly City[] = [
  city('4684888', 'Dallas', 'TX', 'US', 32.78306, -96.80667, 1300092),
  city('4691930', 'Fort Worth', 'TX', 'US', 32.72541, -97.32085, 833319),
  city('4705349', 'Laredo', 'TX', 'US', 27.50641, -99.50754, 255473),
  city('4990729', 'Detroit', 'MI', 'US', 42.33143, -83.04575, 677116),
  city('5110629', 'Buffalo', 'NY', 'US', 42.88645, -78.87837, 258071),
  city('4250542', 'Springfield', 'IL', 'US', 39.80172, -89.64371, 116565),
  city('6167865', 'Toronto', 'ON', 'CA', 43.70011, -79.4163, 2600000),
  city('6075357', 'Mississauga', 'ON', 'CA', 43.5789, -79.6583, 668549),
  city('6182962', 'Windsor', 'ON', 'CA', 42.30008, -83.01654, 278013),
  city('6077243', 'Montréal', 'QC', 'CA', 45.50884, -73.58781, 1600000),
  city('5913490', 'Calgary', 'AB', 'CA', 51.05011, -114.08529, 1019942),
];

export const TEST_ZIPS: ReadonlyMap<string, LatLon> = new Map([
  ['75201', { lat: 32.78831, lon: -96.79957 }],
  ['48226', { lat: 42.33181, lon: -83.05035 }],
  ['78040', { lat: 27.51337, lon: -99.50214 }],
]);

export const testGazetteer = (): Gazetteer => createGazetteer(TEST_CITIES, TEST_ZIPS);
