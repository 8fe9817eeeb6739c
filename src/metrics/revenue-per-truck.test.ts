import { describe, expect, it } from 'vitest';
import { revenuePerTruck } from './revenue-per-truck.ts';
import type { TripRecord } from './trip-record.ts';

const at = (iso: string): Date => new Date(`${iso}:00Z`);

function trip(
  deliveryId: string,
  delivered: string,
  revenueUsd: number,
  reload?: [string, number],
): TripRecord {
  return {
    truckId: 'T1',
    deliveryId,
    deliveredAt: at(delivered),
    zone: 'Dallas, TX',
    corridor: 'Dallas, TX → ON · dry van',
    repId: null,
    southboundLoadedMiles: 1400,
    southboundRevenueUsd: revenueUsd,
    reload:
      reload === undefined
        ? null
        : {
            loadId: `L-${deliveryId}`,
            pickedUpAt: at(reload[0]),
            deadheadMiles: 10,
            loadedMiles: 1300,
            revenueUsd: reload[1],
            withinReloadRadius: true,
          },
    emptyHomeMiles: 0,
  };
}

describe('revenuePerTruck', () => {
  /*
   * Period Wed 2024-09-11 → Wed 2024-10-16, fleet of 2. ISO weeks overlapping it (Thursday → quarter):
   *   09-09 partial (Thu 09-12, Q3) · 09-16 (Q3) · 09-23 (Q3) · 09-30 (Thu 10-03, Q4) · 10-07 (Q4) · 10-14 partial (Q4)
   * Revenue by instant earned:
   *   09-10 delivery 1000 — before `from`, left out; its reload picked up 09-12: 600 → week 09-09.
   *   09-17 delivery 2000 → week 09-16: 2000 / 2 = 1000.
   *   09-25 delivery 1000 + reload 09-26 1000 → week 09-23: 1000.
   *   09-30 00:00 delivery 3000 (a Q3 date, Monday 00:00 → week 09-30) + 10-01 delivery 1000 → 4000 / 2 = 2000.
   *   week 10-07: nothing → 0.
   *   10-15 delivery 500 → partial week 10-14; 10-16 00:00 delivery 700 is at `to`, left out.
   * Q3: complete weeks 1000, 1000 → mean 1000, CV 0. Q4: 2000, 0 → mean 1000, sd 1000, CV 1.
   * Period: 1000 1000 2000 0 → mean 1000, squared deviations 0+0+1e6+1e6 over 4 → sd √500000 → CV √½.
   */
  const trips = [
    trip('D0', '2024-09-10T12:00', 1000, ['2024-09-12T08:00', 600]),
    trip('D1', '2024-09-17T09:00', 2000),
    trip('D2', '2024-09-25T15:00', 1000, ['2024-09-26T07:00', 1000]),
    trip('D3', '2024-09-30T00:00', 3000),
    trip('D4', '2024-10-01T18:00', 1000),
    trip('D5', '2024-10-15T11:00', 500),
    trip('D6', '2024-10-16T00:00', 700),
  ];
  const result = revenuePerTruck(trips, {
    from: at('2024-09-11T00:00'),
    to: at('2024-10-16T00:00'),
    fleetSize: 2,
  });

  it('buckets revenue by ISO week of the instant earned, flagging weeks cut by the period', () => {
    expect(result.weeks).toEqual([
      {
        weekStart: at('2024-09-09T00:00'),
        quarter: '2024-Q3',
        complete: false,
        revenueUsd: 600,
        revenuePerTruckUsd: 300,
      },
      {
        weekStart: at('2024-09-16T00:00'),
        quarter: '2024-Q3',
        complete: true,
        revenueUsd: 2000,
        revenuePerTruckUsd: 1000,
      },
      {
        weekStart: at('2024-09-23T00:00'),
        quarter: '2024-Q3',
        complete: true,
        revenueUsd: 2000,
        revenuePerTruckUsd: 1000,
      },
      {
        weekStart: at('2024-09-30T00:00'),
        quarter: '2024-Q4',
        complete: true,
        revenueUsd: 4000,
        revenuePerTruckUsd: 2000,
      },
      {
        weekStart: at('2024-10-07T00:00'),
        quarter: '2024-Q4',
        complete: true,
        revenueUsd: 0,
        revenuePerTruckUsd: 0,
      },
      {
        weekStart: at('2024-10-14T00:00'),
        quarter: '2024-Q4',
        complete: false,
        revenueUsd: 500,
        revenuePerTruckUsd: 250,
      },
    ]);
  });

  it('gives each quarter the CV of its complete weeks, a week going to the quarter of its Thursday', () => {
    expect(result.quarters).toEqual([
      { quarter: '2024-Q3', completeWeeks: 2, meanRevenuePerTruckUsd: 1000, coefficientOfVariation: 0 },
      { quarter: '2024-Q4', completeWeeks: 2, meanRevenuePerTruckUsd: 1000, coefficientOfVariation: 1 },
    ]);
    expect(result.completeWeeks).toBe(4);
    expect(result.meanRevenuePerTruckUsd).toBe(1000);
    expect(result.coefficientOfVariation).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('has a null CV with fewer than 2 complete weeks or a zero mean', () => {
    const oneWeek = revenuePerTruck(trips, {
      from: at('2024-09-16T00:00'),
      to: at('2024-09-23T00:00'),
      fleetSize: 2,
    });
    expect(oneWeek.quarters).toEqual([
      { quarter: '2024-Q3', completeWeeks: 1, meanRevenuePerTruckUsd: 1000, coefficientOfVariation: null },
    ]);
    const idle = revenuePerTruck([], {
      from: at('2024-09-16T00:00'),
      to: at('2024-09-30T00:00'),
      fleetSize: 2,
    });
    expect(idle.meanRevenuePerTruckUsd).toBe(0);
    expect(idle.coefficientOfVariation).toBeNull();
    // A period shorter than a week: listed, nothing to average.
    const partial = revenuePerTruck(trips, {
      from: at('2024-09-17T00:00'),
      to: at('2024-09-18T00:00'),
      fleetSize: 2,
    });
    expect(partial.weeks).toHaveLength(1);
    expect(partial.quarters).toEqual([
      { quarter: '2024-Q3', completeWeeks: 0, meanRevenuePerTruckUsd: null, coefficientOfVariation: null },
    ]);
  });

  it('rejects a bad fleet size, an empty period and negative revenue', () => {
    const window = { from: at('2024-09-16T00:00'), to: at('2024-09-23T00:00') };
    expect(() => revenuePerTruck(trips, { ...window, fleetSize: 0 })).toThrow(
      'Cannot compute revenue per truck: the fleet size must be a whole number of trucks > 0, saw 0',
    );
    expect(() => revenuePerTruck(trips, { from: window.to, to: window.from, fleetSize: 2 })).toThrow(
      /the period must start before it ends/,
    );
    expect(() => revenuePerTruck([trip('D9', '2024-09-17T09:00', -1)], { ...window, fleetSize: 2 })).toThrow(
      'Cannot compute revenue per truck for delivery D9: southboundRevenueUsd must be a finite number ≥ 0, saw -1',
    );
  });
});
