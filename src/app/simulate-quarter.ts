/**
 * Use case: the demo's simulated quarter (DESIGN.md §3.10, the "13 simulated weeks"). The demo
 * world's last 13 weeks become the programme: each Monday the real weekly run scores, creates and
 * assigns tasks; simulated reps work them through the real `log` path, with delays and outcomes drawn
 * from the latent truth (shippers with active lanes reply, quote and book; one-off searchers rarely
 * do); a booking commits the shipper's lane shipments as booked loads (through the real load import);
 * and every week's arriving trucks take loads home — planned ones first, then reactive board searches.
 * The 13 weeks before run the same reactive reloading without the programme: the baseline.
 *
 * Replays from scratch: the tenant's tasks, events, runs and dispatches are cleared first, so running
 * the demo twice gives the same quarter.
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { TenantId } from '../domain/ids.ts';
import type { Load } from '../domain/load.ts';
import { DEFAULT_SEQUENCE, OPEN_TASK_STATES } from '../domain/outreach-task.ts';
import { SCORING_LOOKBACK_DAYS } from '../intent/scoring-options.ts';
import type { KpiReport } from '../metrics/compute-kpis.ts';
import { committedLaneLoads } from '../sim/committed-lane-loads.ts';
import type { DemoWorld } from '../sim/generate-world.ts';
import { simulateReloads } from '../sim/simulate-reloads.ts';
import { simulateRepWeek } from '../sim/simulate-rep-week.ts';
import type { LatentLane } from '../sim/world-model.ts';
import { addLoads } from './add-loads.ts';
import { logOutcomes, type LoggedOutcome } from './log-outcomes.ts';
import { measureProgramme } from './measure-programme.ts';
import type { Store } from './ports.ts';
import { prefetchIntentReads } from './prefetch-intent-reads.ts';
import { runWeek, type WeekReport } from './run-week.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
/** Landing zones read 2 × 13 weeks of arrivals before a run; scoring reads 105 days of signals. */
const ARRIVALS_LOOKBACK_MS = 26 * WEEK_MS;
/** The weekly run happens Monday 13:00 UTC: 08:00 in the east, 05:00 on the Pacific coast. */
const RUN_HOUR_UTC = 13;

export interface SimulateQuarterDeps {
  readonly store: Store;
  readonly gazetteer: Pick<Gazetteer, 'market'>;
  readonly now: () => Date;
  readonly onWeek?: ((week: number, report: WeekReport) => void) | undefined;
}

export interface SimulateQuarterInput {
  readonly tenantId: TenantId;
  readonly world: DemoWorld;
  /** The programme starts this many weeks before the world's as-of date (13). */
  readonly weeks?: number | undefined;
  readonly cadPerUsd: number;
}

export interface QuarterWeek {
  readonly weekStart: Date;
  readonly tasksCreated: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly bookings: number;
  readonly reloads: { readonly spot: number; readonly plan: number; readonly programme: number };
  readonly deliveries: number;
}

export interface QuarterReport {
  readonly programmeStart: Date;
  readonly end: Date;
  readonly weeks: readonly QuarterWeek[];
  readonly lastBrief: WeekReport;
  readonly metrics: KpiReport;
  /** Where the time went, ms: the demo must stay under a minute. */
  readonly timings: Readonly<
    Record<'prefetch' | 'baseline' | 'weeklyRuns' | 'reps' | 'logging' | 'dispatch' | 'metrics', number>
  >;
}

export async function simulateQuarter(
  deps: SimulateQuarterDeps,
  input: SimulateQuarterInput,
): Promise<QuarterReport> {
  const { store, gazetteer } = deps;
  const { tenantId, world } = input;
  const weeks = input.weeks ?? 13;
  const plan = world.plan;
  const end = new Date(Date.parse(world.parameters.asOf));
  const programmeStart = new Date(end.getTime() - weeks * WEEK_MS);
  const baselineStart = new Date(programmeStart.getTime() - weeks * WEEK_MS);
  await store.cadence.resetCadence(tenantId);
  const timings = { prefetch: 0, baseline: 0, weeklyRuns: 0, reps: 0, logging: 0, dispatch: 0, metrics: 0 };
  let mark = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] += now - mark;
    mark = now;
  };

  const intent = await prefetchIntentReads(store, tenantId, {
    signalsFrom: new Date(programmeStart.getTime() - SCORING_LOOKBACK_DAYS * DAY_MS),
    arrivalsFrom: new Date(programmeStart.getTime() - ARRIVALS_LOOKBACK_MS),
    to: end,
  });
  const lanesOf = new Map<string, readonly LatentLane[]>();
  for (const shipper of plan.shippers)
    if (shipper.lanes.length > 0) lanesOf.set(shipper.companyId, shipper.lanes);
  const activeLanes = (companyId: string, at: Date): readonly LatentLane[] => {
    const week = Math.floor((at.getTime() - plan.calendar.startMs) / WEEK_MS);
    return (lanesOf.get(companyId) ?? []).filter((l) => week >= l.startWeek && week <= l.endWeek);
  };
  lap('prefetch');
  const posted = new Map<string, string>();
  for (const row of world.loads()) {
    if (row.shipper_id !== '')
      posted.set(`${row.shipper_id}|${Date.parse(row.pickup_earliest)}`, row.load_id);
  }

  const dispatchWeek = async (from: Date) => {
    const to = new Date(from.getTime() + WEEK_MS);
    const trips = await store.cadence.trips(tenantId, from, to);
    const offers = await store.cadence.untakenLoads(
      tenantId,
      new Date(from.getTime() - 3 * DAY_MS),
      new Date(to.getTime() + 3 * DAY_MS),
    );
    const reloads = simulateReloads(
      trips
        .filter((t) => t.reload === null)
        .map((t) => ({
          deliveryId: t.deliveryId,
          truckId: t.truckId,
          deliveredAt: t.deliveredAt,
          at: { lat: t.destLat, lon: t.destLon },
          equipment: t.equipment,
        })),
      offers,
      plan.seed,
    );
    await store.cadence.saveDispatches(tenantId, reloads);
    return {
      deliveries: trips.length,
      spot: reloads.filter((r) => r.source === 'spot').length,
      plan: reloads.filter((r) => r.source === 'plan').length,
      programme: reloads.filter((r) => r.source === 'programme').length,
    };
  };

  for (let w = 0; w < weeks; w++) await dispatchWeek(new Date(baselineStart.getTime() + w * WEEK_MS));
  lap('baseline');

  const out: QuarterWeek[] = [];
  let lastBrief: WeekReport | null = null;
  for (let w = 0; w < weeks; w++) {
    const weekStart = new Date(programmeStart.getTime() + w * WEEK_MS);
    const runAt = new Date(weekStart.getTime() + RUN_HOUR_UTC * HOUR_MS);
    const brief = await runWeek(
      { store, gazetteer, intent },
      { tenantId, asOf: runAt, corridors: w === weeks - 1 },
    );
    lap('weeklyRuns');
    deps.onWeek?.(w, brief);
    lastBrief = brief;
    const weekEnd = new Date(weekStart.getTime() + WEEK_MS + RUN_HOUR_UTC * HOUR_MS);
    const open = await store.cadence.tasks(tenantId, { states: OPEN_TASK_STATES });
    const simulated = simulateRepWeek(open, runAt, weekEnd, activeLanes, plan.seed, DEFAULT_SEQUENCE);
    lap('reps');
    const outcomes: LoggedOutcome[] = [];
    const newLoads: Load[] = [];
    let bookings = 0;
    for (const s of simulated) {
      if (s.outcome !== 'booked') {
        outcomes.push({ taskId: s.taskId, outcome: s.outcome, at: s.at, actor: s.actor, note: s.note });
        continue;
      }
      const committed = committedLaneLoads(
        plan,
        s.lane!,
        posted,
        s.at.getTime() + DAY_MS,
        end.getTime() + WEEK_MS,
      );
      if (committed.linkedIds.length === 0) continue; // nothing to haul yet: the quote stays open
      newLoads.push(...committed.created);
      outcomes.push({
        taskId: s.taskId,
        outcome: 'booked',
        at: s.at,
        actor: s.actor,
        note: s.note,
        loadIds: committed.linkedIds,
      });
      bookings++;
    }
    // One import for the week's committed loads (the bookings link them), not one per booking.
    if (newLoads.length > 0) await addLoads(store, tenantId, newLoads, `bookings in week ${w + 1}`, deps.now);
    await logOutcomes(store, tenantId, outcomes);
    lap('logging');
    const reloads = await dispatchWeek(weekStart);
    lap('dispatch');
    const counts: Record<string, number> = {};
    for (const o of outcomes) counts[o.outcome] = (counts[o.outcome] ?? 0) + 1;
    out.push({
      weekStart,
      tasksCreated: brief.created.length,
      outcomes: counts,
      bookings,
      reloads: { spot: reloads.spot, plan: reloads.plan, programme: reloads.programme },
      deliveries: reloads.deliveries,
    });
  }

  const metrics = await measureProgramme(
    { store, gazetteer, intent },
    { tenantId, from: baselineStart, to: end, baselineUntil: programmeStart, cadPerUsd: input.cadPerUsd },
  );
  lap('metrics');
  return { programmeStart, end, weeks: out, lastBrief: lastBrief!, metrics, timings };
}
