/**
 * One search as a signals.csv row. Intent feeds are uneven: some rows name the origin city, some only a
 * ZIP or coordinates, some only the state; company facts are missing on some rows. The shares below
 * keep every §7 resolution path and every optional column exercised while most rows stay rich.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { LatLon } from '../domain/geo.ts';
import type { City } from '../domain/market.ts';
import type { Province, Region } from '../domain/regions.ts';
import { formatLocalTimestamp } from '../domain/local-time.ts';
import type { SeededRandom } from './seeded-random.ts';
import { formatNumber, type SignalRow } from './world-rows.ts';

/** Who searched: a shipper, or a bot posing as a company. */
export interface Searcher {
  readonly companyId: string;
  readonly name: string;
  readonly domain: string;
  readonly industry: string;
  readonly employees: number | null;
}

export interface SearchFacts {
  readonly instantMs: number;
  readonly searcher: Searcher;
  readonly searcherId: string;
  readonly source: string;
  readonly originRegion: Region;
  readonly originCity: City;
  readonly originPoint: LatLon;
  readonly originZip: string | null;
  readonly destProvince: Province;
  readonly destCity: City | null;
  readonly equipment: Equipment;
}

/** A row still waiting for its signal_id, which is given in output order. */
export interface PendingSignal {
  readonly instantMs: number;
  readonly row: SignalRow;
}

export function searchRow(facts: SearchFacts, random: SeededRandom): PendingSignal {
  const { searcher } = facts;
  const mode = random.next();
  const hasZip = facts.originZip !== null;
  // city only 62%, city + ZIP 8%, ZIP only 6%, coordinates (+ city half the time) 8%, state only 16%.
  const withCity = mode < 0.7 || (mode >= 0.76 && mode < 0.8) || (!hasZip && mode < 0.76);
  const withZip = hasZip && mode >= 0.62 && mode < 0.76;
  const withPoint = mode >= 0.76 && mode < 0.84;
  return {
    instantMs: facts.instantMs,
    row: {
      signal_id: '',
      observed_at: formatLocalTimestamp(facts.instantMs, facts.originRegion),
      company_id: searcher.companyId,
      origin_region: facts.originRegion,
      dest_region: facts.destProvince,
      equipment: facts.equipment,
      source: facts.source,
      company_name: random.chance(0.93) ? searcher.name : '',
      company_domain: random.chance(0.85) ? searcher.domain : '',
      searcher_id: random.chance(0.88) ? facts.searcherId : '',
      origin_city: withCity ? facts.originCity.name : '',
      origin_zip: withZip ? (facts.originZip ?? '') : '',
      origin_lat: withPoint ? formatNumber(facts.originPoint.lat, 5) : '',
      origin_lon: withPoint ? formatNumber(facts.originPoint.lon, 5) : '',
      dest_city: facts.destCity !== null && random.chance(0.45) ? facts.destCity.name : '',
      industry: random.chance(0.75) ? searcher.industry : '',
      company_employees: searcher.employees !== null && random.chance(0.65) ? String(searcher.employees) : '',
    },
  };
}
