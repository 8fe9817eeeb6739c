/**
 * Hand-made markets and arrivals for the landing-zone tests: a tiny gazetteer, a calendar counted in
 * lookback weeks, and an arrival builder.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import { asId, type MarketId } from '../domain/ids.ts';
import type { City } from '../domain/market.ts';
import type { Region } from '../domain/regions.ts';
import type { LandingArrival, LandingZoneOptions } from './landing-zone.ts';
import { DEFAULT_LANDING_ZONE_OPTIONS } from './landing-zone.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** A Monday, 00:00 UTC: lookback weeks run Monday 00:00Z to Monday 00:00Z. */
export const AS_OF = new Date('2026-11-23T00:00:00Z');

export const options = (overrides: Partial<LandingZoneOptions> = {}): LandingZoneOptions => ({
  ...DEFAULT_LANDING_ZONE_OPTIONS,
  asOf: AS_OF,
  ...overrides,
});

/**
 * An instant in lookback week `week` (0 = oldest of `weeks`), `dayHours` hours after its Monday 00:00Z.
 * Negative weeks reach into the trend's previous period (−1 = the week just before the lookback).
 */
export const inWeek = (week: number, dayHours = 40, weeks = 13): number =>
  AS_OF.getTime() - (weeks - week) * WEEK_MS + dayHours * HOUR_MS;

const city = (id: string, name: string, region: Region, lat: number, lon: number): City => ({
  id: asId<MarketId>(id),
  name,
  region,
  country: 'US',
  population: 100_000,
  lat,
  lon,
});

export const DALLAS = city('4684888', 'Dallas', 'TX', 32.78, -96.81);
export const MEMPHIS = city('4641239', 'Memphis', 'TN', 35.15, -90.05);
export const ATLANTA = city('4180439', 'Atlanta', 'GA', 33.75, -84.39);
export const CHICAGO = city('4887398', 'Chicago', 'IL', 41.85, -87.65);
export const DENVER = city('5419384', 'Denver', 'CO', 39.74, -104.98);
export const PHOENIX = city('5308655', 'Phoenix', 'AZ', 33.45, -112.07);
export const COLUMBUS = city('4509177', 'Columbus', 'OH', 39.96, -83.0);
export const FORT_WORTH = city('4691930', 'Fort Worth', 'TX', 32.73, -97.32);

const ALL = [DALLAS, MEMPHIS, ATLANTA, CHICAGO, DENVER, PHOENIX, COLUMBUS, FORT_WORTH];

/** The gazetteer port, as much of it as findLandingZones uses. */
export const markets: Pick<Gazetteer, 'market'> = {
  market: (id) => ALL.find((c) => c.id === id),
};

/** A delivery to a market's centre. */
export const landAt = (
  market: City,
  truckId: string,
  deliveredAtMs: number,
  equipment: Equipment = 'dry_van',
): LandingArrival => ({
  truckId,
  equipment,
  deliveredAtMs,
  lat: market.lat,
  lon: market.lon,
  marketId: market.id,
  city: market.name,
  region: market.region,
});

/** A delivery to a city with no market within 75 mi. */
export const landInCity = (
  cityName: string,
  region: Region,
  lat: number,
  lon: number,
  truckId: string,
  deliveredAtMs: number,
): LandingArrival => ({
  truckId,
  equipment: 'dry_van',
  deliveredAtMs,
  lat,
  lon,
  marketId: null,
  city: cityName,
  region,
});

/** `trucks` distinct trucks (ids prefix-1…) landing once in each of `weeks`. */
export function everyWeek(
  market: City,
  prefix: string,
  trucks: number,
  weeks: readonly number[],
  equipment: Equipment = 'dry_van',
  weeksInLookback = 13,
): LandingArrival[] {
  return weeks.flatMap((week) =>
    Array.from({ length: trucks }, (_, t) =>
      landAt(market, `${prefix}-${t + 1}`, inWeek(week, 40, weeksInLookback), equipment),
    ),
  );
}

/** 0 … n − 1. */
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
