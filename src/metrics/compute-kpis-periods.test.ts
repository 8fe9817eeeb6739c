/**
 * computeKpis before and after a programme start, and its edge cases (fixtures: compute-kpis.test-support.ts).
 */
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { computeKpis, type KpiHeadlines } from './compute-kpis.ts';
import {
  BASELINE_UNTIL,
  DV,
  FROM,
  INPUT,
  RF,
  SIGNALS_ALL,
  SPLIT_INPUT,
  TO,
  TRIPS,
  at,
  nonFiniteNumbers,
  rowOf,
} from './compute-kpis.test-support.ts';

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
