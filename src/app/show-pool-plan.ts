/**
 * Use case: the pool's plan for whoever asks — the broker's whole plan, or one partner's view of it
 * (DESIGN.md §3.7). The plan is computed by the trustee's computation (planPool) either way; a partner's
 * own lanes are read through the store's partner filter, and viewPoolPlan keeps everything else to
 * pool aggregates.
 */
import { planPool, type PlanPoolDeps, type PlanPoolInput } from './plan-pool.ts';
import type { PoolViewer } from './pool-store.ts';
import { viewPoolPlan, type PoolPlanView } from './view-pool-plan.ts';

export async function showPoolPlan(
  deps: PlanPoolDeps,
  input: PlanPoolInput & { readonly viewer: PoolViewer },
): Promise<PoolPlanView> {
  const plan = await planPool(deps, input);
  const ownLanes =
    input.viewer.role === 'partner' ? await deps.store.pool.lanes(input.tenantId, input.viewer) : [];
  return viewPoolPlan(plan, input.viewer, ownLanes);
}
