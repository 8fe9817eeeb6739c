/**
 * Use case: the lanes a viewer may see, each with its backhaul rate floor — `northbound pool lanes`
 * (DESIGN.md §3.7 broker tools). The floor is the marginal weekly cost of one more load on the lane with
 * the pooled fleet, so it needs every partner's lanes (read with the broker's view, inside this use case
 * only); what is returned is the viewer's lanes — read through the store's partner filter — and their
 * floors, beside the market reference by equipment.
 */
import { backhaulRateFloor, type LaneRateFloor } from '../collab/backhaul-rate-floor.ts';
import type { MarketRates } from '../collab/market-rates.ts';
import type { TenantId } from '../domain/ids.ts';
import type { Lane } from '../domain/lane.ts';
import { poolLanesOf } from './pool-lanes-of.ts';
import { BROKER, type PoolViewer } from './pool-store.ts';
import type { Store } from './ports.ts';

export interface ListPoolLanesInput {
  readonly tenantId: TenantId;
  readonly viewer: PoolViewer;
  readonly costPerMile: number;
  readonly marketRates: MarketRates;
}

export interface PoolLaneLine {
  readonly lane: Lane;
  readonly floor: LaneRateFloor;
}

export async function listPoolLanes(store: Store, input: ListPoolLanesInput): Promise<PoolLaneLine[]> {
  const visible = await store.pool.lanes(input.tenantId, input.viewer);
  if (visible.length === 0) return [];
  const all = input.viewer.role === 'broker' ? visible : await store.pool.lanes(input.tenantId, BROKER);
  const network = poolLanesOf(all);
  const floors = new Map(
    backhaulRateFloor(network.lanes, { costPerMile: input.costPerMile, marketRates: input.marketRates }).map(
      (floor) => [floor.laneId, floor],
    ),
  );
  const label = (key: string) => network.placeLabels.get(key) ?? key;
  return visible.flatMap((lane) => {
    const floor = floors.get(lane.laneId);
    return floor === undefined
      ? []
      : [{ lane, floor: { ...floor, origin: label(floor.origin), dest: label(floor.dest) } }];
  });
}
