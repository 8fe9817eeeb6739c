/**
 * A hand-built miniature of the reference data and gazetteer for the sim's own tests, so they stay pure
 * (the layering rule keeps src/sim from importing the file adapters) and fast. Real places with
 * rounded populations; flows shaped like BTS (Ontario's trucks land in MI and OH first). Tests of the
 * world built from the shipped data live beside the adapters (src/files/reference-world.test.ts).
 */
import { createGazetteer } from '../domain/create-gazetteer.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import { asId, type MarketId } from '../domain/ids.ts';
import type { City } from '../domain/market.ts';
import { countryOf, type Province, type Region, type UsState } from '../domain/regions.ts';
import type { ReferenceData, ShipperSector, StateSectorCount, TradeFlow } from './reference-data.ts';

// prettier-ignore
const CITIES: readonly [string, Region, number, number, number][] = [
  ['Toronto', 'ON', 43.70011, -79.4163, 2_600_000], ['Mississauga', 'ON', 43.5789, -79.6583, 668_000],
  ['Hamilton', 'ON', 43.23341, -79.94964, 537_000], ['London', 'ON', 42.98339, -81.23304, 347_000],
  ['Windsor', 'ON', 42.30008, -83.01654, 278_000], ['Kingston', 'ON', 44.22976, -76.48098, 114_000],
  ['Montréal', 'QC', 45.50884, -73.58781, 1_600_000], ['Québec', 'QC', 46.81228, -71.21454, 532_000],
  ['Sherbrooke', 'QC', 45.40008, -71.89908, 161_000],
  ['Detroit', 'MI', 42.33143, -83.04575, 677_000], ['Grand Rapids', 'MI', 42.96336, -85.66809, 199_000],
  ['Lansing', 'MI', 42.73253, -84.55553, 115_000], ['Flint', 'MI', 43.01253, -83.68746, 97_000],
  ['Monroe', 'MI', 41.91643, -83.39771, 20_000],
  ['Columbus', 'OH', 39.96118, -82.99879, 850_000], ['Cleveland', 'OH', 41.4995, -81.69541, 388_000],
  ['Toledo', 'OH', 41.66394, -83.55521, 280_000], ['Dayton', 'OH', 39.75895, -84.19161, 141_000],
  ['Findlay', 'OH', 41.04422, -83.64993, 41_000],
  ['New York City', 'NY', 40.71427, -74.00597, 8_800_000], ['Buffalo', 'NY', 42.88645, -78.87837, 278_000],
  ['Rochester', 'NY', 43.15478, -77.61556, 211_000], ['Syracuse', 'NY', 43.04812, -76.14742, 149_000],
  ['Philadelphia', 'PA', 39.95233, -75.16379, 1_600_000], ['Pittsburgh', 'PA', 40.44062, -79.99589, 303_000],
  ['Allentown', 'PA', 40.60843, -75.49018, 126_000], ['Erie', 'PA', 42.12922, -80.08506, 95_000],
  ['Chicago', 'IL', 41.85003, -87.65005, 2_750_000], ['Aurora', 'IL', 41.76058, -88.32007, 181_000],
  ['Joliet', 'IL', 41.52503, -88.0834, 150_000], ['Peoria', 'IL', 40.69365, -89.58899, 113_000],
];

// prettier-ignore
const ZIPS: readonly [string, number, number][] = [
  ['48201', 42.347, -83.06], ['49503', 42.96, -85.66], ['48933', 42.733, -84.555], ['43215', 39.967, -83.012],
  ['44114', 41.51, -81.67], ['43604', 41.65, -83.54], ['45402', 39.76, -84.19], ['10001', 40.75065, -73.997293],
  ['14202', 42.887, -78.879], ['14604', 43.157, -77.606], ['19103', 39.952, -75.174], ['15222', 40.449, -79.99],
  ['60601', 41.886, -87.622], ['60505', 41.758, -88.3], ['61602', 40.69, -89.59],
];

// [direction, state, province, hs2, value USD, kg (imports)]
// prettier-ignore
const FLOWS: readonly [TradeFlow['direction'], UsState, Province, string, number, number | null][] = [
  ['import', 'MI', 'ON', '87', 9e9, 5e9], ['import', 'OH', 'ON', '87', 4e9, 2e9],
  ['import', 'NY', 'ON', '84', 3e9, 1.2e9], ['import', 'PA', 'ON', '48', 1e9, 1e9],
  ['import', 'IL', 'ON', '07', 0.6e9, 0.8e9], ['import', 'MI', 'ON', '07', 0.4e9, 0.5e9],
  ['import', 'OH', 'ON', '72', 0.5e9, 0.6e9], ['import', 'IL', 'ON', '84', 1e9, 0.4e9],
  ['import', 'NY', 'QC', '48', 1.5e9, 2e9], ['import', 'PA', 'QC', '44', 0.5e9, 0.8e9],
  ['import', 'NY', 'QC', '02', 0.8e9, 0.3e9],
  ['export', 'MI', 'ON', '87', 5e9, null], ['export', 'OH', 'ON', '84', 3e9, null],
  ['export', 'NY', 'QC', '48', 1e9, null], ['export', 'PA', 'ON', '39', 1e9, null],
  ['export', 'IL', 'ON', '02', 1e9, null], ['export', 'IL', 'QC', '08', 0.5e9, null],
  ['export', 'OH', 'QC', '72', 1e9, null], ['export', 'MI', 'ON', '20', 0.6e9, null],
];

// [establishments, employees] per state and sector.
const SECTOR_SIZES: Readonly<Record<ShipperSector, [number, number]>> = {
  food_mfg: [1_000, 40_000],
  other_mfg: [10_000, 400_000],
  wholesale: [9_000, 150_000],
  retail: [30_000, 400_000],
};

// Ohio stands in for a state with county detail; the others are spread over their towns.
// prettier-ignore
const OHIO_COUNTIES: readonly [string, string, number, number, number][] = [
  ['39049', 'Franklin', 39.9695, -83.0091, 0.35], ['39035', 'Cuyahoga', 41.4339, -81.6758, 0.3],
  ['39095', 'Lucas', 41.6191, -83.6453, 0.15], ['39113', 'Montgomery', 39.7545, -84.2907, 0.12],
  ['39063', 'Hancock', 41.0019, -83.6664, 0.08],
];

export function tinyGazetteer(): Gazetteer {
  const cities: City[] = CITIES.map(([name, region, lat, lon, population], i) => ({
    id: asId<MarketId>(String(1000 + i)),
    name,
    region,
    country: countryOf(region),
    lat,
    lon,
    population,
  }));
  return createGazetteer(cities, new Map(ZIPS.map(([zip, lat, lon]) => [zip, { lat, lon }])));
}

export function tinyReferenceData(): ReferenceData {
  const states: UsState[] = ['MI', 'OH', 'NY', 'PA', 'IL'];
  const stateSectors: StateSectorCount[] = states.flatMap((state) =>
    (Object.keys(SECTOR_SIZES) as ShipperSector[]).map((sector) => {
      const [establishments, employees] = SECTOR_SIZES[sector];
      return { state, sector, establishments, employees, hasCountyDetail: state === 'OH' };
    }),
  );
  return {
    tradeFlows: FLOWS.map(([direction, usState, province, hs2, valueUsd, weightKg]) => ({
      direction,
      usState,
      province,
      hs2,
      valueUsd,
      weightKg,
    })),
    hs2Commodities: [
      { hs2: '02', name: 'Meat and edible meat offal' },
      { hs2: '87', name: 'Vehicles other than railway or tramway rolling-stock, and parts' },
    ],
    stateSectors,
    countySectors: stateSectors
      .filter((row) => row.hasCountyDetail)
      .flatMap((row) =>
        OHIO_COUNTIES.map(([countyFips, , , , share]) => ({
          countyFips,
          state: row.state,
          sector: row.sector,
          establishments: Math.round(row.establishments * share),
          employees: Math.round(row.employees * share),
        })),
      ),
    countyCentroids: OHIO_COUNTIES.map(([countyFips, countyName, lat, lon]) => ({
      countyFips,
      countyName,
      state: 'OH' as const,
      lat,
      lon,
    })),
    zipCentroids: ZIPS.map(([zip, lat, lon]) => ({ zip, lat, lon })),
    economics: {
      spotRatePerMile: { dry_van: 2.07, reefer: 2.45, flatbed: 2.53 },
      contractRatePerMile: { dry_van: 2.44, reefer: 2.81, flatbed: 3.14 },
      costPerMile: 2.26,
    },
  };
}
