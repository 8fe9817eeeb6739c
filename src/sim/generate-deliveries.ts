/**
 * Southbound deliveries: where and when each truck landed, 52 weeks of history plus the scheduled week.
 *
 * Each truck makes about one trip a week (none 10% of weeks, two 16%: TRIPS_PER_TRUCK_WEEK = 1.06).
 * A trip goes to one of its group's regular consignees (REGULAR_SHARE, by their volumes), otherwise to
 * a one-off destination: state by BTS tonnage for the truck's province and equipment, city by
 * population. Arrivals cluster Tuesday–Thursday, in receiving hours. Rows come out week by week in
 * time order; a week holds ~1.06 × fleet rows, so memory stays flat whatever the size.
 *
 * About one row in eight also gives dest_zip and one in ten dest_lat/dest_lon (the dock), so the
 * importer's three resolution paths are all exercised; a few optional fields are left empty.
 */
import { greatCircleMiles, DEFAULT_ROAD_FACTOR, type LatLon } from '../domain/geo.ts';
import type { City } from '../domain/market.ts';
import type { UsState } from '../domain/regions.ts';
import { landingEquipment, REGULAR_SHARE } from './build-consignees.ts';
import { CAD_PER_USD, ratePerMile } from './freight-rates.ts';
import { formatLocalTimestamp } from '../domain/local-time.ts';
import { SeededRandom } from './seeded-random.ts';
import { WeightedPicker } from './weighted-picker.ts';
import { CALENDAR_WEEKS, type Weekday } from './world-calendar.ts';
import type { Consignee, FleetTruck, Terminal } from './world-model.ts';
import type { WorldPlan } from './world-plan.ts';
import { formatNumber, type DeliveryRow } from './world-rows.ts';

/** Receiving docks: Tue–Thu heavy, light weekends. Index = weekday (0 = Sunday). */
const ARRIVAL_WEEKDAY_WEIGHTS = [0.03, 0.11, 0.22, 0.24, 0.22, 0.14, 0.04];
const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
/** Southbound freight is picked up near the terminal: within this radius, in its province. */
const ORIGIN_RADIUS_MILES = 120;
const ONE_OFF_MIN_POPULATION = 5_000;

interface Arrival {
  readonly truck: FleetTruck;
  readonly instantMs: number;
  readonly city: City;
  readonly state: UsState;
  readonly point: LatLon;
  readonly zip: string | null;
  readonly origin: City;
  readonly random: SeededRandom;
}

export function* generateDeliveries(plan: WorldPlan): Generator<DeliveryRow> {
  const { carrier, consignees, calendar, places, flows } = plan;
  const weekdayPicker = WeightedPicker.create(WEEKDAYS, ARRIVAL_WEEKDAY_WEIGHTS) as WeightedPicker<Weekday>;

  const regulars = new Map<string, WeightedPicker<Consignee> | null>();
  const regularsOf = (truck: FleetTruck): WeightedPicker<Consignee> | null => {
    const groupKey = `${truck.terminal.index}|${truck.equipment}`;
    let picker = regulars.get(groupKey);
    if (picker === undefined) {
      const group = consignees.filter(
        (c) => c.terminal === truck.terminal && c.equipment === truck.equipment,
      );
      picker = WeightedPicker.create(
        group,
        group.map((c) => c.trucksPerWeek),
      );
      regulars.set(groupKey, picker);
    }
    return picker;
  };

  const origins = new Map<Terminal, WeightedPicker<City>>();
  const originOf = (terminal: Terminal, random: SeededRandom): City => {
    let picker = origins.get(terminal);
    if (picker === undefined) {
      const near = places.citiesNear(terminal.city, terminal.province, ORIGIN_RADIUS_MILES);
      // The terminal's own city ships most: weight it as much as all the others together.
      const others = near.filter((c) => c.id !== terminal.city.id);
      const othersWeight = others.reduce((sum, c) => sum + c.population, 0);
      picker = WeightedPicker.create(
        [terminal.city, ...others],
        [Math.max(othersWeight, 1), ...others.map((c) => c.population)],
      ) as WeightedPicker<City>;
      origins.set(terminal, picker);
    }
    return picker.pick(random);
  };

  let sequence = 0;
  for (let week = 0; week < CALENDAR_WEEKS; week += 1) {
    const arrivals: Arrival[] = [];
    for (const truck of carrier.trucks) {
      const random = new SeededRandom(plan.seed, 'deliveries', truck.index, week);
      const roll = random.next();
      const trips = roll < 0.1 ? 0 : roll < 0.84 ? 1 : 2;
      const days = new Set<Weekday>();
      while (days.size < trips) days.add(weekdayPicker.pick(random));
      for (const weekday of [...days].sort((a, b) => a - b)) {
        const day = calendar.dayOfWeekday(week, weekday);
        const regular = random.chance(REGULAR_SHARE) ? regularsOf(truck)?.pick(random) : undefined;
        let city: City;
        let point: LatLon;
        let zip: string | null;
        if (regular !== undefined) {
          ({ city, point, zip } = regular);
        } else {
          const states = flows.landingStates(
            truck.terminal.province,
            landingEquipment(flows, truck.terminal, truck.equipment),
          );
          const state = states?.pick(random);
          const picked =
            state === undefined ? null : places.cityByPopulation(state, ONE_OFF_MIN_POPULATION, random);
          if (picked === null) continue;
          city = picked;
          point = places.dockNear(city, 6, random);
          zip = places.nearestZip(point, city.region, 12)?.zip ?? null;
        }
        const state = city.region as UsState;
        // Receiving hours 05:00–18:00 local.
        const instantMs = calendar.instant(state, day, 300 + random.int(780));
        arrivals.push({
          truck,
          instantMs,
          city,
          state,
          point,
          zip,
          origin: originOf(truck.terminal, random),
          random,
        });
      }
    }
    arrivals.sort((a, b) => a.instantMs - b.instantMs || a.truck.index - b.truck.index);
    for (const arrival of arrivals) {
      sequence += 1;
      yield deliveryRow(plan, arrival, sequence);
    }
  }
}

function deliveryRow(plan: WorldPlan, arrival: Arrival, sequence: number): DeliveryRow {
  const { truck, random, city, point, origin } = arrival;
  const loadedMiles = Math.round(greatCircleMiles(origin, point) * DEFAULT_ROAD_FACTOR);
  // Southbound is the headhaul: contract rates, a stop charge, ±12% lane-to-lane spread.
  const revenueUsd =
    Math.max(450, loadedMiles * ratePerMile(plan.economics, truck.equipment, 'contract') + 150) *
    random.lognormalWithMean(1, 0.12);
  const inCad = random.chance(0.3);
  const hasRevenue = random.chance(0.95);
  const withZip = arrival.zip !== null && random.chance(0.12);
  const withPoint = random.chance(0.1);
  return {
    delivery_id: `D${String(sequence).padStart(7, '0')}`,
    truck_id: truck.truckId,
    dest_city: city.name,
    dest_region: arrival.state,
    delivered_at: formatLocalTimestamp(arrival.instantMs, arrival.state),
    origin_city: origin.name,
    origin_region: truck.terminal.province,
    dest_zip: withZip ? (arrival.zip ?? '') : '',
    dest_lat: withPoint ? formatNumber(point.lat, 5) : '',
    dest_lon: withPoint ? formatNumber(point.lon, 5) : '',
    equipment: random.chance(0.97) ? truck.equipment : '',
    loaded_miles: random.chance(0.96) ? String(loadedMiles) : '',
    revenue: hasRevenue ? (revenueUsd * (inCad ? CAD_PER_USD : 1)).toFixed(2) : '',
    currency: hasRevenue ? (inCad ? 'CAD' : 'USD') : '',
  };
}
