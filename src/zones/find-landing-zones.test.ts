import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { findLandingZones } from './find-landing-zones.ts';
import {
  AS_OF,
  ATLANTA,
  CHICAGO,
  COLUMBUS,
  DALLAS,
  DENVER,
  FORT_WORTH,
  HOUR_MS,
  MEMPHIS,
  PHOENIX,
  everyWeek,
  inWeek,
  landAt,
  landInCity,
  markets,
  options,
  range,
} from './landing-fixtures.test-support.ts';
import type { LandingArrival, LandingMarket, LandingZoneReport } from './landing-zone.ts';

const byKey = (report: LandingZoneReport, key: string): LandingMarket => {
  const found = report.markets.find((m) => m.key === key);
  if (found === undefined) throw new Error(`no market ${key} in ${report.markets.map((m) => m.key).join()}`);
  return found;
};

describe('findLandingZones', () => {
  it('makes a market with a truck every week a zone, and one landing in 7 of 13 weeks not', () => {
    const arrivals = [
      ...everyWeek(DALLAS, 'dal', 1, range(13)),
      // Two trucks a week in 7 weeks: 14/13 trucks a week on average, but only 7/13 ≈ 0.54 consistent.
      ...everyWeek(MEMPHIS, 'mem', 2, [0, 1, 3, 5, 8, 9, 12]),
    ];
    const report = findLandingZones(arrivals, markets, options());

    const dallas = byKey(report, DALLAS.id);
    expect(dallas).toMatchObject({
      label: 'Dallas, TX',
      marketId: DALLAS.id,
      region: 'TX',
      lat: DALLAS.lat,
      lon: DALLAS.lon,
      arrivals: 13,
      trucks: 1,
      consistency: 1,
      trucksPerWeek: { mean: 1, median: 1 },
      strength: 1,
      isLandingZone: true,
      rank: 1,
      primary: true,
      reloadRadiusMiles: 100,
    });
    expect(dallas.weeklyTrucks).toEqual(range(13).map(() => 1));

    const memphis = byKey(report, MEMPHIS.id);
    expect(memphis.consistency).toBeCloseTo(7 / 13, 12);
    expect(memphis.trucksPerWeek.mean).toBeCloseTo(14 / 13, 12);
    expect(memphis.trucksPerWeek.median).toBe(2);
    expect(memphis.weeklyTrucks).toEqual([2, 2, 0, 2, 0, 2, 0, 0, 2, 2, 0, 0, 2]);
    expect(memphis).toMatchObject({ isLandingZone: false, rank: null, primary: false, trucks: 2 });

    expect(report.zones.map((z) => z.key)).toEqual([DALLAS.id]);
    expect(report.markets.map((m) => m.key)).toEqual([DALLAS.id, MEMPHIS.id]);
    expect(report.weeks).toBe(13);
    expect(report.to).toEqual(AS_OF);
    expect(report.from).toEqual(new Date('2026-08-24T00:00:00Z'));
  });

  it('ranks zones by trucks/week × consistency and makes the top five primary', () => {
    const plan = [
      [ATLANTA, 3],
      [CHICAGO, 7],
      [COLUMBUS, 1],
      [DALLAS, 5],
      [DENVER, 2],
      [MEMPHIS, 6],
      [PHOENIX, 4],
    ] as const;
    const arrivals = plan.flatMap(([market, trucks]) => everyWeek(market, market.name, trucks, range(13)));
    // Fort Worth: 9 trucks a week but in only 6 weeks, so strength 9·6/13 · 6/13 ≈ 1.9 and no zone.
    arrivals.push(...everyWeek(FORT_WORTH, 'ftw', 9, [0, 2, 4, 6, 8, 10]));
    const report = findLandingZones(arrivals, markets, options());

    expect(report.zones.map((z) => [z.label, z.rank, z.primary])).toEqual([
      ['Chicago, IL', 1, true],
      ['Memphis, TN', 2, true],
      ['Dallas, TX', 3, true],
      ['Phoenix, AZ', 4, true],
      ['Atlanta, GA', 5, true],
      ['Denver, CO', 6, false],
      ['Columbus, OH', 7, false],
    ]);
    expect(report.zones.map((z) => z.strength)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const fortWorth = byKey(report, FORT_WORTH.id);
    expect(fortWorth.strength).toBeCloseTo(((9 * 6) / 13) * (6 / 13), 12);
    expect(fortWorth.rank).toBeNull();
    expect(report.markets.at(-1)?.key).toBe(FORT_WORTH.id);
  });

  it('counts a truck delivering twice in one week to one market once that week', () => {
    const twice = range(13).flatMap((week) => [
      landAt(DALLAS, 'T1', inWeek(week, 10)),
      landAt(DALLAS, 'T1', inWeek(week, 60)),
    ]);
    const once = everyWeek(MEMPHIS, 'mem', 1, range(13));
    const report = findLandingZones([...once, ...twice], markets, options());
    const dallas = byKey(report, DALLAS.id);
    expect(dallas.arrivals).toBe(26);
    expect(dallas.weeklyTrucks).toEqual(range(13).map(() => 1));
    expect(dallas.trucksPerWeek.mean).toBe(1);
    expect(dallas.equipment[0]?.trucksPerWeek).toBe(1);
    // Equal strength: more arrivals rank first.
    expect(report.zones.map((z) => z.key)).toEqual([DALLAS.id, MEMPHIS.id]);
  });

  it('breaks equal strength and arrivals by key, whatever the input order', () => {
    const a = everyWeek(DALLAS, 'dal', 1, range(13));
    const b = everyWeek(MEMPHIS, 'mem', 1, range(13));
    const keys = [DALLAS.id, MEMPHIS.id].sort();
    expect(findLandingZones([...a, ...b], markets, options()).zones.map((z) => z.key)).toEqual(keys);
    expect(findLandingZones([...b, ...a], markets, options()).zones.map((z) => z.key)).toEqual(keys);
  });

  it('counts weekdays on the destination clock', () => {
    // 03:00Z Wednesday 18 November 2026 is 21:00 CST Tuesday 17 November in Texas.
    const late = landAt(DALLAS, 'T1', new Date('2026-11-18T03:00:00Z').getTime());
    const report = findLandingZones([late], markets, options());
    expect(byKey(report, DALLAS.id).weekdays).toEqual([0, 1, 0, 0, 0, 0, 0]);
  });

  it('names the fewest weekdays holding three quarters of the arrivals, busiest first', () => {
    // Week 5's Monday is 00:00Z; +15 h keeps each delivery on the same local day in Texas.
    const onDay = (day: number, truck: string): LandingArrival =>
      landAt(DALLAS, truck, inWeek(5, day * 24 + 15));
    const arrivals = [
      onDay(0, 'a'),
      ...['b', 'c', 'd'].map((t) => onDay(2, t)),
      ...['e', 'f', 'g'].map((t) => onDay(1, t)),
      ...['h', 'i'].map((t) => onDay(3, t)),
      onDay(4, 'j'),
    ];
    const dallas = byKey(findLandingZones(arrivals, markets, options()), DALLAS.id);
    expect(dallas.weekdays).toEqual([1, 3, 3, 2, 1, 0, 0]);
    // 7.5 of 10 arrivals: Tuesday and Wednesday hold 6, Thursday brings it to 8.
    expect(dallas.busiestWeekdays).toEqual([1, 2, 3]);
  });

  it('gives deliveries with no market their own city zone, matched without regard to case or spacing', () => {
    const week = (w: number): number => inWeek(w);
    const arrivals = [
      landInCity('Laredo', 'TX', 27.5, -99.5, 'T1', week(0)),
      landInCity('  laredo ', 'TX', 27.6, -99.4, 'T2', week(1)),
      landInCity('LAREDO', 'TX', 27.7, -99.3, 'T3', week(2)),
      landInCity('Laredo', 'TX', 27.6, -99.4, 'T4', week(3)),
      landInCity('Laredo', 'MO', 40.03, -93.45, 'T5', week(3)),
    ];
    const report = findLandingZones(arrivals, markets, options());
    expect(report.markets.map((m) => m.key).sort()).toEqual(['city:laredo|MO', 'city:laredo|TX']);
    const laredo = byKey(report, 'city:laredo|TX');
    expect(laredo).toMatchObject({
      label: 'Laredo, TX',
      marketId: null,
      region: 'TX',
      arrivals: 4,
      trucks: 4,
    });
    expect(laredo.lat).toBeCloseTo(27.6, 12);
    expect(laredo.lon).toBeCloseTo(-99.4, 12);
    expect(byKey(report, 'city:laredo|MO').label).toBe('Laredo, MO');
  });

  it('ignores deliveries at or after asOf (scheduled) and before the previous period', () => {
    const arrivals = [
      ...everyWeek(DALLAS, 'dal', 1, range(13)),
      landAt(DALLAS, 'future-1', AS_OF.getTime()),
      landAt(DALLAS, 'future-2', AS_OF.getTime() + 5 * HOUR_MS),
      landAt(DALLAS, 'ancient', inWeek(-14)),
      landAt(MEMPHIS, 'only-scheduled', AS_OF.getTime() + HOUR_MS),
    ];
    const report = findLandingZones(arrivals, markets, options());
    expect(report.markets.map((m) => m.key)).toEqual([DALLAS.id]);
    const dallas = byKey(report, DALLAS.id);
    expect(dallas.arrivals).toBe(13);
    expect(dallas.trucks).toBe(1);
    expect(dallas.trend).toEqual({ previousMean: 0, ratio: null, direction: 'new' });
  });

  it('puts the first instant of the lookback in week 0 and the last instant before asOf in the last week', () => {
    const first = landAt(DALLAS, 'T1', inWeek(0, 0));
    const last = landAt(DALLAS, 'T2', AS_OF.getTime() - 1);
    const justBefore = landAt(DALLAS, 'T3', inWeek(0, 0) - 1);
    const dallas = byKey(findLandingZones([first, last, justBefore], markets, options()), DALLAS.id);
    expect(dallas.weeklyTrucks).toEqual([1, ...range(11).map(() => 0), 1]);
    expect(dallas.arrivals).toBe(2);
    expect(dallas.trend.previousMean).toBeCloseTo(1 / 13, 12);
  });

  it('compares the lookback with the 13 weeks before it', () => {
    const previous = range(13).map((w) => w - 13);
    const arrivals = [
      // Up: 1 truck a week, then 2.
      ...everyWeek(DALLAS, 'dal', 1, previous),
      ...everyWeek(DALLAS, 'dal', 2, range(13)),
      // Down: 2 trucks a week, then 1.
      ...everyWeek(MEMPHIS, 'mem', 2, previous),
      ...everyWeek(MEMPHIS, 'mem', 1, range(13)),
      // Flat: 1 and 1.
      ...everyWeek(ATLANTA, 'atl', 1, previous),
      ...everyWeek(ATLANTA, 'atl', 1, range(13)),
      // Exactly 1.2×: 5 truck-weeks, then 6.
      ...everyWeek(CHICAGO, 'chi', 1, previous.slice(0, 5)),
      ...everyWeek(CHICAGO, 'chi', 1, range(6)),
      // New: nothing before.
      ...everyWeek(DENVER, 'den', 1, range(13)),
      // Only in the previous period: not reported at all.
      ...everyWeek(PHOENIX, 'phx', 3, previous),
    ];
    const report = findLandingZones(arrivals, markets, options());
    expect(byKey(report, DALLAS.id).trend).toEqual({ previousMean: 1, ratio: 2, direction: 'up' });
    expect(byKey(report, MEMPHIS.id).trend).toEqual({ previousMean: 2, ratio: 0.5, direction: 'down' });
    expect(byKey(report, ATLANTA.id).trend).toEqual({ previousMean: 1, ratio: 1, direction: 'flat' });
    expect(byKey(report, CHICAGO.id).trend).toMatchObject({ ratio: 1.2, direction: 'up' });
    expect(byKey(report, DENVER.id).trend).toEqual({ previousMean: 0, ratio: null, direction: 'new' });
    expect(report.markets.some((m) => m.key === PHOENIX.id)).toBe(false);
  });

  it('reports the equipment mix and each equipment’s trucks per week, busiest first', () => {
    const reeferWeeks = [0, 2, 4, 6, 8, 10, 12];
    const arrivals = [
      ...everyWeek(DALLAS, 'van', 4, range(13), 'dry_van'),
      ...everyWeek(DALLAS, 'reefer', 1, reeferWeeks, 'reefer'),
      // One truck that runs a flatbed one week and a step deck another.
      landAt(DALLAS, 'multi', inWeek(3), 'flatbed'),
      landAt(DALLAS, 'multi', inWeek(4), 'step_deck'),
    ];
    const dallas = byKey(findLandingZones(arrivals, markets, options()), DALLAS.id);
    expect(dallas.arrivals).toBe(52 + 7 + 2);
    expect(dallas.trucks).toBe(4 + 1 + 1);
    expect(dallas.equipment.map((e) => e.equipment)).toEqual(['dry_van', 'reefer', 'flatbed', 'step_deck']);
    const [van, reefer, flatbed] = dallas.equipment;
    expect(van).toMatchObject({ arrivals: 52, trucksPerWeek: 4, consistency: 1 });
    expect(van?.share).toBeCloseTo(52 / 61, 12);
    expect(reefer?.arrivals).toBe(7);
    expect(reefer?.share).toBeCloseTo(7 / 61, 12);
    expect(reefer?.trucksPerWeek).toBeCloseTo(7 / 13, 12);
    expect(reefer?.consistency).toBeCloseTo(7 / 13, 12);
    expect(flatbed?.trucksPerWeek).toBeCloseTo(1 / 13, 12);
    // Weeks 1–4: vans only; vans and the reefer; vans and the flatbed; vans, the reefer and the step deck.
    expect(dallas.weeklyTrucks.slice(1, 5)).toEqual([4, 5, 5, 6]);
  });

  it('honours the lookback length and thresholds it is given', () => {
    const arrivals = everyWeek(DALLAS, 'dal', 1, [0, 1, 2], 'dry_van', 4);
    const report = findLandingZones(arrivals, markets, options({ weeks: 4, minConsistency: 0.75 }));
    const dallas = byKey(report, DALLAS.id);
    expect(dallas.weeklyTrucks).toEqual([1, 1, 1, 0]);
    expect(dallas.consistency).toBe(0.75);
    expect(dallas.isLandingZone).toBe(false); // mean 0.75 < 1 truck a week
    const relaxed = findLandingZones(
      arrivals,
      markets,
      options({ weeks: 4, minConsistency: 0.75, minTrucksPerWeek: 0.75, primaryCount: 0 }),
    );
    expect(relaxed.zones.map((z) => [z.key, z.rank, z.primary])).toEqual([[DALLAS.id, 1, false]]);
  });

  it('rejects bad options and arrivals, naming the value seen', () => {
    const ok = everyWeek(DALLAS, 'dal', 1, [0]);
    const attempt = (run: () => unknown): NorthboundError => {
      try {
        run();
      } catch (error) {
        if (error instanceof NorthboundError) return error;
        throw error;
      }
      throw new Error('expected a NorthboundError');
    };
    const cases: Array<[() => unknown, RegExp]> = [
      [() => findLandingZones(ok, markets, options({ weeks: 0 })), /option weeks is 0; expected a whole/],
      [() => findLandingZones(ok, markets, options({ weeks: 2.5 })), /weeks is 2\.5/],
      [() => findLandingZones(ok, markets, options({ reloadRadiusMiles: -5 })), /reloadRadiusMiles is -5/],
      [() => findLandingZones(ok, markets, options({ minConsistency: 1.5 })), /minConsistency is 1\.5/],
      [() => findLandingZones(ok, markets, options({ asOf: new Date('nope') })), /asOf is Invalid Date/],
      [
        () => findLandingZones([{ ...landAt(DALLAS, 'T9', NaN) }], markets, options()),
        /arrival 1 \(truck "T9"\) has deliveredAtMs NaN/,
      ],
      [
        () =>
          findLandingZones(
            [...ok, { ...landAt(DALLAS, 'T9', inWeek(1)), marketId: 'nowhere' as never }],
            markets,
            options(),
          ),
        /arrival 2 \(truck "T9"\) has marketId "nowhere"; expected a market id the gazetteer knows/,
      ],
      [
        () =>
          findLandingZones(
            [{ ...landAt(DALLAS, 'T9', inWeek(1)), equipment: 'reefr' as never }],
            markets,
            options(),
          ),
        /equipment "reefr"; expected one of dry_van, reefer/,
      ],
    ];
    for (const [run, message] of cases) {
      const error = attempt(run);
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
    }
  });

  it('returns an empty report when nothing landed', () => {
    const report = findLandingZones([], markets, options());
    expect(report.markets).toEqual([]);
    expect(report.zones).toEqual([]);
  });
});
