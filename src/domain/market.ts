import type { LatLon } from './geo.ts';
import type { MarketId } from './ids.ts';
import type { Country, Region } from './regions.ts';

/** A gazetteer city. A market is a city with population ≥ the market threshold (50k by default). */
export interface City extends LatLon {
  readonly id: MarketId;
  readonly name: string;
  readonly region: Region;
  readonly country: Country;
  readonly population: number;
}

export type Market = City;

/** "Dallas, TX" — how planners name a market. */
export const marketLabel = (city: Pick<City, 'name' | 'region'>): string => `${city.name}, ${city.region}`;
