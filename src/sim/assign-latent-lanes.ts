/**
 * The latent truth: which shippers have recurring northbound lanes, and what those lanes are.
 *
 * Chance of having lanes: proportional to the shipper's state's northbound (US→CA) truck tonnage per
 * shipping establishment, tempered (^0.7) so Michigan's border economy does not make every Michigan
 * shipper an exporter; scaled by sector (manufacturers export more than shops) and mildly by size
 * (^0.15: big firms export more often, but size must not be a good proxy for intent, §3.2). The base
 * rate is calibrated so that LANE_SHARE of shippers have lanes: most have none.
 *
 * A lane's destination province, HS2 chapter and equipment are drawn together from the state's
 * exports (by tonnage, restricted to chapters the sector ships: trade-flows.ts); the destination city
 * by population. Volumes from a monthly lane to five loads a week; many lanes run all year, others
 * start or stop inside the history, which is what gives intent its trend.
 */
import type { Equipment } from '../domain/equipment.ts';
import { firstPlannedWeek } from './lane-schedule.ts';
import type { PlaceCatalog } from './place-catalog.ts';
import { SECTOR_PROPENSITY } from './place-shippers.ts';
import type { ShipperSector, StateSectorCount } from './reference-data.ts';
import { SeededRandom } from './seeded-random.ts';
import type { TradeFlows } from './trade-flows.ts';
import { WeightedPicker } from './weighted-picker.ts';
import { CALENDAR_WEEKS, HISTORY_WEEKS, type Weekday } from './world-calendar.ts';
import { SIGNAL_SOURCES, type LatentLane, type Shipper } from './world-model.ts';

export const LANE_SHARE = 0.1;
const MAX_LANE_PROBABILITY = 0.6;
const SECTOR_LANE_FACTOR: Readonly<Record<ShipperSector, number>> = {
  food_mfg: 1.2,
  other_mfg: 1.2,
  wholesale: 1,
  retail: 0.4,
};

/** Loads per week: below 1 means every 2 or 4 weeks. */
const VOLUMES = [0.25, 0.5, 1, 2, 3, 5];
const VOLUME_WEIGHTS = [0.15, 0.25, 0.35, 0.15, 0.07, 0.03];
const SOURCE_WEIGHTS = [0.35, 0.25, 0.2, 0.1, 0.1];
/** Shipping days by volume: a weekly lane ships on one weekday, five-a-week on all five. */
const WEEKDAY_PREFERENCE: readonly Weekday[] = [2, 3, 4, 1, 5];
/** Typical payload by trailer type (a van cubes out before it weighs out). */
export const TYPICAL_WEIGHT_LB: Readonly<Record<Equipment, number>> = {
  dry_van: 36_000,
  reefer: 38_000,
  flatbed: 42_000,
  step_deck: 38_000,
  tanker: 44_000,
};
const DEST_MIN_POPULATION = 20_000;

export interface AssignLatentLanesInput {
  readonly seed: number;
  readonly shippers: readonly Shipper[];
  readonly stateSectors: readonly StateSectorCount[];
  readonly flows: TradeFlows;
  readonly places: PlaceCatalog;
}

/** Raw (uncalibrated) propensity of each shipper to have lanes. */
function propensities(input: AssignLatentLanesInput): Float64Array {
  const { shippers, stateSectors, flows } = input;
  const establishments = new Map<string, number>();
  const sectorEmployees = new Map<string, number>();
  let totalEstablishments = 0;
  for (const row of stateSectors) {
    const weighted = row.establishments * SECTOR_PROPENSITY[row.sector];
    establishments.set(row.state, (establishments.get(row.state) ?? 0) + weighted);
    totalEstablishments += weighted;
    if (row.establishments > 0)
      sectorEmployees.set(`${row.state}|${row.sector}`, row.employees / row.establishments);
  }
  const totalExports = [...flows.exportKgByState.values()].reduce((a, b) => a + b, 0);
  const meanIntensity = totalExports / totalEstablishments;
  return Float64Array.from(shippers, (shipper) => {
    const intensity =
      (flows.exportKgByState.get(shipper.state) ?? 0) / (establishments.get(shipper.state) ?? 1);
    const meanSize = sectorEmployees.get(`${shipper.state}|${shipper.sector}`) ?? shipper.employees;
    return (
      (intensity / meanIntensity) ** 0.7 *
      SECTOR_LANE_FACTOR[shipper.sector] *
      (shipper.employees / meanSize) ** 0.15
    );
  });
}

/** Scales propensities so the expected share with lanes is `share`, respecting the cap. */
function calibrate(raw: Float64Array, share: number): Float64Array {
  let scale = (share * raw.length) / raw.reduce((a, b) => a + b, 0);
  for (let round = 0; round < 20; round += 1) {
    const expected = raw.reduce((sum, p) => sum + Math.min(MAX_LANE_PROBABILITY, p * scale), 0);
    scale *= (share * raw.length) / expected;
  }
  return raw.map((p) => Math.min(MAX_LANE_PROBABILITY, p * scale));
}

export function assignLatentLanes(input: AssignLatentLanesInput): LatentLane[] {
  const { seed, shippers, flows, places } = input;
  const probability = calibrate(propensities(input), LANE_SHARE);
  const volumes = WeightedPicker.create(VOLUMES, VOLUME_WEIGHTS) as WeightedPicker<number>;
  const sources = WeightedPicker.create(SIGNAL_SOURCES, SOURCE_WEIGHTS) as WeightedPicker<string>;
  const lanes: LatentLane[] = [];

  for (const shipper of shippers) {
    const random = new SeededRandom(seed, 'lanes', shipper.index);
    if (!random.chance(probability[shipper.index] ?? 0)) continue;
    const freight = flows.northboundFreight(shipper.state, shipper.sector);
    if (freight === null) continue;
    const laneCount = 1 + random.geometric(0.6, 3);
    const seen = new Set<string>();
    for (let k = 0; k < laneCount; k += 1) {
      const { province, hs2, equipment } = freight.pick(random);
      const destCity =
        places.cityByPopulation(province, DEST_MIN_POPULATION, random) ??
        places.cityByPopulation(province, 0, random);
      const laneKey = `${destCity?.id}|${equipment}`;
      if (destCity === null || seen.has(laneKey)) continue;
      seen.add(laneKey);

      const loadsPerWeek = volumes.pick(random);
      const everyWeeks = loadsPerWeek < 1 ? Math.round(1 / loadsPerWeek) : 1;
      // Over half the lanes predate the history; the rest start inside it. Most run to the end.
      const startWeek = random.chance(0.55) ? -random.intBetween(1, 26) : random.int(HISTORY_WEEKS - 4);
      const endWeek = random.chance(0.7)
        ? CALENDAR_WEEKS + 10
        : Math.max(startWeek, 0) + Math.max(3 * everyWeeks, random.intBetween(6, 30));
      const shippingDays = Math.min(WEEKDAY_PREFERENCE.length, Math.max(1, Math.round(loadsPerWeek)));
      const weekdays = random.chance(0.5)
        ? WEEKDAY_PREFERENCE.slice(0, shippingDays)
        : random.sample(WEEKDAY_PREFERENCE, shippingDays);
      const searcherIds = random.sample(shipper.searcherIds, 1 + random.int(shipper.searcherIds.length));
      const boards = new Set<string>([sources.pick(random)]);
      if (random.chance(0.3)) boards.add(sources.pick(random));

      const lane: Omit<LatentLane, 'firstWeek'> = {
        index: lanes.length,
        laneId: `${shipper.companyId}-L${k + 1}`,
        shipper,
        destProvince: province,
        destCity,
        equipment,
        hs2,
        loadsPerWeek,
        everyWeeks,
        phase: random.int(everyWeeks),
        startWeek,
        endWeek,
        weekdays: weekdays.sort((a, b) => a - b),
        searcherIds,
        sources: [...boards],
        weightLb: Math.round((TYPICAL_WEIGHT_LB[equipment] * random.between(0.7, 1.15)) / 10) * 10,
      };
      const firstWeek = firstPlannedWeek(lane);
      // A lane must ship inside the history to be observable (its first shipment is always searched).
      if (firstWeek >= HISTORY_WEEKS) continue;
      const complete: LatentLane = { ...lane, firstWeek };
      lanes.push(complete);
      shipper.lanes.push(complete);
    }
  }
  return lanes;
}
