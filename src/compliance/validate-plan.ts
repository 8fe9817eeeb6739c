/**
 * The independent plan validator (DESIGN.md §3.8). It re-checks a backhaul plan from scratch — against
 * the load records, the port list and its own distances, never against the planner's copies or
 * its stated deadhead miles — and lists every violation. The rules and their legal basis are in
 * cabotage-rules.ts.
 *
 * Output order is deterministic: trucks in plan order; within a truck, legs in order; within a leg,
 * the order of CABOTAGE_RULE_CODES. A crossing's violations belong to the leg during which the truck
 * crosses (a loaded US → Canada leg, or the empty run to a Canadian pickup); a crossing the path never
 * makes is reported last, with loadId null.
 *
 * Each truck's path is a chain of timed segments: for every leg, the empty run from the previous
 * position (the plan's start, then each delivery) to the pickup, then the loaded run to the delivery.
 * Timing rules compare each segment's duration with hoursOfServiceDriveTime of its road miles.
 *
 * Complexity: O(L) distance calls and O(L²) at worst for the "followed by a northbound load" scan, for L
 * legs of a truck (a handful in practice); O(total legs) for the duplicate-load count.
 */
import type {
  BackhaulPlan,
  CabotageRule,
  PlanViolation,
  PlannedLeg,
  TruckPlan,
} from '../domain/backhaul-plan.ts';
import { CABOTAGE_RULE_CODES } from '../domain/backhaul-plan.ts';
import type { BorderPort } from '../domain/border-port.ts';
import type { DistanceProvider, LatLon } from '../domain/geo.ts';
import type { Load } from '../domain/load.ts';
import { countryOf, type Region } from '../domain/regions.ts';
import { CREDENTIALS } from '../domain/truck.ts';
import { resolveCabotageLimits, type CabotageLimits } from './cabotage-rules.ts';
import { hoursOfServiceDriveTime } from './hours-of-service-drive-time.ts';
import { legDifferences } from './leg-differences.ts';
import { requireValidPlan } from './require-valid-plan.ts';

export interface PlanValidationContext {
  /** The load records, by loadId: the truth the legs are checked against. */
  readonly loads: ReadonlyMap<string, Load>;
  /** Border ports by port code (loadBorderPorts). */
  readonly ports: ReadonlyMap<string, BorderPort>;
  readonly distance: DistanceProvider;
  /** Overrides of DEFAULT_CABOTAGE_LIMITS. */
  readonly limits?: Partial<CabotageLimits>;
}

type Place = LatLon & { readonly region: Region };

/** A leg as the rules see it: the load record's facts where the load is known. */
interface CheckedLeg {
  readonly leg: PlannedLeg;
  readonly load: Load | undefined;
  readonly origin: Place;
  readonly dest: Place;
  readonly equipment: string;
  readonly requirements: readonly string[];
  readonly preArranged: boolean;
}

/** One timed stretch of the path: empty to a pickup, or loaded to a delivery. */
interface Segment {
  readonly legIndex: number;
  readonly loaded: boolean;
  readonly from: Place;
  readonly to: Place;
  readonly startAt: Date;
  readonly endAt: Date;
}

const MS_PER_HOUR = 3_600_000;
const ruleOrder = new Map<CabotageRule, number>(CABOTAGE_RULE_CODES.map((rule, i) => [rule, i]));

export function validatePlan(plan: BackhaulPlan, context: PlanValidationContext): PlanViolation[] {
  const limits = resolveCabotageLimits(context.limits);
  requireValidPlan(plan);
  const legsPerLoad = new Map<string, number>();
  for (const truck of plan.trucks) {
    for (const leg of truck.legs) legsPerLoad.set(leg.loadId, (legsPerLoad.get(leg.loadId) ?? 0) + 1);
  }
  return plan.trucks.flatMap((truck) => validateTruck(truck, plan.createdAt, legsPerLoad, context, limits));
}

function validateTruck(
  truck: TruckPlan,
  createdAt: Date,
  legsPerLoad: ReadonlyMap<string, number>,
  context: PlanValidationContext,
  limits: CabotageLimits,
): PlanViolation[] {
  const { distance } = context;
  const slackMs = limits.timeSlackMinutes * 60_000;
  const canadian = truck.domicile === 'CA';
  const legs = truck.legs.map((leg) => checkedLeg(leg, context.loads.get(leg.loadId)));
  const segments = pathSegments(truck, legs);
  // The recorded crossing belongs to the last move from the US into Canada, loaded or empty.
  const crossingAt = segments.findLast((s) => crosses(s.from.region, s.to.region));
  const port = truck.crossing === null ? undefined : context.ports.get(truck.crossing.portCode);

  const byLeg: PlanViolation[][] = legs.map(() => []);
  const truckLevel: PlanViolation[] = [];
  const add = (legIndex: number | null, rule: CabotageRule, message: string): void => {
    const loadId = legIndex === null ? null : (truck.legs[legIndex]?.loadId ?? null);
    const violation = { truckId: truck.truckId, loadId, rule, message };
    if (legIndex === null) truckLevel.push(violation);
    else byLeg[legIndex]?.push(violation);
  };
  const hosHours = (miles: number): number => hoursOfServiceDriveTime(miles, limits.hoursOfService);
  const checkTiming = (segment: Segment, miles: number, what: string): void => {
    const needed = hosHours(miles);
    const allowed = (segment.endAt.getTime() - segment.startAt.getTime()) / MS_PER_HOUR;
    if (allowed * MS_PER_HOUR + slackMs < needed * MS_PER_HOUR) {
      add(
        segment.legIndex,
        'unreachable_in_time',
        `Truck ${truck.truckId} cannot ${what}: ${fmtMiles(miles)} need ${fmtHours(needed)} under hours of service, the plan allows ${fmtHours(allowed)} (${iso(segment.startAt)} → ${iso(segment.endAt)})`,
      );
    }
  };

  let domesticSinceNorthbound = 0;
  legs.forEach((checked, i) => {
    const { leg, load } = checked;
    const name = `Truck ${truck.truckId} leg ${i + 1} (load ${leg.loadId})`;
    const lane = `${checked.origin.region} → ${checked.dest.region}`;
    const empty = segments[2 * i] as Segment;
    const loadedRun = segments[2 * i + 1] as Segment;

    if (load === undefined) {
      add(i, 'unknown_load', `${name}: no such load among the ${context.loads.size} loads given`);
    }
    const times = legsPerLoad.get(leg.loadId) ?? 0;
    if (times > 1)
      add(i, 'load_assigned_twice', `${name}: load ${leg.loadId} is on ${times} legs of the plan`);
    if (load !== undefined) {
      const differences = legDifferences(leg, load);
      if (differences.length > 0) {
        add(i, 'leg_differs_from_load', `${name} does not match the load record: ${differences.join('; ')}`);
      }
    }
    if (checked.equipment !== truck.equipment) {
      add(
        i,
        'equipment_mismatch',
        `${name} needs a ${checked.equipment}; the truck pulls a ${truck.equipment}`,
      );
    }
    const missing = CREDENTIALS.filter(
      (c) => checked.requirements.includes(c) && !truck.credentials.includes(c),
    );
    if (missing.length > 0) {
      add(
        i,
        'missing_credential',
        `${name} requires ${missing.join(', ')}; the truck holds ${truck.credentials.length > 0 ? truck.credentials.join(', ') : 'no credentials'}`,
      );
    }
    if (load !== undefined && (leg.pickupAt < load.pickupEarliest || leg.pickupAt > load.pickupLatest)) {
      add(
        i,
        'pickup_outside_window',
        `${name} is picked up at ${iso(leg.pickupAt)}, outside its window ${iso(load.pickupEarliest)} – ${iso(load.pickupLatest)}`,
      );
    }
    if (load !== undefined && load.deliveryLatest !== null && leg.deliverAt > load.deliveryLatest) {
      add(
        i,
        'delivery_late',
        `${name} is delivered at ${iso(leg.deliverAt)}, after its latest delivery ${iso(load.deliveryLatest)}`,
      );
    }

    const freeAt = empty.startAt;
    const pickupTooEarly = leg.pickupAt.getTime() + slackMs < freeAt.getTime();
    const deliveryBeforePickup = leg.deliverAt.getTime() + slackMs < leg.pickupAt.getTime();
    if (pickupTooEarly) {
      add(
        i,
        'legs_overlap',
        `${name} is picked up at ${iso(leg.pickupAt)}, before the truck is free at ${iso(freeAt)} (${i === 0 ? 'end of its southbound delivery' : `delivery of load ${truck.legs[i - 1]?.loadId}`})`,
      );
    }
    if (deliveryBeforePickup) {
      add(
        i,
        'legs_overlap',
        `${name} is delivered at ${iso(leg.deliverAt)}, before its own pickup at ${iso(leg.pickupAt)}`,
      );
    }
    const deadheadMiles = distance.roadMiles(empty.from, empty.to);
    const loadedMiles = distance.roadMiles(loadedRun.from, loadedRun.to);
    const viaPort = (segment: Segment): number | null =>
      segment === crossingAt && port !== undefined
        ? distance.roadMiles(segment.from, port) + distance.roadMiles(port, segment.to)
        : null;
    if (!pickupTooEarly) {
      const miles = viaPort(empty) ?? deadheadMiles;
      checkTiming(empty, miles, `reach the pickup of load ${leg.loadId} empty`);
    }
    if (!deliveryBeforePickup) {
      const miles = viaPort(loadedRun) ?? loadedMiles;
      checkTiming(loadedRun, miles, `deliver load ${leg.loadId} (${lane})`);
    }

    if (canadian) {
      const from = countryOf(checked.origin.region);
      const to = countryOf(checked.dest.region);
      if (from === 'US' && !checked.preArranged) {
        add(
          i,
          'not_pre_arranged',
          `${name} is picked up in ${checked.origin.region} but was not pre-arranged: a Canadian driver may not solicit freight in the US`,
        );
      }
      if (from === 'CA' && to === 'US') {
        add(
          i,
          'load_not_northbound',
          `${name} runs ${lane}, southbound into the US: a backhaul plan takes the Canadian truck home`,
        );
      }
      if (from === 'US' && to === 'CA') domesticSinceNorthbound = 0;
      if (from === 'US' && to === 'US') {
        domesticSinceNorthbound += 1;
        checkDomesticLeg(i, name, lane, deadheadMiles, domesticSinceNorthbound);
      }
    }
  });

  function checkDomesticLeg(
    i: number,
    name: string,
    lane: string,
    deadheadMiles: number,
    count: number,
  ): void {
    const checked = legs[i] as CheckedLeg;
    const followed = legs.slice(i + 1).some((later) => crosses(later.origin.region, later.dest.region));
    if (!followed) {
      add(
        i,
        'domestic_not_incidental',
        `${name} runs ${lane} inside the US and no US → Canada load follows it in the plan: cabotage for a Canadian truck`,
      );
    }
    const originHome = distance.roadMiles(checked.origin, truck.home);
    const destHome = distance.roadMiles(checked.dest, truck.home);
    if (destHome > originHome + limits.homewardToleranceMiles) {
      add(
        i,
        'domestic_wrong_direction',
        `${name} runs ${lane} away from home (${truck.home.region}): it ends ${fmtMiles(destHome)} from home against ${fmtMiles(originHome)} at pickup, more than ${fmtMiles(limits.homewardToleranceMiles)} farther`,
      );
    }
    if (count > limits.maxDomesticLegsPerNorthboundLoad) {
      add(
        i,
        'empty_repositioning_for_us_customer',
        `${name} is domestic move ${count} before the next northbound load; at most ${limits.maxDomesticLegsPerNorthboundLoad} is incidental`,
      );
    }
    const empty = segments[2 * i] as Segment;
    if (countryOf(empty.from.region) === 'CA') {
      add(
        i,
        'empty_repositioning_for_us_customer',
        `${name}: the truck runs empty from ${empty.from.region} into the US to serve a US-domestic load`,
      );
    } else if (deadheadMiles > limits.maxDomesticDeadheadMiles) {
      add(
        i,
        'empty_repositioning_for_us_customer',
        `${name}: the truck runs ${fmtMiles(deadheadMiles)} empty to a US-domestic pickup, more than the ${fmtMiles(limits.maxDomesticDeadheadMiles)} allowed`,
      );
    }
  }

  // Crossings: the recorded one belongs to the last northbound move; earlier loaded ones cannot be recorded.
  segments.forEach((segment) => {
    if (segment === crossingAt || !segment.loaded || !crosses(segment.from.region, segment.to.region)) return;
    add(
      segment.legIndex,
      'missing_crossing',
      `Truck ${truck.truckId} crosses into Canada with load ${truck.legs[segment.legIndex]?.loadId}, but the plan records only its last northbound crossing`,
    );
  });
  const crossingLeg = crossingAt === undefined ? null : crossingAt.legIndex;
  const planEndsInCanada =
    legs.length > 0 && countryOf((legs[legs.length - 1] as CheckedLeg).dest.region) === 'CA';
  const crossing = truck.crossing;
  if (crossing === null) {
    if (crossingAt !== undefined && (crossingAt.loaded || planEndsInCanada)) {
      add(
        crossingLeg,
        'missing_crossing',
        `Truck ${truck.truckId} enters Canada ${crossingAt.loaded ? `with load ${truck.legs[crossingAt.legIndex]?.loadId}` : `empty to load ${truck.legs[crossingAt.legIndex]?.loadId}`} (${crossingAt.from.region} → ${crossingAt.to.region}) but the plan records no border crossing or eManifest deadline`,
      );
    }
  } else {
    const where = `Truck ${truck.truckId} crossing at port ${crossing.portCode} "${crossing.portName}"`;
    if (port === undefined) {
      add(crossingLeg, 'unknown_port', `${where}: no such port code among the ${context.ports.size} ports`);
    } else {
      if (crossing.portName !== port.portName && crossing.portName !== port.crossingName) {
        add(crossingLeg, 'unknown_port', `${where}: port ${port.portCode} is "${port.portName}"`);
      }
      if (!port.handlesTrucks) {
        add(
          crossingLeg,
          'port_without_truck_traffic',
          `${where}: the port handled ${port.trucksInbound2018 === null ? 'no recorded' : 'no'} trucks in 2018`,
        );
      }
      if (crossingAt !== undefined) {
        const toPort = { ...crossingAt, endAt: crossing.arriveAt };
        const fromPort = { ...crossingAt, startAt: crossing.arriveAt };
        checkTiming(
          toPort,
          distance.roadMiles(crossingAt.from, port),
          `reach the border at ${port.portName}`,
        );
        checkTiming(
          fromPort,
          distance.roadMiles(port, crossingAt.to),
          `get from the border at ${port.portName} to ${crossingAt.loaded ? 'the delivery' : 'the pickup'}`,
        );
      }
    }
    const leadHours = (crossing.arriveAt.getTime() - crossing.emanifestDeadline.getTime()) / MS_PER_HOUR;
    if (leadHours < limits.emanifestLeadHours) {
      add(
        crossingLeg,
        'emanifest_late',
        `${where}: the eManifest deadline ${iso(crossing.emanifestDeadline)} is ${fmtHours(leadHours)} before arrival at ${iso(crossing.arriveAt)}; CBSA needs at least ${fmtHours(limits.emanifestLeadHours)}`,
      );
    }
    if (crossing.emanifestDeadline < createdAt) {
      add(
        crossingLeg,
        'emanifest_late',
        `${where}: the eManifest deadline ${iso(crossing.emanifestDeadline)} had passed when the plan was created at ${iso(createdAt)}`,
      );
    }
  }

  const ordered = byLeg.flatMap((list) =>
    [...list].sort((a, b) => (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0)),
  );
  return [...ordered, ...truckLevel];
}

function checkedLeg(leg: PlannedLeg, load: Load | undefined): CheckedLeg {
  return {
    leg,
    load,
    origin: load?.origin ?? leg.origin,
    dest: load?.dest ?? leg.dest,
    equipment: load?.equipment ?? leg.equipment,
    requirements: (load?.requirements ?? leg.requirements).map((r) => r.toLowerCase()),
    preArranged: load?.preArranged ?? leg.preArranged,
  };
}

function pathSegments(truck: TruckPlan, legs: readonly CheckedLeg[]): Segment[] {
  const segments: Segment[] = [];
  let from: Place = truck.start;
  let freeAt = truck.start.at;
  legs.forEach((checked, legIndex) => {
    const { pickupAt, deliverAt } = checked.leg;
    segments.push({ legIndex, loaded: false, from, to: checked.origin, startAt: freeAt, endAt: pickupAt });
    segments.push({
      legIndex,
      loaded: true,
      from: checked.origin,
      to: checked.dest,
      startAt: pickupAt,
      endAt: deliverAt,
    });
    from = checked.dest;
    freeAt = deliverAt;
  });
  return segments;
}

const crosses = (from: Region, to: Region): boolean => countryOf(from) === 'US' && countryOf(to) === 'CA';

const iso = (date: Date): string => date.toISOString().replace(':00.000Z', 'Z');
const fmtMiles = (miles: number): string => `${miles.toFixed(1)} mi`;
const fmtHours = (hours: number): string => `${hours.toFixed(2)} h`;
