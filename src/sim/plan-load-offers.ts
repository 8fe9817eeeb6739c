/**
 * Which northbound freight the carrier sees as load offers.
 *
 * Committed freight comes from shippers with recurring lanes, so ~80% of the offers are lane shipments
 * and ~20% spot loads. The carrier sees offers near where its trucks land: lanes whose dock is within
 * VISIBILITY_MILES of a regular consignee taking ≥ ANCHOR_TRUCKS_PER_WEEK. Lanes into the carrier's own
 * provinces are posted to it more (brokers route by lane), and so is freight on the trailers it runs
 * (brokers offer vans to van carriers), but never only those: a mismatch is part of the problem.
 *
 * A few of those lanes into its home provinces belong to shippers already under contract with the
 * carrier (partnered): every one of their shipments comes in, committed and pre-arranged, about
 * PARTNERED_LOAD_SHARE of all offers: the programme's starting book, small on purpose. The posting
 * probability of the other lanes is then calibrated so the expected total meets the size's target.
 */
import type { Equipment } from '../domain/equipment.ts';
import { PointGrid } from '../domain/point-grid.ts';
import { expectedShipments } from './lane-schedule.ts';
import { SeededRandom } from './seeded-random.ts';
import { CALENDAR_WEEKS } from './world-calendar.ts';
import type { Carrier, Consignee, LatentLane, Shipper } from './world-model.ts';
import type { LoadRates } from './world-plan.ts';

export const VISIBILITY_MILES = 150;
const ANCHOR_TRUCKS_PER_WEEK = 0.5;
const LANE_LOAD_SHARE = 0.8;
const PARTNERED_LOAD_SHARE = 0.12;
/** Relative posting weight of a lane into a province the carrier does not run home to. */
const OTHER_PROVINCE_WEIGHT = 0.3;
/** Relative posting weight of freight on a trailer type the fleet does not run (its most common = 1). */
const MIN_EQUIPMENT_WEIGHT = 0.25;

export interface PlanLoadOffersInput {
  readonly seed: number;
  readonly carrier: Carrier;
  readonly consignees: readonly Consignee[];
  readonly lanes: readonly LatentLane[];
  readonly shippers: readonly Shipper[];
  readonly targetLoads: number;
}

export function planLoadOffers(input: PlanLoadOffersInput): LoadRates {
  const { carrier, consignees, lanes, shippers, targetLoads } = input;
  const random = new SeededRandom(input.seed, 'load-offers');
  const anchors = consignees.filter((c) => c.trucksPerWeek >= ANCHOR_TRUCKS_PER_WEEK).map((c) => c.point);
  const grid = new PointGrid(anchors.length > 0 ? anchors : consignees.map((c) => c.point));
  const nearLanding = (shipper: Shipper): boolean => grid.nearest(shipper.point, VISIBILITY_MILES) !== null;

  const fleetCounts = new Map<Equipment, number>();
  for (const truck of carrier.trucks)
    fleetCounts.set(truck.equipment, (fleetCounts.get(truck.equipment) ?? 0) + 1);
  const most = Math.max(1, ...fleetCounts.values());
  const equipmentFit = new Map(
    [...fleetCounts].map(([e, n]) => [e, MIN_EQUIPMENT_WEIGHT + (1 - MIN_EQUIPMENT_WEIGHT) * (n / most)]),
  );

  const candidates = lanes
    .filter((lane) => nearLanding(lane.shipper))
    .map((lane) => ({
      lane,
      home: carrier.homeProvinces.includes(lane.destProvince),
      fit: equipmentFit.get(lane.equipment) ?? MIN_EQUIPMENT_WEIGHT,
      expected: expectedShipments(lane, 0, CALENDAR_WEEKS),
    }));

  // Partnered lanes: home-bound lanes in random order until their expected loads fill the share.
  const partnered = new Set<LatentLane>();
  let partneredExpected = 0;
  for (const candidate of random.sample(
    candidates.filter((c) => c.home),
    candidates.length,
  )) {
    if (partneredExpected + candidate.expected > PARTNERED_LOAD_SHARE * targetLoads) continue;
    partnered.add(candidate.lane);
    partneredExpected += candidate.expected;
  }

  const weight = (c: { home: boolean; fit: number }): number => (c.home ? 1 : OTHER_PROVINCE_WEIGHT) * c.fit;
  const openWeighted = candidates
    .filter((c) => !partnered.has(c.lane))
    .reduce((sum, c) => sum + c.expected * weight(c), 0);
  const remaining = Math.max(0, LANE_LOAD_SHARE * targetLoads - partneredExpected);
  const scale = openWeighted > 0 ? remaining / openWeighted : 0;

  return {
    visibleLanes: candidates.map((c) => ({
      lane: c.lane,
      postProbability: partnered.has(c.lane) ? 1 : Math.min(1, scale * weight(c)),
    })),
    spotLoadsPerWeek: ((1 - LANE_LOAD_SHARE) * targetLoads) / CALENDAR_WEEKS,
    spotShippers: shippers.filter(nearLanding),
    partnered,
  };
}
