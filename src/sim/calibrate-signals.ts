/**
 * Sets the signal rates so a world of a given size lands near its signal target, with a fixed mix:
 * LATENT_SHARE of the (pre-duplicate) signals come from lane shipments, bots contribute their bursts,
 * brokers their daily searches, corridor surges their extra searches, one-offs fill the rest. Calibration is analytic (expected values), so
 * it costs nothing at 10M rows.
 */
import { expectedShipments } from './lane-schedule.ts';
import { brokerSearchesPerWeekday, ONE_OFF_WEEKDAY_FACTOR } from './signal-noise.ts';
import { HISTORY_DAYS, HISTORY_WEEKS, type WorldCalendar } from './world-calendar.ts';
import type { Bot, Broker, LatentLane, SurgeEvent } from './world-model.ts';
import type { SignalRates } from './world-plan.ts';

/** Share of signals (before duplicates) that come from latent lanes: the learnable part. */
export const LATENT_SHARE = 0.6;
const EXACT_DUPLICATE_RATE = 0.015;
const NEAR_DUPLICATE_RATE = 0.025;
/** Above this many searches per shipment, search every shipment and add repeats instead. */
const MAX_SEARCH_PROBABILITY = 0.85;

export interface CalibrateSignalsInput {
  readonly calendar: WorldCalendar;
  readonly lanes: readonly LatentLane[];
  readonly bots: readonly Bot[];
  readonly brokers: readonly Broker[];
  /** Corridor surges (absent: none); their searches are exact counts, all inside the history. */
  readonly surges?: readonly SurgeEvent[];
  readonly targetSignals: number;
}

export function calibrateSignals({
  calendar,
  lanes,
  bots,
  brokers,
  surges = [],
  targetSignals,
}: CalibrateSignalsInput): SignalRates {
  const base = targetSignals / (1 + EXACT_DUPLICATE_RATE + NEAR_DUPLICATE_RATE);
  const botSignals = bots.reduce((sum, bot) => sum + bot.bursts.reduce((s, b) => s + b.searches, 0), 0);
  // Shipments whose searches fall before asOf: the history weeks, and about half the week ahead.
  const shipments = lanes.reduce((sum, lane) => sum + expectedShipments(lane, 0, HISTORY_WEEKS + 1), 0);
  const firsts = lanes.filter((lane) => lane.firstWeek <= HISTORY_WEEKS).length;
  const latentTarget = LATENT_SHARE * base;

  let searchProbability: number;
  let extraSearchesMean: number;
  if (shipments <= firsts) {
    searchProbability = 1;
    extraSearchesMean = Math.max(0, latentTarget / Math.max(1, shipments) - 1);
  } else if (latentTarget <= MAX_SEARCH_PROBABILITY * shipments + (1 - MAX_SEARCH_PROBABILITY) * firsts) {
    // The first shipment of each lane is always searched; the others with probability p.
    searchProbability = Math.min(1, Math.max(0.02, (latentTarget - firsts) / (shipments - firsts)));
    extraSearchesMean = 0;
  } else {
    searchProbability = MAX_SEARCH_PROBABILITY;
    extraSearchesMean =
      latentTarget / (MAX_SEARCH_PROBABILITY * shipments + (1 - MAX_SEARCH_PROBABILITY) * firsts) - 1;
  }
  const latentExpected =
    (searchProbability * shipments + (1 - searchProbability) * Math.min(firsts, shipments)) *
    (1 + extraSearchesMean);

  let weekdayEquivalents = 0;
  for (let day = 0; day <= HISTORY_DAYS; day += 1) {
    weekdayEquivalents += ONE_OFF_WEEKDAY_FACTOR[calendar.weekday(day)] ?? 1;
  }
  // Brokers search on the same weekday pattern as one-offs, over the same days.
  const brokerSignals =
    brokers.reduce((sum, broker) => sum + brokerSearchesPerWeekday(broker), 0) * weekdayEquivalents;
  const surgeSignals = surges.reduce((sum, event) => sum + event.searches.length, 0);
  const oneOffs = Math.max(0, base - latentExpected - botSignals - brokerSignals - surgeSignals);
  return {
    searchProbability,
    extraSearchesMean,
    oneOffsPerWeekday: oneOffs / weekdayEquivalents,
    exactDuplicateRate: EXACT_DUPLICATE_RATE,
    nearDuplicateRate: NEAR_DUPLICATE_RATE,
  };
}
