/**
 * Which truck takes which load (DESIGN.md §1 step 6, §3.6, §3.8): candidate arcs, an exact solve, and the
 * plan the validator re-checks — legs with pickup and delivery instants, the border port and ACI eManifest
 * deadline of each northbound crossing — with every truck's value against driving home empty, in USD and
 * CAD, and the totals a planner reads: matched share, empty miles saved, value.
 *
 * Without chains the matching is one sparse assignment (trucks × loads, unmatched = drive home empty at
 * value 0) and its dual solution is checked independently (checkAssignmentCertificate): the check's
 * result ships with the plan. With chains (options.chains) backhaul-chains.ts solves it by branch and
 * bound, and its bound ships instead.
 */
import type { BackhaulPlan, PlannedLeg, TruckPlan } from '../domain/backhaul-plan.ts';
import type { BorderPort } from '../domain/border-port.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { Load } from '../domain/load.ts';
import { emanifestDeadline } from '../compliance/emanifest-deadline.ts';
import { solveBackhaulChains, type BackhaulChainLimits, type TruckChoice } from './backhaul-chains.ts';
import {
  buildBackhaulCandidates,
  type ArcExclusion,
  type AvailableTruck,
  type BackhaulCandidates,
} from './backhaul-candidates.ts';
import type { LoadRoutes } from './backhaul-load-routes.ts';
import { resolveBackhaulOptions, type BackhaulOptions } from './backhaul-options.ts';
import { checkAssignmentCertificate } from './check-assignment-certificate.ts';
import { solveAssignment } from './solve-assignment.ts';

export interface BackhaulPlanInput {
  readonly trucks: readonly AvailableTruck[];
  readonly loads: readonly Load[];
  /** Border ports (loadBorderPorts) for the northbound crossings. */
  readonly ports: readonly BorderPort[];
  /** When the plan is made: the plan's createdAt; nothing is scheduled before it. */
  readonly createdAt: Date;
}

/** One truck's recommendation, against the status quo of driving home empty. */
export interface BackhaulRecommendation {
  readonly truckId: string;
  /** Loads in order; empty = drive home empty. */
  readonly loadIds: readonly string[];
  readonly valueUsd: number;
  readonly valueCad: number;
  /** Empty miles driving straight home from where the truck stands. */
  readonly emptyMilesHome: number;
  /** Empty miles under the plan: to each pickup, then home from the last delivery. */
  readonly emptyMilesPlanned: number;
}

export interface BackhaulPlanTotals {
  readonly trucks: number;
  readonly matched: number;
  /** matched ÷ trucks (0 without trucks). */
  readonly matchedShare: number;
  readonly emptyMilesHome: number;
  readonly emptyMilesPlanned: number;
  /** emptyMilesHome − emptyMilesPlanned. */
  readonly emptyMilesSaved: number;
  readonly valueUsd: number;
  readonly valueCad: number;
}

/** Why the plan is the best there is. */
export type BackhaulOptimalityProof =
  | {
      readonly method: 'assignment_duals';
      /** checkAssignmentCertificate on the solved problem. */
      readonly ok: boolean;
      readonly violations: readonly string[];
    }
  | {
      readonly method: 'branch_and_bound';
      readonly status: 'optimal' | 'node_limit';
      /** No plan is worth more (USD); equals totals.valueUsd when optimal. */
      readonly boundUsd: number;
      readonly nodes: number;
      /** Every relaxation's dual certificate checked out. */
      readonly ok: boolean;
    };

export interface BackhaulPlanResult {
  readonly plan: BackhaulPlan;
  /** Per truck, in input order. */
  readonly recommendations: readonly BackhaulRecommendation[];
  readonly totals: BackhaulPlanTotals;
  readonly proof: BackhaulOptimalityProof;
  readonly candidates: {
    readonly arcs: number;
    readonly examined: number;
    readonly excluded: Readonly<Record<ArcExclusion, number>>;
  };
}

export function planBackhauls(
  input: BackhaulPlanInput,
  overrides: Partial<BackhaulOptions> = {},
  limits: BackhaulChainLimits = {},
): BackhaulPlanResult {
  const options = resolveBackhaulOptions(overrides);
  const base = { trucks: input.trucks, loads: input.loads, ports: input.ports, plannedAt: input.createdAt };
  let choices: readonly TruckChoice[];
  let candidates: BackhaulCandidates;
  let proof: BackhaulOptimalityProof;
  if (options.chains) {
    const chains = solveBackhaulChains(base, overrides, limits);
    ({ choices } = chains);
    candidates = chains.candidates.direct;
    proof = {
      method: 'branch_and_bound',
      status: chains.status,
      boundUsd: chains.boundCents / 100,
      nodes: chains.nodes,
      ok: chains.certificatesOk,
    };
  } else {
    candidates = buildBackhaulCandidates(base, overrides);
    const solution = solveAssignment(candidates.problem);
    if (solution.status !== 'optimal') {
      // Every truck may go home empty, so the assignment is always feasible.
      throw new NorthboundError('internal', 'Cannot plan backhauls: the assignment came back infeasible');
    }
    const check = checkAssignmentCertificate(candidates.problem, solution);
    proof = { method: 'assignment_duals', ok: check.ok, violations: check.violations };
    choices = assignmentChoices(candidates, solution.rowToCol);
  }

  const leadHours = options.cabotageLimits.emanifestLeadHours;
  const trucks: TruckPlan[] = [];
  const recommendations: BackhaulRecommendation[] = [];
  let [matched, emptyMilesHome, emptyMilesPlanned, valueCents] = [0, 0, 0, 0];
  input.trucks.forEach((row, i) => {
    const choice = choices[i]!;
    const legs = choice.legs.map((leg) => plannedLeg(input.loads[leg.load]!, leg, candidates.routes));
    const last = choice.legs[choice.legs.length - 1];
    const port = last === undefined ? null : candidates.routes.crossing(last.load);
    const arriveAt =
      last === undefined ? NaN : candidates.routes.loadedRun(last.load, last.pickupAtMs).arriveAtMs;
    const { truck, position } = row;
    trucks.push({
      truckId: truck.truckId,
      domicile: truck.domicile,
      equipment: truck.equipment,
      credentials: truck.credentials,
      start: { lat: position.lat, lon: position.lon, region: position.region, at: row.availableAt },
      home: { lat: truck.home.lat, lon: truck.home.lon, region: truck.homeRegion },
      legs,
      crossing:
        port === null
          ? null
          : {
              portCode: port.port.portCode,
              portName: port.port.portName,
              arriveAt: new Date(arriveAt),
              emanifestDeadline: emanifestDeadline(new Date(arriveAt), leadHours),
            },
    });
    const home = candidates.emptyHomeMiles[i]!;
    const planned = choice.legs.reduce((sum, leg) => sum + leg.deadheadMiles, 0) + choice.homeMiles;
    recommendations.push({
      truckId: truck.truckId,
      loadIds: legs.map((leg) => leg.loadId),
      valueUsd: choice.valueCents / 100,
      valueCad: (choice.valueCents / 100) * options.cadPerUsd,
      emptyMilesHome: home,
      emptyMilesPlanned: planned,
    });
    if (legs.length > 0) matched++;
    emptyMilesHome += home;
    emptyMilesPlanned += planned;
    valueCents += choice.valueCents;
  });
  const count = input.trucks.length;
  return {
    plan: { trucks, createdAt: input.createdAt },
    recommendations,
    totals: {
      trucks: count,
      matched,
      matchedShare: count === 0 ? 0 : matched / count,
      emptyMilesHome,
      emptyMilesPlanned,
      emptyMilesSaved: emptyMilesHome - emptyMilesPlanned,
      valueUsd: valueCents / 100,
      valueCad: (valueCents / 100) * options.cadPerUsd,
    },
    proof,
    candidates: {
      arcs: candidates.problem.colIndex.length,
      examined: candidates.examined,
      excluded: candidates.excluded,
    },
  };
}

/** Each truck's matched arc (the cheapest if a column repeats in its row) or home. */
function assignmentChoices(candidates: BackhaulCandidates, rowToCol: Int32Array): TruckChoice[] {
  const { rowStart, colIndex, cost } = candidates.problem;
  return Array.from(rowToCol, (n, i) => {
    if (n < 0) return { legs: [], valueCents: 0, homeMiles: candidates.emptyHomeMiles[i]! };
    let arc = -1;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      if (colIndex[p] === n && (arc < 0 || cost[p]! < cost[arc]!)) arc = p;
    }
    const { pickupAtMs, deadheadMiles, homeMiles } = candidates.arcFacts(arc);
    return { legs: [{ load: n, pickupAtMs, deadheadMiles }], valueCents: -cost[arc]!, homeMiles };
  });
}

function plannedLeg(load: Load, leg: TruckChoice['legs'][number], routes: LoadRoutes): PlannedLeg {
  const { origin, dest } = load;
  return {
    loadId: load.loadId,
    origin: { lat: origin.lat, lon: origin.lon, region: origin.region },
    dest: { lat: dest.lat, lon: dest.lon, region: dest.region },
    pickupAt: new Date(leg.pickupAtMs),
    deliverAt: new Date(routes.loadedRun(leg.load, leg.pickupAtMs).deliverAtMs),
    deadheadMiles: leg.deadheadMiles,
    preArranged: load.preArranged,
    requirements: load.requirements,
    equipment: load.equipment,
  };
}
