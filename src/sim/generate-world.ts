/**
 * The seeded demo world (DESIGN.md §3.10): one Canadian carrier, the US shippers around its landing
 * markets, their intent signals and load offers, grounded in the public data of data/ and written as
 * the §7 files so the demo runs through the real import path.
 *
 * How the pieces come from the data:
 * - Terminals: provinces drawn by BTS CA→US truck tonnage (ON ≈ half); trucks split by the same weight;
 *   equipment from each province's southbound tonnage by trailer type (HS2 → equipment,
 *   docs/hs2-equipment.md) tilted toward a van-and-reefer carrier (build-carrier.ts).
 * - Deliveries: states by BTS tonnage from the truck's province on its equipment; regular consignees
 *   make landing zones, one-off drops make the sporadic tail (build-consignees.ts, generate-deliveries.ts).
 * - Shippers: Census CBP 2021 establishments by county × sector (state totals spread over towns where
 *   counties are missing), in gazetteer towns (place-shippers.ts).
 * - Latent lanes: chance ∝ the state's BTS US→CA tonnage per establishment; destination, commodity and
 *   equipment from the state's exports (assign-latent-lanes.ts). ~10% of shippers have lanes.
 * - Signals: searches before lane shipments + one-offs + bot bursts + broker searches + duplicates,
 *   calibrated to the size's target (calibrate-signals.ts, generate-signals.ts).
 * - Brokers: freight brokers / 3PLs homed by BTS US→CA export tonnage, searching daily for 15–60
 *   customer towns (by population) in their home state and nearby exporting states (build-brokers.ts).
 * - Loads: lane shipments near landing zones (mostly) and spot loads, DAT rates (generate-loads.ts).
 * - Pool: 5–8 partners (Canadian carriers, US shippers) with lanes drawn from the same flows, the
 *   collaborative pool the broker tools work on (build-pool-lanes.ts).
 * - Surges: a few corridors (an origin market near the landing markets × province × equipment from the
 *   state's exports) get 3–5× their usual searches in week t (or t−1) from several of the market's
 *   shippers, so `corridors` has something to flag (surge-events.ts; truth kind 'surge').
 *
 * Determinism: everything is a function of (reference data, gazetteer, seed, size, asOf, home
 * provinces). Small objects (fleet, consignees, shippers, lanes, bots, brokers, surges) are built here; row
 * streams are generator functions over the plan, each drawing from streams keyed by what it generates
 * (truck × week, lane × week, day, broker searches × day), so they can be consumed lazily, in any
 * order, repeatedly, identically.
 * Nothing reads a clock or global randomness: asOf and the seed are the only sources of variation.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { Equipment } from '../domain/equipment.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { Province } from '../domain/regions.ts';
import { assignLatentLanes } from './assign-latent-lanes.ts';
import { buildBots } from './build-bots.ts';
import { buildBrokers } from './build-brokers.ts';
import { buildCarrier } from './build-carrier.ts';
import { buildConsignees } from './build-consignees.ts';
import { buildReps } from './build-reps.ts';
import { calibrateSignals } from './calibrate-signals.ts';
import { CompanyNamer } from './company-names.ts';
import { CAD_PER_USD } from './freight-rates.ts';
import { generateDeliveries } from './generate-deliveries.ts';
import { generateLoads } from './generate-loads.ts';
import { generateSignals } from './generate-signals.ts';
import { landingMarkets } from './landing-markets.ts';
import { PlaceCatalog } from './place-catalog.ts';
import { placeShippers } from './place-shippers.ts';
import { planLoadOffers } from './plan-load-offers.ts';
import type { ReferenceData } from './reference-data.ts';
import { SeededRandom } from './seeded-random.ts';
import { buildSurgeEvents } from './surge-events.ts';
import { TradeFlows } from './trade-flows.ts';
import { CALENDAR_DAYS, WorldCalendar } from './world-calendar.ts';
import type { WorldPlan } from './world-plan.ts';
import type { DeliveryRow, FleetRow, LaneRow, LoadRow, RepRow, SignalRow } from './world-rows.ts';
import { buildPoolLanes } from './build-pool-lanes.ts';
import { WORLD_SCALES, type WorldSize } from './world-size.ts';
import { truthRecords, type TruthRecord } from './world-truth.ts';

/** Bump when a change alters the rows a (seed, size, asOf) produces. */
export const GENERATOR_VERSION = '1.5.0';

export interface GenerateWorldOptions {
  readonly size: WorldSize;
  readonly seed: number;
  /** The world is observed at this instant: 52 weeks of history end here, one scheduled week follows. */
  readonly asOf: Date;
  /** Forces the carrier's terminal provinces (largest first); drawn from BTS weights when absent. */
  readonly homeProvinces?: readonly Province[];
}

/** What the world was built with and from, for manifest.json and the demo's narration. */
export interface WorldParameters {
  readonly generatorVersion: string;
  readonly seed: number;
  readonly size: WorldSize;
  readonly asOf: string;
  readonly historyStart: string;
  readonly scheduledUntil: string;
  readonly carrier: {
    readonly name: string;
    readonly domain: string;
    readonly homeProvinces: readonly Province[];
    readonly terminals: readonly {
      readonly city: string;
      readonly region: Province;
      readonly trucks: number;
    }[];
    readonly trucksByEquipment: Readonly<Partial<Record<Equipment, number>>>;
  };
  readonly counts: {
    readonly trucks: number;
    readonly consignees: number;
    readonly shippers: number;
    readonly shippersWithLanes: number;
    readonly lanes: number;
    readonly bots: number;
    readonly brokers: number;
    readonly surges: number;
    readonly poolPartners: number;
    readonly poolLanes: number;
    readonly loadVisibleLanes: number;
    readonly partneredLanes: number;
  };
  readonly targets: { readonly signals: number; readonly loads: number };
  readonly signalRates: WorldPlan['signalRates'];
  readonly cadPerUsd: number;
}

export interface DemoWorld {
  readonly parameters: WorldParameters;
  /** The materialised world, for the evaluation harness; rows come from the streams below. */
  readonly plan: WorldPlan;
  fleet(): Iterable<FleetRow>;
  deliveries(): Iterable<DeliveryRow>;
  signals(): Iterable<SignalRow>;
  loads(): Iterable<LoadRow>;
  reps(): Iterable<RepRow>;
  /** The collaborative pool's lanes: 5–8 partners, carriers and shippers (build-pool-lanes.ts). */
  lanes(): Iterable<LaneRow>;
  truth(): Iterable<TruthRecord>;
}

export function generateWorld(
  reference: ReferenceData,
  gazetteer: Gazetteer,
  options: GenerateWorldOptions,
): DemoWorld {
  const { size, seed, asOf } = options;
  if (!Number.isSafeInteger(seed)) {
    throw new NorthboundError('invalid_input', `Cannot generate a world: seed ${seed} is not an integer`, {
      seed,
    });
  }
  const scale = WORLD_SCALES[size];
  const calendar = new WorldCalendar(asOf);
  const places = new PlaceCatalog(gazetteer, reference.zipCentroids);
  const flows = new TradeFlows(reference);
  const namer = new CompanyNamer();

  const carrier = buildCarrier({
    random: new SeededRandom(seed, 'carrier'),
    flows,
    places,
    scale,
    homeProvinces: options.homeProvinces,
  });
  namer.reserve(carrier.domain);
  const consignees = buildConsignees({
    random: new SeededRandom(seed, 'consignees'),
    flows,
    places,
    carrier,
  });
  const shippers = placeShippers({ seed, count: scale.shippers, reference, places, namer });
  const lanes = assignLatentLanes({
    seed,
    shippers,
    stateSectors: reference.stateSectors,
    flows,
    places,
  });
  const bots = buildBots(seed, scale.bots, scale.botBursts, shippers.length);
  const brokers = buildBrokers(seed, scale.brokers, shippers.length + bots.length, {
    flows,
    places,
    namer,
    searchesPerWeek: scale.brokerSearchesPerWeek,
  });
  const markets = landingMarkets(consignees, gazetteer);
  // Surges are sized against the corridors' usual weeks under the rates without them; the final rates
  // then take their searches off the one-off budget.
  const signalInput = { calendar, lanes, bots, brokers, targetSignals: scale.targetSignals };
  const surges = buildSurgeEvents({
    seed,
    count: scale.surges,
    calendar,
    places,
    flows,
    shippers,
    brokers,
    markets,
    rates: calibrateSignals(signalInput),
  });
  const plan: WorldPlan = {
    seed,
    size,
    scale,
    calendar,
    places,
    flows,
    economics: reference.economics,
    carrier,
    consignees,
    shippers,
    lanes,
    bots,
    brokers,
    surges,
    signalRates: calibrateSignals({ ...signalInput, surges }),
    loadRates: planLoadOffers({ seed, carrier, consignees, lanes, shippers, targetLoads: scale.targetLoads }),
  };
  const reps = buildReps(seed, scale.reps, carrier, markets);
  const poolLanes = buildPoolLanes({ seed, flows, places, namer, economics: reference.economics });

  const trucksByEquipment: Partial<Record<Equipment, number>> = {};
  for (const truck of carrier.trucks) {
    trucksByEquipment[truck.equipment] = (trucksByEquipment[truck.equipment] ?? 0) + 1;
  }
  const parameters: WorldParameters = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    size,
    asOf: asOf.toISOString(),
    historyStart: calendar.isoDate(0),
    scheduledUntil: calendar.isoDate(CALENDAR_DAYS - 1),
    carrier: {
      name: carrier.name,
      domain: carrier.domain,
      homeProvinces: carrier.homeProvinces,
      terminals: carrier.terminals.map((t) => ({
        city: t.city.name,
        region: t.province,
        trucks: carrier.trucks.filter((truck) => truck.terminal === t).length,
      })),
      trucksByEquipment,
    },
    counts: {
      trucks: carrier.trucks.length,
      consignees: consignees.length,
      shippers: shippers.length,
      shippersWithLanes: shippers.filter((s) => s.lanes.length > 0).length,
      lanes: lanes.length,
      bots: bots.length,
      brokers: brokers.length,
      surges: surges.length,
      poolPartners: new Set(poolLanes.map((lane) => lane.partner_id)).size,
      poolLanes: poolLanes.length,
      loadVisibleLanes: plan.loadRates.visibleLanes.length,
      partneredLanes: plan.loadRates.partnered.size,
    },
    targets: { signals: scale.targetSignals, loads: scale.targetLoads },
    signalRates: plan.signalRates,
    cadPerUsd: CAD_PER_USD,
  };

  return {
    parameters,
    plan,
    *fleet() {
      for (const truck of carrier.trucks) {
        yield {
          truck_id: truck.truckId,
          equipment: truck.equipment,
          home_city: truck.terminal.city.name,
          home_region: truck.terminal.province,
          domicile: 'CA',
          credentials: truck.credentials.join(';'),
        };
      }
    },
    deliveries: () => generateDeliveries(plan),
    signals: () => generateSignals(plan),
    loads: () => generateLoads(plan),
    reps: () => reps,
    lanes: () => poolLanes,
    truth: () => truthRecords(plan, markets),
  };
}
