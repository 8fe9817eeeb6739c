/**
 * Use case: the pool's plan as the broker (the neutral trustee) computes it — `northbound pool plan`
 * (DESIGN.md §3.7). Every partner's lanes go into one lane covering (the pooled fleet circulation);
 * each partner's own covering is its stand-alone cost; the chosen method splits the pooled cost; the
 * core check names any coalition the split overcharges. The result holds every partner's lanes and
 * money: it is never returned to a partner as is — viewPoolPlan projects it for the viewer.
 */
import type { CoalitionCostOf } from '../collab/coalition-cost.ts';
import { coalitionCost } from '../collab/coalition-cost.ts';
import { coreViolations, type CoreViolation } from '../collab/core-check.ts';
import { coverLanes, type CoverLanesOptions } from '../collab/cover-lanes.ts';
import type { SolveLinearProgram } from '../collab/linear-program.ts';
import { MAX_EXACT_PARTNERS } from '../collab/shapley.ts';
import { timeLimitedCover, type TimeLimitedCovering } from '../collab/time-limited-cover.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { Equipment } from '../domain/equipment.ts';
import type { TenantId } from '../domain/ids.ts';
import type { Lane } from '../domain/lane.ts';
import { allocatePoolCost, type AllocationMethod } from './allocate-pool-cost.ts';
import { poolLanesOf } from './pool-lanes-of.ts';
import { BROKER } from './pool-store.ts';
import type { Store } from './ports.ts';

export interface PlanPoolInput {
  readonly tenantId: TenantId;
  readonly method: AllocationMethod;
  readonly costPerMile: number;
  readonly roadFactor?: number | undefined;
  readonly samples?: number | undefined;
  readonly seed?: number | undefined;
  /** Also plan truck cycles of at most this many days (heuristic, with the unconstrained optimum as bound). */
  readonly maxCycleDays?: number | undefined;
}

export interface PartnerShare {
  readonly partnerId: string;
  readonly name: string | null;
  readonly lanes: number;
  readonly loadsPerWeek: number;
  /** What the partner's lanes cost per week covered by its own fleet alone. */
  readonly standaloneCost: number;
  readonly allocatedCost: number;
  /** standaloneCost − allocatedCost. */
  readonly savings: number;
  /** savings ÷ standaloneCost (0 when it has no cost). */
  readonly savingsShare: number;
  readonly interval: { readonly low: number; readonly high: number } | null;
}

export interface PoolEmptyMove {
  readonly equipment: Equipment;
  readonly from: string;
  readonly to: string;
  readonly trucksPerWeek: number;
  readonly miles: number;
}

export interface PoolPlan {
  readonly method: AllocationMethod;
  readonly how: string;
  readonly costPerMile: number;
  readonly partners: readonly PartnerShare[];
  readonly lanes: readonly Lane[];
  readonly pooledCost: number;
  readonly standaloneTotal: number;
  readonly savings: number;
  readonly savingsShare: number;
  readonly loadedMilesPerWeek: number;
  readonly emptyMilesPerWeek: number;
  /** Σ of the partners' own coverings' empty miles: what pooling is measured against. */
  readonly standaloneEmptyMilesPerWeek: number;
  readonly emptyMoves: readonly PoolEmptyMove[];
  /** null when the pool is too large to enumerate its coalitions (> MAX_EXACT_PARTNERS). */
  readonly coreViolations: readonly CoreViolation[] | null;
  /**
   * With maxCycleDays: the heuristic's cycles and cost beside the unconstrained optimum (its lower bound).
   * Allocations stay on the unconstrained game: the heuristic's cost of a coalition is not a game value.
   */
  readonly timeLimited: TimeLimitedCovering | null;
}

export interface PlanPoolDeps {
  readonly store: Store;
  readonly linearProgramSolver: () => Promise<SolveLinearProgram>;
}

/** Coalition costs by member list: each coalition's covering is solved once per plan. */
function memoised(costOf: CoalitionCostOf): CoalitionCostOf {
  const memo = new Map<string, number>();
  return (coalition) => {
    const key = [...coalition].sort().join('\u0000');
    let cost = memo.get(key);
    if (cost === undefined) {
      cost = costOf(coalition);
      memo.set(key, cost);
    }
    return cost;
  };
}

/** Place keys → "City, RG" in the cycles and their empty moves. */
function labelCycles(covering: TimeLimitedCovering, label: (key: string) => string): TimeLimitedCovering {
  return {
    ...covering,
    emptyMoves: covering.emptyMoves.map((move) => ({ ...move, from: label(move.from), to: label(move.to) })),
    cycles: covering.cycles.map((cycle) => ({
      ...cycle,
      legs: cycle.legs.map((leg) => ({ ...leg, from: label(leg.from), to: label(leg.to) })),
    })),
  };
}

export async function planPool(deps: PlanPoolDeps, input: PlanPoolInput): Promise<PoolPlan> {
  const lanes = await deps.store.pool.lanes(input.tenantId, BROKER);
  if (lanes.length === 0) {
    throw new NorthboundError(
      'not_found',
      `Cannot plan the pool of ${input.tenantId}: no lanes imported (northbound pool import lanes.csv)`,
      { tenantId: input.tenantId },
    );
  }
  const cover: CoverLanesOptions = {
    costPerMile: input.costPerMile,
    ...(input.roadFactor === undefined ? {} : { roadFactor: input.roadFactor }),
  };
  const network = poolLanesOf(lanes);
  const partners = [...new Set(lanes.map((lane) => lane.partnerId as string))].sort();
  const direct: CoalitionCostOf = (coalition) => coalitionCost(network.lanes, coalition, cover);
  // Enumerating methods and the core check meet each coalition again: memoise them. Sampled orders of a
  // larger pool almost never repeat a coalition, and keys of 100 names would only cost time and memory.
  const costOf = partners.length <= MAX_EXACT_PARTNERS ? memoised(direct) : direct;
  const pooled = coverLanes(network.lanes, cover);
  const allocation = await allocatePoolCost({
    method: input.method,
    partners,
    lanes: network.lanes,
    costOf,
    cover,
    linearProgramSolver: deps.linearProgramSolver,
    samples: input.samples ?? 2000,
    seed: input.seed ?? 42,
  });

  let standaloneEmptyMiles = 0;
  const shares = partners.map((partnerId): PartnerShare => {
    const own = lanes.filter((lane) => lane.partnerId === partnerId);
    const alone = coverLanes(
      network.lanes.filter((lane) => lane.partnerId === partnerId),
      cover,
    );
    standaloneEmptyMiles += alone.emptyCost / input.costPerMile;
    const allocatedCost = allocation.allocated.get(partnerId) ?? 0;
    const savings = alone.totalCost - allocatedCost;
    return {
      partnerId,
      name: own.find((lane) => lane.partnerName !== null)?.partnerName ?? null,
      lanes: own.length,
      loadsPerWeek: own.reduce((sum, lane) => sum + lane.loadsPerWeek, 0),
      standaloneCost: alone.totalCost,
      allocatedCost,
      savings,
      savingsShare: alone.totalCost > 0 ? savings / alone.totalCost : 0,
      interval: allocation.intervals?.get(partnerId) ?? null,
    };
  });
  const standaloneTotal = shares.reduce((sum, share) => sum + share.standaloneCost, 0);
  const label = (key: string) => network.placeLabels.get(key) ?? key;
  return {
    method: input.method,
    how: allocation.how,
    costPerMile: input.costPerMile,
    partners: shares,
    lanes,
    pooledCost: pooled.totalCost,
    standaloneTotal,
    savings: standaloneTotal - pooled.totalCost,
    savingsShare: standaloneTotal > 0 ? (standaloneTotal - pooled.totalCost) / standaloneTotal : 0,
    loadedMilesPerWeek: pooled.loadedCost / input.costPerMile,
    emptyMilesPerWeek: pooled.emptyCost / input.costPerMile,
    standaloneEmptyMilesPerWeek: standaloneEmptyMiles,
    emptyMoves: pooled.emptyMoves
      .map((move) => ({ ...move, from: label(move.from), to: label(move.to) }))
      .sort((a, b) => b.trucksPerWeek * b.miles - a.trucksPerWeek * a.miles),
    coreViolations:
      partners.length <= MAX_EXACT_PARTNERS ? coreViolations(allocation.allocated, partners, costOf) : null,
    timeLimited:
      input.maxCycleDays === undefined
        ? null
        : labelCycles(timeLimitedCover(network.lanes, { ...cover, maxCycleDays: input.maxCycleDays }), label),
  };
}
