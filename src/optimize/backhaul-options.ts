/**
 * The knobs of backhaul matching (DESIGN.md §3.6, §3.8). Every number is a default, not a constant:
 * the carrier's own cost per mile, a real road-distance service, a tighter deadhead radius all plug in
 * here. `resolveBackhaulOptions` checks them once, up front, so the hot loops can trust what they read.
 */
import { DEFAULT_COST_PER_MILE } from '../domain/units.ts';
import { type CabotageLimits, DEFAULT_CABOTAGE_LIMITS } from '../compliance/cabotage-rules.ts';
import {
  hoursOfServiceDriveTime,
  type HoursOfServiceRules,
} from '../compliance/hours-of-service-drive-time.ts';
import { NorthboundError } from '../domain/errors.ts';
import { DEFAULT_ROAD_FACTOR, type DistanceProvider, GreatCircleRoadDistance } from '../domain/geo.ts';
import { DEFAULT_CAD_PER_USD } from '../domain/units.ts';

export interface BackhaulOptions {
  /** All-in operating cost per mile, loaded or empty (ATRI 2024 average marginal cost: $2.26). */
  readonly costPerMileUsd: number;
  /** Average driving speed for travel times (DESIGN.md §3.6: 50 mph). */
  readonly averageMph: number;
  /** Longest deadhead to a pickup, in road miles. */
  readonly deadheadRadiusMiles: number;
  /** Exchange rate for loads offered in CAD and for showing values in CAD (about the 2024 average). */
  readonly cadPerUsd: number;
  /** Road miles per great-circle mile for the default distance provider. */
  readonly roadFactor: number;
  /**
   * Road distances. Absent: great-circle × roadFactor. A custom provider must never return fewer road
   * miles than the great-circle distance (true of any road network), because the spatial search uses the
   * great-circle radius to find candidates.
   */
  readonly distance?: DistanceProvider | undefined;
  /**
   * Allow cabotage-legal chains (DESIGN.md §3.8): a pre-arranged US-domestic load in the direction of home
   * followed by the northbound load. Off: a Canadian truck only takes loads that end in Canada.
   */
  readonly chains: boolean;
  /**
   * Longest a truck may sit at a pickup waiting for the window to open. The value formula prices miles,
   * not days; a planner does not park a truck for four days to save an empty run home, so waits are capped.
   */
  readonly maxWaitHours: number;
  /**
   * The cabotage and eManifest limits the plan validator applies (src/compliance/cabotage-rules.ts); pass
   * the same ones to validatePlan. Hours of service come from here too, at averageMph.
   */
  readonly cabotageLimits: CabotageLimits;
}

const MS_PER_HOUR = 3_600_000;

export const DEFAULT_BACKHAUL_OPTIONS: Readonly<Required<Omit<BackhaulOptions, 'distance'>>> = {
  costPerMileUsd: DEFAULT_COST_PER_MILE,
  averageMph: 50,
  deadheadRadiusMiles: 250,
  cadPerUsd: DEFAULT_CAD_PER_USD,
  roadFactor: DEFAULT_ROAD_FACTOR,
  chains: false,
  maxWaitHours: 24,
  cabotageLimits: DEFAULT_CABOTAGE_LIMITS,
};

/** Options with every field filled in and checked, and the distance provider built. */
export interface ResolvedBackhaulOptions extends Required<Omit<BackhaulOptions, 'distance'>> {
  readonly distance: DistanceProvider;
  /** Elapsed milliseconds to drive a distance: hoursOfServiceDriveTime under cabotageLimits at averageMph. */
  readonly driveTimeMs: (miles: number) => number;
  /**
   * Great-circle miles that certainly cover every pickup within deadheadRadiusMiles of road: the radius
   * divided by the road factor for the default provider (plus 0.1% for rounding), the radius itself for a
   * custom one.
   */
  readonly searchRadiusMiles: number;
  /**
   * True when `distance` is the default great circle × roadFactor: the candidate loop then computes it
   * inline (backhaul-road-miles.ts, the same miles to the bit) instead of calling the provider per pair.
   */
  readonly greatCircleDistance: boolean;
}

export function resolveBackhaulOptions(options: Partial<BackhaulOptions> = {}): ResolvedBackhaulOptions {
  const merged = { ...DEFAULT_BACKHAUL_OPTIONS, ...options };
  requirePositive('costPerMileUsd', merged.costPerMileUsd, 'a cost in USD per mile > 0');
  requirePositive('averageMph', merged.averageMph, 'a speed in miles per hour > 0');
  requirePositive('deadheadRadiusMiles', merged.deadheadRadiusMiles, 'a distance in miles > 0');
  requirePositive('cadPerUsd', merged.cadPerUsd, 'an exchange rate in CAD per USD > 0');
  if (!(Number.isFinite(merged.roadFactor) && merged.roadFactor >= 1)) {
    fail('roadFactor', merged.roadFactor, 'a factor ≥ 1 (roads are never shorter than the great circle)');
  }
  if (!(merged.maxWaitHours >= 0)) fail('maxWaitHours', merged.maxWaitHours, 'a number of hours ≥ 0');
  if (typeof merged.chains !== 'boolean') fail('chains', String(merged.chains), 'true or false');
  const custom = options.distance;
  const distance = custom ?? new GreatCircleRoadDistance(merged.roadFactor);
  const searchRadiusMiles =
    custom === undefined
      ? (merged.deadheadRadiusMiles / merged.roadFactor) * 1.001
      : merged.deadheadRadiusMiles;
  return {
    costPerMileUsd: merged.costPerMileUsd,
    averageMph: merged.averageMph,
    deadheadRadiusMiles: merged.deadheadRadiusMiles,
    cadPerUsd: merged.cadPerUsd,
    roadFactor: merged.roadFactor,
    chains: merged.chains,
    maxWaitHours: merged.maxWaitHours,
    cabotageLimits: merged.cabotageLimits,
    distance,
    driveTimeMs: driveTimeMs({ ...merged.cabotageLimits.hoursOfService, averageSpeedMph: merged.averageMph }),
    searchRadiusMiles,
    greatCircleDistance: custom === undefined,
  };
}

/**
 * hoursOfServiceDriveTime in milliseconds as a closed form, for the hot loop: the shared function checks
 * its rules on every call. It is called here once to check the rules, and at a few distances around the
 * shift boundaries to prove the closed form still agrees with it (a change there must not slip by).
 */
function driveTimeMs(rules: HoursOfServiceRules): (miles: number) => number {
  const shiftHours = Math.min(rules.maxDrivingHours, rules.onDutyWindowHours);
  const speed = rules.averageSpeedMph;
  const rest = rules.restHours;
  const closedForm = (miles: number): number => {
    const driving = miles / speed;
    return (driving + rest * Math.floor(driving / shiftHours)) * MS_PER_HOUR;
  };
  for (const miles of [
    0,
    1,
    0.5 * shiftHours * speed,
    shiftHours * speed,
    2.5 * shiftHours * speed,
    1234.5,
  ]) {
    const shared = hoursOfServiceDriveTime(miles, rules) * MS_PER_HOUR;
    if (Math.abs(shared - closedForm(miles)) > 1e-6) {
      throw new NorthboundError(
        'internal',
        `Cannot time backhauls: the closed-form drive time (${closedForm(miles)} ms) disagrees with hoursOfServiceDriveTime (${shared} ms) at ${miles} mi`,
      );
    }
  }
  return closedForm;
}

function requirePositive(field: string, value: number, expected: string): void {
  if (!(Number.isFinite(value) && value > 0)) fail(field, value, expected);
}

function fail(field: string, value: number | string, expected: string): never {
  throw new NorthboundError(
    'invalid_input',
    `Cannot plan backhauls: option ${field} is ${value}, expected ${expected}`,
    { field, value },
  );
}
