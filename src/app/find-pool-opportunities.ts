/**
 * Use case: `northbound pool opportunities` — the broker's view of which partners should pool
 * (DESIGN.md §3.7): pairs and triangles ranked by what pooling their lanes would save, with the
 * complementary imbalances behind each. It compares partners with each other by name, so it is the
 * broker's alone: a partner asking is refused.
 */
import {
  collaborationOpportunities,
  type CollaborationOpportunity,
} from '../collab/collaboration-opportunities.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { TenantId } from '../domain/ids.ts';
import { poolLanesOf } from './pool-lanes-of.ts';
import { BROKER, type PoolViewer } from './pool-store.ts';
import type { Store } from './ports.ts';

export interface FindPoolOpportunitiesInput {
  readonly tenantId: TenantId;
  readonly viewer: PoolViewer;
  /** Restrict to these partners; null = every partner with lanes. */
  readonly partners: readonly string[] | null;
  readonly costPerMile: number;
  readonly limit: number;
}

export async function findPoolOpportunities(
  store: Store,
  input: FindPoolOpportunitiesInput,
): Promise<CollaborationOpportunity[]> {
  if (input.viewer.role !== 'broker') {
    throw new NorthboundError(
      'forbidden',
      'Cannot list collaboration opportunities as a partner: they compare partners with each other, which only the broker sees',
      { role: input.viewer.role },
    );
  }
  const lanes = await store.pool.lanes(input.tenantId, BROKER);
  if (input.partners !== null) {
    const known = new Set(lanes.map((lane) => lane.partnerId as string));
    const unknown = input.partners.filter((partner) => !known.has(partner));
    if (unknown.length > 0) {
      throw new NorthboundError(
        'not_found',
        `Cannot compare partners ${unknown.join(', ')}: they have no lanes in the pool (partners with lanes: ${[...known].sort().join(', ')})`,
        { unknown },
      );
    }
  }
  const chosen =
    input.partners === null ? lanes : lanes.filter((lane) => input.partners!.includes(lane.partnerId));
  const network = poolLanesOf(chosen);
  const label = (key: string) => network.placeLabels.get(key) ?? key;
  return collaborationOpportunities(network.lanes, { costPerMile: input.costPerMile })
    .slice(0, input.limit)
    .map((opportunity) => ({
      ...opportunity,
      complementaryImbalances: opportunity.complementaryImbalances.map((imbalance) => ({
        ...imbalance,
        place: label(imbalance.place),
      })),
    }));
}
