/**
 * The hand-built history shared by compute-kpis.test.ts and compute-kpis-periods.test.ts (table below).
 */
import type { KpiFigures, KpiInput, KpiRow } from './compute-kpis.ts';
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
export const DV = 'TX → ON · dry van';
export const RF = 'TX → ON · reefer';
export const DAL = 'Dallas, TX';
export const HOU = 'Houston, TX';
export const ANA = 'rep-ana';
export const BEN = 'rep-ben';

/** "09-30 10:00" → 2024-09-30T10:00Z (every instant of the history is in 2024, UTC). */
export const at = (time: string): Date => new Date(`2024-${time.replace(' ', 'T')}:00Z`);

type ReloadRow = [
  loadId: string,
  pickedUp: string,
  deadhead: number,
  loaded: number,
  usd: number,
  inRadius: boolean,
];

export function trip(
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

export const TRIPS: readonly TripRecord[] = [
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

export function task(
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

export const TASKS: readonly OutreachRecord[] = [
  task('K1', 'A', ANA, DV, DAL, ['09-30 08:00', '09-30 09:00', '09-30 12:00', '10-02 10:00', '10-03 15:00']),
  task('K2', 'A', BEN, RF, HOU, ['10-01 06:00', '10-01 07:00', '10-01 16:00', null, null, '10-06 12:00']),
  task('K3', 'B', ANA, RF, DAL, ['10-02 09:00', '10-02 10:00', '10-04 09:00', '10-07 11:00']),
  task('K4', 'B', BEN, DV, HOU, ['10-03 10:00', '10-03 12:00', '10-04 16:00', null, null, '10-09 09:00']),
  task('K5', 'A', BEN, DV, HOU, ['10-07 08:00', '10-07 09:00', '10-07 10:00', null, '10-10 14:00']),
  task('K6', 'A', ANA, RF, DAL, ['10-10 00:00', '10-10 06:00', '10-11 00:00', '10-12 10:00', '10-15 09:00']),
  task('K7', 'B', null, DV, null, ['10-08 12:00', '10-09 12:00', '10-14 03:00']),
];

/* Distinct signalling companies. Whole period: DV 10 (DAL) + 6 (HOU) + 4 (no zone) = 20; RF 5 + 3 = 8. */
export const SIGNALS_ALL: readonly CorridorSignals[] = [
  { period: 'all', corridor: DV, zone: DAL, companies: 10 },
  { period: 'all', corridor: DV, zone: HOU, companies: 6 },
  { period: 'all', corridor: DV, zone: null, companies: 4 },
  { period: 'all', corridor: RF, zone: DAL, companies: 5 },
  { period: 'all', corridor: RF, zone: HOU, companies: 3 },
];
/* Before: DV 7 + 4 = 11, RF 3 + 2 = 5 (16). After: DV 6 + 3 + 4 = 13, RF 3 + 2 = 5 (18). */
export const SIGNALS_SPLIT: readonly CorridorSignals[] = [
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

export const FROM = at('09-30 00:00');
export const TO = at('10-14 00:00');
export const BASELINE_UNTIL = at('10-07 00:00');
export const INPUT: KpiInput = { trips: TRIPS, tasks: TASKS, signals: SIGNALS_ALL, fleetSize: 3 };
export const SPLIT_INPUT: KpiInput = { ...INPUT, signals: SIGNALS_SPLIT };

export const rowOf = (rows: readonly KpiRow[], key: string | null): KpiRow => {
  const row = rows.find((candidate) => candidate.key === key);
  if (row === undefined) throw new Error(`no row ${String(key)}`);
  return row;
};

/* Each figure as a table line, so the expectations below read like the report. */
/** [trips, loaded, empty, share] */
export const emptyCells = (f: KpiFigures) => {
  const e = f.emptyMiles;
  return [e.trips, e.loadedMiles, e.emptyMiles, e.share];
};
/** [trips, reloads, excluded, rate, median wait, mean wait] */
export const reloadCells = (f: KpiFigures) => {
  const r = f.reload;
  return [r.trips, r.reloads, r.excludedReloads, r.rate, r.medianWaitHours, r.meanWaitHours];
};
/** [tasks, with first contact, waiting, median hours, p90 hours] */
export const timingCells = (t: OutreachTiming) => [
  t.tasks,
  t.withFirstContact,
  t.waiting,
  t.medianHours,
  t.p90Hours,
];
/** [companies, tasks, contacted, quoted, booked, lost, contacted rate, quoted rate, booked rate, signal→booked] */
export const funnelCells = (f: KpiFigures) => {
  const u = f.funnel;
  return [
    ...[u.signallingCompanies, u.tasks, u.contacted, u.quoted, u.booked, u.lost],
    ...[u.contactedRate, u.quotedRate, u.bookedRate, u.signalToBookedRate],
  ];
};

/** Paths of every NaN or infinite number in a report (JSON.stringify would hide them as null). */
export function nonFiniteNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object' || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, child]) => nonFiniteNumbers(child, `${path}.${key}`));
}
