/**
 * Finds the landing zones (DESIGN.md §3.1) in a carrier's southbound delivery history.
 *
 * Weeks are fixed 7-day spans counted back from asOf: lookback week i (0 = oldest) covers
 * [asOf − (weeks − i)·7 d, asOf − (weeks − i − 1)·7 d), and the trend's previous period is the `weeks`
 * weeks before that. Deliveries at or after asOf are scheduled, not history, and are ignored, as is
 * anything older than the previous period.
 *
 * Each delivery belongs to its market (the nearest within 75 mi, resolved at import) or, with none, to a
 * city zone keyed by its city and region as written ("city:<normalised city>|<region>", so "fort worth"
 * and "Ft.  Worth" meet).
 *
 * Cost: one pass over the arrivals, O(1) hashed work each (n ≈ 100k), then O(weeks · log weeks) per
 * market to summarise and O(markets · log markets) to rank: O(n + markets · weeks · log weeks) in all.
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import { isValidLatLon } from '../domain/geo.ts';
import { placeNameKey } from '../domain/place-name-key.ts';
import { isRegion } from '../domain/regions.ts';
import { LandingTally, type LandingMarketFacts } from './landing-tally.ts';
import type { LandingArrival, LandingMarket, LandingZoneOptions, LandingZoneReport } from './landing-zone.ts';
import { resolveLandingZoneOptions } from './resolve-landing-zone-options.ts';

const WEEK_MS = 7 * 86_400_000;
const EQUIPMENT_INDEX: ReadonlyMap<string, number> = new Map(EQUIPMENT.map((e: Equipment, i) => [e, i]));

export function findLandingZones(
  arrivals: Iterable<LandingArrival>,
  markets: Pick<Gazetteer, 'market'>,
  options: LandingZoneOptions,
): LandingZoneReport {
  const settings = resolveLandingZoneOptions(options);
  const { weeks } = settings;
  const asOfMs = settings.asOf.getTime();
  const lookbackStartMs = asOfMs - weeks * WEEK_MS;
  const previousStartMs = lookbackStartMs - weeks * WEEK_MS;

  const tallies = new Map<string, LandingTally>();
  /** Truck ids as dense integers, so per-week distinct-truck sets hold numbers, not built strings. */
  const truckIndex = new Map<string, number>();
  let position = 0;
  for (const arrival of arrivals) {
    position += 1;
    const at = arrival.deliveredAtMs;
    if (!Number.isFinite(at)) reject(arrival, position, 'deliveredAtMs', at, 'a UTC epoch in milliseconds');
    if (at >= asOfMs || at < previousStartMs) continue;
    const equipment = checkedEquipment(arrival, position);
    const slot = Math.floor((at - previousStartMs) / WEEK_MS);
    const key = zoneKey(arrival);
    let tally = tallies.get(key);
    if (tally === undefined) {
      tally = newTally(key, arrival, position, markets, weeks);
      tallies.set(key, tally);
    }
    let truck = truckIndex.get(arrival.truckId);
    if (truck === undefined) {
      truck = truckIndex.size;
      truckIndex.set(arrival.truckId, truck);
    }
    tally.record(arrival, truck, equipment, slot);
  }

  const facts: LandingMarketFacts[] = [];
  for (const tally of tallies.values()) {
    if (tally.landedInLookback) facts.push(tally.summarize(settings));
  }
  const zones = facts
    .filter((market) => market.isLandingZone)
    .sort(byStrength)
    .map((market, i): LandingMarket => ({ ...market, rank: i + 1, primary: i < settings.primaryCount }));
  const others = facts
    .filter((market) => !market.isLandingZone)
    .sort(byStrength)
    .map((market): LandingMarket => ({ ...market, rank: null, primary: false }));
  return {
    from: new Date(lookbackStartMs),
    to: new Date(asOfMs),
    weeks,
    markets: [...zones, ...others],
    zones,
  };
}

/** Strength descending, then arrivals descending, then key in code-point order: the same input, the same ranks. */
function byStrength(a: LandingMarketFacts, b: LandingMarketFacts): number {
  return b.strength - a.strength || b.arrivals - a.arrivals || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function zoneKey(arrival: LandingArrival): string {
  return arrival.marketId ?? `city:${placeNameKey(arrival.city)}|${arrival.region}`;
}

function newTally(
  key: string,
  arrival: LandingArrival,
  position: number,
  markets: Pick<Gazetteer, 'market'>,
  weeks: number,
): LandingTally {
  if (arrival.marketId === null) return new LandingTally(key, null, arrival.region, null, weeks);
  const market = markets.market(arrival.marketId);
  if (market === undefined) {
    reject(arrival, position, 'marketId', arrival.marketId, 'a market id the gazetteer knows');
  }
  return new LandingTally(key, market.id, market.region, market, weeks);
}

/**
 * Checks the fields the counts depend on (deliveries outside the window are skipped unchecked, beyond
 * their time) and returns the equipment's index in EQUIPMENT.
 */
function checkedEquipment(arrival: LandingArrival, position: number): number {
  if (typeof arrival.truckId !== 'string' || arrival.truckId === '') {
    reject(arrival, position, 'truckId', arrival.truckId, 'a non-empty truck id');
  }
  const equipment = EQUIPMENT_INDEX.get(arrival.equipment);
  if (equipment === undefined) {
    reject(arrival, position, 'equipment', arrival.equipment, `one of ${EQUIPMENT.join(', ')}`);
  }
  if (!isRegion(arrival.region)) {
    reject(arrival, position, 'region', arrival.region, 'a US state or Canadian province code');
  }
  if (!isValidLatLon(arrival.lat, arrival.lon)) {
    reject(arrival, position, 'lat/lon', `${arrival.lat}, ${arrival.lon}`, 'a point on the globe');
  }
  return equipment;
}

function reject(
  arrival: LandingArrival,
  position: number,
  field: string,
  seen: unknown,
  expected: string,
): never {
  throw new NorthboundError(
    'invalid_input',
    `Cannot find landing zones: arrival ${position} (truck ${JSON.stringify(arrival.truckId)}) has ` +
      `${field} ${typeof seen === 'string' ? JSON.stringify(seen) : String(seen)}; expected ${expected}.`,
    { arrival: position, field, value: seen },
  );
}
