import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { zipState } from '../domain/create-gazetteer.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { PlaceQuery } from '../domain/place.ts';
import { loadGazetteer } from './load-gazetteer.ts';

const gazetteer = loadGazetteer();
const marketOf = (query: PlaceQuery): string | null => {
  const { marketId } = gazetteer.resolve(query);
  const market = marketId === null ? undefined : gazetteer.market(marketId);
  return market === undefined ? null : `${market.name}, ${market.region}`;
};
const errorOf = (query: PlaceQuery): NorthboundError => {
  try {
    gazetteer.resolve(query);
  } catch (error) {
    expect(error).toBeInstanceOf(NorthboundError);
    return error as NorthboundError;
  }
  throw new Error(`expected ${JSON.stringify(query)} to fail`);
};

describe('loadGazetteer over data/', () => {
  it('loads both tables once and reuses them', () => {
    // ~1,050 cities of 50k+, folded into ~390 metro markets (suburbs join the larger market nearby).
    expect(gazetteer.markets().length).toBeGreaterThan(300);
    expect(gazetteer.markets().length).toBeLessThan(400);
    const marketOf = (city: string, region: string) => {
      const id = gazetteer.resolve({ city, region }).marketId;
      return id === null ? null : gazetteer.market(id)?.name;
    };
    expect(marketOf('Mississauga', 'ON')).toBe('Toronto');
    expect(marketOf('Hamilton', 'ON')).toBe('Toronto'); // absorbed, so its nearest member wins
    expect(marketOf('Palatine', 'IL')).toBe('Chicago');
    expect(marketOf('Fort Worth', 'TX')).toBe('Fort Worth');
    expect(marketOf('Windsor', 'ON')).toBe('Windsor'); // markets never cross the border
    expect(marketOf('Plattsburgh', 'NY')).toBeNull(); // Montréal is near, but in Canada
    expect(gazetteer.citiesIn('TX')[0]?.name).toBe('Houston');
    expect(gazetteer.citiesIn('ON')[0]?.name).toBe('Toronto');
    expect(loadGazetteer()).toBe(gazetteer);
    const wider = loadGazetteer({ marketRadiusMiles: 150 });
    expect(wider).not.toBe(gazetteer);
    expect(wider.markets()).toEqual(gazetteer.markets());
  });

  it('resolves the cities planners write', () => {
    expect(marketOf({ city: 'Dallas', region: 'TX' })).toBe('Dallas, TX');
    expect(marketOf({ city: 'St. Louis', region: 'MO' })).toBe('St. Louis, MO');
    expect(marketOf({ city: 'Saint Louis', region: 'MO' })).toBe('St. Louis, MO');
    expect(gazetteer.resolve({ city: 'Montreal', region: 'QC' }).city).toBe('Montréal');
    expect(gazetteer.resolve({ city: 'Montréal', region: 'qc' })).toEqual(
      gazetteer.resolve({ city: 'Montreal', region: 'QC' }),
    );
    expect(marketOf({ city: 'Laredo', region: 'TX' })).toBe('Laredo, TX');
    expect(gazetteer.resolve({ city: 'Washington', region: 'DC' }).city).toBe('Washington');
    expect(gazetteer.resolve({ city: 'Quebec City', region: 'QC' }).city).toBe('Québec');
    expect(gazetteer.resolve({ city: 'New York', region: 'NY' }).city).toBe('New York City');
  });

  it('resolves ZIPs, including ones that lost a leading zero', () => {
    expect(marketOf({ zip: '75201' })).toBe('Dallas, TX');
    const allston = gazetteer.resolve({ zip: '2134' });
    expect(allston).toEqual(gazetteer.resolve({ zip: '02134' }));
    expect(allston).toMatchObject({ region: 'MA', resolvedBy: 'zip' });
    expect(allston.marketId).not.toBeNull();
    // Ontario, OR: the nearest city is Payette across the Snake River in Idaho; the state is the ZIP's.
    expect(gazetteer.nearestCity(gazetteer.resolve({ zip: '97914' }))?.region).toBe('ID');
    expect(gazetteer.resolve({ zip: '97914' })).toMatchObject({ city: 'Ontario', region: 'OR' });
  });

  it('puts rural Nevada in no market', () => {
    const place = gazetteer.resolve({ lat: 39.0, lon: -116.5 });
    expect(place).toMatchObject({ region: 'NV', marketId: null, resolvedBy: 'latlon' });
  });

  it('says which value it could not place', () => {
    const unknown = errorOf({ city: 'Dalas', region: 'TX' });
    expect(unknown.code).toBe('unknown_place');
    expect(unknown.message).toContain('"Dalas, TX"');
    expect(unknown.message).toContain('did you mean Dallas?');
    expect(errorOf({ city: 'Mount Vernon', region: 'KY' }).code).toBe('ambiguous_place');
    expect(errorOf({ zip: '00901' }).message).toContain('"00901"'); // Puerto Rico is not covered
  });

  it('agrees with the nearest city on the state of nearly every ZIP', () => {
    const lines = readFileSync(
      fileURLToPath(new URL('../../data/us-zip-centroids.csv', import.meta.url)),
      'utf8',
    )
      .trim()
      .split('\n')
      .slice(1);
    let agree = 0;
    let compared = 0;
    for (const line of lines) {
      const [zip = '', lat = '', lon = ''] = line.split(',');
      const nearby = gazetteer.nearestCity({ lat: Number(lat), lon: Number(lon) }, 15);
      if (nearby === null) continue;
      compared += 1;
      if (nearby.region === zipState(zip)) agree += 1;
    }
    expect(lines.length).toBeGreaterThan(33_000);
    expect(agree / compared).toBeGreaterThan(0.97); // the rest are border towns
  });
});

describe('loadGazetteer from another folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'northbound-gazetteer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses quoted names and reports a broken row with its file and number', () => {
    writeFileSync(
      join(dir, 'gazetteer-us-ca.csv'),
      'id,name,region,country,lat,lon,population\n1,"Washington, D.C.",DC,US,38.89511,-77.03637,601723\n',
    );
    writeFileSync(join(dir, 'us-zip-centroids.csv'), 'zip,lat,lon\n20001,38.91,-77.02\n');
    const small = loadGazetteer({ dataDir: dir });
    expect(small.resolve({ city: 'Washington', region: 'dc' }).city).toBe('Washington, D.C.');
    expect(small.resolve({ zip: '20001' })).toMatchObject({ region: 'DC', marketId: '1' });

    const broken = mkdtempSync(join(tmpdir(), 'northbound-gazetteer-broken-'));
    try {
      writeFileSync(
        join(broken, 'gazetteer-us-ca.csv'),
        'id,name,region,country,lat,lon,population\n1,X,ZZ,US,1,2,3\n',
      );
      writeFileSync(join(broken, 'us-zip-centroids.csv'), 'zip,lat,lon\n');
      expect(() => loadGazetteer({ dataDir: broken })).toThrow(/gazetteer-us-ca\.csv row 2: region "ZZ"/);
      expect(() => loadGazetteer({ dataDir: join(broken, 'missing') })).toThrow(/npm run data:gazetteer/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
