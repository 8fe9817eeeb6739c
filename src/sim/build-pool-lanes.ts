/**
 * The demo world's collaborative pool (DESIGN.md §3.7, §3.10): 5–8 partners — Canadian carriers and US
 * shippers — whose lanes come from the same BTS TransBorder flows as the rest of the world, written as
 * the §7 lanes file so the demo goes through the real import.
 *
 * - Carriers (about half the partners): a terminal province drawn by CA→US truck tonnage, one trailer
 *   type by that province's southbound tonnage, 3–5 southbound lanes to states drawn by the province's
 *   tonnage on that trailer, and one northbound lane of their own (most carriers have a little).
 *   Southbound-heavy by construction: their trucks come home empty, as the product's premise says.
 * - Shippers (the rest): a home state drawn by US→CA tonnage, 2–4 northbound lanes whose province and
 *   trailer come from the state's exports (the wholesale mix: anything the state exports).
 * Cities are drawn by population (≥ 100k where the region has one). Volumes are 1–6 loads a week.
 * Cost per load is the partner's cost at ATRI's $/mi over the road miles; rate per load is the DAT
 * contract rate on the trailer type, so each partner's file carries what a real one would.
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import { DEFAULT_ROAD_FACTOR, greatCircleMiles } from '../domain/geo.ts';
import type { Province, UsState } from '../domain/regions.ts';
import type { CompanyNamer } from './company-names.ts';
import { carrierName } from './company-names.ts';
import { ratePerMile } from './freight-rates.ts';
import type { PlaceCatalog } from './place-catalog.ts';
import type { TruckingEconomics } from './reference-data.ts';
import { SeededRandom } from './seeded-random.ts';
import type { TradeFlows } from './trade-flows.ts';
import { WeightedPicker } from './weighted-picker.ts';
import { formatNumber, type LaneRow } from './world-rows.ts';

export interface BuildPoolInput {
  readonly seed: number;
  readonly flows: TradeFlows;
  readonly places: PlaceCatalog;
  readonly namer: CompanyNamer;
  readonly economics: TruckingEconomics;
}

const MIN_POPULATION = 100_000;

interface Partner {
  readonly id: string;
  readonly name: string;
}

export function buildPoolLanes(input: BuildPoolInput): LaneRow[] {
  const { flows, places, economics } = input;
  const random = new SeededRandom(input.seed, 'pool');
  const partnerCount = random.intBetween(5, 8);
  const carriers = Math.ceil(partnerCount / 2);
  const rows: LaneRow[] = [];

  const cityIn = (region: Province | UsState, stream: SeededRandom) =>
    places.cityByPopulation(region, MIN_POPULATION, stream) ?? places.cityByPopulation(region, 0, stream);

  const addLane = (
    partner: Partner,
    from: NonNullable<ReturnType<typeof cityIn>>,
    to: NonNullable<ReturnType<typeof cityIn>>,
    equipment: Equipment,
    stream: SeededRandom,
  ) => {
    if (from.name === to.name && from.region === to.region) return;
    const loadsPerWeek = stream.intBetween(1, 6);
    // The same lane drawn twice is one lane with more volume, as a partner would list it.
    const same = rows.find(
      (row) =>
        row.partner_id === partner.id &&
        row.origin_city === from.name &&
        row.origin_region === from.region &&
        row.dest_city === to.name &&
        row.dest_region === to.region &&
        row.equipment === equipment,
    );
    if (same !== undefined) {
      same.loads_per_week = String(Number(same.loads_per_week) + loadsPerWeek);
      return;
    }
    const miles = greatCircleMiles(from, to) * DEFAULT_ROAD_FACTOR;
    rows.push({
      partner_id: partner.id,
      lane_id: `${partner.id}-L${rows.filter((row) => row.partner_id === partner.id).length + 1}`,
      origin_city: from.name,
      origin_region: from.region,
      dest_city: to.name,
      dest_region: to.region,
      equipment,
      loads_per_week: String(loadsPerWeek),
      partner_name: partner.name,
      cost_per_load: formatNumber(miles * economics.costPerMile, 0),
      rate_per_load: formatNumber(miles * ratePerMile(economics, equipment, 'contract'), 0),
      currency: 'USD',
    });
  };

  const provinces = WeightedPicker.fromMap(flows.importKgByProvince);
  const states = WeightedPicker.fromMap(flows.exportKgByState);
  for (let p = 0; p < partnerCount; p++) {
    const stream = random.fork('partner', p);
    const id = `PP${p + 1}`;
    if (p < carriers && provinces !== null) {
      const province = provinces.pick(stream);
      const home = cityIn(province, stream);
      const byEquipment = flows.importKgByEquipment(province);
      const equipment = WeightedPicker.create(
        EQUIPMENT.filter((e) => e !== 'tanker'),
        EQUIPMENT.filter((e) => e !== 'tanker').map((e) => byEquipment.get(e) ?? 0),
      )?.pick(stream);
      const landing = equipment === undefined ? null : flows.landingStates(province, equipment);
      if (home === null || equipment === undefined || landing === null) continue;
      const partner = { id, name: carrierName(stream, home.name).name };
      const lanes = stream.intBetween(3, 5);
      for (let l = 0; l < lanes; l++) {
        const dest = cityIn(landing.pick(stream), stream);
        if (dest !== null) addLane(partner, home, dest, equipment, stream);
      }
      const back = cityIn(landing.pick(stream), stream);
      if (back !== null) addLane(partner, back, home, equipment, stream);
    } else if (states !== null) {
      const state = states.pick(stream);
      const home = cityIn(state, stream);
      const freight = flows.northboundFreight(state, 'wholesale');
      if (home === null || freight === null) continue;
      const partner = { id, name: input.namer.name(stream, home.name, 'wholesale').name };
      const lanes = stream.intBetween(2, 4);
      for (let l = 0; l < lanes; l++) {
        const { province, equipment } = freight.pick(stream);
        const dest = cityIn(province, stream);
        if (dest !== null) addLane(partner, home, dest, equipment, stream);
      }
    }
  }
  return rows;
}
