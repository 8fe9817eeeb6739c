/**
 * "Is it working?" (DESIGN.md §1 item 8, §3.9): the one entry point that places trips and tasks in
 * periods (all, or before/after a programme start), computes every KPI overall and per group, and
 * reports the change after − before. The CLI renders tables and --json from the plain object it returns.
 */
import { NorthboundError } from '../domain/errors.ts';
import { conversionFunnel, type ConversionFunnel } from './conversion-funnel.ts';
import { emptyMileShare, type EmptyMileShare } from './empty-mile-share.ts';
import { DEFAULT_RELOAD_WINDOW_HOURS, reloadRate, type ReloadRate } from './reload-rate.ts';
import { revenuePerTruck, type RevenuePerTruck } from './revenue-per-truck.ts';
import { signalToOutreach, type SignalToOutreach } from './signal-to-outreach.ts';
import type { CorridorSignals, KpiPeriodName, OutreachRecord, TripRecord } from './trip-record.ts';

/** The dimension rows are grouped by: a trip's or task's corridor, landing zone, or rep (zone owner). */
export type KpiGrouping = 'corridor' | 'zone' | 'rep';
export const KPI_GROUPINGS: readonly KpiGrouping[] = ['corridor', 'zone', 'rep'];

export interface KpiInput {
  readonly trips: readonly TripRecord[];
  readonly tasks: readonly OutreachRecord[];
  /** Distinct signalling companies per corridor (and zone), one row set per period of the report. */
  readonly signals: readonly CorridorSignals[];
  readonly fleetSize: number;
}

export interface KpiOptions {
  readonly from: Date;
  /** Exclusive; also the as-of instant for task outcomes (a step at or after it has not happened yet). */
  readonly to: Date;
  /** The programme start: splits [from, to) into 'before' and 'after'. Without it, one period 'all'. */
  readonly baselineUntil?: Date | undefined;
  readonly by?: KpiGrouping | undefined;
  readonly reloadWindowHours?: number | undefined;
}

/** The numbers a table row prints and a delta compares; null where undefined (never NaN). */
export interface KpiHeadlines {
  readonly emptyMileShare: number | null;
  readonly reloadRate: number | null;
  readonly reloadWaitMedianHours: number | null;
  readonly reloadWaitMeanHours: number | null;
  readonly signalToOutreachMedianHours: number | null;
  readonly signalToOutreachP90Hours: number | null;
  readonly tierAMedianHours: number | null;
  readonly tierAP90Hours: number | null;
  readonly tierBMedianHours: number | null;
  readonly tierBP90Hours: number | null;
  readonly waitingTasks: number | null;
  readonly contactedRate: number | null;
  readonly quotedRate: number | null;
  readonly bookedRate: number | null;
  readonly signalToBookedRate: number | null;
  /** Overall only (revenue is not split by group: the fleet is shared); null on rows. */
  readonly revenuePerTruckPerWeekUsd: number | null;
  readonly weeklyRevenueCv: number | null;
}

export interface KpiFigures {
  readonly emptyMiles: EmptyMileShare;
  readonly reload: ReloadRate;
  readonly outreach: SignalToOutreach;
  readonly funnel: ConversionFunnel;
  readonly headlines: KpiHeadlines;
}

/** One group: key is the corridor label, zone label or rep id; null for tasks with no zone or rep. */
export interface KpiRow extends KpiFigures {
  readonly key: string | null;
}

export interface KpiOverall extends KpiFigures {
  readonly revenue: RevenuePerTruck;
}

export interface KpiPeriod {
  readonly name: KpiPeriodName;
  readonly from: Date;
  readonly to: Date;
  readonly overall: KpiOverall;
  /** The same keys in the same order in every period (a group absent from one has empty figures). */
  readonly rows: readonly KpiRow[];
}

/** after − before per headline; null when either side is null. */
export interface KpiDelta {
  readonly overall: KpiHeadlines;
  readonly rows: readonly { readonly key: string | null; readonly headlines: KpiHeadlines }[];
}

export interface KpiReport {
  readonly from: Date;
  readonly to: Date;
  readonly baselineUntil: Date | null;
  readonly by: KpiGrouping;
  readonly fleetSize: number;
  readonly reloadWindowHours: number;
  /** ['all'], or ['before', 'after']. */
  readonly periods: readonly KpiPeriod[];
  readonly delta: KpiDelta | null;
}

/**
 * Computes the KPIs of [from, to). Periods: [from, baselineUntil) 'before' and [baselineUntil, to)
 * 'after' when baselineUntil is given, else [from, to) 'all'. Trips are placed by deliveredAt (with
 * their reload, even one picked up after the period ends); tasks by createdAt; revenue by the instant
 * it is earned (revenue-per-truck.ts). Rows are grouped by `by` (default corridor): for 'zone' the
 * reload figures are the natural reading, for 'rep' the outreach timings and funnel (reps have no
 * signal counts, so their funnel starts at contacted). Definitions sit with each metric.
 * O((trips + tasks) · log) for the medians, plus O(weeks) per period.
 */
export function computeKpis(input: KpiInput, options: KpiOptions): KpiReport {
  const by = options.by ?? 'corridor';
  const reloadWindowHours = options.reloadWindowHours ?? DEFAULT_RELOAD_WINDOW_HOURS;
  const windows = periodWindows(options);
  if (!KPI_GROUPINGS.includes(by)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute KPIs: group by must be one of ${KPI_GROUPINGS.join(', ')}, saw "${String(by)}"`,
      { by },
    );
  }

  const tripsByPeriod = windows.map((): TripRecord[] => []);
  for (const trip of input.trips) {
    const period = periodIndex(windows, trip.deliveredAt, `delivery ${trip.deliveryId}`, 'deliveredAt');
    if (period !== null) tripsByPeriod[period]?.push(trip);
  }
  const tasksByPeriod = windows.map((): OutreachRecord[] => []);
  for (const task of input.tasks) {
    const period = periodIndex(windows, task.createdAt, `task ${task.taskId}`, 'createdAt');
    if (period !== null) tasksByPeriod[period]?.push(task);
  }
  const signalsByPeriod = placeSignals(windows, input.signals);

  const tripKey = (trip: TripRecord): string | null =>
    by === 'corridor' ? trip.corridor : by === 'zone' ? trip.zone : trip.repId;
  const taskKey = (task: OutreachRecord): string | null =>
    by === 'corridor' ? task.corridor : by === 'zone' ? task.zone : task.repId;
  // Reps have no signal counts: the top of their funnel is unknown, not zero.
  const signalKey = (row: CorridorSignals): string | null | undefined =>
    by === 'corridor' ? row.corridor : by === 'zone' ? row.zone : undefined;

  const keys = new Set<string | null>();
  for (const trips of tripsByPeriod) for (const trip of trips) keys.add(tripKey(trip));
  for (const tasks of tasksByPeriod) for (const task of tasks) keys.add(taskKey(task));
  for (const rows of signalsByPeriod) {
    for (const row of rows) {
      const key = signalKey(row);
      if (key !== undefined) keys.add(key);
    }
  }
  const orderedKeys = [...keys].sort(compareKeys);

  const periods = windows.map((window, index): KpiPeriod => {
    const trips = tripsByPeriod[index] ?? [];
    const tasks = tasksByPeriod[index] ?? [];
    const signals = signalsByPeriod[index] ?? [];
    const figuresOf = (
      groupTrips: readonly TripRecord[],
      groupTasks: readonly OutreachRecord[],
      companies: number | null,
      revenue: RevenuePerTruck | null,
    ): KpiFigures => {
      const emptyMiles = emptyMileShare(groupTrips);
      const reload = reloadRate(groupTrips, reloadWindowHours);
      const outreach = signalToOutreach(groupTasks, options.to);
      const funnel = conversionFunnel(groupTasks, companies, options.to);
      return {
        emptyMiles,
        reload,
        outreach,
        funnel,
        headlines: headlinesOf(emptyMiles, reload, outreach, funnel, revenue),
      };
    };

    const revenue = revenuePerTruck(input.trips, {
      from: window.from,
      to: window.to,
      fleetSize: input.fleetSize,
    });
    const overall: KpiOverall = { ...figuresOf(trips, tasks, sumCompanies(signals), revenue), revenue };
    const tripGroups = groupBy(trips, tripKey);
    const taskGroups = groupBy(tasks, taskKey);
    const signalGroups = groupBy(signals, signalKey);
    const rows = orderedKeys.map((key): KpiRow => ({
      key,
      ...figuresOf(
        tripGroups.get(key) ?? [],
        taskGroups.get(key) ?? [],
        by === 'rep' ? null : sumCompanies(signalGroups.get(key) ?? []),
        null,
      ),
    }));
    return { name: window.name, from: window.from, to: window.to, overall, rows };
  });

  const [before, after] = periods;
  const delta =
    before !== undefined && after !== undefined && after.name === 'after'
      ? {
          overall: subtract(after.overall.headlines, before.overall.headlines),
          rows: orderedKeys.map((key, i) => ({
            key,
            headlines: subtract((after.rows[i] as KpiRow).headlines, (before.rows[i] as KpiRow).headlines),
          })),
        }
      : null;

  return {
    from: options.from,
    to: options.to,
    baselineUntil: options.baselineUntil ?? null,
    by,
    fleetSize: input.fleetSize,
    reloadWindowHours,
    periods,
    delta,
  };
}

interface PeriodWindow {
  readonly name: KpiPeriodName;
  readonly from: Date;
  readonly to: Date;
}

function periodWindows(options: KpiOptions): PeriodWindow[] {
  const { from, to, baselineUntil } = options;
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || !(from.getTime() < to.getTime())) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute KPIs: the period must start before it ends, saw ${String(from)} → ${String(to)}`,
      { from, to },
    );
  }
  if (baselineUntil === undefined) return [{ name: 'all', from, to }];
  if (!(baselineUntil.getTime() > from.getTime() && baselineUntil.getTime() < to.getTime())) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compare before and after: the programme start must lie strictly inside ${from.toISOString()} → ` +
        `${to.toISOString()}, saw ${String(baselineUntil)}`,
      { from, to, baselineUntil },
    );
  }
  return [
    { name: 'before', from, to: baselineUntil },
    { name: 'after', from: baselineUntil, to },
  ];
}

/** The period holding the instant, null when it falls outside [from, to). */
function periodIndex(windows: readonly PeriodWindow[], at: Date, what: string, field: string): number | null {
  const ms = at.getTime();
  if (Number.isNaN(ms)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot place ${what} in a period: ${field} is an invalid date`,
      {
        what,
        field,
      },
    );
  }
  const index = windows.findIndex((window) => ms >= window.from.getTime() && ms < window.to.getTime());
  return index === -1 ? null : index;
}

/** Splits signal rows by period; each (period, corridor, zone) may appear once. */
function placeSignals(
  windows: readonly PeriodWindow[],
  signals: readonly CorridorSignals[],
): CorridorSignals[][] {
  const placed = windows.map((): CorridorSignals[] => []);
  const seen = new Set<string>();
  for (const row of signals) {
    const index = windows.findIndex((window) => window.name === row.period);
    const label = `signal count for ${row.corridor} (zone ${row.zone ?? 'none'}, period ${row.period})`;
    if (index === -1) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot use the ${label}: this report's periods are ${windows.map((w) => w.name).join(', ')}`,
        { period: row.period, corridor: row.corridor },
      );
    }
    if (!(Number.isInteger(row.companies) && row.companies >= 0)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot use the ${label}: companies must be a whole number ≥ 0, saw ${row.companies}`,
        { period: row.period, corridor: row.corridor, companies: row.companies },
      );
    }
    const identity = JSON.stringify([row.period, row.corridor, row.zone]);
    if (seen.has(identity)) {
      throw new NorthboundError('invalid_input', `Cannot use the ${label}: it appears twice`, {
        period: row.period,
        corridor: row.corridor,
        zone: row.zone,
      });
    }
    seen.add(identity);
    placed[index]?.push(row);
  }
  return placed;
}

/** Items by key in one pass (items whose key is undefined are left out). O(n). */
function groupBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string | null | undefined,
): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

const sumCompanies = (rows: readonly CorridorSignals[]): number =>
  rows.reduce((sum, row) => sum + row.companies, 0);

/** Code-unit order (locale-independent, so reports repeat byte for byte), null keys last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function headlinesOf(
  emptyMiles: EmptyMileShare,
  reload: ReloadRate,
  outreach: SignalToOutreach,
  funnel: ConversionFunnel,
  revenue: RevenuePerTruck | null,
): KpiHeadlines {
  return {
    emptyMileShare: emptyMiles.share,
    reloadRate: reload.rate,
    reloadWaitMedianHours: reload.medianWaitHours,
    reloadWaitMeanHours: reload.meanWaitHours,
    signalToOutreachMedianHours: outreach.overall.medianHours,
    signalToOutreachP90Hours: outreach.overall.p90Hours,
    tierAMedianHours: outreach.byTier.A.medianHours,
    tierAP90Hours: outreach.byTier.A.p90Hours,
    tierBMedianHours: outreach.byTier.B.medianHours,
    tierBP90Hours: outreach.byTier.B.p90Hours,
    waitingTasks: outreach.overall.waiting,
    contactedRate: funnel.contactedRate,
    quotedRate: funnel.quotedRate,
    bookedRate: funnel.bookedRate,
    signalToBookedRate: funnel.signalToBookedRate,
    revenuePerTruckPerWeekUsd: revenue?.meanRevenuePerTruckUsd ?? null,
    weeklyRevenueCv: revenue?.coefficientOfVariation ?? null,
  };
}

function subtract(after: KpiHeadlines, before: KpiHeadlines): KpiHeadlines {
  const difference = {} as Record<keyof KpiHeadlines, number | null>;
  for (const name of Object.keys(after) as (keyof KpiHeadlines)[]) {
    const a = after[name];
    const b = before[name];
    difference[name] = a === null || b === null ? null : a - b;
  }
  return difference;
}
