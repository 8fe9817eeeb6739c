/**
 * truth.ndjson: what the world was built with, for the evaluation harness (§3.10) and the tests.
 * - `landing_market`: each market's expected regular arrivals per week (landing-zone truth);
 * - `shipper`: every shipper with latent lanes, and the lanes (a company id absent from the truth
 *   file has no recurring northbound need: its searches are one-offs);
 * - `bot`: company ids that are software, with their bursts;
 * - `broker`: freight brokers / 3PLs, heavy searchers for many customers' origins. Not shippers: like
 *   bots and one-off searchers they have no `shipper` record, so the evaluation counts them as not
 *   relevant.
 * - `surge`: corridor surges (origin market × destination province × equipment) put into the signals:
 *   the week (week_start = asOf − 7 days for week t, the week `corridors` as of asOf tests; a week
 *   earlier for t−1), the extra searches and the shippers who made them. The corridor's other searches
 *   that week come on top; `usual_per_week` is the generator's estimate of them.
 * Field names are snake_case like the CSVs. Weeks are calendar weeks: 0 is the first week of the
 * history, 51 the last, 52 the scheduled week; a lane may start before 0, and end_week 53 means it
 * runs on past the calendar.
 */
import type { Equipment } from '../domain/equipment.ts';
import { marketLabel } from '../domain/market.ts';
import { expectedShipments } from './lane-schedule.ts';
import type { LandingMarket } from './landing-markets.ts';
import { CALENDAR_WEEKS, HISTORY_WEEKS } from './world-calendar.ts';
import type { WorldPlan } from './world-plan.ts';

export interface TruthLane {
  readonly lane_id: string;
  readonly origin_city: string;
  readonly origin_region: string;
  readonly dest_city: string;
  readonly dest_region: string;
  readonly equipment: Equipment;
  readonly hs2: string;
  readonly commodity: string;
  readonly loads_per_week: number;
  readonly start_week: number;
  readonly end_week: number;
  /** First and last dates the lane is active inside the calendar. */
  readonly active_from: string;
  readonly active_to: string;
  readonly weekdays: readonly number[];
  readonly searcher_ids: readonly string[];
  readonly sources: readonly string[];
  /** Expected shipments inside the 52 history weeks. */
  readonly expected_shipments: number;
  readonly partnered: boolean;
}

export type TruthRecord =
  | {
      readonly kind: 'landing_market';
      readonly market: string;
      readonly market_id: string | null;
      readonly region: string;
      readonly lat: number;
      readonly lon: number;
      readonly trucks_per_week: number;
      readonly trucks_per_week_by_equipment: Readonly<Partial<Record<Equipment, number>>>;
    }
  | {
      readonly kind: 'shipper';
      readonly company_id: string;
      readonly company_name: string;
      readonly company_domain: string;
      readonly industry: string;
      readonly employees: number;
      readonly origin_city: string;
      readonly origin_region: string;
      /** The shipper's dock (lanes start here). */
      readonly origin_lat: number;
      readonly origin_lon: number;
      readonly lanes: readonly TruthLane[];
    }
  | {
      readonly kind: 'bot';
      readonly company_id: string;
      readonly company_name: string;
      readonly company_domain: string;
      readonly source: string;
      readonly bursts: readonly { readonly date: string; readonly searches: number }[];
    }
  | {
      readonly kind: 'broker';
      readonly company_id: string;
      readonly company_name: string;
      readonly company_domain: string;
      readonly home_region: string;
      /** Distinct customer origin towns it searches from. */
      readonly customer_origins: number;
      readonly searches_per_week: number;
    }
  | {
      readonly kind: 'surge';
      /** "Dallas, TX" */
      readonly origin_market: string;
      readonly origin_market_id: string;
      readonly dest_region: string;
      readonly equipment: Equipment;
      /** First date of the 7-day corridor week (YYYY-MM-DD). */
      readonly week_start: string;
      /** Extra searches that week (before the feed's duplicates). */
      readonly searches: number;
      readonly company_ids: readonly string[];
      readonly usual_per_week: number;
    };

const round2 = (value: number): number => Math.round(value * 100) / 100;
const round5 = (value: number): number => Math.round(value * 1e5) / 1e5;

export function* truthRecords(plan: WorldPlan, markets: readonly LandingMarket[]): Generator<TruthRecord> {
  const { calendar, flows } = plan;
  for (const market of markets) {
    const byEquipment: Partial<Record<Equipment, number>> = {};
    for (const [equipment, value] of Object.entries(market.trucksPerWeekByEquipment)) {
      byEquipment[equipment as Equipment] = round2(value);
    }
    yield {
      kind: 'landing_market',
      market: market.label,
      market_id: market.marketId,
      region: market.region,
      lat: round5(market.lat),
      lon: round5(market.lon),
      trucks_per_week: round2(market.trucksPerWeek),
      trucks_per_week_by_equipment: byEquipment,
    };
  }
  for (const shipper of plan.shippers) {
    if (shipper.lanes.length === 0) continue;
    yield {
      kind: 'shipper',
      company_id: shipper.companyId,
      company_name: shipper.name,
      company_domain: shipper.domain,
      industry: shipper.industry,
      employees: shipper.employees,
      origin_city: shipper.city.name,
      origin_region: shipper.state,
      origin_lat: round5(shipper.point.lat),
      origin_lon: round5(shipper.point.lon),
      lanes: shipper.lanes.map((lane) => ({
        lane_id: lane.laneId,
        origin_city: shipper.city.name,
        origin_region: shipper.state,
        dest_city: lane.destCity.name,
        dest_region: lane.destProvince,
        equipment: lane.equipment,
        hs2: lane.hs2,
        commodity: flows.commodityName(lane.hs2),
        loads_per_week: lane.loadsPerWeek,
        start_week: lane.startWeek,
        end_week: Math.min(lane.endWeek, CALENDAR_WEEKS),
        active_from: calendar.isoDate(Math.max(0, lane.startWeek) * 7),
        active_to: calendar.isoDate(Math.min(CALENDAR_WEEKS, lane.endWeek + 1) * 7 - 1),
        weekdays: lane.weekdays,
        searcher_ids: lane.searcherIds,
        sources: lane.sources,
        expected_shipments: round2(expectedShipments(lane, 0, HISTORY_WEEKS)),
        partnered: plan.loadRates.partnered.has(lane),
      })),
    };
  }
  for (const bot of plan.bots) {
    yield {
      kind: 'bot',
      company_id: bot.companyId,
      company_name: bot.name,
      company_domain: bot.domain,
      source: bot.source,
      bursts: bot.bursts.map((burst) => ({ date: calendar.isoDate(burst.day), searches: burst.searches })),
    };
  }
  for (const broker of plan.brokers) {
    yield {
      kind: 'broker',
      company_id: broker.companyId,
      company_name: broker.name,
      company_domain: broker.domain,
      home_region: broker.homeState,
      customer_origins: broker.origins.length,
      searches_per_week: round2(broker.searchesPerWeek),
    };
  }
  for (const surge of plan.surges) {
    yield {
      kind: 'surge',
      origin_market: marketLabel(surge.market),
      origin_market_id: surge.market.id,
      dest_region: surge.destProvince,
      equipment: surge.equipment,
      week_start: new Date(surge.weekStartMs).toISOString().slice(0, 10),
      searches: surge.searches.length,
      company_ids: [...new Set(surge.searches.map((search) => search.shipper.companyId))].sort(),
      usual_per_week: round2(surge.usualPerWeek),
    };
  }
}
