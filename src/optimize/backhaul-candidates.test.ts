import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBorderPorts } from './border-ports.test-support.ts';
import { chooseBorderPort } from '../compliance/choose-border-port.ts';
import { hoursOfServiceDriveTime } from '../compliance/hours-of-service-drive-time.ts';
import { GreatCircleRoadDistance } from '../domain/geo.ts';
import type { Load } from '../domain/load.ts';
import { countryOf } from '../domain/regions.ts';
import type { Credential } from '../domain/truck.ts';
import {
  buildBackhaulCandidates,
  type AvailableTruck,
  type BackhaulCandidates,
} from './backhaul-candidates.ts';
import { randomBackhaulInstance } from './random-backhaul-instance.ts';
import { at, flat, HOUR, loadOf, place, PORT, T0, truckAt } from './meridian-world.test-support.ts';

const plannedAt = at(-1);
const build = (trucks: AvailableTruck[], loads: Load[], extra: Partial<{ legs: 'final' | 'first' }> = {}) =>
  buildBackhaulCandidates({ trucks, loads, ports: [PORT], plannedAt, ...extra }, { distance: flat });

/** Arcs as { "truck→load": value in cents }. */
function arcsOf(
  candidates: BackhaulCandidates,
  trucks: AvailableTruck[],
  loads: Load[],
): Record<string, number> {
  const { rowStart, colIndex, cost } = candidates.problem;
  const arcs: Record<string, number> = {};
  for (let i = 0; i < trucks.length; i++) {
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      arcs[`${trucks[i]!.truck.truckId}→${loads[colIndex[p]!]!.loadId}`] = -cost[p]!;
    }
  }
  return arcs;
}

describe('buildBackhaulCandidates on the hand-checked 3 trucks × 4 loads', () => {
  const trucks = [
    truckAt('T1', 41, 'OH', { credentials: ['fast'] }),
    truckAt('T2', 42, 'MI'),
    truckAt('T3', 43, 'MI', { equipment: 'reefer' }),
  ];
  const loads = [
    loadOf('L1', place(41.5, 'OH'), place(45, 'ON'), 1200),
    loadOf('L2', place(41, 'OH'), place(45, 'ON'), 900, { requirements: ['FAST'] }),
    loadOf('L3', place(43, 'MI'), place(44.5, 'ON'), 822, {
      currency: 'CAD',
      equipment: 'reefer',
      pickupEarliest: at(3),
    }),
    loadOf('L4', place(42, 'MI'), place(40, 'OH'), 2000),
  ];

  it('keeps exactly the legal positive arcs, valued rate − c·(deadhead + loaded + home) + c·home-from-here', () => {
    const candidates = build(trucks, loads);
    // T1→L1: 1200 − 2.26·(50 + 350 + 0) + 2.26·400 = 1200.   T1→L2: 900 − 2.26·400 + 2.26·400 = 900.
    // T2→L1: 1200 − 2.26·(50 + 350) + 2.26·300 = 974.        T2→L2: needs FAST, T2 has none.
    // T3→L3: 822 CAD = 600 USD; 600 − 2.26·(0 + 150 + 50) + 2.26·200 = 600.   L4 is domestic: cabotage.
    expect(arcsOf(candidates, trucks, loads)).toEqual({
      'T1→L1': 120_000,
      'T1→L2': 90_000,
      'T2→L1': 97_400,
      'T3→L3': 60_000,
    });
    expect(Array.from(candidates.problem.unmatchedCost)).toEqual([0, 0, 0]);
    const facts = Array.from(candidates.problem.colIndex, (_, p) => candidates.arcFacts(p));
    expect(facts.map((f) => Math.round(f.deadheadMiles))).toEqual([50, 0, 50, 0]);
    expect(facts.map((f) => Math.round(f.homeMiles))).toEqual([0, 0, 0, 50]);
    // T2 drives 50 mi (1 h) to L1; T3 is at L3 at once but its window opens at +3 h.
    expect(facts.map((f) => (f.pickupAtMs - T0) / HOUR)).toEqual([1, 0, 1, 3]);
    expect(() => candidates.arcFacts(4)).toThrow(RangeError);
    expect(Array.from(candidates.emptyHomeMiles).map((m) => Math.round(m))).toEqual([400, 300, 200]);
    expect(Array.from(candidates.rateUsd)).toEqual([1200, 900, 822 / 1.37, 2000]);
    // L4 is never examined (Canadian trucks search only loads they may take); T2→L2 fails on credentials.
    expect(candidates.examined).toBe(5);
    expect(candidates.excluded).toEqual({
      credentials: 1,
      cabotage: 0,
      empty_crossing: 0,
      window: 0,
      value: 0,
      radius: 0,
      delivery: 0,
    });
  });

  it('times a crossing load through its port: 250 mi to the bridge, 100 mi after it', () => {
    const { routes } = build(trucks, loads);
    expect(routes.crossing(0)?.port.portCode).toBe('3899');
    // hos(350 mi) = 7 h; the border 5 h after pickup.
    expect(routes.loadedRun(0, T0)).toEqual({ arriveAtMs: T0 + 5 * HOUR, deliverAtMs: T0 + 7 * HOUR });
    expect(routes.crossing(3)).toBeNull();
    expect(routes.loadedRun(3, T0)).toEqual({ arriveAtMs: NaN, deliverAtMs: T0 + 4 * HOUR });
  });
});

describe('buildBackhaulCandidates leaves out infeasible arcs, for each reason', () => {
  const northbound = (spec: Partial<Load> = {}) => loadOf('L', place(42, 'MI'), place(45, 'ON'), 1000, spec);
  const single = (truck: AvailableTruck, load: Load) => {
    const candidates = build([truck], [load]);
    return {
      arcs: candidates.problem.colIndex.length,
      examined: candidates.examined,
      excluded: candidates.excluded,
    };
  };

  it('equipment: a reefer never sees a dry-van load', () => {
    expect(single(truckAt('T', 42, 'MI', { equipment: 'reefer' }), northbound())).toMatchObject({
      arcs: 0,
      examined: 0,
    });
  });

  it('credentials: hazmat required, not held; held, kept', () => {
    const load = northbound({ requirements: ['hazmat', 'tarps'] });
    expect(single(truckAt('T', 42, 'MI', { credentials: ['fast'] }), load)).toMatchObject({
      arcs: 0,
      excluded: { credentials: 1 },
    });
    expect(single(truckAt('T', 42, 'MI', { credentials: ['hazmat'] }), load)).toMatchObject({ arcs: 1 });
  });

  it('window: the truck cannot arrive before it closes (200 mi = 4 h, closes at +3 h)', () => {
    const load = northbound({ pickupLatest: at(3) });
    expect(single(truckAt('T', 40, 'OH'), load)).toMatchObject({ arcs: 0, excluded: { window: 1 } });
    expect(single(truckAt('T', 40, 'OH'), northbound({ pickupLatest: at(4) }))).toMatchObject({ arcs: 1 });
  });

  it('window: a pickup more than maxWaitHours after arrival', () => {
    const late = northbound({ pickupEarliest: at(25), pickupLatest: at(30) });
    expect(single(truckAt('T', 42, 'MI'), late).arcs).toBe(0);
    expect(
      single(truckAt('T', 42, 'MI'), northbound({ pickupEarliest: at(24), pickupLatest: at(30) })).arcs,
    ).toBe(1);
  });

  it('radius: 300 road miles away is beyond the 250 mi deadhead radius', () => {
    const load = loadOf('L', place(42, 'MI', -80), place(45, 'ON'), 3000);
    expect(single(truckAt('T', 42, 'MI'), load)).toMatchObject({ arcs: 0, excluded: { radius: 1 } });
  });

  it('value: a load to the far side of Canada is worth less than driving home empty', () => {
    const load = loadOf('L', place(42, 'MI'), place(49.9, 'MB', -97.1), 2000);
    expect(single(truckAt('T', 42, 'MI'), load)).toMatchObject({ arcs: 0, excluded: { value: 1 } });
  });

  it('cabotage: a Canadian truck gets no US-domestic or unarranged load; a US truck does', () => {
    const domestic = loadOf('L', place(42, 'MI'), place(43, 'MI'), 2000);
    const unarranged = northbound({ preArranged: false });
    const usHome = { home: place(43.5, 'MI'), domicile: 'US' as const };
    for (const load of [domestic, unarranged]) {
      expect(single(truckAt('T', 42, 'MI'), load)).toMatchObject({ arcs: 0, examined: 0 });
      expect(single(truckAt('T', 42, 'MI', usHome), load).arcs).toBe(1);
    }
  });

  it('empty_crossing: a truck in the US does not cross empty to a Canadian pickup', () => {
    const load = loadOf('L', place(44.2, 'ON'), place(45, 'ON'), 1000);
    expect(single(truckAt('T', 43, 'MI'), load)).toMatchObject({ arcs: 0, excluded: { empty_crossing: 1 } });
  });

  it('delivery: 350 mi through the port need 7 h; a deadline 6 h 59 min after pickup is missed', () => {
    const load = (minutes: number) =>
      loadOf('L', place(41.5, 'OH'), place(45, 'ON'), 1200, { deliveryLatest: at(7 + minutes / 60) });
    expect(single(truckAt('T', 41.5, 'OH'), load(-1))).toMatchObject({ arcs: 0, excluded: { delivery: 1 } });
    expect(single(truckAt('T', 41.5, 'OH'), load(0)).arcs).toBe(1);
  });

  it('chain openers: pre-arranged, US → US, homeward, within 100 mi empty — for Canadian trucks only', () => {
    const opener = (from: number, to: number, spec: Partial<Load> = {}) =>
      loadOf('D', place(from, 'OH'), place(to, 'MI'), 400, spec);
    const first = (truck: AvailableTruck, load: Load) =>
      build([truck], [load], { legs: 'first' }).problem.colIndex.length;
    const canadian = truckAt('T', 41, 'OH');
    expect(first(canadian, opener(41, 43))).toBe(1);
    expect(first(canadian, opener(41, 43, { preArranged: false }))).toBe(0);
    expect(first(canadian, opener(42.5, 43))).toBe(0); // 150 mi empty to a domestic pickup
    expect(first(canadian, opener(41, 40.4))).toBe(0); // ends 60 mi farther from home than it starts
    expect(first(canadian, opener(41, 40.6))).toBe(1); // 40 mi farther: within the 50 mi tolerance
    expect(first(truckAt('T', 41, 'OH', { domicile: 'US' }), opener(41, 43))).toBe(0);
    expect(first(canadian, northbound())).toBe(0);
  });
});

describe('buildBackhaulCandidates agrees with a pair-by-pair reference on random instances', () => {
  const ports = [...readBorderPorts().values()];
  const distance = new GreatCircleRoadDistance();
  const ceilMinute = (ms: number) => Math.ceil(ms / 60_000) * 60_000;
  const hosMs = (m: number) => hoursOfServiceDriveTime(m) * HOUR;

  /** Every rule of §3.6/§3.8 checked directly for one pair; the cents of the arc or null. */
  function referenceCents(row: AvailableTruck, load: Load, planned: number): number | null {
    const { truck, position } = row;
    if (load.equipment !== truck.equipment) return null;
    const needs = load.requirements
      .map((r) => r.toLowerCase())
      .filter((r) => ['fast', 'bonded', 'hazmat', 'twic'].includes(r));
    if (needs.some((r) => !truck.credentials.includes(r as Credential))) return null;
    const fromUs = countryOf(load.origin.region) === 'US';
    const toCanada = countryOf(load.dest.region) === 'CA';
    if (truck.domicile === 'CA' && !(toCanada && (!fromUs || load.preArranged))) return null;
    if (countryOf(position.region) === 'US' && !fromUs) return null;
    const deadhead = distance.roadMiles(position, load.origin);
    if (deadhead > 250) return null;
    const arrival = ceilMinute(Math.max(row.availableAt.getTime(), planned) + hosMs(deadhead));
    const pickup = Math.max(arrival, load.pickupEarliest.getTime());
    if (pickup > load.pickupLatest.getTime() || pickup - arrival > 24 * HOUR) return null;
    const loaded = distance.roadMiles(load.origin, load.dest);
    if (load.deliveryLatest !== null) {
      let deliver = ceilMinute(pickup + hosMs(loaded));
      if (fromUs && toCanada) {
        const { milesToPort: a, milesPortToDestination: b } = chooseBorderPort(
          load.origin,
          load.dest,
          ports,
          distance,
        );
        const border = ceilMinute(Math.max(pickup + hosMs(a), planned + HOUR));
        deliver = ceilMinute(Math.max(pickup + hosMs(a + b), border + hosMs(b)));
      }
      if (deliver > load.deliveryLatest.getTime()) return null;
    }
    const rate = load.currency === 'CAD' ? load.rate / 1.37 : load.rate;
    const value =
      rate -
      2.26 * (deadhead + loaded + distance.roadMiles(load.dest, truck.home)) +
      2.26 * distance.roadMiles(position, truck.home);
    const cents = Math.round(value * 100);
    return cents > 0 ? cents : null;
  }

  it('same arcs, same cents, on dense one-to-three-metro instances with tight delivery deadlines', () => {
    let arcs = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 24 }), { minLength: 30, maxLength: 30 }),
        (seed, metros, truckCount, loadCount, slackHours) => {
          const instance = randomBackhaulInstance({
            seed,
            trucks: truckCount,
            loads: loadCount,
            metros,
            days: 1,
            domesticShare: 0.3,
          });
          // Deadlines from impossible to generous, so both the bounds and the exact port timing decide.
          const loads = instance.loads.map((load, j) => {
            const transit = hoursOfServiceDriveTime(distance.roadMiles(load.origin, load.dest));
            return {
              ...load,
              deliveryLatest: new Date(load.pickupEarliest.getTime() + (transit - 2 + slackHours[j]!) * HOUR),
            };
          });
          const planned = T0 - 12 * HOUR;
          const candidates = buildBackhaulCandidates({
            trucks: instance.trucks,
            loads,
            ports,
            plannedAt: new Date(planned),
          });
          const expected: Record<string, number> = {};
          instance.trucks.forEach((row, i) =>
            loads.forEach((load, j) => {
              const cents = referenceCents(row, load, planned);
              if (cents !== null) expected[`${i}→${j}`] = cents;
            }),
          );
          const actual: Record<string, number> = {};
          const { rowStart, colIndex, cost } = candidates.problem;
          for (let i = 0; i < instance.trucks.length; i++) {
            for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) actual[`${i}→${colIndex[p]}`] = -cost[p]!;
          }
          expect(actual).toEqual(expected);
          arcs += Object.keys(expected).length;
        },
      ),
      { numRuns: 200 },
    );
    expect(arcs).toBeGreaterThan(250); // the instances are not trivially empty
  });
});
