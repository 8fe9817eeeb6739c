/**
 * The backhaul plan: what the planner (DESIGN.md §3.6) emits and the independent validator
 * (src/compliance/validate-plan.ts, §3.8) re-checks from scratch. Plain data — dates, numbers, strings —
 * so the CLI can print it and JSON it without adapters.
 */
import type { Equipment } from './equipment.ts';
import type { LatLon } from './geo.ts';
import type { Country, Region } from './regions.ts';
import type { Credential } from './truck.ts';

/** One loaded move of a truck, in plan order. */
export interface PlannedLeg {
  readonly loadId: string;
  readonly origin: LatLon & { readonly region: Region };
  readonly dest: LatLon & { readonly region: Region };
  /** Planned pickup instant (inside the load's pickup window). */
  readonly pickupAt: Date;
  /** Planned arrival at dest. */
  readonly deliverAt: Date;
  /** Empty miles driven to reach this pickup (reporting; the validator recomputes distances itself). */
  readonly deadheadMiles: number;
  /** Agreed before the truck entered the US: a foreign driver may not solicit freight in the US. */
  readonly preArranged: boolean;
  /** e.g. hazmat, fast, bonded, twic (lower case, as the load file gives them). */
  readonly requirements: readonly string[];
  readonly equipment: Equipment;
}

/** The northbound border crossing and its ACI eManifest deadline. */
export interface BorderCrossing {
  readonly portCode: string;
  readonly portName: string;
  /** Planned arrival at the Canadian border. */
  readonly arriveAt: Date;
  /** Latest instant the eManifest may be transmitted: at least 1 h before arriveAt. */
  readonly emanifestDeadline: Date;
}

export interface TruckPlan {
  readonly truckId: string;
  readonly domicile: Country;
  readonly equipment: Equipment;
  readonly credentials: readonly Credential[];
  /** Where and when the southbound delivery ended: the truck is free from here. */
  readonly start: LatLon & { readonly region: Region; readonly at: Date };
  readonly home: LatLon & { readonly region: Region };
  /** Loaded moves in order; empty = drive home empty. */
  readonly legs: readonly PlannedLeg[];
  /** The northbound crossing, when the plan ends in Canada. */
  readonly crossing: BorderCrossing | null;
}

export interface BackhaulPlan {
  readonly trucks: readonly TruckPlan[];
  readonly createdAt: Date;
}

/**
 * The closed set of rules a plan is checked against, in the order the validator reports them for one
 * leg (crossing rules follow the leg the crossing happens on). What each means, and the law or
 * practice behind it, is in src/compliance/cabotage-rules.ts, keyed by this type so a code without
 * documentation fails to compile.
 */
export const CABOTAGE_RULE_CODES = [
  'unknown_load',
  'load_assigned_twice',
  'leg_differs_from_load',
  'equipment_mismatch',
  'missing_credential',
  'pickup_outside_window',
  'delivery_late',
  'legs_overlap',
  'unreachable_in_time',
  'not_pre_arranged',
  'load_not_northbound',
  'domestic_not_incidental',
  'domestic_wrong_direction',
  'empty_repositioning_for_us_customer',
  'missing_crossing',
  'unknown_port',
  'port_without_truck_traffic',
  'emanifest_late',
] as const;
export type CabotageRule = (typeof CABOTAGE_RULE_CODES)[number];

/** One broken rule; loadId is null for a truck-level problem not tied to a leg. */
export interface PlanViolation {
  readonly truckId: string;
  readonly loadId: string | null;
  readonly rule: CabotageRule;
  readonly message: string;
}
