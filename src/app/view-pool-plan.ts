/**
 * What a viewer may see of a pool's plan (DESIGN.md §3.7 privacy). The broker sees the whole plan.
 * A partner sees its own lanes (with its own cost and rate), its own allocation, and pool aggregates —
 * totals over everyone, never broken down by another partner: no other partner's id, name, lanes,
 * places, volumes or money, and not the empty moves (each one is a place where someone's lanes end or
 * start). Whether the split is in the core is an aggregate (yes/no); the violating coalitions, which
 * name partners, are the broker's.
 *
 * The projection builds the partner view field by field from an explicit list rather than deleting
 * fields from the broker's: a field added to PoolPlan later stays private until it is listed here.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { Lane } from '../domain/lane.ts';
import type { PartnerShare, PoolPlan } from './plan-pool.ts';
import type { PoolViewer } from './pool-store.ts';

export interface PoolAggregates {
  readonly partners: number;
  readonly lanes: number;
  readonly loadsPerWeek: number;
  readonly pooledCost: number;
  readonly standaloneTotal: number;
  readonly savings: number;
  readonly savingsShare: number;
  readonly loadedMilesPerWeek: number;
  readonly emptyMilesPerWeek: number;
  readonly standaloneEmptyMilesPerWeek: number;
  /** null when the pool was too large to check every coalition. */
  readonly allocationInCore: boolean | null;
}

/** The time-limited plan as totals, and only the partner's own lanes that fit no cycle. */
export interface PartnerTimeLimit {
  readonly maxCycleDays: number;
  readonly heuristicCost: number;
  readonly lowerBound: number;
  readonly gap: number;
  readonly gapShare: number;
  readonly cycles: number;
  readonly ownInfeasibleLanes: readonly { readonly laneId: string; readonly outAndBackDays: number }[];
}

export interface PartnerPoolView {
  readonly role: 'partner';
  readonly method: PoolPlan['method'];
  readonly how: string;
  readonly costPerMile: number;
  readonly partner: PartnerShare;
  readonly lanes: readonly Lane[];
  readonly pool: PoolAggregates;
  readonly timeLimited: PartnerTimeLimit | null;
}

export interface BrokerPoolView extends PoolPlan {
  readonly role: 'broker';
  readonly pool: PoolAggregates;
}

export type PoolPlanView = BrokerPoolView | PartnerPoolView;

function aggregatesOf(plan: PoolPlan): PoolAggregates {
  return {
    partners: plan.partners.length,
    lanes: plan.lanes.length,
    loadsPerWeek: plan.lanes.reduce((sum, lane) => sum + lane.loadsPerWeek, 0),
    pooledCost: plan.pooledCost,
    standaloneTotal: plan.standaloneTotal,
    savings: plan.savings,
    savingsShare: plan.savingsShare,
    loadedMilesPerWeek: plan.loadedMilesPerWeek,
    emptyMilesPerWeek: plan.emptyMilesPerWeek,
    standaloneEmptyMilesPerWeek: plan.standaloneEmptyMilesPerWeek,
    allocationInCore: plan.coreViolations === null ? null : plan.coreViolations.length === 0,
  };
}

/**
 * `ownLanes` is the partner's lanes as the store's partner-filtered read returned them (the store is the
 * first fence); they are filtered again here (the second).
 */
export function viewPoolPlan(plan: PoolPlan, viewer: PoolViewer, ownLanes: readonly Lane[]): PoolPlanView {
  if (viewer.role === 'broker') return { ...plan, role: 'broker', pool: aggregatesOf(plan) };
  const partner = plan.partners.find((share) => share.partnerId === viewer.partnerId);
  if (partner === undefined) {
    // Not "you have no lanes in pool X": the message must not confirm who else is in the pool.
    throw new NorthboundError('not_found', `Partner ${viewer.partnerId} has no lanes in this pool`, {
      partnerId: viewer.partnerId,
    });
  }
  return {
    role: 'partner',
    method: plan.method,
    how: plan.how,
    costPerMile: plan.costPerMile,
    partner,
    lanes: ownLanes.filter((lane) => lane.partnerId === viewer.partnerId),
    pool: aggregatesOf(plan),
    timeLimited:
      plan.timeLimited === null
        ? null
        : {
            maxCycleDays: plan.timeLimited.maxCycleDays,
            heuristicCost: plan.timeLimited.totalCost,
            lowerBound: plan.timeLimited.lowerBound,
            gap: plan.timeLimited.gap,
            gapShare: plan.timeLimited.gapShare,
            cycles: plan.timeLimited.cycles.length,
            ownInfeasibleLanes: plan.timeLimited.infeasibleLanes
              .filter((lane) => lane.partnerId === viewer.partnerId)
              .map((lane) => ({ laneId: lane.laneId, outAndBackDays: lane.outAndBackDays })),
          },
  };
}
