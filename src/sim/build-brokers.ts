/**
 * Freight brokers and 3PLs: companies that search load boards for Canada-bound trucks on behalf of
 * many customers. On real boards they are among the heaviest searchers, yet they are not shippers:
 * their searches start at dozens of customers' docks, so no origin recurs the way a shipper's dock
 * does. A carrier ranking recurring northbound shippers should not put them on top; the truth file
 * names them (kind 'broker') so the evaluation can check that it does not.
 *
 * - Home state: by BTS US→CA export tonnage (brokers sit where the freight is).
 * - Customers: 15–60 distinct origin towns by population; HOME_SHARE of the draws in the home state,
 *   the rest by export tonnage damped by distance from the home state (neighbours first, the big
 *   exporting states too). Each customer gets a lognormal share of the broker's searches.
 * - Volume: searches a week lognormal around the size's mean (world-size.ts), so some are far busier.
 * - Company ids come from the same id space as shippers (companyIdOf), numbered after the shippers
 *   and the bots, so they never collide and only behaviour gives brokers away.
 */
import { greatCircleMiles } from '../domain/geo.ts';
import type { City } from '../domain/market.ts';
import type { UsState } from '../domain/regions.ts';
import { emailLocalPart, personName, type CompanyNamer } from './company-names.ts';
import type { PlaceCatalog } from './place-catalog.ts';
import { companyIdOf } from './place-shippers.ts';
import { SeededRandom } from './seeded-random.ts';
import type { TradeFlows } from './trade-flows.ts';
import { WeightedPicker } from './weighted-picker.ts';
import { SIGNAL_SOURCES, type Broker, type BrokerOrigin } from './world-model.ts';

/** Customers' towns: small enough for an industrial town, large enough to be a shipping point. */
export const CUSTOMER_MIN_POPULATION = 5_000;
const OFFICE_MIN_POPULATION = 50_000;
const MIN_CUSTOMERS = 15;
const MAX_CUSTOMERS = 60;
/** Share of customer draws in the broker's home state. */
const HOME_SHARE = 0.4;
/** Distance at which another state's weight is halved (1 / (1 + (d / NEAR_MILES)²)). */
const NEAR_MILES = 400;
const CUSTOMER_SIGMA = 1;
const VOLUME_SIGMA = 0.5;
const MIN_EMPLOYEES = 20;
const MAX_EMPLOYEES = 400;

export interface BuildBrokersContext {
  readonly flows: TradeFlows;
  readonly places: PlaceCatalog;
  readonly namer: CompanyNamer;
  /** Mean searches a week per broker. */
  readonly searchesPerWeek: number;
}

/** Brokers are numbered from `firstIndex` (after shippers and bots) so company ids never collide. */
export function buildBrokers(
  seed: number,
  count: number,
  firstIndex: number,
  { flows, places, namer, searchesPerWeek }: BuildBrokersContext,
): Broker[] {
  // States a broker can work in: some northbound freight and a town to search from.
  const anchors = new Map<UsState, City>();
  const exportKg = new Map<UsState, number>();
  for (const [state, kg] of flows.exportKgByState) {
    const anchor = places.citiesIn(state, CUSTOMER_MIN_POPULATION)[0];
    if (anchor === undefined || flows.northboundFreight(state, 'wholesale') === null) continue;
    anchors.set(state, anchor);
    exportKg.set(state, kg);
  }
  const homeStates = WeightedPicker.fromMap(exportKg);
  if (homeStates === null || count <= 0) return [];
  const reach = new Map<UsState, WeightedPicker<UsState>>();
  const reachFrom = (home: UsState): WeightedPicker<UsState> => {
    let picker = reach.get(home);
    if (picker === undefined) {
      const from = anchors.get(home) as City;
      const states = [...exportKg.keys()];
      picker = WeightedPicker.create(
        states,
        states.map((state) => {
          const miles = greatCircleMiles(from, anchors.get(state) as City);
          return (exportKg.get(state) ?? 0) / (1 + (miles / NEAR_MILES) ** 2);
        }),
      ) as WeightedPicker<UsState>;
      reach.set(home, picker);
    }
    return picker;
  };

  return Array.from({ length: count }, (_, index) => {
    const random = new SeededRandom(seed, 'broker', index);
    const homeState = homeStates.pick(random);
    const homeCity =
      places.cityByPopulation(homeState, OFFICE_MIN_POPULATION, random) ?? (anchors.get(homeState) as City);
    const { name, domain } = namer.brokerName(random, homeCity.name);
    const employees = Math.round(Math.exp(random.between(Math.log(MIN_EMPLOYEES), Math.log(MAX_EMPLOYEES))));

    const searcherCount = random.intBetween(3, 8);
    const searcherIds = new Set<string>();
    while (searcherIds.size < searcherCount) {
      searcherIds.add(`${emailLocalPart(personName(random))}@${domain}`);
    }
    const sources = random.sample(SIGNAL_SOURCES, random.intBetween(2, 4));

    // Distinct customer towns; a small state may run out of towns before the target is met.
    const target = random.intBetween(MIN_CUSTOMERS, MAX_CUSTOMERS);
    const origins: BrokerOrigin[] = [];
    const seen = new Set<string>();
    for (let attempt = 0; attempt < target * 20 && origins.length < target; attempt += 1) {
      const state = random.chance(HOME_SHARE) ? homeState : reachFrom(homeState).pick(random);
      const city = places.cityByPopulation(state, CUSTOMER_MIN_POPULATION, random);
      if (city === null || seen.has(city.id)) continue;
      seen.add(city.id);
      origins.push({
        city,
        state,
        zip: places.nearestZip(city, state, 15)?.zip ?? null,
        weight: random.lognormalWithMean(1, CUSTOMER_SIGMA),
      });
    }

    return {
      index,
      companyId: companyIdOf(seed, firstIndex + index),
      name,
      domain,
      employees,
      homeState,
      homeCity,
      searcherIds: [...searcherIds],
      sources,
      origins,
      searchesPerWeek: random.lognormalWithMean(searchesPerWeek, VOLUME_SIGMA),
    };
  });
}
