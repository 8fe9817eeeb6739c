/**
 * The gazetteer over GeoNames cities and Census ZIP centroids (DESIGN.md §3.1, §7).
 *
 * Resolution order is the file contract's: lat/lon, else ZIP, else city + region. City names are
 * matched the way planners write them (see placeNameKey); a name shared by several cities in a region
 * resolves to the most populous when the others are close by or much smaller, and is otherwise
 * refused as ambiguous so a wrong market never enters the landing-zone counts silently.
 *
 * nearestMarket / nearestCity run ~200k times per import (10M in benchmarks), so points sit in
 * degree grids searched ring by ring (point-grid.ts): 1° cells for markets, ¼° for the denser cities.
 */
import { NorthboundError } from './errors.ts';
import { greatCircleMiles, isValidLatLon, type LatLon } from './geo.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { City, Market } from './market.ts';
import type { PlaceQuery, ResolvedPlace } from './place.ts';
import { metroMembers, type MarketMember } from './metro-members.ts';
import { keysOf, placeNameKey } from './place-name-key.ts';
import { PointGrid } from './point-grid.ts';
import { CA_PROVINCES, US_STATES, countryOf, isRegion, type Region } from './regions.ts';

export interface GazetteerOptions {
  /** A city with at least this many people is a market (DESIGN.md §2). */
  readonly marketMinPopulation?: number;
  /** A point belongs to the nearest market within this many miles (DESIGN.md §3.1). */
  readonly marketRadiusMiles?: number;
  /**
   * A market is a metro area, not every suburb of 50k+: a qualifying city near a larger market in
   * the same country is part of it. This is the reach of a 1M-people market; reach grows with the
   * square root of population, between 0.6× and 2× this (15–50 mi by default): Irving is Dallas,
   * Fort Worth (31 mi) stays its own, Palatine is Chicago, Windsor is never Detroit.
   * 0 makes every qualifying city a market.
   */
  readonly metroMergeMiles?: number;
}

const DEFAULT_MARKET_MIN_POPULATION = 50_000;
const DEFAULT_MARKET_RADIUS_MILES = 75;
const DEFAULT_METRO_MERGE_MILES = 25;
/** Same-named cities closer than this are one place for a planner (a town and its township). */
const SAME_PLACE_MILES = 25;
/** The largest same-named city wins without question when the next is this many times smaller. */
const DOMINANT_POPULATION_RATIO = 10;
/** A point this close to a city is named after it. */
const NAMING_RADIUS_MILES = 25;
/** Farther than this from every city, a lat/lon is a data error (usually a lost minus sign). */
const MAX_NAMING_MILES = 500;
const EXPECTED_REGIONS = `a 2-letter US state or Canadian province code (${[...US_STATES, ...CA_PROVINCES].join(', ')})`;

/**
 * USPS 3-digit ZIP prefix → state, as the first prefix of each run. A ZIP's state comes from here, not
 * from the nearest city, which can lie across a state line (Kansas City KS / MO). Checked against the
 * data: 97.7% of ZIP centroids with a city within 15 mi agree with it; the rest sit at state borders.
 */
// prettier-ignore
const ZIP3_STATE_RANGES: ReadonlyArray<readonly [number, Region]> = [
  [5, 'NY'], [10, 'MA'], [28, 'RI'], [30, 'NH'], [39, 'ME'], [50, 'VT'], [55, 'MA'], [56, 'VT'], [60, 'CT'],
  [70, 'NJ'], [100, 'NY'], [150, 'PA'], [197, 'DE'], [200, 'DC'], [201, 'VA'], [202, 'DC'], [206, 'MD'],
  [220, 'VA'], [247, 'WV'], [270, 'NC'], [290, 'SC'], [300, 'GA'], [320, 'FL'], [350, 'AL'], [370, 'TN'],
  [386, 'MS'], [398, 'GA'], [400, 'KY'], [430, 'OH'], [460, 'IN'], [480, 'MI'], [500, 'IA'], [530, 'WI'],
  [550, 'MN'], [569, 'DC'], [570, 'SD'], [580, 'ND'], [590, 'MT'], [600, 'IL'], [630, 'MO'], [660, 'KS'],
  [680, 'NE'], [700, 'LA'], [716, 'AR'], [730, 'OK'], [733, 'TX'], [734, 'OK'], [750, 'TX'], [800, 'CO'],
  [820, 'WY'], [832, 'ID'], [840, 'UT'], [850, 'AZ'], [870, 'NM'], [885, 'TX'], [889, 'NV'], [900, 'CA'],
  [967, 'HI'], [970, 'OR'], [980, 'WA'], [995, 'AK'],
];

export function zipState(zip: string): Region | undefined {
  const prefix = Number(zip.slice(0, 3));
  let state: Region | undefined;
  for (const [first, region] of ZIP3_STATE_RANGES) {
    if (prefix < first) break;
    state = region;
  }
  return state;
}

/** Accepts 12345, 12345-6789, 123456789 and spreadsheet-mangled 2134 → 02134; null if not US-ZIP-shaped. */
function parseZip(raw: string): string | null {
  const match = /^(\d{3,5})(?:-\d{4})?$/.exec(raw) ?? /^(\d{5})\d{4}$/.exec(raw);
  return match?.[1]?.padStart(5, '0') ?? null;
}
const isCanadianPostalCode = (raw: string): boolean => /^[a-z]\d[a-z][ -]?\d[a-z]\d$/i.test(raw);

/** Edit distance, giving up (returning limit + 1) once it must exceed `limit`; only on the error path. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

const byPopulation = (a: City, b: City): number =>
  b.population - a.population || a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en');

const blank = (value: string | undefined): value is undefined => value === undefined || value.trim() === '';
const formatPopulation = (n: number): string => n.toLocaleString('en-US');

export function createGazetteer(
  cities: readonly City[],
  zips: ReadonlyMap<string, LatLon>,
  options: GazetteerOptions = {},
): Gazetteer {
  const minPopulation = options.marketMinPopulation ?? DEFAULT_MARKET_MIN_POPULATION;
  const marketRadius = options.marketRadiusMiles ?? DEFAULT_MARKET_RADIUS_MILES;
  if (!(minPopulation >= 0) || !(marketRadius >= 0)) {
    throw new NorthboundError(
      'config_invalid',
      `Cannot build the gazetteer: marketMinPopulation ${minPopulation} and marketRadiusMiles ${marketRadius} must be numbers ≥ 0`,
      { marketMinPopulation: minPopulation, marketRadiusMiles: marketRadius },
    );
  }

  const sorted = [...cities].sort(byPopulation);
  const seenIds = new Set<string>();
  for (const city of sorted) {
    if (seenIds.has(city.id) || !isValidLatLon(city.lat, city.lon) || !isRegion(city.region)) {
      throw new NorthboundError(
        'internal',
        `Cannot build the gazetteer: city ${city.id} "${city.name}" is a duplicate id or has an invalid point or region`,
        { city },
      );
    }
    seenIds.add(city.id);
  }
  const members = metroMembers(sorted, minPopulation, options.metroMergeMiles ?? DEFAULT_METRO_MERGE_MILES);
  const markets = members.filter((m) => m.market === m.city).map((m) => m.market);
  const marketById = new Map<string, Market>(markets.map((m) => [m.id, m]));
  const cityGrid = new PointGrid<City>(sorted, 0.25);
  const memberGrid = new PointGrid<MarketMember>(members, 1);

  // Every list below is filled in `sorted` order, so each is largest first.
  const citiesByRegion = new Map<Region, City[]>();
  const byRegionKey = new Map<string, City[]>(); // keyed `${region}|${name key}`
  const keysByRegion = new Map<Region, Array<{ key: string; city: City }>>(); // for did-you-mean
  const regionsByKey = new Map<string, Set<Region>>();
  const listIn = <K, V>(map: Map<K, V[]>, key: K): V[] => {
    const list = map.get(key) ?? [];
    if (list.length === 0) map.set(key, list);
    return list;
  };
  for (const city of sorted) {
    listIn(citiesByRegion, city.region).push(city);
    for (const key of keysOf(city.name)) {
      const sameName = listIn(byRegionKey, `${city.region}|${key}`);
      if (sameName.length === 0) listIn(keysByRegion, city.region).push({ key, city });
      sameName.push(city);
      regionsByKey.set(key, (regionsByKey.get(key) ?? new Set()).add(city.region));
    }
  }

  const nearestMarket = (point: LatLon, radiusMiles: number = marketRadius): Market | null =>
    memberGrid.nearest(point, radiusMiles)?.market ?? null;
  const nearestCity = (point: LatLon, radiusMiles = Infinity): City | null =>
    cityGrid.nearest(point, radiusMiles);

  function parseRegion(raw: string): Region {
    const code = raw.trim().toUpperCase();
    if (isRegion(code)) return code;
    throw new NorthboundError('invalid_input', `Region "${raw}" is not ${EXPECTED_REGIONS}`, { region: raw });
  }

  const place = (
    point: LatLon,
    city: string,
    region: Region,
    resolvedBy: ResolvedPlace['resolvedBy'],
  ): ResolvedPlace => ({
    lat: point.lat,
    lon: point.lon,
    city,
    region,
    // Markets do not cross the border: a US delivery belongs to a US market, whatever is nearer.
    marketId:
      memberGrid.nearest(point, marketRadius, (m) => m.city.country === countryOf(region))?.market.id ?? null,
    resolvedBy,
  });

  /**
   * A point is named after the city within 25 mi; failing that after the city the file gave (if it
   * also gave a valid region); failing that after the nearest city up to 500 mi away. The point
   * itself is never moved: names are for people, the point is what markets and miles use.
   */
  function resolveLatLon(query: PlaceQuery): ResolvedPlace {
    const { lat, lon } = query;
    if (lat === undefined || lon === undefined) {
      const [given, missing] = lat === undefined ? ['lon', 'lat'] : ['lat', 'lon'];
      throw new NorthboundError(
        'invalid_input',
        `${given} ${String(query[given as 'lat' | 'lon'])} was given without ${missing}: give both or neither`,
        { lat, lon },
      );
    }
    if (!isValidLatLon(lat, lon)) {
      throw new NorthboundError(
        'invalid_input',
        `lat/lon (${lat}, ${lon}) is not a point: expected lat between -90 and 90 and lon between -180 and 180`,
        { lat, lon },
      );
    }
    const point = { lat, lon };
    const close = nearestCity(point, NAMING_RADIUS_MILES);
    if (close !== null) return place(point, close.name, close.region, 'latlon');
    const givenRegion = query.region?.trim().toUpperCase() ?? '';
    if (!blank(query.city) && isRegion(givenRegion))
      return place(point, query.city.trim(), givenRegion, 'latlon');
    const far = nearestCity(point, MAX_NAMING_MILES);
    if (far !== null) return place(point, far.name, far.region, 'latlon');
    throw new NorthboundError(
      'unknown_place',
      `lat/lon (${lat}, ${lon}) is more than ${MAX_NAMING_MILES} mi from any US or Canadian city: ` +
        'check the signs (longitudes here are negative) and that lat and lon are not swapped',
      { lat, lon },
    );
  }

  /** ZIP → Census centroid; the state comes from the USPS prefix, the name from the nearest city in it. */
  function resolveZip(query: PlaceQuery, raw: string): ResolvedPlace {
    const zip = parseZip(raw);
    const point = zip === null ? undefined : zips.get(zip);
    const state = zip === null ? undefined : zipState(zip);
    if (point !== undefined && state !== undefined) {
      const inState = (c: City): boolean => c.region === state;
      const name =
        cityGrid.nearest(point, NAMING_RADIUS_MILES, inState)?.name ??
        (blank(query.city) ? undefined : query.city.trim()) ??
        cityGrid.nearest(point, Infinity, inState)?.name ??
        `ZIP ${zip}`;
      return place(point, name, state, 'zip');
    }
    // A real ZIP without a centroid (PO boxes, single-company ZIPs) or a Canadian postal code:
    // the city + region beside it still locate the row, so use them rather than reject it.
    if (zip !== null || isCanadianPostalCode(raw)) {
      if (!blank(query.city) && !blank(query.region)) return resolveCity(query.city, query.region);
      const why =
        zip === null
          ? 'is a Canadian postal code; only US ZIPs are resolved'
          : 'is not a known US ZIP (Census ZIP areas cover the 50 states + DC, not PO-box-only ZIPs)';
      const message = `ZIP "${raw}" ${why}: give city + region or lat/lon instead`;
      throw new NorthboundError('unknown_place', message, { zip: raw });
    }
    throw new NorthboundError(
      'invalid_input',
      `ZIP "${raw}" is not a US ZIP code: expected 5 digits, or ZIP+4 like 12345-6789`,
      { zip: raw },
    );
  }

  function resolveCity(rawCity: string, rawRegion: string): ResolvedPlace {
    const region = parseRegion(rawRegion);
    const value = `"${rawCity.trim()}, ${rawRegion.trim()}"`;
    const key = placeNameKey(rawCity);
    if (key === '') {
      throw new NorthboundError('invalid_input', `City ${value} has no letters or digits to match`, {
        city: rawCity,
        region: rawRegion,
      });
    }
    // "New York" is GeoNames' "New York City"; "Quebec City" is its "Québec".
    const alternate = key.endsWith(' city') ? key.slice(0, -' city'.length) : `${key} city`;
    const candidates = byRegionKey.get(`${region}|${key}`) ?? byRegionKey.get(`${region}|${alternate}`);
    if (candidates === undefined) throw unknownCity(value, key, region, rawCity, rawRegion);
    const [first, ...others] = candidates;
    if (first === undefined) throw unknownCity(value, key, region, rawCity, rawRegion);
    // Same-named rivals matter only if they are a different place and not dwarfed by the first.
    const rivals = others.filter(
      (c) =>
        greatCircleMiles(first, c) > SAME_PLACE_MILES &&
        first.population < DOMINANT_POPULATION_RATIO * c.population,
    );
    if (rivals.length > 0) {
      const listed = [first, ...rivals]
        .map(
          (c) =>
            `${c.name} (pop ${formatPopulation(c.population)} at ${c.lat.toFixed(3)}, ${c.lon.toFixed(3)})`,
        )
        .join('; ');
      throw new NorthboundError(
        'ambiguous_place',
        `${value} matches ${rivals.length + 1} cities in ${region} more than ${SAME_PLACE_MILES} mi apart: ${listed}. ` +
          'Give a ZIP or lat/lon to pick one',
        {
          city: rawCity,
          region: rawRegion,
          candidates: [first, ...rivals].map(({ id, name, population, lat, lon }) => ({
            id,
            name,
            population,
            lat,
            lon,
          })),
        },
      );
    }
    return place(first, first.name, first.region, 'city');
  }

  function unknownCity(value: string, key: string, region: Region, rawCity: string, rawRegion: string) {
    const elsewhere = [...(regionsByKey.get(key) ?? [])].filter((r) => r !== region);
    let closest: { name: string; distance: number } | undefined;
    for (const { key: other, city } of keysByRegion.get(region) ?? []) {
      const distance = editDistance(key, other, 2);
      if (distance <= 2 && (closest === undefined || distance < closest.distance)) {
        closest = { name: city.name, distance }; // the list is largest first, so ties go to the larger
      }
    }
    const hints = [
      ...(closest === undefined ? [] : [`did you mean ${closest.name}?`]),
      ...(elsewhere.length === 0 ? [] : [`${rawCity.trim()} is in ${elsewhere.slice(0, 5).join(', ')}`]),
    ];
    const hint = hints.length > 0 ? ` (${hints.join('; ')})` : ': give a ZIP or lat/lon instead';
    return new NorthboundError('unknown_place', `${value} is not a known city in ${region}${hint}`, {
      city: rawCity,
      region: rawRegion,
      suggestion: closest?.name,
      elsewhere,
    });
  }

  return {
    resolve(query: PlaceQuery): ResolvedPlace {
      if (query.lat !== undefined || query.lon !== undefined) return resolveLatLon(query);
      if (!blank(query.zip)) return resolveZip(query, query.zip.trim());
      if (!blank(query.city) && !blank(query.region)) return resolveCity(query.city, query.region);
      const message = blank(query.city)
        ? blank(query.region)
          ? 'A place needs lat/lon, a ZIP, or city + region; none was given'
          : `Region "${query.region}" was given without a city, ZIP or lat/lon`
        : `City "${query.city}" was given without a region: expected ${EXPECTED_REGIONS}`;
      throw new NorthboundError('invalid_input', message, { city: query.city, region: query.region });
    },
    nearestMarket,
    nearestCity,
    market: (id) => marketById.get(id),
    markets: () => markets,
    citiesIn: (region) => citiesByRegion.get(parseRegion(region)) ?? [],
  };
}
