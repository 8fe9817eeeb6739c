/**
 * What a booking in the demo's quarter commits: the shipper's lane shipments from the booking on,
 * as loads the carrier will haul (status booked, pre-arranged, contract rate). Shipments the world
 * already posted on the board are the same freight: they are linked by id, not created twice.
 * The schedule is the generator's own (lane-schedule.ts), so the committed loads are the shipments
 * the shipper really moves.
 */
import { DEFAULT_ROAD_FACTOR, greatCircleMiles } from '../domain/geo.ts';
import type { CompanyId, LoadId } from '../domain/ids.ts';
import type { Load } from '../domain/load.ts';
import { ratePerMile } from './freight-rates.ts';
import { shipmentsInWeek } from './lane-schedule.ts';
import type { LatentLane } from './world-model.ts';
import type { WorldPlan } from './world-plan.ts';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
/** Committed pickups get a working day's window. */
const WINDOW_HOURS = 8;
const MIN_RATE_USD = 350;
/** How far ahead a booking looks for the lane's next shipment when the quarter holds none. */
const LOOKAHEAD_WEEKS = 8;

export interface CommittedLoads {
  /** Loads to create (the shipments the board never saw). */
  readonly created: readonly Load[];
  /** Every load the booking links: created ones and posted ones, in pickup order. */
  readonly linkedIds: readonly string[];
}

/**
 * @param posted   the world's posted loads by `${shipperId}|${pickupMs}` → load id
 * @param fromMs   shipments picking up after this instant (the booking, plus a day to plan)
 * @param untilMs  … and before this one (the end of the simulated quarter)
 */
export function committedLaneLoads(
  plan: WorldPlan,
  lane: LatentLane,
  posted: ReadonlyMap<string, string>,
  fromMs: number,
  untilMs: number,
): CommittedLoads {
  const { calendar } = plan;
  const created: Load[] = [];
  const linked: { id: string; at: number }[] = [];
  const firstWeek = Math.max(0, Math.floor((fromMs - calendar.startMs) / WEEK_MS));
  const lastWeek = Math.floor((untilMs - calendar.startMs) / WEEK_MS);
  const shipper = lane.shipper;
  const miles = greatCircleMiles(shipper.point, lane.destCity) * DEFAULT_ROAD_FACTOR;
  const rate = Math.max(MIN_RATE_USD, miles * ratePerMile(plan.economics, lane.equipment, 'contract'));
  const take = (week: number, until: number) => {
    for (const [k, shipment] of shipmentsInWeek(plan.seed, calendar, lane, week).entries()) {
      if (shipment.pickupMs <= fromMs || shipment.pickupMs >= until) continue;
      const existing = posted.get(`${shipper.companyId}|${shipment.pickupMs}`);
      if (existing !== undefined) {
        linked.push({ id: existing, at: shipment.pickupMs });
        continue;
      }
      const loadId = `BK-${lane.laneId}-${week}-${k}`;
      created.push({
        loadId: loadId as LoadId,
        shipperId: shipper.companyId as CompanyId,
        shipperName: shipper.name,
        origin: {
          lat: shipper.point.lat,
          lon: shipper.point.lon,
          city: shipper.city.name,
          region: shipper.state,
          marketId: null,
          resolvedBy: 'latlon',
        },
        dest: {
          lat: lane.destCity.lat,
          lon: lane.destCity.lon,
          city: lane.destCity.name,
          region: lane.destProvince,
          marketId: null,
          resolvedBy: 'latlon',
        },
        pickupEarliest: new Date(shipment.pickupMs),
        pickupLatest: new Date(shipment.pickupMs + WINDOW_HOURS * HOUR_MS),
        deliveryLatest: null,
        equipment: lane.equipment,
        weightLb: lane.weightLb,
        rate: Math.round(rate * 100) / 100,
        currency: 'USD',
        status: 'booked',
        requirements: [],
        preArranged: true,
      });
      linked.push({ id: loadId, at: shipment.pickupMs });
    }
  };
  for (let week = firstWeek; week <= lastWeek; week++) take(week, untilMs);
  // A lane that ships every few weeks may have nothing left this quarter: commit its next shipment.
  for (let week = lastWeek + 1; linked.length === 0 && week <= lastWeek + LOOKAHEAD_WEEKS; week++) {
    take(week, Infinity);
  }
  linked.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return { created, linkedIds: linked.map((l) => l.id) };
}
