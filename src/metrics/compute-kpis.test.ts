import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import {
  computeKpis,
  type KpiFigures,
  type KpiHeadlines,
  type KpiInput,
  type KpiRow,
} from './compute-kpis.ts';
import type { OutreachTiming } from './signal-to-outreach.ts';
import type { CorridorSignals, OutreachRecord, ReloadLeg, TripRecord } from './trip-record.ts';

/*
 * A hand-built history: 3 trucks (T1–T3), 10 southbound deliveries over 2 ISO weeks, landing in 2 zones
 * (Dallas, Houston) on 2 return corridors (dry van, reefer: a corridor's origin here is the region, TX,
 * so each zone has trips on both), plus 7 outreach tasks.
 *
 *   W1 = Mon 2024-09-30 … Sun 10-06 (its Thursday is 10-03 → 2024-Q4, though Sep 30 is in Q3)
 *   W2 = Mon 2024-10-07 … Sun 10-13
 *   from = 2024-09-30T00:00Z, to = 2024-10-14T00:00Z, baselineUntil (split tests) = 2024-10-07T00:00Z.
 *
 *  id   truck delivered (UTC)  zone corridor rep  sbMi sbUsd | reload: load pickup (wait)  dh  mi   usd  radius | home
 *  D1   T1    09-30 10:00      DAL  DV       ana  1400 3000  | L1 09-30 22:00 (12 h)      50  1600 2600 in     | 100
 *  D2   T2    10-01 08:00      HOU  RF       ben  1600 3400  | —                                               | 1850
 *  D3   T3    10-02 12:00      DAL  RF       ana  1400 2900  | L2 10-04 18:00 (54 h late)  20  1400 2700 in     | 30
 *  D4   T1    10-05 09:00      HOU  DV       ben  1500 3200  | L3 10-05 15:00 (6 h)       150  1800 3200 OUT    | 50
 *  D5   T2    10-06 20:00      DAL  DV       ana  1400 3000  | L4 10-07 06:00 (10 h)       40  1700 3100 in     | 0
 *  D6   T3    10-08 07:00      HOU  RF       ben  1600 4100  | L5 10-08 19:00 (12 h)       60  1500 3300 in     | 40
 *  D7   T1    10-09 14:00      DAL  RF       ana  1400 3000  | —                                               | 1900
 *  D8   T2    10-10 06:00      HOU  DV       ben  1500 3400  | —                                               | 1500
 *  D9   T3    10-12 10:00      DAL  DV       ana  1400 3200  | L6 10-13 22:00 (36 h)       30  1700 3400 in     | 80
 *  D10  T1    10-13 16:00      HOU  RF       ben  1600 3500  | L7 10-14 10:00 (18 h)       70  1500 3000 in     | 30
 *
 * Empty = deadhead + home, loaded = sb + reload mi:
 *  D1 E150 L3000 · D2 E1850 L1600 · D3 E50 L2800 · D4 E200 L3300 · D5 E40 L3100
 *  D6 E100 L3100 · D7 E1900 L1400 · D8 E1500 L1500 · D9 E110 L3100 · D10 E100 L3100
 */
const DV = 'TX → ON · dry van';
const RF = 'TX → ON · reefer';
const DAL = 'Dallas, TX';
const HOU = 'Houston, TX';
const ANA = 'rep-ana';
const BEN = 'rep-ben';

/** "09-30 10:00" → 2024-09-30T10:00Z (every instant of the history is in 2024, UTC). */
const at = (time: string): Date => new Date(`2024-${time.replace(' ', 'T')}:00Z`);

type ReloadRow = [
  loadId: string,
  pickedUp: string,
  deadhead: number,
  loaded: number,
  usd: number,
  inRadius: boolean,
];

function trip(
  deliveryId: string,
  truckId: string,
  delivered: string,
  zone: string,
  corridor: string,
  southboundLoadedMiles: number,
  southboundRevenueUsd: number,
  emptyHomeMiles: number,
  reloadRow?: ReloadRow,
): TripRecord {
  const reload: ReloadLeg | null =
    reloadRow === undefined
      ? null
      : {
          loadId: reloadRow[0],
          pickedUpAt: at(reloadRow[1]),
          deadheadMiles: reloadRow[2],
          loadedMiles: reloadRow[3],
          revenueUsd: reloadRow[4],
          withinReloadRadius: reloadRow[5],
        };
  const repId = zone === DAL ? ANA : BEN;
  const deliveredAt = at(delivered);
  return {
    truckId,
    deliveryId,
    deliveredAt,
    zone,
    corridor,
    repId,
    southboundLoadedMiles,
    southboundRevenueUsd,
    reload,
    emptyHomeMiles,
  };
}

const TRIPS: readonly TripRecord[] = [
  trip('D1', 'T1', '09-30 10:00', DAL, DV, 1400, 3000, 100, ['L1', '09-30 22:00', 50, 1600, 2600, true]),
  trip('D2', 'T2', '10-01 08:00', HOU, RF, 1600, 3400, 1850),
  trip('D3', 'T3', '10-02 12:00', DAL, RF, 1400, 2900, 30, ['L2', '10-04 18:00', 20, 1400, 2700, true]),
  trip('D4', 'T1', '10-05 09:00', HOU, DV, 1500, 3200, 50, ['L3', '10-05 15:00', 150, 1800, 3200, false]),
  trip('D5', 'T2', '10-06 20:00', DAL, DV, 1400, 3000, 0, ['L4', '10-07 06:00', 40, 1700, 3100, true]),
  trip('D6', 'T3', '10-08 07:00', HOU, RF, 1600, 4100, 40, ['L5', '10-08 19:00', 60, 1500, 3300, true]),
  trip('D7', 'T1', '10-09 14:00', DAL, RF, 1400, 3000, 1900),
  trip('D8', 'T2', '10-10 06:00', HOU, DV, 1500, 3400, 1500),
  trip('D9', 'T3', '10-12 10:00', DAL, DV, 1400, 3200, 80, ['L6', '10-13 22:00', 30, 1700, 3400, true]),
  trip('D10', 'T1', '10-13 16:00', HOU, RF, 1600, 3500, 30, ['L7', '10-14 10:00', 70, 1500, 3000, true]),
];

/*
 * Tasks (hours = signal → first contact). `to` = 10-14 00:00 is the as-of instant: later steps have not
 * happened.
 *  id  tier rep  corridor zone  signal       created      first contact      quoted       booked        lost
 *  K1  A    ana  DV       DAL   09-30 08:00  09-30 09:00  09-30 12:00 (4)    10-02 10:00  10-03 15:00   —
 *  K2  A    ben  RF       HOU   10-01 06:00  10-01 07:00  10-01 16:00 (10)   —            —             10-06 12:00
 *  K3  B    ana  RF       DAL   10-02 09:00  10-02 10:00  10-04 09:00 (48)   10-07 11:00  —             —
 *  K4  B    ben  DV       HOU   10-03 10:00  10-03 12:00  10-04 16:00 (30)   —            —             10-09 09:00
 *  K5  A    ben  DV       HOU   10-07 08:00  10-07 09:00  10-07 10:00 (2)    —            10-10 14:00   —   (booked ⇒ quoted)
 *  K6  A    ana  RF       DAL   10-10 00:00  10-10 06:00  10-11 00:00 (24)   10-12 10:00  10-15 09:00 (after to: not booked)
 *  K7  B    —    DV       —     10-08 12:00  10-09 12:00  10-14 03:00 (after to: still waiting)
 */
type Timeline = [
  signal: string,
  created: string,
  contact?: string | null,
  quoted?: string | null,
  booked?: string | null,
  lost?: string,
];

function task(
  taskId: string,
  tier: 'A' | 'B',
  repId: string | null,
  corridor: string,
  zone: string | null,
  [signal, created, contact, quoted, booked, lost]: Timeline,
): OutreachRecord {
  const optional = (time: string | null | undefined): Date | null =>
    time === undefined || time === null ? null : at(time);
  return {
    taskId,
    tier,
    repId,
    corridor,
    zone,
    signalAt: at(signal),
    createdAt: at(created),
    firstContactAt: optional(contact),
    reachedQuotedAt: optional(quoted),
    bookedAt: optional(booked),
    lostAt: optional(lost),
  };
}

const TASKS: readonly OutreachRecord[] = [
  task('K1', 'A', ANA, DV, DAL, ['09-30 08:00', '09-30 09:00', '09-30 12:00', '10-02 10:00', '10-03 15:00']),
  task('K2', 'A', BEN, RF, HOU, ['10-01 06:00', '10-01 07:00', '10-01 16:00', null, null, '10-06 12:00']),
  task('K3', 'B', ANA, RF, DAL, ['10-02 09:00', '10-02 10:00', '10-04 09:00', '10-07 11:00']),
  task('K4', 'B', BEN, DV, HOU, ['10-03 10:00', '10-03 12:00', '10-04 16:00', null, null, '10-09 09:00']),
  task('K5', 'A', BEN, DV, HOU, ['10-07 08:00', '10-07 09:00', '10-07 10:00', null, '10-10 14:00']),
  task('K6', 'A', ANA, RF, DAL, ['10-10 00:00', '10-10 06:00', '10-11 00:00', '10-12 10:00', '10-15 09:00']),
  task('K7', 'B', null, DV, null, ['10-08 12:00', '10-09 12:00', '10-14 03:00']),
];

/* Distinct signalling companies. Whole period: DV 10 (DAL) + 6 (HOU) + 4 (no zone) = 20; RF 5 + 3 = 8. */
const SIGNALS_ALL: readonly CorridorSignals[] = [
  { period: 'all', corridor: DV, zone: DAL, companies: 10 },
  { period: 'all', corridor: DV, zone: HOU, companies: 6 },
  { period: 'all', corridor: DV, zone: null, companies: 4 },
  { period: 'all', corridor: RF, zone: DAL, companies: 5 },
  { period: 'all', corridor: RF, zone: HOU, companies: 3 },
];
/* Before: DV 7 + 4 = 11, RF 3 + 2 = 5 (16). After: DV 6 + 3 + 4 = 13, RF 3 + 2 = 5 (18). */
const SIGNALS_SPLIT: readonly CorridorSignals[] = [
  { period: 'before', corridor: DV, zone: DAL, companies: 7 },
  { period: 'before', corridor: DV, zone: HOU, companies: 4 },
  { period: 'before', corridor: RF, zone: DAL, companies: 3 },
  { period: 'before', corridor: RF, zone: HOU, companies: 2 },
  { period: 'after', corridor: DV, zone: DAL, companies: 6 },
  { period: 'after', corridor: DV, zone: HOU, companies: 3 },
  { period: 'after', corridor: DV, zone: null, companies: 4 },
  { period: 'after', corridor: RF, zone: DAL, companies: 3 },
  { period: 'after', corridor: RF, zone: HOU, companies: 2 },
];

const FROM = at('09-30 00:00');
const TO = at('10-14 00:00');
const BASELINE_UNTIL = at('10-07 00:00');
const INPUT: KpiInput = { trips: TRIPS, tasks: TASKS, signals: SIGNALS_ALL, fleetSize: 3 };
const SPLIT_INPUT: KpiInput = { ...INPUT, signals: SIGNALS_SPLIT };

const rowOf = (rows: readonly KpiRow[], key: string | null): KpiRow => {
  const row = rows.find((candidate) => candidate.key === key);
  if (row === undefined) throw new Error(`no row ${String(key)}`);
  return row;
};

/* Each figure as a table line, so the expectations below read like the report. */
/** [trips, loaded, empty, share] */
const emptyCells = (f: KpiFigures) => {
  const e = f.emptyMiles;
  return [e.trips, e.loadedMiles, e.emptyMiles, e.share];
};
/** [trips, reloads, excluded, rate, median wait, mean wait] */
const reloadCells = (f: KpiFigures) => {
  const r = f.reload;
  return [r.trips, r.reloads, r.excludedReloads, r.rate, r.medianWaitHours, r.meanWaitHours];
};
/** [tasks, with first contact, waiting, median hours, p90 hours] */
const timingCells = (t: OutreachTiming) => [
  t.tasks,
  t.withFirstContact,
  t.waiting,
  t.medianHours,
  t.p90Hours,
];
/** [companies, tasks, contacted, quoted, booked, lost, contacted rate, quoted rate, booked rate, signal→booked] */
const funnelCells = (f: KpiFigures) => {
  const u = f.funnel;
  return [
    ...[u.signallingCompanies, u.tasks, u.contacted, u.quoted, u.booked, u.lost],
    ...[u.contactedRate, u.quotedRate, u.bookedRate, u.signalToBookedRate],
  ];
};

/** Paths of every NaN or infinite number in a report (JSON.stringify would hide them as null). */
function nonFiniteNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object' || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, child]) => nonFiniteNumbers(child, `${path}.${key}`));
}

describe('computeKpis over the hand-built history', () => {
  const report = computeKpis(INPUT, { from: FROM, to: TO });
  const all = report.periods[0]!;

  it('reports one period "all" grouped by corridor, and no delta', () => {
    expect(nonFiniteNumbers(report)).toEqual([]);
    expect(report.periods.map((period) => period.name)).toEqual(['all']);
    expect(report.by).toBe('corridor');
    expect(report.baselineUntil).toBeNull();
    expect(report.delta).toBeNull();
    expect(all.rows.map((row) => row.key)).toEqual([DV, RF]);
  });

  it('computes the empty-mile share per corridor and overall', () => {
    // DV = D1 D4 D5 D8 D9: empty 150+200+40+1500+110 = 2000, loaded 3000+3300+3100+1500+3100 = 14000
    //   → 2000 / 16000 = 0.125.
    // RF = D2 D3 D6 D7 D10: empty 1850+50+100+1900+100 = 4000, loaded 1600+2800+3100+1400+3100 = 12000
    //   → 4000 / 16000 = 0.25.
    // Overall 6000 / 32000 = 0.1875.
    expect(emptyCells(rowOf(all.rows, DV))).toEqual([5, 14000, 2000, 0.125]);
    expect(emptyCells(rowOf(all.rows, RF))).toEqual([5, 12000, 4000, 0.25]);
    expect(emptyCells(all.overall)).toEqual([10, 26000, 6000, 0.1875]);
  });

  it('computes the reload rate and wait per zone (48 h window, inside the radius)', () => {
    // DAL = D1 (12 h ✓), D3 (54 h ✗ late), D5 (10 h ✓), D7 (none), D9 (36 h ✓) → 3/5 = 0.6;
    //   waits 10, 12, 36 → median 12, mean 58/3.
    // HOU = D2 (none), D4 (6 h but outside the radius ✗), D6 (12 h ✓), D8 (none), D10 (18 h ✓; picked up
    //   after `to`, still D10's reload) → 2/5 = 0.4; waits 12, 18 → median 15, mean 15.
    // No zone (K7's row): no trips → nulls, not NaN.
    // Overall 5/10 = 0.5; waits 10, 12, 12, 18, 36 → median 12, mean 88/5 = 17.6.
    const byZone = computeKpis(INPUT, { from: FROM, to: TO, by: 'zone' }).periods[0]!;
    expect(byZone.rows.map((row) => [row.key, ...reloadCells(row)])).toEqual([
      [DAL, 5, 3, 1, 0.6, 12, 58 / 3],
      [HOU, 5, 2, 1, 0.4, 15, 15],
      [null, 0, 0, 0, null, null, null],
    ]);
    expect(reloadCells(byZone.overall)).toEqual([10, 5, 2, 0.5, 12, 17.6]);
  });

  it('computes signal → first outreach, overall and by tier, with the count still waiting', () => {
    // Timed: K1 4, K2 10, K3 48, K4 30, K5 2, K6 24 → sorted 2 4 10 24 30 48: median (10+24)/2 = 17,
    //   p90 = ⌈0.9·6⌉ = 6th = 48. Waiting: K7 (its contact comes after `to`) = 1.
    // Tier A: K1 4, K2 10, K5 2, K6 24 → 2 4 10 24: median 7, p90 = ⌈3.6⌉ = 4th = 24; waiting 0.
    // Tier B: K3 48, K4 30 (+ K7 waiting) → 30 48: median 39, p90 = ⌈1.8⌉ = 2nd = 48; waiting 1.
    expect(all.overall.outreach).toEqual({
      overall: { tasks: 7, withFirstContact: 6, waiting: 1, medianHours: 17, p90Hours: 48 },
      byTier: {
        A: { tasks: 4, withFirstContact: 4, waiting: 0, medianHours: 7, p90Hours: 24 },
        B: { tasks: 3, withFirstContact: 2, waiting: 1, medianHours: 39, p90Hours: 48 },
      },
    });
  });

  it('computes the funnel per corridor and overall, as of `to`', () => {
    // DV tasks K1 K4 K5 K7: contacted K1 K4 K5 = 3 (K7 only after `to`); quoted K1 + K5 (booked) = 2;
    //   booked K1 K5 = 2; lost K4 = 1. Rates 3/20 = 0.15, 2/3, 2/2 = 1, 2/20 = 0.1.
    // RF tasks K2 K3 K6: contacted 3; quoted K3 K6 = 2; booked 0 (K6 books after `to`); lost K2 = 1.
    //   Rates 3/8 = 0.375, 2/3, 0/2 = 0, 0/8 = 0.
    // Overall: 28 companies, 7 tasks, 6 contacted, 4 quoted, 2 booked, 2 lost → 6/28, 4/6, 2/4, 2/28.
    expect(all.rows.map((row) => [row.key, ...funnelCells(row)])).toEqual([
      [DV, 20, 4, 3, 2, 2, 1, 0.15, 2 / 3, 1, 0.1],
      [RF, 8, 3, 3, 2, 0, 1, 0.375, 2 / 3, 0, 0],
    ]);
    expect(funnelCells(all.overall)).toEqual([28, 7, 6, 4, 2, 2, 6 / 28, 4 / 6, 0.5, 2 / 28]);
  });

  it('computes revenue per truck per week and the quarterly coefficient of variation', () => {
    // W1: southbound D1–D5 3000+3400+2900+3200+3000 = 15500; reloads picked up in W1: L1 2600, L2 2700,
    //   L3 3200 = 8500 (L3 is outside the radius but earned) → 24000 / 3 trucks = 8000.
    // W2: southbound D6–D10 4100+3000+3400+3200+3500 = 17200; reloads L4 3100 (D5's, picked up Monday),
    //   L5 3300, L6 3400 = 9800; L7 is picked up after `to` → 27000 / 3 = 9000.
    // Both weeks' Thursdays (10-03, 10-10) are in 2024-Q4. Mean 8500; deviations ±500, population
    //   variance 250000, sd 500 → CV = 500 / 8500 = 1/17.
    const revenue = all.overall.revenue;
    expect(
      revenue.weeks.map((w) => [w.weekStart, w.quarter, w.complete, w.revenueUsd, w.revenuePerTruckUsd]),
    ).toEqual([
      [FROM, '2024-Q4', true, 24000, 8000],
      [BASELINE_UNTIL, '2024-Q4', true, 27000, 9000],
    ]);
    expect(revenue.quarters).toEqual([
      { quarter: '2024-Q4', completeWeeks: 2, meanRevenuePerTruckUsd: 8500, coefficientOfVariation: 1 / 17 },
    ]);
    expect([revenue.meanRevenuePerTruckUsd, revenue.coefficientOfVariation]).toEqual([8500, 1 / 17]);
    const { revenuePerTruckPerWeekUsd, weeklyRevenueCv } = all.overall.headlines;
    expect([revenuePerTruckPerWeekUsd, weeklyRevenueCv]).toEqual([8500, 1 / 17]);
    // Rows carry no revenue: the fleet is shared across corridors.
    expect(rowOf(all.rows, DV).headlines.revenuePerTruckPerWeekUsd).toBeNull();
  });

  it('groups outreach and funnel by rep, with no signal counts at the top', () => {
    // ana: K1 4, K3 48, K6 24 → 4 24 48: median 24, p90 48; funnel contacted 3, quoted 3 (K1 K3 K6),
    //   booked 1 (K1), lost 0 → quoted/contacted 1, booked/quoted 1/3.
    // ben: K2 10, K4 30, K5 2 → 2 10 30: median 10, p90 30; contacted 3, quoted 1 (K5), booked 1, lost 2
    //   → 1/3, 1. No rep: K7, waiting; contacted 0 → quoted rate null.
    // The zone owner's trips follow the rep: ana = Dallas (3/5 reloads), ben = Houston (2/5).
    const byRep = computeKpis(INPUT, { from: FROM, to: TO, by: 'rep' }).periods[0]!;
    expect(byRep.rows.map((row) => [row.key, ...timingCells(row.outreach.overall)])).toEqual([
      [ANA, 3, 3, 0, 24, 48],
      [BEN, 3, 3, 0, 10, 30],
      [null, 1, 0, 1, null, null],
    ]);
    expect(byRep.rows.map((row) => [row.key, ...funnelCells(row)])).toEqual([
      [ANA, null, 3, 3, 3, 1, 0, null, 1, 1 / 3, null],
      [BEN, null, 3, 3, 1, 1, 2, null, 1 / 3, 1, null],
      [null, null, 1, 0, 0, 0, 0, null, null, null, null],
    ]);
    expect(byRep.rows.map((row) => row.reload.rate)).toEqual([0.6, 0.4, null]);
  });
});

describe('computeKpis before and after a programme start', () => {
  const report = computeKpis(SPLIT_INPUT, { from: FROM, to: TO, baselineUntil: BASELINE_UNTIL });
  const [before, after] = report.periods;

  it('splits trips by delivery and tasks by creation, with the same rows in both periods', () => {
    expect(report.periods.map((period) => [period.name, period.from, period.to])).toEqual([
      ['before', FROM, BASELINE_UNTIL],
      ['after', BASELINE_UNTIL, TO],
    ]);
    expect([before!.overall.emptyMiles.trips, after!.overall.emptyMiles.trips]).toEqual([5, 5]);
    expect([before!.overall.funnel.tasks, after!.overall.funnel.tasks]).toEqual([4, 3]);
    expect(before!.rows.map((row) => row.key)).toEqual([DV, RF]);
    expect(after!.rows.map((row) => row.key)).toEqual([DV, RF]);
  });

  it('computes each period’s headlines and the delta after − before', () => {
    // Empty miles: before D1–D5 E 150+1850+50+200+40 = 2290 of 2290+13800 = 16090;
    //              after D6–D10 E 100+1900+1500+110+100 = 3710 of 3710+12200 = 15910.
    // Reloads: before D1 (12), D5 (10) of 5 → 0.4, median 11, mean 11;
    //          after D6 (12), D9 (36), D10 (18) of 5 → 0.6, median 18, mean 22.
    // Outreach: before K1 4, K2 10, K3 48, K4 30 → median (10+30)/2 = 20, p90 48; A: 4 10 → 7, 10;
    //   B: 30 48 → 39, 48; waiting 0. After: K5 2, K6 24 → median 13, p90 24; A: 13, 24; B: none timed
    //   (K7 waiting) → null, null; waiting 1.
    // Funnel: before 16 companies; contacted 4, quoted K1 K3 = 2 (K3's quote falls after the baseline but
    //   the task is in the before cohort), booked K1 = 1 → 4/16, 2/4, 1/2, 1/16.
    //   After 18 companies; contacted K5 K6 = 2, quoted 2, booked K5 = 1 → 2/18, 1, 1/2, 1/18.
    // Revenue: before W1 8000 (one week: CV null); after W2 9000 (CV null).
    const table = (Object.keys(before!.overall.headlines) as (keyof KpiHeadlines)[]).map((name) => [
      name,
      before!.overall.headlines[name],
      after!.overall.headlines[name],
    ]);
    expect(table).toEqual([
      ['emptyMileShare', 2290 / 16090, 3710 / 15910],
      ['reloadRate', 0.4, 0.6],
      ['reloadWaitMedianHours', 11, 18],
      ['reloadWaitMeanHours', 11, 22],
      ['signalToOutreachMedianHours', 20, 13],
      ['signalToOutreachP90Hours', 48, 24],
      ['tierAMedianHours', 7, 13],
      ['tierAP90Hours', 10, 24],
      ['tierBMedianHours', 39, null],
      ['tierBP90Hours', 48, null],
      ['waitingTasks', 0, 1],
      ['contactedRate', 0.25, 2 / 18],
      ['quotedRate', 0.5, 1],
      ['bookedRate', 0.5, 0.5],
      ['signalToBookedRate', 1 / 16, 1 / 18],
      ['revenuePerTruckPerWeekUsd', 8000, 9000],
      ['weeklyRevenueCv', null, null],
    ]);

    const delta = report.delta!.overall;
    expect(delta.emptyMileShare).toBeCloseTo(3710 / 15910 - 2290 / 16090, 12);
    expect(delta.reloadRate).toBeCloseTo(0.2, 12);
    expect([delta.reloadWaitMedianHours, delta.reloadWaitMeanHours]).toEqual([7, 11]);
    expect([delta.signalToOutreachMedianHours, delta.signalToOutreachP90Hours]).toEqual([-7, -24]);
    expect([delta.tierAMedianHours, delta.tierAP90Hours, delta.tierBMedianHours]).toEqual([6, 14, null]);
    expect(delta.waitingTasks).toBe(1);
    expect(delta.contactedRate).toBeCloseTo(2 / 18 - 0.25, 12);
    expect([delta.quotedRate, delta.bookedRate]).toEqual([0.5, 0]);
    expect(delta.signalToBookedRate).toBeCloseTo(1 / 18 - 1 / 16, 12);
    expect([delta.revenuePerTruckPerWeekUsd, delta.weeklyRevenueCv]).toEqual([1000, null]);
  });

  it('gives per-corridor deltas', () => {
    // DV before D1 D4 D5: E 150+200+40 = 390 of 390+9400 = 9790; after D8 D9: E 1500+110 = 1610 of
    //   1610+4600 = 6210. DV reloads before D1 D5 of 3 (2/3), after D9 of 2 (1/2).
    const dv = report.delta!.rows.find((row) => row.key === DV)!.headlines;
    expect(rowOf(before!.rows, DV).headlines.emptyMileShare).toBe(390 / 9790);
    expect(rowOf(after!.rows, DV).headlines.emptyMileShare).toBe(1610 / 6210);
    expect(dv.emptyMileShare).toBeCloseTo(1610 / 6210 - 390 / 9790, 12);
    expect(dv.reloadRate).toBeCloseTo(1 / 2 - 2 / 3, 12);
    expect(dv.revenuePerTruckPerWeekUsd).toBeNull();
  });
});

describe('computeKpis edge cases', () => {
  it('reports nulls, not NaN, on empty input', () => {
    const empty = { trips: [], tasks: [], signals: [], fleetSize: 3 };
    const report = computeKpis(empty, { from: FROM, to: TO, baselineUntil: BASELINE_UNTIL });
    expect(nonFiniteNumbers(report)).toEqual([]);
    for (const period of report.periods) {
      expect(period.rows).toEqual([]);
      const headlines = Object.entries(period.overall.headlines).filter(([, value]) => value !== null);
      // Counts are 0, and one complete week of zero revenue has a mean of 0 (its CV is undefined: null).
      expect(headlines).toEqual([
        ['waitingTasks', 0],
        ['revenuePerTruckPerWeekUsd', 0],
      ]);
    }
    expect(report.delta!.overall.revenuePerTruckPerWeekUsd).toBe(0);
    expect(report.delta!.overall.emptyMileShare).toBeNull();
  });

  it('leaves out trips and tasks outside [from, to)', () => {
    const period = computeKpis(INPUT, { from: at('10-01 00:00'), to: at('10-02 00:00') }).periods[0]!;
    expect(period.overall.emptyMiles.trips).toBe(1); // D2 only
    expect(period.overall.funnel.tasks).toBe(1); // K2 only
    // The partial week (Tuesday only) is listed but not averaged.
    const [week] = period.overall.revenue.weeks;
    expect(period.overall.revenue.weeks).toHaveLength(1);
    expect(week).toMatchObject({
      weekStart: FROM,
      complete: false,
      revenueUsd: 3400,
      revenuePerTruckUsd: 3400 / 3,
    });
    expect(period.overall.revenue.meanRevenuePerTruckUsd).toBeNull();
  });

  it('rejects a programme start outside the period, and signal rows for another period', () => {
    expect(() => computeKpis(INPUT, { from: FROM, to: TO, baselineUntil: TO })).toThrow(
      /programme start must lie strictly inside/,
    );
    expect(() => computeKpis(INPUT, { from: TO, to: FROM })).toThrow(NorthboundError);
    expect(() => computeKpis(SPLIT_INPUT, { from: FROM, to: TO })).toThrow(
      /signal count for TX → ON · dry van \(zone Dallas, TX, period before\): this report's periods are all/,
    );
    const duplicated = { ...INPUT, signals: [...SIGNALS_ALL, SIGNALS_ALL[0]!] };
    expect(() => computeKpis(duplicated, { from: FROM, to: TO })).toThrow(/appears twice/);
  });

  it('rejects a record that cannot be placed or measured', () => {
    const first = TRIPS[0]!;
    const badDate = { ...INPUT, trips: [{ ...first, deliveredAt: new Date('not a date') }] };
    expect(() => computeKpis(badDate, { from: FROM, to: TO })).toThrow(
      'Cannot place delivery D1 in a period: deliveredAt is an invalid date',
    );
    const early = {
      ...INPUT,
      trips: [{ ...first, reload: { ...first.reload!, pickedUpAt: at('09-30 09:00') } }],
    };
    expect(() => computeKpis(early, { from: FROM, to: TO })).toThrow(
      'Cannot compute the reload wait for delivery D1: reload L1 is picked up at 2024-09-30T09:00:00.000Z, ' +
        'before the delivery at 2024-09-30T10:00:00.000Z',
    );
  });
});
