/**
 * computeKpis over the hand-built history (compute-kpis.test-support.ts): one period, by corridor, zone and rep.
 */
import { describe, expect, it } from 'vitest';
import { computeKpis } from './compute-kpis.ts';
import {
  ANA,
  BASELINE_UNTIL,
  BEN,
  DAL,
  DV,
  FROM,
  HOU,
  INPUT,
  RF,
  TO,
  emptyCells,
  funnelCells,
  nonFiniteNumbers,
  reloadCells,
  rowOf,
  timingCells,
} from './compute-kpis.test-support.ts';

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
