import { describe, expect, it } from 'vitest';
import { createGazetteer, zipState } from './create-gazetteer.ts';
import { placeNameKey } from './place-name-key.ts';
import { NorthboundError } from './errors.ts';
import { greatCircleMiles, type LatLon } from './geo.ts';
import { asId, type MarketId } from './ids.ts';
import type { City } from './market.ts';
import type { PlaceQuery } from './place.ts';
import { countryOf, type Region } from './regions.ts';

const city = (
  id: string,
  name: string,
  region: Region,
  lat: number,
  lon: number,
  population: number,
): City => ({
  id: asId<MarketId>(id),
  name,
  region,
  country: countryOf(region),
  lat,
  lon,
  population,
});

const CITIES: City[] = [
  city('1', 'Dallas', 'TX', 32.78306, -96.80667, 1_300_092),
  city('2', 'Irving', 'TX', 32.81402, -96.94889, 236_607),
  city('3', 'Fort Worth', 'TX', 32.72541, -97.32085, 833_319),
  city('4', 'St. Louis', 'MO', 38.62727, -90.19789, 315_685),
  city('5', "O'Fallon", 'MO', 38.81061, -90.69985, 79_329),
  city('6', 'Montréal', 'QC', 45.50884, -73.58781, 1_600_000),
  city('7', 'Québec', 'QC', 46.81228, -71.21454, 528_595),
  city('8', 'Sault Ste. Marie', 'ON', 46.51677, -84.33325, 66_313),
  city('9', 'New York City', 'NY', 40.71427, -74.00597, 8_175_133),
  city('10', 'Mount Vernon', 'NY', 40.9126, -73.83708, 68_628),
  city('11', 'Washington', 'DC', 38.89511, -77.03637, 601_723),
  city('12', '‘Ewa Beach', 'HI', 21.31556, -158.00722, 14_955),
  city('13', 'North Charleston', 'SC', 32.85462, -79.97481, 104_054),
  city('14', 'Boston', 'MA', 42.35843, -71.05977, 667_137),
  city('15', 'Ely', 'NV', 39.24744, -114.88863, 4_255),
  city('16', 'Middlebury (village)', 'VT', 44.01537, -73.16734, 6_588),
  // Mount Vernon, KY: two small towns 47 mi apart, neither dominant → ambiguous.
  city('20', 'Mount Vernon', 'KY', 38.02592, -84.49494, 2_583),
  city('21', 'Mount Vernon', 'KY', 37.35285, -84.34049, 2_499),
  // Greenville, SC: 14× the far-away namesake → the larger wins.
  city('22', 'Greenville', 'SC', 34.85262, -82.39401, 70_000),
  city('23', 'Greenville', 'SC', 33.2, -80.0, 5_000),
  // Columbia, MD: similar sizes but 10 mi apart → one place, the larger wins.
  city('24', 'Columbia', 'MD', 39.24038, -76.83942, 99_615),
  city('25', 'Columbia', 'MD', 39.3, -77.0, 60_000),
  // Franklin, TN: 8.9× a namesake 110 mi away → ambiguous (needs 10×).
  city('26', 'Franklin', 'TN', 35.92506, -86.86889, 80_000),
  city('27', 'Franklin', 'TN', 35.0, -85.5, 9_000),
];

const ZIPS = new Map<string, LatLon>([
  ['75201', { lat: 32.78831, lon: -96.79957 }],
  ['02134', { lat: 42.35879, lon: -71.12958 }],
  ['89301', { lat: 39.3, lon: -114.9 }],
]);

const gazetteer = createGazetteer(CITIES, ZIPS);

/** The NorthboundError thrown by `fn`; fails the test if nothing (or something else) is thrown. */
function errorOf(fn: () => unknown): NorthboundError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NorthboundError);
    return error as NorthboundError;
  }
  throw new Error('expected a NorthboundError, nothing was thrown');
}
const resolveError = (query: PlaceQuery) => errorOf(() => gazetteer.resolve(query));

describe('placeNameKey', () => {
  it.each([
    ['Montréal', 'montreal'],
    ['  QUEBEC ', 'quebec'],
    ['St. Louis', 'saint louis'],
    ['St Louis', 'saint louis'],
    ['Saint-Louis', 'saint louis'],
    ['Sault Ste. Marie', 'sault sainte marie'],
    ['Ft. Worth', 'fort worth'],
    ['Mt.Vernon', 'mount vernon'],
    ["O'Fallon", 'ofallon'],
    ['‘Ewa Beach', 'ewa beach'],
    ['N. Charleston', 'north charleston'],
    ['N', 'n'],
    ['Sterling Hts', 'sterling heights'],
    ['...', ''],
  ])('%s → %s', (name, key) => expect(placeNameKey(name)).toBe(key));
});

describe('resolve by city + region', () => {
  it('finds a city and attaches its market', () => {
    const place = gazetteer.resolve({ city: 'Dallas', region: 'TX' });
    expect(place).toEqual({
      lat: 32.78306,
      lon: -96.80667,
      city: 'Dallas',
      region: 'TX',
      marketId: '1',
      resolvedBy: 'city',
    });
  });

  it.each([
    ['St. Louis', 'MO', 'St. Louis'],
    ['saint louis', 'mo', 'St. Louis'],
    ['ST LOUIS', 'Mo', 'St. Louis'],
    ['Montreal', 'QC', 'Montréal'],
    ['Montréal', 'qc', 'Montréal'],
    ['Quebec', 'QC', 'Québec'],
    ['Quebec City', 'QC', 'Québec'],
    ['New York', 'NY', 'New York City'],
    ['Sault Sainte Marie', 'ON', 'Sault Ste. Marie'],
    ['Ft Worth', 'TX', 'Fort Worth'],
    ['Mt. Vernon', 'NY', 'Mount Vernon'],
    ['OFallon', 'MO', "O'Fallon"],
    ['Ewa Beach', 'HI', '‘Ewa Beach'],
    ['N Charleston', 'SC', 'North Charleston'],
    ['Middlebury', 'VT', 'Middlebury (village)'],
    ['  Dallas  ', ' tx ', 'Dallas'],
  ])('"%s, %s" is %s', (name, region, expected) => {
    expect(gazetteer.resolve({ city: name, region }).city).toBe(expected);
  });

  it('takes the larger of two same-named cities within 25 mi', () => {
    expect(gazetteer.resolve({ city: 'Columbia', region: 'MD' }).lat).toBe(39.24038);
  });

  it('takes a city 10× the size of its far-away namesake', () => {
    expect(gazetteer.resolve({ city: 'Greenville', region: 'SC' }).lat).toBe(34.85262);
  });

  it('refuses same-named cities that are far apart and of similar size', () => {
    for (const [name, region] of [
      ['Mount Vernon', 'KY'],
      ['Franklin', 'TN'],
    ] as const) {
      const error = resolveError({ city: name, region });
      expect(error.code).toBe('ambiguous_place');
      expect(error.message).toContain(`"${name}, ${region}"`);
      expect(error.message).toMatch(/ZIP or lat\/lon/);
      expect(error.details).toMatchObject({ city: name, region });
      expect((error.details['candidates'] as unknown[]).length).toBe(2);
    }
    expect(resolveError({ city: 'Mount Vernon', region: 'KY' }).message).toContain('pop 2,583');
    expect(resolveError({ city: 'Franklin', region: 'TN' }).message).toContain('pop 9,000');
  });

  it('suggests a close spelling for an unknown city', () => {
    const error = resolveError({ city: 'Dalas', region: 'TX' });
    expect(error.code).toBe('unknown_place');
    expect(error.message).toBe('"Dalas, TX" is not a known city in TX (did you mean Dallas?)');
    expect(error.details).toMatchObject({ city: 'Dalas', region: 'TX', suggestion: 'Dallas' });
  });

  it('says where a city is when it is given the wrong region', () => {
    const error = resolveError({ city: 'Dallas', region: 'OK' });
    expect(error.code).toBe('unknown_place');
    expect(error.message).toBe('"Dallas, OK" is not a known city in OK (Dallas is in TX)');
  });

  it('asks for a ZIP or lat/lon when nothing is close', () => {
    const error = resolveError({ city: 'Xyzzy', region: 'TX' });
    expect(error.message).toBe('"Xyzzy, TX" is not a known city in TX: give a ZIP or lat/lon instead');
  });

  it('rejects a region that is not a state or province code, listing the codes', () => {
    const error = resolveError({ city: 'Dallas', region: 'Texas' });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('Region "Texas" is not a 2-letter US state or Canadian province code');
    expect(error.message).toContain('TX');
    expect(error.message).toContain('QC');
    expect(error.details).toEqual({ region: 'Texas' });
  });

  it('needs both a city and a region', () => {
    expect(resolveError({ city: 'Dallas' }).message).toContain('City "Dallas" was given without a region');
    expect(resolveError({ region: 'TX', city: ' ' }).message).toContain(
      'Region "TX" was given without a city',
    );
    expect(resolveError({}).code).toBe('invalid_input');
    expect(resolveError({ city: '...', region: 'TX' }).message).toContain('has no letters or digits');
  });
});

describe('resolve by lat/lon', () => {
  it('keeps the point, names it after the city within 25 mi and finds its metro market', () => {
    const place = gazetteer.resolve({ lat: 32.9, lon: -96.9, city: 'Somewhere', region: 'OK' });
    expect(place).toMatchObject({
      lat: 32.9,
      lon: -96.9,
      city: 'Irving',
      region: 'TX',
      resolvedBy: 'latlon',
    });
    // Irving is 9 mi from Dallas: part of the Dallas metro market, not a market of its own.
    expect(place.marketId).toBe('1');
  });

  it('uses the given city and region for a point far from any city', () => {
    const place = gazetteer.resolve({ lat: 38.5, lon: -116.5, city: 'Tonopah', region: 'nv' });
    expect(place).toMatchObject({ city: 'Tonopah', region: 'NV', marketId: null });
  });

  it('falls back to the nearest city up to 500 mi when the file names none', () => {
    expect(gazetteer.resolve({ lat: 38.5, lon: -116.5 })).toMatchObject({ city: 'Ely', region: 'NV' });
  });

  it('rejects half a pair, out-of-range values and points far from any city', () => {
    expect(resolveError({ lat: 32.7 }).message).toBe('lat 32.7 was given without lon: give both or neither');
    expect(resolveError({ lon: -96.8, zip: '75201' }).message).toContain('lon -96.8 was given without lat');
    const range = resolveError({ lat: -96.8, lon: 32.7 });
    expect(range.code).toBe('invalid_input');
    expect(range.message).toContain('(-96.8, 32.7)');
    expect(resolveError({ lat: Number.NaN, lon: 1 }).code).toBe('invalid_input');
    const signs = resolveError({ lat: 32.78, lon: 96.8 });
    expect(signs.code).toBe('unknown_place');
    expect(signs.message).toContain('check the signs');
  });
});

describe('resolve by ZIP', () => {
  it.each(['75201', '75201-1234', '752011234', ' 75201 '])('"%s" is downtown Dallas', (zip) => {
    expect(gazetteer.resolve({ zip, city: 'Ignored', region: 'TX' })).toMatchObject({
      lat: 32.78831,
      lon: -96.79957,
      city: 'Dallas',
      region: 'TX',
      marketId: '1',
      resolvedBy: 'zip',
    });
  });

  it('restores leading zeros a spreadsheet dropped', () => {
    expect(gazetteer.resolve({ zip: '2134' })).toEqual(gazetteer.resolve({ zip: '02134' }));
    expect(gazetteer.resolve({ zip: '2134' })).toMatchObject({
      city: 'Boston',
      region: 'MA',
      marketId: '14',
    });
  });

  it('names a remote ZIP after the nearest city in its state', () => {
    expect(gazetteer.resolve({ zip: '89301' })).toMatchObject({ city: 'Ely', region: 'NV', marketId: null });
  });

  it('names an unknown ZIP, or falls back to the city and region beside it', () => {
    const error = resolveError({ zip: '99999' });
    expect(error.code).toBe('unknown_place');
    expect(error.message).toContain('ZIP "99999" is not a known US ZIP');
    expect(error.details).toEqual({ zip: '99999' });
    expect(gazetteer.resolve({ zip: '99999', city: 'Dallas', region: 'TX' }).resolvedBy).toBe('city');
    expect(resolveError({ zip: 'H2X 1Y4' }).message).toContain('Canadian postal code');
    expect(gazetteer.resolve({ zip: 'H2X 1Y4', city: 'Montreal', region: 'QC' }).city).toBe('Montréal');
  });

  it('rejects what is not a ZIP at all', () => {
    const error = resolveError({ zip: '7520A', city: 'Dallas', region: 'TX' });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'ZIP "7520A" is not a US ZIP code: expected 5 digits, or ZIP+4 like 12345-6789',
    );
  });

  it.each([
    ['02134', 'MA'],
    ['05501', 'MA'],
    ['06103', 'CT'],
    ['20101', 'VA'],
    ['20500', 'DC'],
    ['73301', 'TX'],
    ['73102', 'OK'],
    ['75201', 'TX'],
    ['88510', 'TX'],
    ['89501', 'NV'],
    ['96813', 'HI'],
    ['99501', 'AK'],
  ])('ZIP %s is in %s', (zip, state) => expect(zipState(zip)).toBe(state));
});

describe('markets and cities', () => {
  it('lists markets and a region’s cities largest first', () => {
    const markets = gazetteer.markets();
    expect(markets.every((m) => m.population >= 50_000)).toBe(true);
    expect(markets[0]?.name).toBe('New York City');
    expect(markets.map((m) => m.population)).toEqual(
      [...markets.map((m) => m.population)].sort((a, b) => b - a),
    );
    expect(gazetteer.citiesIn('tx').map((c) => c.name)).toEqual(['Dallas', 'Fort Worth', 'Irving']);
    expect(gazetteer.market(asId<MarketId>('3'))?.name).toBe('Fort Worth');
    expect(gazetteer.market(asId<MarketId>('15'))).toBeUndefined();
    expect(errorOf(() => gazetteer.citiesIn('XX')).code).toBe('invalid_input');
  });

  it('honours the market threshold and radius', () => {
    const small = createGazetteer(CITIES, ZIPS, {
      marketMinPopulation: 1_000,
      marketRadiusMiles: 10,
      metroMergeMiles: 0,
    });
    expect(small.market(asId<MarketId>('15'))?.name).toBe('Ely');
    expect(small.nearestMarket({ lat: 32.9, lon: -97.1 })).toBeNull(); // 11 mi from Irving
    expect(small.nearestMarket({ lat: 32.9, lon: -97.1 }, 12)?.name).toBe('Irving');
    expect(errorOf(() => createGazetteer(CITIES, ZIPS, { marketRadiusMiles: -1 })).code).toBe(
      'config_invalid',
    );
    expect(errorOf(() => createGazetteer([...CITIES, CITIES[0] as City], ZIPS)).code).toBe('internal');
  });
});

describe('metro markets', () => {
  it('folds a qualifying city into a larger market within the merge radius, and keeps distant ones', () => {
    const gazetteer = createGazetteer(CITIES, ZIPS);
    expect(gazetteer.market(asId<MarketId>('2'))).toBeUndefined(); // Irving → Dallas
    expect(gazetteer.market(asId<MarketId>('3'))?.name).toBe('Fort Worth'); // 28 mi from Dallas
    expect(gazetteer.market(asId<MarketId>('10'))).toBeUndefined(); // Mount Vernon NY → New York City
    expect(gazetteer.resolve({ city: 'Irving', region: 'TX' }).marketId).toBe('1');
    const everyCity = createGazetteer(CITIES, ZIPS, { metroMergeMiles: 0 });
    expect(everyCity.market(asId<MarketId>('2'))?.name).toBe('Irving');
  });
});

describe('nearest search', () => {
  /** Deterministic points, so a failure repeats. */
  function* lcg(seed: number): Generator<number> {
    let state = seed;
    for (;;) {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      yield state / 2 ** 31;
    }
  }
  const random = lcg(7);
  const next = (): number => random.next().value as number;
  // A dense region (nearest points often across a cell edge), the poles and both sides of the
  // antimeridian: where grid searches go wrong.
  const places: City[] = Array.from({ length: 3_000 }, (_, i) => {
    const dense = i % 2 === 0;
    const aroundAntimeridian = 178 + next() * 4;
    const lat = dense ? 40 + next() * 4 : -89.9 + next() * 179.8;
    const lon = dense
      ? -80 + next() * 4
      : i % 7 === 0
        ? aroundAntimeridian - (aroundAntimeridian > 180 ? 360 : 0)
        : -180 + next() * 360;
    return city(`p${i}`, `Place ${i}`, 'NY', lat, lon, Math.floor(next() * 200_000));
  });
  // metroMergeMiles 0: every member is its own market, so the nearest member is the nearest market.
  const world = createGazetteer(places, new Map(), { metroMergeMiles: 0 });
  const bruteForce = (point: LatLon, candidates: readonly City[], radius: number): number => {
    let best = Infinity;
    for (const c of candidates) best = Math.min(best, greatCircleMiles(point, c));
    return best <= radius ? best : Infinity;
  };
  const milesTo = (point: LatLon, found: City | null): number =>
    found === null ? Infinity : greatCircleMiles(point, found);
  /** Equal distances; a different city at the same distance (to a nanomile) is as good an answer. */
  const expectSameDistance = (actual: number, expected: number): void => {
    if (expected === Infinity) expect(actual).toBe(Infinity);
    else expect(Math.abs(actual - expected)).toBeLessThan(1e-9);
  };

  it('agrees with a linear scan for markets and cities at any radius', () => {
    const markets = world.markets();
    for (let i = 0; i < 4_000; i += 1) {
      const nearAntimeridian = 179 + next() * 2;
      const point =
        i % 2 === 0
          ? { lat: 39.5 + next() * 5, lon: -80.5 + next() * 5 }
          : i % 4 === 1
            ? { lat: -90 + next() * 180, lon: nearAntimeridian - (nearAntimeridian > 180 ? 360 : 0) }
            : { lat: -90 + next() * 180, lon: -180 + next() * 360 };
      const radius = [5, 75, 400, 3_000, Infinity][i % 5] as number;
      expectSameDistance(
        milesTo(point, world.nearestMarket(point, radius)),
        bruteForce(point, markets, radius),
      );
      expectSameDistance(milesTo(point, world.nearestCity(point, radius)), bruteForce(point, places, radius));
    }
  });

  it('finds nothing in an empty gazetteer', () => {
    const empty = createGazetteer([], new Map());
    expect(empty.nearestCity({ lat: 0, lon: 0 })).toBeNull();
    expect(empty.nearestMarket({ lat: 0, lon: 0 }, Infinity)).toBeNull();
  });
});
