/** Markets as metro areas (DESIGN.md §2): which market each city of market size belongs to. */
import { greatCircleMiles, type LatLon } from './geo.ts';
import type { City, Market } from './market.ts';

/** A city of market size and the market it belongs to: itself, or the larger metro that absorbed it. */
export interface MarketMember extends LatLon {
  readonly city: City;
  readonly market: Market;
}

/**
 * Largest first, a qualifying city becomes a market unless a larger market of the same country
 * reaches it (see GazetteerOptions.metroMergeMiles), in which case it is a member of that market.
 * Points are later assigned through the nearest member, so Hamilton (absorbed into Toronto) pulls
 * its surroundings to Toronto rather than to a smaller market whose centre happens to be nearer.
 * O(candidates × markets), about 1M distance checks once per build (~30 ms): not worth an index.
 */
export function metroMembers(
  sortedCities: readonly City[],
  minPopulation: number,
  mergeMiles: number,
): MarketMember[] {
  const reach = (market: Market): number =>
    Math.min(2, Math.max(0.6, Math.sqrt(market.population / 1_000_000))) * mergeMiles;
  const markets: Market[] = [];
  const members: MarketMember[] = [];
  for (const city of sortedCities) {
    if (city.population < minPopulation) break;
    const metro = markets.find((m) => m.country === city.country && greatCircleMiles(m, city) <= reach(m));
    if (metro === undefined) markets.push(city);
    members.push({ lat: city.lat, lon: city.lon, city, market: metro ?? city });
  }
  return members;
}
