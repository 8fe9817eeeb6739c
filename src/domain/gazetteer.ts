/**
 * The gazetteer port: resolves what a file says about a place to a point and a market.
 * Implemented over the GeoNames-derived table in data/ (see create-gazetteer.ts); cores and
 * parsers depend only on this interface.
 */
import type { LatLon } from './geo.ts';
import type { MarketId } from './ids.ts';
import type { City, Market } from './market.ts';
import type { PlaceQuery, ResolvedPlace } from './place.ts';

export interface Gazetteer {
  /**
   * Resolves lat/lon if given, else a US ZIP, else city + region, and attaches the nearest market
   * within the market radius. Throws NorthboundError `unknown_place` / `ambiguous_place` /
   * `invalid_input` whose message names the value seen.
   */
  resolve(query: PlaceQuery): ResolvedPlace;
  /** The nearest market (population ≥ threshold) within `radiusMiles`, or null. */
  nearestMarket(point: LatLon, radiusMiles?: number): Market | null;
  /** The nearest gazetteer city of any size (for naming a point), or null if none within radiusMiles. */
  nearestCity(point: LatLon, radiusMiles?: number): City | null;
  market(id: MarketId): Market | undefined;
  /** All markets, largest population first. */
  markets(): readonly Market[];
  /** All cities in a region, largest population first. */
  citiesIn(region: string): readonly City[];
}
