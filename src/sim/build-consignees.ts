/**
 * The carrier's regular consignees: where its southbound freight is received week after week.
 *
 * For each terminal × equipment group, consignee states are drawn from BTS CA→US tonnage of the
 * terminal's province on that equipment (restricted to the HS2 chapters that ride it), and the city
 * within the state by population (receivers sit in or near towns of some size). Consignee volumes
 * follow a Zipf-like law with lognormal noise, as customer books do: a few big receivers take trucks
 * every week (they make the landing zones), a long tail takes one now and then. REGULAR_SHARE of the
 * group's trips go to consignees; the rest are one-off drops drawn fresh per trip (deliveries.ts).
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import type { UsState } from '../domain/regions.ts';
import type { PlaceCatalog } from './place-catalog.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { TradeFlows } from './trade-flows.ts';
import { WeightedPicker } from './weighted-picker.ts';
import type { Carrier, Consignee, Terminal } from './world-model.ts';

/** Share of a group's trips that go to its regular consignees. */
export const REGULAR_SHARE = 0.78;
/** Expected southbound trips per truck per week (see generate-deliveries.ts). */
export const TRIPS_PER_TRUCK_WEEK = 1.06;
const ZIPF_EXPONENT = 0.7;
const CONSIGNEE_MIN_POPULATION = 10_000;
/** Docks sit within a few miles of the named city. */
const DOCK_JITTER_MILES = 6;
const ZIP_RADIUS_MILES = 12;

export interface BuildConsigneesInput {
  readonly random: SeededRandom;
  readonly flows: TradeFlows;
  readonly places: PlaceCatalog;
  readonly carrier: Carrier;
}

/** Equipment with no southbound tonnage from a province borrows the dry-van pattern. */
export function landingEquipment(flows: TradeFlows, terminal: Terminal, equipment: Equipment): Equipment {
  return flows.landingStates(terminal.province, equipment) === null ? 'dry_van' : equipment;
}

/**
 * Draws consignee states, biggest consignee first, in proportion to the square of each state's BTS
 * share not yet covered by earlier consignees. A plain draw would let one big consignee in a minor
 * state skew the whole group; drawing by the remaining deficit keeps the group's arrivals by state
 * close to BTS, and squaring it sends the biggest consignees to the biggest states, as is typical.
 */
function stateDrawer(
  tonnage: ReadonlyMap<UsState, number>,
  totalWeight: number,
): (weight: number, random: SeededRandom) => UsState | null {
  const totalTonnage = [...tonnage.values()].reduce((a, b) => a + b, 0);
  const remaining = new Map([...tonnage].map(([state, kg]) => [state, (kg / totalTonnage) * totalWeight]));
  const fallback = WeightedPicker.fromMap(tonnage);
  return (weight, random) => {
    const open = WeightedPicker.fromMap(new Map([...remaining].map(([state, left]) => [state, left * left])));
    const state = open?.pick(random) ?? fallback?.pick(random) ?? null;
    if (state !== null) remaining.set(state, Math.max(0, (remaining.get(state) ?? 0) - weight));
    return state;
  };
}

export function buildConsignees({ random, flows, places, carrier }: BuildConsigneesInput): Consignee[] {
  const consignees: Consignee[] = [];
  for (const terminal of carrier.terminals) {
    for (const equipment of EQUIPMENT) {
      const trucks = carrier.trucks.filter(
        (t) => t.terminal === terminal && t.equipment === equipment,
      ).length;
      if (trucks === 0) continue;
      const tonnage = flows.landingStateTonnage(
        terminal.province,
        landingEquipment(flows, terminal, equipment),
      );
      if (tonnage.size === 0) continue;
      // Small groups still have a couple of regulars; big ones have roughly two per five trucks.
      const count = Math.max(2, Math.round(2 + trucks / 2.5));
      const weights = Array.from(
        { length: count },
        (_, rank) => random.lognormalWithMean(1, 0.5) / (rank + 1) ** ZIPF_EXPONENT,
      ).sort((a, b) => b - a);
      const totalWeight = weights.reduce((a, b) => a + b, 0);
      const regularTrips = trucks * TRIPS_PER_TRUCK_WEEK * REGULAR_SHARE;
      const stateOf = stateDrawer(tonnage, totalWeight);
      for (const weight of weights) {
        const state = stateOf(weight, random);
        if (state === null) continue;
        const city =
          places.cityByPopulation(state, CONSIGNEE_MIN_POPULATION, random) ??
          places.cityByPopulation(state, 0, random);
        if (city === null) continue;
        const point = places.dockNear(city, DOCK_JITTER_MILES, random);
        consignees.push({
          index: consignees.length,
          terminal,
          equipment,
          city,
          point,
          zip: places.nearestZip(point, state, ZIP_RADIUS_MILES)?.zip ?? null,
          trucksPerWeek: (regularTrips * weight) / totalWeight,
        });
      }
    }
  }
  return consignees;
}
