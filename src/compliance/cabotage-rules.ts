/**
 * The rules a backhaul plan is validated against (DESIGN.md §3.8), as data: what each code means, whom
 * it applies to and why, plus the configurable limits. validatePlan implements them; this file is what a
 * carrier's compliance officer reads, and the CLI can print it.
 *
 * Legal background (US side). A Canadian truck in the US is an "instrument of international traffic"
 * (19 U.S.C. 1322). 19 CFR 123.14(c), as amended by T.D. 99-10 (1999), lets it carry merchandise between
 * two US points only when that move is incidental to its immediately prior or subsequent international
 * move; a move in the general direction of an export move, or part of the truck's return to its base
 * country, counts as incidental. Drivers are admitted as B-1 visitors and may not solicit US freight.
 * Where the law leaves room (how many domestic moves, how far empty to reach one, how "general" the
 * direction), the product takes a conservative, documented default.
 *
 * Classification of a Canadian truck's leg by countries (origin → dest):
 *   US → CA  northbound cross-border: always allowed (the point of a backhaul).
 *   US → US  domestic: allowed only when incidental (rules domestic_* and empty_repositioning_*).
 *   CA → CA  Canadian domestic: the truck's home country, allowed.
 *   CA → US  southbound: international and lawful, but it takes the truck away from home — not a
 *            backhaul, so a backhaul plan may not contain it (load_not_northbound).
 *
 * Assumption: a US-domiciled truck is not subject to these cabotage rules (it is home in the US). Canada's
 * own cabotage rule for foreign trucks moving goods between two Canadian points is not checked.
 */
import type { CabotageRule } from '../domain/backhaul-plan.ts';
import { NorthboundError } from '../domain/errors.ts';
import { DEFAULT_HOURS_OF_SERVICE, type HoursOfServiceRules } from './hours-of-service-drive-time.ts';
import { ACI_HIGHWAY_LEAD_HOURS } from './emanifest-deadline.ts';

export interface CabotageRuleDoc {
  /** 'canadian_truck': only Canadian-domiciled trucks; 'every_truck': any plan. */
  readonly appliesTo: 'canadian_truck' | 'every_truck';
  readonly summary: string;
  readonly basis: string;
}

export const CABOTAGE_RULES: Readonly<Record<CabotageRule, CabotageRuleDoc>> = {
  unknown_load: {
    appliesTo: 'every_truck',
    summary: 'A leg names a load the validator was not given, so nothing about it can be checked.',
    basis: 'Plan integrity: every leg must be a known load offer.',
  },
  load_assigned_twice: {
    appliesTo: 'every_truck',
    summary: 'The same load appears on more than one leg (of one truck or of several).',
    basis: 'Plan integrity: a load is hauled once.',
  },
  leg_differs_from_load: {
    appliesTo: 'every_truck',
    summary:
      "A leg's origin, destination, equipment, requirements or pre-arranged flag differ from the load " +
      'record; the other rules are judged on the load record, not on the copy in the leg.',
    basis: 'Plan integrity: the validator trusts the load, not the planner.',
  },
  equipment_mismatch: {
    appliesTo: 'every_truck',
    summary: "The load's equipment is not the truck's trailer type.",
    basis: 'DESIGN.md §3.6 feasible arcs.',
  },
  missing_credential: {
    appliesTo: 'every_truck',
    summary:
      'The load requires hazmat, fast, bonded or twic and the truck lacks it. Other requirement words ' +
      '(e.g. "tarps") are not credentials and are not checked.',
    basis: 'DESIGN.md §3.6: credentials FAST/C-TPAT, bonded, hazmat (and TWIC for port access).',
  },
  pickup_outside_window: {
    appliesTo: 'every_truck',
    summary: 'The planned pickup is not inside [pickupEarliest, pickupLatest] of the load.',
    basis: 'DESIGN.md §3.6: reachable inside the pickup window.',
  },
  delivery_late: {
    appliesTo: 'every_truck',
    summary: 'The planned delivery is after the load’s deliveryLatest.',
    basis: 'DESIGN.md §3.6: delivery window.',
  },
  legs_overlap: {
    appliesTo: 'every_truck',
    summary:
      "The timeline runs backwards: a pickup before the truck is free (the plan's start, or the previous " +
      'delivery), or a delivery before its own pickup.',
    basis: 'A truck does one thing at a time.',
  },
  unreachable_in_time: {
    appliesTo: 'every_truck',
    summary:
      'Not enough time between two events to drive the miles between them under hours of service ' +
      '(hoursOfServiceDriveTime: 50 mph, 11 h driving then 10 h rest): empty to a pickup, loaded to a ' +
      'delivery, or to and from the border port of the crossing.',
    basis: 'FMCSA 49 CFR 395.3; DESIGN.md §3.6.',
  },
  not_pre_arranged: {
    appliesTo: 'canadian_truck',
    summary: 'A load picked up in the US was not arranged before the truck entered the US.',
    basis: 'B-1 admission of foreign drivers: a driver may not solicit freight in the US (DESIGN.md §3.8).',
  },
  load_not_northbound: {
    appliesTo: 'canadian_truck',
    summary:
      'A Canada → US (southbound) load in a backhaul plan. US → US legs are judged by the domestic rules ' +
      'instead, so with them the set is closed: every leg is northbound, Canadian domestic, an allowed ' +
      'incidental domestic leg, or a violation.',
    basis: 'Product rule: a backhaul plan takes the truck home.',
  },
  domestic_not_incidental: {
    appliesTo: 'canadian_truck',
    summary:
      'A US → US load not followed later in the same plan by a US → Canada load: the last leg, or ' +
      'followed only by more domestic legs. That is cabotage.',
    basis: '19 CFR 123.14(c) (T.D. 99-10): domestic moves only incidental to an international move.',
  },
  domestic_wrong_direction: {
    appliesTo: 'canadian_truck',
    summary:
      "A US → US load whose destination is farther from the truck's home (road miles) than its origin, " +
      'by more than homewardToleranceMiles (default 50 mi, for road geometry around a metro).',
    basis: '19 CFR 123.14(c): "in the general direction of" the return to the base country.',
  },
  empty_repositioning_for_us_customer: {
    appliesTo: 'canadian_truck',
    summary:
      'Deadheading to serve US customers: a second US → US load before the next northbound load (one ' +
      'incidental domestic move only), an empty run of more than maxDomesticDeadheadMiles (default ' +
      '100 mi) to a domestic pickup, or an empty run from Canada into the US to a domestic pickup.',
    basis:
      'DESIGN.md §3.8: no empty repositioning of a foreign trailer to serve US customers; the one-move ' +
      'and 100 mi limits are the product’s conservative reading of "incidental".',
  },
  missing_crossing: {
    appliesTo: 'every_truck',
    summary:
      'The truck enters Canada during the plan and ends there, but the plan records no border crossing ' +
      '(port and eManifest deadline); or an earlier loaded northbound crossing the plan cannot record.',
    basis: 'CBSA ACI eManifest: every loaded highway entry is pre-reported at a named port.',
  },
  unknown_port: {
    appliesTo: 'every_truck',
    summary: 'The crossing names a port code not in the port list, or a name that is not that port’s.',
    basis: 'data/border-ports.csv (Schedule D codes).',
  },
  port_without_truck_traffic: {
    appliesTo: 'every_truck',
    summary: 'The crossing uses a port that handled no trucks in 2018 (ferry or passenger-only crossings).',
    basis: 'BTS/CBP Border Crossing Entry Data 2018.',
  },
  emanifest_late: {
    appliesTo: 'every_truck',
    summary:
      'The eManifest deadline is less than emanifestLeadHours (default 1 h) before the border arrival, ' +
      'or it had already passed when the plan was created.',
    basis: 'CBSA: cargo and conveyance data validated at least 1 h before arrival (highway carriers).',
  },
};

export interface CabotageLimits {
  /** A domestic leg may end at most this many road miles farther from home than it starts. */
  readonly homewardToleranceMiles: number;
  /** Longest empty run to a domestic (US → US) pickup. */
  readonly maxDomesticDeadheadMiles: number;
  /** Domestic legs allowed before each northbound load. */
  readonly maxDomesticLegsPerNorthboundLoad: number;
  /** Hours the eManifest must be validated before the border arrival. */
  readonly emanifestLeadHours: number;
  readonly hoursOfService: HoursOfServiceRules;
  /** Timing comparisons forgive this much, so a planner's rounding to the minute is not a violation. */
  readonly timeSlackMinutes: number;
}

export const DEFAULT_CABOTAGE_LIMITS: CabotageLimits = {
  homewardToleranceMiles: 50,
  maxDomesticDeadheadMiles: 100,
  maxDomesticLegsPerNorthboundLoad: 1,
  emanifestLeadHours: ACI_HIGHWAY_LEAD_HOURS,
  hoursOfService: DEFAULT_HOURS_OF_SERVICE,
  timeSlackMinutes: 1,
};

/** The defaults with `overrides` applied, each limit checked. */
export function resolveCabotageLimits(overrides: Partial<CabotageLimits> | undefined): CabotageLimits {
  const limits: CabotageLimits = { ...DEFAULT_CABOTAGE_LIMITS, ...overrides };
  const checks: [keyof CabotageLimits, number, boolean][] = [
    ['homewardToleranceMiles', limits.homewardToleranceMiles, limits.homewardToleranceMiles >= 0],
    ['maxDomesticDeadheadMiles', limits.maxDomesticDeadheadMiles, limits.maxDomesticDeadheadMiles >= 0],
    [
      'maxDomesticLegsPerNorthboundLoad',
      limits.maxDomesticLegsPerNorthboundLoad,
      Number.isInteger(limits.maxDomesticLegsPerNorthboundLoad) &&
        limits.maxDomesticLegsPerNorthboundLoad >= 0,
    ],
    ['emanifestLeadHours', limits.emanifestLeadHours, limits.emanifestLeadHours >= ACI_HIGHWAY_LEAD_HOURS],
    ['timeSlackMinutes', limits.timeSlackMinutes, limits.timeSlackMinutes >= 0],
  ];
  for (const [name, value, ok] of checks) {
    if (!(Number.isFinite(value) && ok)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot validate the plan: limit ${name} is out of range, saw ${value}`,
        { [name]: value },
      );
    }
  }
  return limits;
}
