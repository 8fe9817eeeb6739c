/**
 * Seeded benchmark instances for backhaul matching: N trucks that have just landed in US markets and M
 * open loads, as domain objects, with the geography and mix of a Canadian cross-border carrier.
 *
 * Geography: points scatter (normal, σ ≈ 20 mi) around 44 US metro centres weighted roughly by their
 * cross-border truck freight (the Great Lakes, Northeast and Texas gateways weigh most); trucks are
 * homed at five Canadian terminals; northbound loads end around 17 Canadian cities weighted like the
 * provinces' share of US→Canada truck trade (Ontario about half). A share of the loads are US-domestic
 * (some pre-arranged), so chains have something to work with. Equipment, credentials and requirements
 * follow fixed mixes. Rates are DAT June 2024 spot rates per loaded mile (data/economics.md) with
 * lognormal spread; a fifth of the loads are quoted in CAD.
 *
 * Same options → same instance, bit for bit (one SeededRandom stream per piece).
 */
import type { Equipment } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import { asId, type LoadId, type TruckId } from '../domain/ids.ts';
import type { Load } from '../domain/load.ts';
import type { ResolvedPlace } from '../domain/place.ts';
import type { Region } from '../domain/regions.ts';
import type { Credential } from '../domain/truck.ts';
import { CAD_PER_USD } from '../sim/freight-rates.ts';
import { SeededRandom } from '../sim/seeded-random.ts';
import type { AvailableTruck } from './backhaul-candidates.ts';

export interface RandomBackhaulInstanceOptions {
  readonly seed: number;
  readonly trucks: number;
  readonly loads: number;
  /** Trucks land over [startsAt, startsAt + days]; pickups open over the same span plus a day. */
  readonly startsAt?: Date;
  readonly days?: number;
  /** Share of loads that stay inside the US (default 0.15); the rest end in Canada. */
  readonly domesticShare?: number;
  /** Use only the first k US metros (busiest first): small dense instances for tests. Default: all 44. */
  readonly metros?: number;
}

export interface BackhaulInstance {
  readonly trucks: AvailableTruck[];
  readonly loads: Load[];
}

interface Centre {
  readonly city: string;
  readonly region: Region;
  readonly lat: number;
  readonly lon: number;
  readonly weight: number;
}

const centre = (city: string, region: Region, lat: number, lon: number, weight: number): Centre => ({
  city,
  region,
  lat,
  lon,
  weight,
});

/** Busiest first (the `metros` option takes a prefix). */
const US_METROS: readonly Centre[] = [
  centre('Chicago', 'IL', 41.88, -87.63, 10),
  centre('Detroit', 'MI', 42.33, -83.05, 9),
  centre('New York', 'NY', 40.71, -74.01, 6),
  centre('Buffalo', 'NY', 42.89, -78.88, 5),
  centre('Dallas', 'TX', 32.78, -96.8, 6),
  centre('Houston', 'TX', 29.76, -95.37, 4),
  centre('Laredo', 'TX', 27.51, -99.51, 4),
  centre('Los Angeles', 'CA', 34.05, -118.24, 5),
  centre('Philadelphia', 'PA', 39.95, -75.17, 4),
  centre('Pittsburgh', 'PA', 40.44, -80.0, 3),
  centre('Atlanta', 'GA', 33.75, -84.39, 4),
  centre('Columbus', 'OH', 39.96, -83.0, 4),
  centre('Cleveland', 'OH', 41.5, -81.69, 4),
  centre('Cincinnati', 'OH', 39.1, -84.51, 3),
  centre('Indianapolis', 'IN', 39.77, -86.16, 4),
  centre('Grand Rapids', 'MI', 42.96, -85.67, 3),
  centre('Milwaukee', 'WI', 43.04, -87.91, 3),
  centre('Minneapolis', 'MN', 44.98, -93.27, 4),
  centre('St. Louis', 'MO', 38.63, -90.2, 3),
  centre('Kansas City', 'MO', 39.1, -94.58, 3),
  centre('Louisville', 'KY', 38.25, -85.76, 3),
  centre('Nashville', 'TN', 36.16, -86.78, 3),
  centre('Memphis', 'TN', 35.15, -90.05, 3),
  centre('Charlotte', 'NC', 35.23, -80.84, 3),
  centre('Richmond', 'VA', 37.54, -77.44, 2),
  centre('Baltimore', 'MD', 39.29, -76.61, 2),
  centre('Boston', 'MA', 42.36, -71.06, 3),
  centre('Albany', 'NY', 42.65, -73.76, 2),
  centre('Seattle', 'WA', 47.61, -122.33, 4),
  centre('Portland', 'OR', 45.52, -122.68, 2),
  centre('San Francisco', 'CA', 37.77, -122.42, 2),
  centre('Denver', 'CO', 39.74, -104.99, 2),
  centre('Salt Lake City', 'UT', 40.76, -111.89, 2),
  centre('Phoenix', 'AZ', 33.45, -112.07, 2),
  centre('Las Vegas', 'NV', 36.17, -115.14, 1),
  centre('El Paso', 'TX', 31.76, -106.49, 1),
  centre('San Antonio', 'TX', 29.42, -98.49, 2),
  centre('Oklahoma City', 'OK', 35.47, -97.52, 1),
  centre('Omaha', 'NE', 41.26, -95.93, 1),
  centre('Jacksonville', 'FL', 30.33, -81.66, 2),
  centre('Orlando', 'FL', 28.54, -81.38, 2),
  centre('Miami', 'FL', 25.76, -80.19, 2),
  centre('Fargo', 'ND', 46.88, -96.79, 1),
  centre('Syracuse', 'NY', 43.05, -76.15, 1),
];

/** Where the carrier's trucks are based. */
const TERMINALS: readonly Centre[] = [
  centre('Mississauga', 'ON', 43.59, -79.64, 45),
  centre('Montreal', 'QC', 45.5, -73.57, 25),
  centre('Calgary', 'AB', 51.05, -114.07, 12),
  centre('Surrey', 'BC', 49.19, -122.85, 10),
  centre('Winnipeg', 'MB', 49.9, -97.14, 8),
];

/** Where northbound loads go. */
const CANADIAN_CITIES: readonly Centre[] = [
  centre('Toronto', 'ON', 43.65, -79.38, 18),
  centre('Mississauga', 'ON', 43.59, -79.64, 8),
  centre('Hamilton', 'ON', 43.26, -79.87, 5),
  centre('Kitchener', 'ON', 43.45, -80.49, 5),
  centre('London', 'ON', 42.98, -81.25, 4),
  centre('Windsor', 'ON', 42.31, -83.04, 3),
  centre('Ottawa', 'ON', 45.42, -75.7, 4),
  centre('Montreal', 'QC', 45.5, -73.57, 14),
  centre('Quebec City', 'QC', 46.81, -71.21, 5),
  centre('Vancouver', 'BC', 49.28, -123.12, 8),
  centre('Calgary', 'AB', 51.05, -114.07, 6),
  centre('Edmonton', 'AB', 53.55, -113.49, 4),
  centre('Winnipeg', 'MB', 49.9, -97.14, 5),
  centre('Regina', 'SK', 50.45, -104.61, 1),
  centre('Saskatoon', 'SK', 52.13, -106.67, 1),
  centre('Halifax', 'NS', 44.65, -63.57, 2),
  centre('Moncton', 'NB', 46.09, -64.78, 1),
];

const EQUIPMENT_MIX: readonly [Equipment, number][] = [
  ['dry_van', 55],
  ['reefer', 20],
  ['flatbed', 12],
  ['step_deck', 5],
  ['tanker', 8],
];

/** DAT June 2024 spot, USD per loaded mile; step deck and tanker as in src/sim/freight-rates.ts. */
const SPOT_RATE_PER_MILE: Readonly<Record<Equipment, number>> = {
  dry_van: 2.07,
  reefer: 2.45,
  flatbed: 2.53,
  step_deck: 2.53 * 1.05,
  tanker: 2.07 * 1.15,
};

/** Share of trucks holding, and of loads requiring, each credential. */
const CREDENTIAL_SHARE: Readonly<Record<Credential, readonly [truck: number, load: number]>> = {
  fast: [0.7, 0.15],
  bonded: [0.4, 0.08],
  hazmat: [0.15, 0.04],
  twic: [0.1, 0.02],
};

const HOUR_MS = 3_600_000;
const SCATTER_MILES = 20;
const MILES_PER_DEGREE_LAT = 69.05;
const ROAD_FACTOR = 1.2;

export function randomBackhaulInstance(options: RandomBackhaulInstanceOptions): BackhaulInstance {
  const { seed, trucks: truckCount, loads: loadCount } = options;
  const days = options.days ?? 7;
  const domesticShare = options.domesticShare ?? 0.15;
  const startsAt = options.startsAt ?? new Date('2025-03-03T12:00:00Z');
  for (const [name, value] of [
    ['trucks', truckCount],
    ['loads', loadCount],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot generate a backhaul instance: ${name} is ${value}, expected a whole number ≥ 0`,
      );
    }
  }
  if (!(days > 0) || !(domesticShare >= 0 && domesticShare <= 1) || !Number.isFinite(startsAt.getTime())) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot generate a backhaul instance: days ${days} must be > 0, domesticShare ${domesticShare} in 0…1, startsAt a valid date`,
    );
  }
  const t0 = startsAt.getTime();
  const metroCount = options.metros ?? US_METROS.length;
  if (!Number.isInteger(metroCount) || metroCount < 1 || metroCount > US_METROS.length) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot generate a backhaul instance: metros is ${metroCount}, expected a whole number from 1 to ${US_METROS.length}`,
    );
  }
  const metros = picker(US_METROS.slice(0, metroCount));
  const terminals = picker(TERMINALS);
  const canada = picker(CANADIAN_CITIES);
  const equipment = picker(EQUIPMENT_MIX.map(([kind, weight]) => ({ kind, weight })));

  const truckRandom = new SeededRandom(seed, 'backhaul-instance', 'trucks');
  const trucks: AvailableTruck[] = [];
  for (let i = 0; i < truckCount; i++) {
    const home = terminals(truckRandom);
    const landed = scatter(truckRandom, metros(truckRandom));
    const credentials = (Object.keys(CREDENTIAL_SHARE) as Credential[]).filter((credential) =>
      truckRandom.chance(CREDENTIAL_SHARE[credential][0]),
    );
    trucks.push({
      truck: {
        truckId: asId<TruckId>(`T${i + 1}`),
        equipment: equipment(truckRandom).kind,
        homeCity: home.city,
        homeRegion: home.region,
        home: { lat: home.lat, lon: home.lon },
        domicile: 'CA',
        credentials,
      },
      position: landed,
      availableAt: new Date(t0 + Math.round(truckRandom.between(0, days * 24)) * HOUR_MS),
    });
  }

  const loadRandom = new SeededRandom(seed, 'backhaul-instance', 'loads');
  const loads: Load[] = [];
  for (let j = 0; j < loadCount; j++) {
    const origin = scatter(loadRandom, metros(loadRandom));
    const domestic = loadRandom.chance(domesticShare);
    const dest = scatter(loadRandom, domestic ? metros(loadRandom) : canada(loadRandom));
    const kind = equipment(loadRandom).kind;
    const loadedMiles = greatCircleMiles(origin, dest) * ROAD_FACTOR;
    const rateUsd = Math.max(
      350,
      SPOT_RATE_PER_MILE[kind] * loadedMiles * loadRandom.lognormalWithMean(1, 0.2),
    );
    const inCad = loadRandom.chance(0.2);
    const earliest = t0 + Math.round(loadRandom.between(0, (days + 1) * 24)) * HOUR_MS;
    const latest = earliest + loadRandom.intBetween(2, 24) * HOUR_MS;
    // Drive time with one 10 h rest per 11 h of driving, plus a day of slack (null: no deadline).
    const transitHours = loadedMiles / 50 + Math.floor(loadedMiles / 550) * 10;
    const deliveryLatest = loadRandom.chance(0.7)
      ? new Date(latest + Math.ceil(transitHours + 24) * HOUR_MS)
      : null;
    const requirements = (Object.keys(CREDENTIAL_SHARE) as Credential[]).filter((credential) =>
      loadRandom.chance(CREDENTIAL_SHARE[credential][1]),
    );
    loads.push({
      loadId: asId<LoadId>(`L${j + 1}`),
      shipperId: null,
      shipperName: null,
      origin,
      dest,
      pickupEarliest: new Date(earliest),
      pickupLatest: new Date(latest),
      deliveryLatest,
      equipment: kind,
      weightLb: loadRandom.intBetween(8, 44) * 1000,
      rate: Math.round((inCad ? rateUsd * CAD_PER_USD : rateUsd) * 100) / 100,
      currency: inCad ? 'CAD' : 'USD',
      status: 'offered',
      requirements,
      preArranged: loadRandom.chance(domestic ? 0.5 : 0.9),
    });
  }
  return { trucks, loads };
}

/** A weighted choice by cumulative weights, O(log n) per draw. */
function picker<T extends { readonly weight: number }>(items: readonly T[]): (random: SeededRandom) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += item.weight));
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** A point around the centre (normal, σ = 20 mi each way), named after the centre. */
function scatter(random: SeededRandom, at: Centre): ResolvedPlace {
  const lat = at.lat + random.normal(0, SCATTER_MILES / MILES_PER_DEGREE_LAT);
  const lon =
    at.lon + random.normal(0, SCATTER_MILES / (MILES_PER_DEGREE_LAT * Math.cos((at.lat * Math.PI) / 180)));
  // A plain literal in the store reader's field order (read-backhaul-inputs.ts): a spread gave each of
  // the ~210k places its own hidden class in V8, so every .lat read in the planner went megamorphic and
  // the bench measured a slower input than the product ever sees.
  return { lat, lon, city: at.city, region: at.region, marketId: null, resolvedBy: 'latlon' };
}
