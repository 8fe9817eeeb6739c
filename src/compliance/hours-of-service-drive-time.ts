/**
 * Elapsed time to drive a distance under US hours of service (FMCSA 49 CFR 395.3, property carriers):
 * at most 11 h driving inside a 14 h on-duty window, then 10 consecutive hours off duty. DESIGN.md §3.6
 * plans at 50 mph. The planner and the plan validator share this one function so the validator never
 * flags a plan the planner believed legal for timing reasons.
 *
 * Model (deliberately simple, and conservative at the edges):
 * - the driver starts fresh (a full 11 h of driving available) at the start of each timed segment;
 * - driving runs at a constant average speed, so hours = miles ÷ speed;
 * - one rest is charged for every *full* shift of driving, where a shift is min(11 h, 14 h): the
 *   14 h window binds only on top of on-duty work other than driving, which the pickup and delivery
 *   windows absorb. A drive of exactly one shift is charged its rest too — the rest the driver needs
 *   before the next segment's "fresh" start.
 */
import { NorthboundError } from '../domain/errors.ts';
import { hours, type Hours } from '../domain/units.ts';

export interface HoursOfServiceRules {
  /** Average speed over the road, mph. */
  readonly averageSpeedMph: number;
  /** Driving allowed between rests (FMCSA: 11 h). */
  readonly maxDrivingHours: number;
  /** On-duty window between rests (FMCSA: 14 h). */
  readonly onDutyWindowHours: number;
  /** Off-duty rest that resets both clocks (FMCSA: 10 h). */
  readonly restHours: number;
}

export const DEFAULT_HOURS_OF_SERVICE: HoursOfServiceRules = {
  averageSpeedMph: 50,
  maxDrivingHours: 11,
  onDutyWindowHours: 14,
  restHours: 10,
};

/** Elapsed hours = miles ÷ speed + restHours × ⌊driving hours ÷ shift⌋. O(1). */
export function hoursOfServiceDriveTime(
  miles: number,
  rules: HoursOfServiceRules = DEFAULT_HOURS_OF_SERVICE,
): Hours {
  if (!(Number.isFinite(miles) && miles >= 0)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute the hours-of-service drive time: miles must be a finite number ≥ 0, saw ${miles}`,
      { miles },
    );
  }
  for (const key of ['averageSpeedMph', 'maxDrivingHours', 'onDutyWindowHours'] as const) {
    if (!(Number.isFinite(rules[key]) && rules[key] > 0)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot compute the hours-of-service drive time: ${key} must be a finite number > 0, saw ${rules[key]}`,
        { [key]: rules[key] },
      );
    }
  }
  if (!(Number.isFinite(rules.restHours) && rules.restHours >= 0)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute the hours-of-service drive time: restHours must be a finite number ≥ 0, saw ${rules.restHours}`,
      { restHours: rules.restHours },
    );
  }
  const drivingHours = miles / rules.averageSpeedMph;
  const shiftHours = Math.min(rules.maxDrivingHours, rules.onDutyWindowHours);
  return hours(drivingHours + rules.restHours * Math.floor(drivingHours / shiftHours));
}
