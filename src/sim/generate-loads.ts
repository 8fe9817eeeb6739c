/**
 * Northbound load offers over the calendar (history and the open week ahead), week by week in pickup
 * order. Lane shipments are posted with the probability plan-load-offers.ts calibrated; spot loads come
 * from shippers near the landing zones. Rates are DAT June 2024 per mile by equipment (spot, or
 * contract for partnered lanes) × road miles with ±15% spread; the pickup window, delivery deadline,
 * weight and requirements follow the freight.
 */
import type { Equipment } from '../domain/equipment.ts';
import { greatCircleMiles, DEFAULT_ROAD_FACTOR } from '../domain/geo.ts';
import type { City } from '../domain/market.ts';
import type { Province } from '../domain/regions.ts';
import { TYPICAL_WEIGHT_LB } from './assign-latent-lanes.ts';
import { CAD_PER_USD, ratePerMile } from './freight-rates.ts';
import { shipmentsInWeek } from './lane-schedule.ts';
import { formatLocalTimestamp } from '../domain/local-time.ts';
import { SeededRandom } from './seeded-random.ts';
import { WeightedPicker } from './weighted-picker.ts';
import { CALENDAR_WEEKS, type Weekday } from './world-calendar.ts';
import type { LatentLane, Shipper } from './world-model.ts';
import type { WorldPlan } from './world-plan.ts';
import type { LoadRow } from './world-rows.ts';

const HOUR_MS = 3_600_000;
const PICKUP_WINDOW_HOURS = [2, 4, 8, 24, 48];
const PICKUP_WINDOW_WEIGHTS = [0.15, 0.3, 0.3, 0.15, 0.1];
/** HS chapters that usually move as dangerous goods: fuels, chemicals, explosives. */
const HAZMAT_CHAPTERS: ReadonlySet<string> = new Set(['27', '28', '29', '36', '38']);
const SPOT_WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
const DEST_MIN_POPULATION = 20_000;
const MIN_RATE_USD = 350;

interface Offer {
  readonly shipper: Shipper;
  readonly lane: LatentLane | null;
  readonly destCity: City;
  readonly destProvince: Province;
  readonly equipment: Equipment;
  readonly hs2: string;
  readonly pickupMs: number;
  readonly random: SeededRandom;
}

export function* generateLoads(plan: WorldPlan): Generator<LoadRow> {
  const { loadRates, calendar, flows, places } = plan;
  const windows = WeightedPicker.create(PICKUP_WINDOW_HOURS, PICKUP_WINDOW_WEIGHTS) as WeightedPicker<number>;
  let sequence = 0;
  for (let week = 0; week < CALENDAR_WEEKS; week += 1) {
    const offers: Offer[] = [];
    for (const { lane, postProbability } of loadRates.visibleLanes) {
      if (week < lane.firstWeek || week > lane.endWeek) continue;
      for (const shipment of shipmentsInWeek(plan.seed, calendar, lane, week)) {
        const random = new SeededRandom(plan.seed, 'post', lane.index, week, shipment.day);
        if (!random.chance(postProbability)) continue;
        offers.push({
          shipper: lane.shipper,
          lane,
          destCity: lane.destCity,
          destProvince: lane.destProvince,
          equipment: lane.equipment,
          hs2: lane.hs2,
          pickupMs: shipment.pickupMs,
          random,
        });
      }
    }
    const spot = new SeededRandom(plan.seed, 'spot-loads', week);
    const spotCount = loadRates.spotShippers.length === 0 ? 0 : spot.poisson(loadRates.spotLoadsPerWeek);
    for (let k = 0; k < spotCount; k += 1) {
      const shipper = spot.pick(loadRates.spotShippers);
      const freight = flows.northboundFreight(shipper.state, shipper.sector)?.pick(spot);
      const destCity = freight && places.cityByPopulation(freight.province, DEST_MIN_POPULATION, spot);
      if (!freight || !destCity) continue;
      const day = calendar.dayOfWeekday(week, spot.pick(SPOT_WEEKDAYS));
      offers.push({
        shipper,
        lane: null,
        destCity,
        destProvince: freight.province,
        equipment: freight.equipment,
        hs2: freight.hs2,
        pickupMs: calendar.instant(shipper.state, day, 7 * 60 + spot.int(8 * 60)),
        random: spot.fork('offer', k),
      });
    }
    offers.sort((a, b) => a.pickupMs - b.pickupMs || a.shipper.index - b.shipper.index);
    for (const offer of offers) {
      sequence += 1;
      yield loadRow(plan, offer, windows.pick(offer.random), sequence);
    }
  }
}

function loadRow(plan: WorldPlan, offer: Offer, windowHours: number, sequence: number): LoadRow {
  const { shipper, lane, random, equipment } = offer;
  const roadMiles = greatCircleMiles(shipper.point, offer.destCity) * DEFAULT_ROAD_FACTOR;
  const partnered = lane !== null && plan.loadRates.partnered.has(lane);
  const rateUsd = Math.max(
    MIN_RATE_USD,
    roadMiles *
      ratePerMile(plan.economics, equipment, partnered ? 'contract' : 'spot') *
      random.lognormalWithMean(1, 0.15),
  );
  const inCad = random.chance(0.1);
  const pickupLatestMs = offer.pickupMs + windowHours * HOUR_MS;
  // 50 mph, 10 h rest after each 11 h of driving, 2 h at the border, then 12–36 h of slack.
  const drivingHours = roadMiles / 50;
  const transitHours = drivingHours + Math.floor(drivingHours / 11) * 10 + 2 + random.intBetween(12, 36);
  const requirements: string[] = [];
  if ((HAZMAT_CHAPTERS.has(offer.hs2) || equipment === 'tanker') && random.chance(0.6))
    requirements.push('hazmat');
  if (random.chance(0.15)) requirements.push('fast');
  if (random.chance(0.04)) requirements.push('bonded');
  const baseWeight = lane?.weightLb ?? TYPICAL_WEIGHT_LB[equipment];
  // Spot loads are sometimes posted by a broker without naming the shipper.
  const named = lane !== null || random.chance(0.9);
  return {
    load_id: `L${String(sequence).padStart(7, '0')}`,
    origin_city: shipper.city.name,
    origin_region: shipper.state,
    dest_city: offer.destCity.name,
    dest_region: offer.destProvince,
    pickup_earliest: formatLocalTimestamp(offer.pickupMs, shipper.state),
    pickup_latest: formatLocalTimestamp(pickupLatestMs, shipper.state),
    equipment,
    rate: (rateUsd * (inCad ? CAD_PER_USD : 1)).toFixed(2),
    shipper_id: named ? shipper.companyId : '',
    shipper_name: named && random.chance(0.85) ? shipper.name : '',
    delivery_latest: random.chance(0.9)
      ? formatLocalTimestamp(pickupLatestMs + transitHours * HOUR_MS, offer.destProvince)
      : '',
    weight_lb: random.chance(0.92)
      ? String(Math.round((baseWeight * random.between(0.85, 1.05)) / 10) * 10)
      : '',
    currency: inCad ? 'CAD' : 'USD',
    status: partnered ? 'committed' : 'offered',
    requirements: requirements.join(';'),
    pre_arranged: partnered || random.chance(0.2) ? 'true' : 'false',
  };
}
