/**
 * Checks LandingZoneOptions once, up front, and fills the optional tuning fields from the defaults, so
 * the counting loop can trust every number it reads.
 */
import { NorthboundError } from '../domain/errors.ts';
import { DEFAULT_LANDING_ZONE_OPTIONS, type LandingZoneOptions } from './landing-zone.ts';

/** Ten years: longer lookbacks are a mistake, and each market holds 2 × weeks counters per equipment. */
const MAX_WEEKS = 520;

export type ResolvedLandingZoneOptions = Required<LandingZoneOptions>;

export function resolveLandingZoneOptions(options: LandingZoneOptions): ResolvedLandingZoneOptions {
  const resolved: ResolvedLandingZoneOptions = {
    asOf: options.asOf,
    weeks: options.weeks,
    minConsistency: options.minConsistency,
    minTrucksPerWeek: options.minTrucksPerWeek,
    primaryCount: options.primaryCount,
    reloadRadiusMiles: options.reloadRadiusMiles,
    trendUpRatio: options.trendUpRatio ?? DEFAULT_LANDING_ZONE_OPTIONS.trendUpRatio,
    trendDownRatio: options.trendDownRatio ?? DEFAULT_LANDING_ZONE_OPTIONS.trendDownRatio,
    busiestWeekdayShare: options.busiestWeekdayShare ?? DEFAULT_LANDING_ZONE_OPTIONS.busiestWeekdayShare,
  };
  const asOf: unknown = resolved.asOf;
  if (!(asOf instanceof Date) || !Number.isFinite(asOf.getTime())) {
    fail('asOf', String(asOf), 'a valid Date');
  }
  const { weeks } = resolved;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WEEKS) {
    fail('weeks', weeks, `a whole number of weeks from 1 to ${MAX_WEEKS}`);
  }
  requireRange('minConsistency', resolved.minConsistency, 0, 1, 'a share from 0 to 1');
  requireRange('minTrucksPerWeek', resolved.minTrucksPerWeek, 0, Infinity, 'a number of trucks ≥ 0');
  if (!Number.isInteger(resolved.primaryCount) || resolved.primaryCount < 0) {
    fail('primaryCount', resolved.primaryCount, 'a whole number of zones ≥ 0');
  }
  if (!(resolved.reloadRadiusMiles > 0 && Number.isFinite(resolved.reloadRadiusMiles))) {
    fail('reloadRadiusMiles', resolved.reloadRadiusMiles, 'a distance in miles > 0');
  }
  requireRange('trendUpRatio', resolved.trendUpRatio, 1, Infinity, 'a ratio ≥ 1');
  requireRange('trendDownRatio', resolved.trendDownRatio, 0, 1, 'a ratio from 0 to 1');
  if (!(resolved.busiestWeekdayShare > 0 && resolved.busiestWeekdayShare <= 1)) {
    fail('busiestWeekdayShare', resolved.busiestWeekdayShare, 'a share above 0 and at most 1');
  }
  return resolved;
}

function requireRange(name: string, value: number, min: number, max: number, expected: string): void {
  // NaN fails every comparison; Infinity is refused even where max is Infinity.
  if (!(value >= min && value <= max && Number.isFinite(value))) fail(name, value, expected);
}

function fail(name: string, seen: unknown, expected: string): never {
  throw new NorthboundError(
    'invalid_input',
    `Cannot find landing zones: option ${name} is ${String(seen)}; expected ${expected}.`,
    { option: name, value: seen },
  );
}
