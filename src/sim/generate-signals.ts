/**
 * Intent signals: searches for Canada-bound capacity, from latent needs plus noise, in time order.
 *
 * - Latent: before each lane shipment its searchers look for a truck 0–6 days ahead (mostly 1–3) on
 *   the lane's boards; the lane's first shipment is always searched for, later ones with the
 *   calibrated probability, some several times.
 * - One-off: shippers search once for a load they will not repeat (any shipper, with a lognormal
 *   "curiosity" so some search more than others; the lanes' owners search off-lane too).
 * - Bots: a company id firing dozens of searches within an hour over random lanes (truth marks them).
 * - Brokers: freight brokers / 3PLs searching every business day for many customers, from dozens of
 *   origins (truth marks them); heavy searchers that are not shippers.
 * - Surges: in a week near asOf, several shippers of one market search 3–5× a corridor's usual volume
 *   (surge-events.ts; truth marks them).
 * - Duplicates: a feed re-sends a row verbatim (same signal_id), or echoes it seconds later under a
 *   new signal_id.
 *
 * Streaming: searches for week w's shipments fall in days 7w−6 … 7w+6, so after generating week w
 * (shipments, one-offs, bots, brokers, surges) every day ≤ 7w is complete and is sorted and emitted. The
 * buffer holds about two weeks of signals (~400k rows at the large size), never the whole stream.
 * Signals after asOf are dropped: the world is observed as of asOf.
 */
import type { Region, UsState } from '../domain/regions.ts';
import { formatLocalTimestamp } from '../domain/local-time.ts';
import { shipmentsInWeek, type Shipment } from './lane-schedule.ts';
import { searchRow, type PendingSignal } from './search-row.ts';
import { SeededRandom } from './seeded-random.ts';
import { generateBotBursts, generateBrokerSearches, generateOneOffs } from './signal-noise.ts';
import { generateSurgeSearches } from './surge-events.ts';
import { WeightedPicker } from './weighted-picker.ts';
import { CALENDAR_WEEKS, HISTORY_DAYS } from './world-calendar.ts';
import type { WorldPlan } from './world-plan.ts';
import type { SignalRow } from './world-rows.ts';

/** How many days before pickup a search happens (index = days). */
const LEAD_DAY_WEIGHTS = [0.1, 0.3, 0.25, 0.15, 0.1, 0.05, 0.05];
const LEAD_DAYS = [0, 1, 2, 3, 4, 5, 6];

/** Collects pending signals by day and releases complete days in time order. */
class DayBuffer {
  private readonly days = new Map<number, PendingSignal[]>();

  constructor(private readonly plan: WorldPlan) {}

  add(pending: PendingSignal, random: SeededRandom): void {
    this.push(pending);
    if (random.chance(this.plan.signalRates.nearDuplicateRate)) {
      const echoMs = pending.instantMs + 2_000 + random.int(88_000);
      const observedAt = formatLocalTimestamp(echoMs, pending.row.origin_region as Region);
      this.push({ instantMs: echoMs, row: { ...pending.row, observed_at: observedAt } });
    }
  }

  private push(pending: PendingSignal): void {
    const { calendar } = this.plan;
    if (pending.instantMs > calendar.asOfMs) return;
    const day = calendar.dayOf(pending.instantMs);
    if (day < 0) return;
    const list = this.days.get(day) ?? [];
    if (list.length === 0) this.days.set(day, list);
    list.push(pending);
  }

  /** Days ≤ lastDay, in order, each sorted by time (ties keep insertion order: Array.sort is stable). */
  *release(lastDay: number): Generator<PendingSignal[]> {
    const ready = [...this.days.keys()].filter((day) => day <= lastDay).sort((a, b) => a - b);
    for (const day of ready) {
      const list = this.days.get(day) ?? [];
      this.days.delete(day);
      list.sort((a, b) => a.instantMs - b.instantMs);
      yield list;
    }
  }
}

function addLaneSearches(
  plan: WorldPlan,
  shipment: Shipment,
  buffer: DayBuffer,
  leadPicker: WeightedPicker<number>,
) {
  const { lane } = shipment;
  const { signalRates, calendar } = plan;
  const random = new SeededRandom(plan.seed, 'lane-searches', lane.index, shipment.week, shipment.day);
  const searched = shipment.firstOfLane || random.chance(signalRates.searchProbability);
  if (!searched) return;
  const count = 1 + random.poisson(signalRates.extraSearchesMean);
  const state = lane.shipper.state as UsState;
  for (let k = 0; k < count; k += 1) {
    // The search for a lane's first shipment is kept inside the calendar and on the lane's own
    // equipment, so every lane in the truth file is visible in the signals.
    const certain = shipment.firstOfLane && k === 0;
    const lead = certain ? Math.min(leadPicker.pick(random), shipment.day) : leadPicker.pick(random);
    // Same-day searches happen from 06:00 until half an hour before the pickup.
    const minute =
      lead === 0
        ? 6 * 60 + random.int(Math.max(1, shipment.pickupMinute - 30 - 6 * 60))
        : 7 * 60 + random.int(11 * 60);
    const instantMs = calendar.instant(state, shipment.day - lead, minute);
    // A searcher occasionally tries a neighbouring trailer type (a van for a reefer-able load).
    const swap = !certain && random.chance(0.03);
    const equipment = swap ? (lane.equipment === 'dry_van' ? 'reefer' : 'dry_van') : lane.equipment;
    const pending = searchRow(
      {
        instantMs,
        searcher: lane.shipper,
        searcherId: random.pick(lane.searcherIds),
        source: random.pick(lane.sources),
        originRegion: state,
        originCity: lane.shipper.city,
        originPoint: lane.shipper.point,
        originZip: lane.shipper.zip,
        destProvince: lane.destProvince,
        destCity: lane.destCity,
        equipment,
      },
      random,
    );
    buffer.add(pending, random);
  }
}

export function* generateSignals(plan: WorldPlan): Generator<SignalRow> {
  const buffer = new DayBuffer(plan);
  const leadPicker = WeightedPicker.create(LEAD_DAYS, LEAD_DAY_WEIGHTS) as WeightedPicker<number>;
  const oneOffs = generateOneOffs(plan);
  const bots = generateBotBursts(plan);
  const brokers = generateBrokerSearches(plan);
  const surges = generateSurgeSearches(plan);
  let sequence = 0;

  for (let week = 0; week < CALENDAR_WEEKS; week += 1) {
    for (const lane of plan.lanes) {
      if (week < lane.firstWeek || week > lane.endWeek) continue;
      for (const shipment of shipmentsInWeek(plan.seed, plan.calendar, lane, week)) {
        addLaneSearches(plan, shipment, buffer, leadPicker);
      }
    }
    for (let day = week * 7; day < week * 7 + 7 && day <= HISTORY_DAYS; day += 1) {
      const random = new SeededRandom(plan.seed, 'noise', day);
      for (const pending of oneOffs(day, random)) buffer.add(pending, random);
      for (const pending of bots(day, random)) buffer.add(pending, random);
      // Brokers draw from their own stream, so the other noise does not shift with their number.
      const brokerRandom = new SeededRandom(plan.seed, 'broker-searches', day);
      for (const pending of brokers(day, brokerRandom)) buffer.add(pending, brokerRandom);
      const surgeRandom = new SeededRandom(plan.seed, 'surge-searches', day);
      for (const pending of surges(day, surgeRandom)) buffer.add(pending, surgeRandom);
    }
    const lastComplete = week === CALENDAR_WEEKS - 1 ? Infinity : week * 7;
    for (const day of buffer.release(lastComplete)) {
      const resend = new SeededRandom(plan.seed, 'resend', sequence);
      for (const pending of day) {
        sequence += 1;
        pending.row.signal_id = `S${String(sequence).padStart(9, '0')}`;
        yield pending.row;
        if (resend.chance(plan.signalRates.exactDuplicateRate)) yield { ...pending.row };
      }
    }
  }
}
