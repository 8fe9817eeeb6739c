/**
 * Reads the world generator's reference data from data/ (provenance in data/README.md) into the plain
 * records src/sim declares. The files ship with the repository, so a file that does not parse is a
 * broken checkout: errors name the file, the row and the value seen.
 *
 * Parsed data is cached per folder for the life of the process (it is read-only; ~0.3 s to parse).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { NorthboundError } from '../domain/errors.ts';
import { isProvince, isUsState, type Province, type UsState } from '../domain/regions.ts';
import {
  SHIPPER_SECTORS,
  type CountyCentroid,
  type CountySectorCount,
  type Hs2Commodity,
  type ReferenceData,
  type ShipperSector,
  type StateSectorCount,
  type TradeFlow,
  type TruckingEconomics,
  type ZipCentroid,
} from '../sim/reference-data.ts';
import { readShippedText } from './read-shipped-text.ts';

export interface LoadReferenceDataOptions {
  /** Folder holding the CSVs; defaults to the repository's data/, whatever the working directory. */
  readonly dataDir?: string;
}

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export const REFERENCE_FILES = {
  tradeFlows: 'transborder-truck-canada-2024.csv',
  hs2Commodities: 'hs2-commodities.csv',
  stateSectors: 'cbp-state-sectors-2021.csv',
  countySectors: 'county-business-patterns-2021.csv',
  countyCentroids: 'county-centroids.csv',
  zipCentroids: 'us-zip-centroids.csv',
  economics: 'economics.md',
} as const;

const cache = new Map<string, ReferenceData>();

type Row = Record<string, string>;

class TableReader {
  constructor(
    readonly path: string,
    private readonly row: number,
    private readonly fields: Row,
  ) {}

  fail(problem: string): NorthboundError {
    return new NorthboundError('internal', `Cannot load ${this.path} row ${this.row}: ${problem}`, {
      path: this.path,
      row: this.row,
    });
  }

  text(column: string): string {
    const value = this.fields[column];
    if (value === undefined) throw this.fail(`column "${column}" is missing`);
    return value;
  }

  number(column: string, optional = false): number | null {
    const text = this.text(column).trim();
    if (text === '' && optional) return null;
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) throw this.fail(`${column} "${text}" is not a number`);
    return value;
  }

  requiredNumber(column: string): number {
    return this.number(column) as number;
  }

  usState(column: string): UsState {
    const value = this.text(column);
    if (!isUsState(value)) throw this.fail(`${column} "${value}" is not a US state code`);
    return value;
  }

  province(column: string): Province {
    const value = this.text(column);
    if (!isProvince(value)) throw this.fail(`${column} "${value}" is not a Canadian province code`);
    return value;
  }

  sector(column: string): ShipperSector {
    const value = this.text(column);
    if (!(SHIPPER_SECTORS as readonly string[]).includes(value)) {
      throw this.fail(`${column} "${value}" is not one of ${SHIPPER_SECTORS.join(', ')}`);
    }
    return value as ShipperSector;
  }

  choice<T extends string>(column: string, values: readonly T[]): T {
    const value = this.text(column);
    if (!(values as readonly string[]).includes(value)) {
      throw this.fail(`${column} "${value}" is not one of ${values.join(', ')}`);
    }
    return value as T;
  }
}

const readText = (path: string): string =>
  readShippedText(path, 'The reference data ships in data/ (see data/README.md)');

/** Parses a CSV with a header row; names hold commas ("Fish and crustaceans, …"), so a real parser. */
function readTable<T>(dataDir: string, file: string, toRecord: (reader: TableReader) => T): T[] {
  const path = join(dataDir, file);
  const rows = parse(readText(path), { columns: true, skip_empty_lines: true, trim: true }) as Row[];
  // Row numbers count the header as row 1, as a spreadsheet shows them.
  return rows.map((fields, i) => toRecord(new TableReader(path, i + 2, fields)));
}

/**
 * Pulls "$2.07 / $2.45 / $2.53" out of the suggested-defaults table row whose label starts with `label`.
 * The table is hand-written, so a missing row is reported rather than defaulted.
 */
function dollarFigures(path: string, text: string, label: string, count: number): number[] {
  const line = text.split('\n').find((l) => l.startsWith(`| ${label}`));
  const figures = line
    ?.split('|')[2]
    ?.match(/\$\d+(?:\.\d+)?/g)
    ?.map((f) => Number(f.slice(1)));
  if (figures === undefined || figures.length < count) {
    throw new NorthboundError(
      'internal',
      `Cannot load ${path}: expected a table row "| ${label} … |" with ${count} dollar figures, found ${line === undefined ? 'no such row' : `"${line}"`}`,
      { path, label },
    );
  }
  return figures.slice(0, count);
}

function readEconomics(dataDir: string): TruckingEconomics {
  const path = join(dataDir, REFERENCE_FILES.economics);
  const text = readText(path);
  const [spotVan, spotReefer, spotFlatbed] = dollarFigures(path, text, 'Spot rate prior', 3) as [
    number,
    number,
    number,
  ];
  const [contractVan, contractReefer, contractFlatbed] = dollarFigures(
    path,
    text,
    'Contract rate prior',
    3,
  ) as [number, number, number];
  const [costPerMile] = dollarFigures(path, text, 'Cost per loaded or empty mile', 1) as [number];
  return {
    spotRatePerMile: { dry_van: spotVan, reefer: spotReefer, flatbed: spotFlatbed },
    contractRatePerMile: { dry_van: contractVan, reefer: contractReefer, flatbed: contractFlatbed },
    costPerMile,
  };
}

/** zip,lat,lon: digits and numbers only, so a plain split is exact and much faster than a CSV parser. */
function readZipCentroids(dataDir: string): ZipCentroid[] {
  const path = join(dataDir, REFERENCE_FILES.zipCentroids);
  const lines = readText(path).split('\n');
  if (lines[0]?.trim() !== 'zip,lat,lon') {
    throw new NorthboundError(
      'internal',
      `Cannot load ${path} row 1: header "${lines[0] ?? ''}" is not "zip,lat,lon"`,
      {
        path,
      },
    );
  }
  const zips: ZipCentroid[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    const [zip = '', lat = '', lon = ''] = line.split(',');
    const reader = new TableReader(path, i + 1, { zip, lat, lon });
    if (!/^\d{5}$/.test(zip)) throw reader.fail(`ZIP "${zip}" is not 5 digits`);
    zips.push({
      zip: reader.text('zip'),
      lat: reader.requiredNumber('lat'),
      lon: reader.requiredNumber('lon'),
    });
  }
  return zips;
}

export function loadReferenceData(options: LoadReferenceDataOptions = {}): ReferenceData {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const cached = cache.get(dataDir);
  if (cached !== undefined) return cached;

  const tradeFlows = readTable<TradeFlow>(dataDir, REFERENCE_FILES.tradeFlows, (r) => ({
    direction: r.choice('direction', ['export', 'import'] as const),
    usState: r.usState('us_state'),
    province: r.province('province'),
    hs2: r.text('hs2'),
    valueUsd: r.requiredNumber('value_usd'),
    weightKg: r.number('weight_kg', true),
  }));
  const hs2Commodities = readTable<Hs2Commodity>(dataDir, REFERENCE_FILES.hs2Commodities, (r) => ({
    hs2: r.text('hs2'),
    name: r.text('name'),
  }));
  const stateSectors = readTable<StateSectorCount>(dataDir, REFERENCE_FILES.stateSectors, (r) => ({
    state: r.usState('state'),
    sector: r.sector('sector'),
    establishments: r.requiredNumber('establishments'),
    employees: r.requiredNumber('employees'),
    hasCountyDetail: r.choice('has_county_detail', ['yes', 'no'] as const) === 'yes',
  }));
  const countySectors = readTable<CountySectorCount>(dataDir, REFERENCE_FILES.countySectors, (r) => ({
    countyFips: r.text('county_fips'),
    state: r.usState('state'),
    sector: r.sector('sector'),
    establishments: r.requiredNumber('establishments'),
    employees: r.requiredNumber('employees'),
  }));
  const countyCentroids = readTable<CountyCentroid>(dataDir, REFERENCE_FILES.countyCentroids, (r) => ({
    countyFips: r.text('county_fips'),
    countyName: r.text('county_name'),
    state: r.usState('state'),
    lat: r.requiredNumber('lat'),
    lon: r.requiredNumber('lon'),
  }));

  const reference: ReferenceData = {
    tradeFlows,
    hs2Commodities,
    stateSectors,
    countySectors,
    countyCentroids,
    zipCentroids: readZipCentroids(dataDir),
    economics: readEconomics(dataDir),
  };
  cache.set(dataDir, reference);
  return reference;
}
