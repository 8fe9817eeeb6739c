/**
 * Use case: which truck takes which load home (DESIGN.md §3.6, §3.8) — `northbound plan`. The trucks
 * finishing a southbound delivery in the window and the loads still open around it go to the exact
 * matching core (src/optimize/plan-backhauls.ts); the independent validator (src/compliance) then
 * re-checks the whole plan, and any violation is reported beside it (the planner must never make one).
 * The plan is made as of the window's start: nothing is scheduled before it.
 */
import type { BorderPort } from '../domain/border-port.ts';
import type { PlanViolation } from '../domain/backhaul-plan.ts';
import { GreatCircleRoadDistance } from '../domain/geo.ts';
import type { TenantId } from '../domain/ids.ts';
import type { Load } from '../domain/load.ts';
import { validatePlan } from '../compliance/validate-plan.ts';
import { planBackhauls, type BackhaulPlanResult } from '../optimize/plan-backhauls.ts';
import { DEFAULT_BACKHAUL_OPTIONS } from '../optimize/backhaul-options.ts';
import type { Store } from './ports.ts';

/** Loads picking up this long after the window still count: a truck free on Friday reloads on Monday. */
const LOAD_HORIZON_MS = 3 * 86_400_000;

export interface PlanWeekInput {
  readonly tenantId: TenantId;
  readonly from: Date;
  readonly to: Date;
  readonly radiusMiles?: number | undefined;
  readonly chains: boolean;
  readonly cadPerUsd: number;
}

export interface PlanWeekReport {
  readonly from: Date;
  readonly to: Date;
  readonly trucksRead: number;
  readonly loadsRead: number;
  readonly result: BackhaulPlanResult;
  readonly loads: ReadonlyMap<string, Load>;
  readonly violations: readonly PlanViolation[];
  readonly solveMs: number;
}

export async function planWeekBackhauls(
  deps: { readonly store: Store; readonly ports: ReadonlyMap<string, BorderPort> },
  input: PlanWeekInput,
): Promise<PlanWeekReport> {
  const { store } = deps;
  const trucks = await store.trucksAfterDelivery(input.tenantId, input.from, input.to);
  const loads = await store.openLoads(
    input.tenantId,
    input.from,
    new Date(input.to.getTime() + LOAD_HORIZON_MS),
  );
  const started = performance.now();
  const result = planBackhauls(
    {
      trucks: trucks.map((t) => ({ truck: t.truck, position: t.position, availableAt: t.availableAt })),
      loads,
      ports: [...deps.ports.values()],
      createdAt: input.from,
    },
    {
      deadheadRadiusMiles: input.radiusMiles ?? DEFAULT_BACKHAUL_OPTIONS.deadheadRadiusMiles,
      chains: input.chains,
      cadPerUsd: input.cadPerUsd,
    },
  );
  const solveMs = performance.now() - started;
  const byId = new Map(loads.map((l) => [l.loadId as string, l]));
  const violations = validatePlan(result.plan, {
    loads: byId,
    ports: deps.ports,
    distance: new GreatCircleRoadDistance(),
  });
  return {
    from: input.from,
    to: input.to,
    trucksRead: trucks.length,
    loadsRead: loads.length,
    result,
    loads: byId,
    violations,
    solveMs,
  };
}
