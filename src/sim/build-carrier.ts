/**
 * The carrier: home terminals in provinces drawn by their southbound (CA→US) truck tonnage, trucks split
 * over terminals by the same weight, and an equipment mix from what each province ships south.
 *
 * A province's tonnage by trailer type (via the HS2 mapping) is dominated by lumber, fuel and steel,
 * which specialist flatbed and tank fleets haul; a general truckload carrier runs mostly vans. So the
 * province's mix is tilted by CARRIER_AFFINITY, a prior for a van-and-reefer carrier; for Ontario it
 * gives roughly 70% dry van, 20% reefer, 10% flatbed and step deck, and a rare tanker.
 */
import { NorthboundError } from '../domain/errors.ts';
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import type { Province } from '../domain/regions.ts';
import type { Credential } from '../domain/truck.ts';
import { carrierName } from './company-names.ts';
import type { PlaceCatalog } from './place-catalog.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { TradeFlows } from './trade-flows.ts';
import { WeightedPicker } from './weighted-picker.ts';
import type { Carrier, FleetTruck, Terminal } from './world-model.ts';
import type { WorldScale } from './world-size.ts';

const CARRIER_AFFINITY: Readonly<Record<Equipment, number>> = {
  dry_van: 1,
  reefer: 1.9,
  flatbed: 0.27,
  step_deck: 0.65,
  tanker: 0.05,
};

/** A terminal sits in one of the province's larger cities. */
const TERMINAL_CANDIDATES = 6;
const TERMINAL_MIN_POPULATION = 50_000;

/** Splits `total` over weights by largest remainder, at least `minimum` each when total allows. */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const floor = Math.min(minimum, Math.floor(total / Math.max(1, weights.length)));
  const free = total - floor * weights.length;
  const exact = weights.map((w) => (sum > 0 ? (free * w) / sum : free / weights.length));
  const counts = exact.map((x) => floor + Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}

function drawProvinces(flows: TradeFlows, count: number, random: SeededRandom): Province[] {
  const remaining = new Map(flows.importKgByProvince);
  const chosen: Province[] = [];
  while (chosen.length < count) {
    const picker = WeightedPicker.fromMap(remaining);
    if (picker === null) break;
    const province = picker.pick(random);
    chosen.push(province);
    remaining.delete(province);
  }
  return chosen;
}

function credentialsFor(equipment: Equipment, random: SeededRandom): Credential[] {
  const credentials: Credential[] = [];
  // FAST speeds the border for most cross-border fleets; bonded and hazmat are narrower.
  if (random.chance(0.65)) credentials.push('fast');
  if (random.chance(0.3)) credentials.push('bonded');
  if (random.chance(equipment === 'tanker' ? 0.9 : 0.12)) credentials.push('hazmat');
  if (random.chance(0.05)) credentials.push('twic');
  return credentials;
}

export interface BuildCarrierInput {
  readonly random: SeededRandom;
  readonly flows: TradeFlows;
  readonly places: PlaceCatalog;
  readonly scale: WorldScale;
  /** Forces the terminal provinces (first = largest terminal); drawn from BTS weights otherwise. */
  readonly homeProvinces?: readonly Province[] | undefined;
}

export function buildCarrier({ random, flows, places, scale, homeProvinces }: BuildCarrierInput): Carrier {
  const provinces = homeProvinces?.length
    ? [...homeProvinces]
    : drawProvinces(flows, scale.terminals, random);
  const terminals: Terminal[] = [];
  for (const province of provinces) {
    const candidates = places.citiesIn(province, TERMINAL_MIN_POPULATION).slice(0, TERMINAL_CANDIDATES);
    const picker = WeightedPicker.create(
      candidates,
      candidates.map((city) => city.population),
    );
    if (picker === null) continue; // a territory without a city of that size cannot host a terminal
    terminals.push({ index: terminals.length, city: picker.pick(random), province });
  }
  if (terminals.length === 0) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot place the carrier's terminals: no city of ${TERMINAL_MIN_POPULATION.toLocaleString('en-US')}+ people in ${provinces.join(', ')}`,
      { provinces },
    );
  }

  const perTerminal = apportion(
    scale.trucks,
    terminals.map((t) => flows.importKgByProvince.get(t.province) ?? 0),
    1,
  );
  const trucks: FleetTruck[] = [];
  terminals.forEach((terminal, t) => {
    const byEquipment = flows.importKgByEquipment(terminal.province);
    const mix = EQUIPMENT.map((e) => (byEquipment.get(e) ?? 0) * CARRIER_AFFINITY[e]);
    const counts = apportion(perTerminal[t] ?? 0, mix);
    EQUIPMENT.forEach((equipment, e) => {
      for (let k = 0; k < (counts[e] ?? 0); k += 1) {
        const index = trucks.length;
        trucks.push({
          index,
          truckId: `T${String(index + 1).padStart(4, '0')}`,
          terminal,
          equipment,
          credentials: credentialsFor(equipment, random),
        });
      }
    });
  });

  const first = terminals[0] as Terminal;
  const { name, domain } = carrierName(random, first.city.name);
  return {
    name,
    domain,
    terminals,
    trucks,
    homeProvinces: [...new Set(terminals.map((t) => t.province))],
  };
}
