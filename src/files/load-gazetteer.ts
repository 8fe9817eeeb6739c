/**
 * Loads the gazetteer from the committed tables in data/ (written by scripts/derive-gazetteer.ts):
 * gazetteer-us-ca.csv (GeoNames, CC BY 4.0) and us-zip-centroids.csv (Census ZCTA).
 * Parsed rows are kept per data folder for the life of the process (~50 ms to parse, read-only
 * afterwards); gazetteers are kept per (folder, options) so repeated calls cost nothing.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { createGazetteer } from '../domain/create-gazetteer.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { LatLon } from '../domain/geo.ts';
import { asId, type MarketId } from '../domain/ids.ts';
import type { City } from '../domain/market.ts';
import { countryOf, isRegion } from '../domain/regions.ts';
import { readShippedText } from './read-shipped-text.ts';

export interface LoadGazetteerOptions {
  /** Folder holding the two CSVs; defaults to the repository's data/, whatever the working directory. */
  readonly dataDir?: string;
  readonly marketMinPopulation?: number;
  readonly marketRadiusMiles?: number;
}

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
const CITIES_FILE = 'gazetteer-us-ca.csv';
const ZIPS_FILE = 'us-zip-centroids.csv';
const CITY_HEADER = ['id', 'name', 'region', 'country', 'lat', 'lon', 'population'];

interface GazetteerTables {
  readonly cities: readonly City[];
  readonly zips: ReadonlyMap<string, LatLon>;
}

const tablesByDir = new Map<string, GazetteerTables>();
const gazetteersByKey = new Map<string, Gazetteer>();

/** Shipped data that does not parse is a broken install, not a user mistake: say which file and row. */
const corrupt = (path: string, row: number, problem: string): NorthboundError =>
  new NorthboundError(
    'internal',
    `Cannot load ${path} row ${row}: ${problem}. Regenerate it with \`npm run data:gazetteer\``,
    { path, row },
  );

const readText = (path: string): string =>
  readShippedText(path, 'The gazetteer tables ship in data/; regenerate them with `npm run data:gazetteer`');

function parseNumber(path: string, row: number, field: string, text: string | undefined): number {
  const value = text === undefined || text === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw corrupt(path, row, `${field} "${text ?? ''}" is not a number`);
  return value;
}

/** Names may hold commas ("Washington, D.C."), so this file is parsed as real RFC 4180 CSV. */
function readCities(path: string): City[] {
  const records = parse(readText(path), { relax_column_count: false }) as string[][];
  const [header, ...rows] = records;
  if (header?.join(',') !== CITY_HEADER.join(',')) {
    throw corrupt(path, 1, `header "${header?.join(',') ?? ''}" is not "${CITY_HEADER.join(',')}"`);
  }
  return rows.map((fields, i) => {
    const row = i + 2;
    const [id, name, region, country, lat, lon, population] = fields;
    if (id === undefined || !/^\d+$/.test(id))
      throw corrupt(path, row, `id "${id ?? ''}" is not a GeoNames id`);
    if (name === undefined || name === '') throw corrupt(path, row, 'name is empty');
    if (region === undefined || !isRegion(region)) {
      throw corrupt(path, row, `region "${region ?? ''}" is not a US state or Canadian province code`);
    }
    if (country !== countryOf(region))
      throw corrupt(path, row, `country "${country ?? ''}" does not match ${region}`);
    return {
      id: asId<MarketId>(id),
      name,
      region,
      country: countryOf(region),
      lat: parseNumber(path, row, 'lat', lat),
      lon: parseNumber(path, row, 'lon', lon),
      population: parseNumber(path, row, 'population', population),
    };
  });
}

/** zip,lat,lon: digits and numbers only, so a plain split is exact and ~5× faster than a CSV parser. */
function readZips(path: string): Map<string, LatLon> {
  const lines = readText(path).split('\n');
  if (lines[0]?.trim() !== 'zip,lat,lon')
    throw corrupt(path, 1, `header "${lines[0] ?? ''}" is not "zip,lat,lon"`);
  const zips = new Map<string, LatLon>();
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    const [zip, lat, lon] = line.split(',');
    if (zip === undefined || !/^\d{5}$/.test(zip))
      throw corrupt(path, i + 1, `ZIP "${zip ?? ''}" is not 5 digits`);
    zips.set(zip, { lat: parseNumber(path, i + 1, 'lat', lat), lon: parseNumber(path, i + 1, 'lon', lon) });
  }
  return zips;
}

function tablesIn(dataDir: string): GazetteerTables {
  let tables = tablesByDir.get(dataDir);
  if (tables === undefined) {
    tables = { cities: readCities(join(dataDir, CITIES_FILE)), zips: readZips(join(dataDir, ZIPS_FILE)) };
    tablesByDir.set(dataDir, tables);
  }
  return tables;
}

export function loadGazetteer(options: LoadGazetteerOptions = {}): Gazetteer {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const key = JSON.stringify([
    dataDir,
    options.marketMinPopulation ?? null,
    options.marketRadiusMiles ?? null,
  ]);
  let gazetteer = gazetteersByKey.get(key);
  if (gazetteer === undefined) {
    const { cities, zips } = tablesIn(dataDir);
    gazetteer = createGazetteer(cities, zips, {
      ...(options.marketMinPopulation === undefined
        ? {}
        : { marketMinPopulation: options.marketMinPopulation }),
      ...(options.marketRadiusMiles === undefined ? {} : { marketRadiusMiles: options.marketRadiusMiles }),
    });
    gazetteersByKey.set(key, gazetteer);
  }
  return gazetteer;
}
