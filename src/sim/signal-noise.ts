/**
 * The noise in an intent feed: one-off searches, bot bursts and freight brokers' searches, generated
 * day by day. See generate-signals.ts for how they join the latent searches (and surge-events.ts for
 * the corridor surges, which join the same way).
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import type { Province, UsState } from '../domain/regions.ts';
import { searchRow, type PendingSignal, type Searcher } from './search-row.ts';
import { SeededRandom } from './seeded-random.ts';
import { WeightedPicker } from './weighted-picker.ts';
import { SIGNAL_SOURCES, type Bot, type Broker, type BrokerOrigin, type Shipper } from './world-model.ts';
import type { WorldPlan } from './world-plan.ts';

/** One-off searches by weekday (0 = Sunday): people search at work. */
export const ONE_OFF_WEEKDAY_FACTOR = [0.15, 1, 1, 1, 1, 1, 0.25];
export const SOURCE_WEIGHTS = [0.35, 0.25, 0.2, 0.1, 0.1];
const CURIOSITY_SIGMA = 1.2;
/** Owners of lanes search off-lane too, but less: most of their searching is for their lanes. */
const LANE_OWNER_CURIOSITY = 0.6;
export const DEST_MIN_POPULATION = 20_000;
const MINUTE_MS = 60_000;
/** A week's weekday factors summed: a broker's weekly volume over this is its rate per full weekday. */
export const WEEK_FACTOR = ONE_OFF_WEEKDAY_FACTOR.reduce((sum, factor) => sum + factor, 0);
const BROKER_INDUSTRY = 'logistics';

/** A broker's expected searches on a day whose weekday factor is 1 (calibrate-signals.ts uses it). */
export const brokerSearchesPerWeekday = (broker: Broker): number => broker.searchesPerWeek / WEEK_FACTOR;

export type DayNoise = (day: number, random: SeededRandom) => Iterable<PendingSignal>;

/**
 * A shipper searching from its own dock for a truck to a province (one-offs and surge events): one
 * of its people, a board by SOURCE_WEIGHTS, a destination city by population. Draw order is part of
 * the world's determinism: searcher, source, destination city, then the row's own draws.
 */
export function shipperSearch(
  plan: Pick<WorldPlan, 'places'>,
  sources: WeightedPicker<string>,
  shipper: Shipper,
  instantMs: number,
  destProvince: Province,
  equipment: Equipment,
  random: SeededRandom,
): PendingSignal {
  return searchRow(
    {
      instantMs,
      searcher: shipper,
      searcherId: random.pick(shipper.searcherIds),
      source: sources.pick(random),
      originRegion: shipper.state,
      originCity: shipper.city,
      originPoint: shipper.point,
      originZip: shipper.zip,
      destProvince,
      destCity: plan.places.cityByPopulation(destProvince, DEST_MIN_POPULATION, random),
      equipment,
    },
    random,
  );
}

/** A shipper's share weight among one-off searchers: its lognormal curiosity, less for lane owners. */
export function oneOffWeight(seed: number, shipper: Shipper): number {
  const curiosity = new SeededRandom(seed, 'curiosity', shipper.index).lognormalWithMean(1, CURIOSITY_SIGMA);
  return shipper.lanes.length > 0 ? curiosity * LANE_OWNER_CURIOSITY : curiosity;
}

export function generateOneOffs(plan: WorldPlan): DayNoise {
  const { shippers, calendar, flows, signalRates } = plan;
  const picker = WeightedPicker.create(
    shippers,
    shippers.map((shipper) => oneOffWeight(plan.seed, shipper)),
  );
  const sources = WeightedPicker.create(SIGNAL_SOURCES, SOURCE_WEIGHTS) as WeightedPicker<string>;

  return function* oneOffs(day, random) {
    if (picker === null) return;
    const count = random.poisson(
      signalRates.oneOffsPerWeekday * (ONE_OFF_WEEKDAY_FACTOR[calendar.weekday(day)] ?? 1),
    );
    for (let k = 0; k < count; k += 1) {
      const shipper: Shipper = picker.pick(random);
      const lane = shipper.lanes.length > 0 && random.chance(0.4) ? random.pick(shipper.lanes) : null;
      const target =
        lane === null
          ? flows.northboundFreight(shipper.state, shipper.sector)?.pick(random)
          : { province: lane.destProvince, equipment: lane.equipment };
      if (target === undefined) continue;
      const instantMs = calendar.instant(shipper.state, day, 7 * 60 + random.int(11 * 60));
      yield shipperSearch(plan, sources, shipper, instantMs, target.province, target.equipment, random);
    }
  };
}

export function generateBotBursts(plan: WorldPlan): DayNoise {
  const { bots, calendar, flows, places } = plan;
  const burstsByDay = new Map<number, { bot: Bot; minute: number; searches: number }[]>();
  for (const bot of bots) {
    for (const burst of bot.bursts) {
      const list = burstsByDay.get(burst.day) ?? [];
      if (list.length === 0) burstsByDay.set(burst.day, list);
      list.push({ bot, minute: burst.minute, searches: burst.searches });
    }
  }
  const originStates = WeightedPicker.fromMap(flows.exportKgByState);

  return function* botSearches(day, random) {
    if (originStates === null) return;
    for (const { bot, minute, searches } of burstsByDay.get(day) ?? []) {
      const searcher: Searcher = { ...bot, industry: '', employees: null };
      const startMs = calendar.dayDateMs(day) + minute * MINUTE_MS;
      for (let k = 0; k < searches; k += 1) {
        // Random lanes: a scraper sweeps origins and provinces, not one shipper's dock.
        const state: UsState = originStates.pick(random);
        const city = places.cityByPopulation(state, DEST_MIN_POPULATION, random);
        const freight = flows.northboundFreight(state, 'wholesale')?.pick(random);
        if (city === null || freight === undefined) continue;
        yield searchRow(
          {
            instantMs: startMs + random.int(55 * MINUTE_MS),
            searcher,
            searcherId: `api@${bot.domain}`,
            source: bot.source,
            originRegion: state,
            originCity: city,
            originPoint: city,
            originZip: null,
            destProvince: freight.province,
            destCity: places.cityByPopulation(freight.province, DEST_MIN_POPULATION, random),
            equipment: random.chance(0.3) ? random.pick(EQUIPMENT) : freight.equipment,
          },
          random,
        );
      }
    }
  };
}

/**
 * Brokers search every business day (weekends a little), at office hours in their home state, each
 * search for one of their customers: origin at that customer's town, destination and equipment from
 * the state's northbound freight (any chapter: brokers move everything).
 */
export function generateBrokerSearches(plan: WorldPlan): DayNoise {
  const { brokers, calendar, flows, places } = plan;
  const working = brokers.flatMap((broker) => {
    const origins = WeightedPicker.create(
      broker.origins,
      broker.origins.map((origin) => origin.weight),
    );
    if (origins === null) return [];
    const searcher: Searcher = { ...broker, industry: BROKER_INDUSTRY };
    return [{ broker, searcher, origins, perWeekday: brokerSearchesPerWeekday(broker) }];
  });

  return function* brokerSearches(day, random) {
    const factor = ONE_OFF_WEEKDAY_FACTOR[calendar.weekday(day)] ?? 1;
    for (const { broker, searcher, origins, perWeekday } of working) {
      const count = random.poisson(perWeekday * factor);
      for (let k = 0; k < count; k += 1) {
        const origin: BrokerOrigin = origins.pick(random);
        const freight = flows.northboundFreight(origin.state, 'wholesale')?.pick(random);
        if (freight === undefined) continue;
        yield searchRow(
          {
            instantMs: calendar.instant(broker.homeState, day, 7 * 60 + random.int(11 * 60)),
            searcher,
            searcherId: random.pick(broker.searcherIds),
            source: random.pick(broker.sources),
            originRegion: origin.state,
            originCity: origin.city,
            originPoint: origin.city,
            originZip: origin.zip,
            destProvince: freight.province,
            destCity: places.cityByPopulation(freight.province, DEST_MIN_POPULATION, random),
            equipment: freight.equipment,
          },
          random,
        );
      }
    }
  };
}
