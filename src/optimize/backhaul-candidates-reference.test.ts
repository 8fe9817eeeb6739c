/**
 * buildBackhaulCandidates against a straightforward reference: every truck × every load, each rule of
 * §3.6/§3.8 checked directly on the domain objects (no index, no typed arrays, no bounds: the border
 * port and the delivery instant always from chooseBorderPort and hoursOfServiceDriveTime), on random
 * instances. Same arcs, and per arc the same cents, deadhead, miles home and pickup instant, to the bit.
 * The value is summed in the order the module documents (rate − c·(loaded + home) + c·home-from-here,
 * then − c·deadhead), so the cents match exactly, not merely to rounding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBorderPorts } from './border-ports.test-support.ts';
import { chooseBorderPort } from '../compliance/choose-border-port.ts';
import { hoursOfServiceDriveTime } from '../compliance/hours-of-service-drive-time.ts';
import { GreatCircleRoadDistance, greatCircleMiles, type DistanceProvider } from '../domain/geo.ts';
import type { Load } from '../domain/load.ts';
import { countryOf, type Region } from '../domain/regions.ts';
import { CREDENTIALS, type Credential } from '../domain/truck.ts';
import { miles } from '../domain/units.ts';
import { buildBackhaulCandidates, type AvailableTruck } from './backhaul-candidates.ts';
import { randomBackhaulInstance } from './random-backhaul-instance.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2025-03-03T12:00:00Z');
const ports = [...readBorderPorts().values()];
const ceilMinute = (ms: number) => Math.ceil(ms / 60_000) * 60_000;
const hosMs = (m: number) => hoursOfServiceDriveTime(m) * HOUR;
const C = 2.26;

interface ReferenceArc {
  readonly cents: number;
  readonly deadhead: number;
  readonly homeMiles: number;
  readonly pickupAt: number;
}

/** The arc of truck `row` taking `load`, or null; every rule checked on its own. */
function referenceArc(
  row: AvailableTruck,
  load: Load,
  planned: number,
  distance: DistanceProvider,
  legs: 'final' | 'first',
  floor: number,
): ReferenceArc | null {
  const { truck, position } = row;
  const canadian = truck.domicile === 'CA';
  const truckInUs = countryOf(position.region) === 'US';
  if (legs === 'first' && !(canadian && truckInUs)) return null;
  if (load.equipment !== truck.equipment) return null;
  const needs = load.requirements
    .map((r) => r.toLowerCase())
    .filter((r): r is Credential => (CREDENTIALS as readonly string[]).includes(r));
  if (needs.some((r) => !truck.credentials.includes(r))) return null;
  const fromUs = countryOf(load.origin.region) === 'US';
  const toCanada = countryOf(load.dest.region) === 'CA';
  if (legs === 'final' && canadian && !(toCanada && (!fromUs || load.preArranged))) return null;
  if (legs === 'first' && !(fromUs && !toCanada && load.preArranged)) return null;
  if (truckInUs && !fromUs) return null; // no empty crossing into Canada
  const deadhead = distance.roadMiles(position, load.origin);
  if (deadhead > 250) return null;
  const homeMiles = distance.roadMiles(load.dest, truck.home);
  if (legs === 'first' && (deadhead > 100 || homeMiles > distance.roadMiles(load.origin, truck.home) + 50)) {
    return null;
  }
  const arrival = ceilMinute(Math.max(row.availableAt.getTime(), planned) + hosMs(deadhead));
  const pickupAt = Math.max(arrival, load.pickupEarliest.getTime());
  if (pickupAt > load.pickupLatest.getTime() || pickupAt - arrival > 24 * HOUR) return null;
  const loaded = distance.roadMiles(load.origin, load.dest);
  if (load.deliveryLatest !== null) {
    let deliver = ceilMinute(pickupAt + hosMs(loaded));
    if (fromUs && toCanada) {
      const route = chooseBorderPort(load.origin, load.dest, ports, distance);
      const a = route.milesToPort;
      const b = route.milesPortToDestination;
      const border = ceilMinute(Math.max(pickupAt + hosMs(a), planned + HOUR));
      deliver = ceilMinute(Math.max(pickupAt + hosMs(a + b), border + hosMs(b)));
    }
    if (deliver > load.deliveryLatest.getTime()) return null;
  }
  const rate = load.currency === 'CAD' ? load.rate / 1.37 : load.rate;
  const value = rate - C * (loaded + homeMiles) + C * distance.roadMiles(position, truck.home) - C * deadhead;
  const cents = Math.round(value * 100);
  return cents > floor ? { cents, deadhead, homeMiles, pickupAt } : null;
}

/** A random instance with every kind of pair: US trucks, trucks in Canada, pickups in Canada. */
function mixedInstance(seed: number, metros: number, trucks: number, loads: number, twists: number[]) {
  const instance = randomBackhaulInstance({ seed, trucks, loads, metros, days: 1, domesticShare: 0.3 });
  const windsor = { lat: 42.3, lon: -83.0, region: 'ON' as Region };
  const mixedTrucks = instance.trucks.map((row, i): AvailableTruck => {
    const twist = twists[i % twists.length]!;
    if (twist === 1) {
      return { ...row, truck: { ...row.truck, domicile: 'US', home: { lat: 41.5, lon: -81.7 } } };
    }
    if (twist === 2) return { ...row, position: { ...windsor, lat: windsor.lat + 0.1 * (i % 3) } };
    return row;
  });
  const mixedLoads = instance.loads.map((load, j): Load => {
    // Deadlines from impossible to generous, so both the bounds and the exact port timing decide.
    const transit = hoursOfServiceDriveTime(greatCircleMiles(load.origin, load.dest) * 1.2);
    const twist = twists[(j * 7) % twists.length]!;
    const deliveryLatest = new Date(load.pickupEarliest.getTime() + (transit - 2 + 2 * twist) * HOUR);
    const origin =
      twist === 3 ? { ...load.origin, ...windsor, lon: windsor.lon - 0.05 * (j % 4) } : load.origin;
    return { ...load, origin, deliveryLatest: twist === 0 ? null : deliveryLatest };
  });
  return { trucks: mixedTrucks, loads: mixedLoads };
}

/** Arcs as sorted "truck→load cents deadhead home pickup" lines. */
function lines(arcs: Iterable<[number, number, ReferenceArc]>): string[] {
  return [...arcs]
    .map(([i, j, a]) => `${i}→${j} ${a.cents} ${a.deadhead} ${a.homeMiles} ${a.pickupAt}`)
    .sort();
}

function check(seed: number, metros: number, legs: 'final' | 'first', custom: boolean, twists: number[]) {
  const { trucks, loads } = mixedInstance(seed, metros, 8, 30, twists);
  const planned = T0 - 12 * HOUR;
  // A custom provider (never shorter than the great circle) takes the provider path, not the inline one.
  const distance: DistanceProvider = custom
    ? { roadMiles: (a, b) => miles(greatCircleMiles(a, b) * 1.3) }
    : new GreatCircleRoadDistance();
  const minValueCents = Float64Array.from(trucks, (_, i) => (i % 3 === 0 ? 5_000 * (twists[0]! - 2) : 0));
  const floorOf = (i: number) => (legs === 'first' ? -Infinity : minValueCents[i]!);
  const candidates = buildBackhaulCandidates(
    { trucks, loads, ports, plannedAt: new Date(planned), legs, minValueCents },
    custom ? { distance } : {},
  );
  const expected: [number, number, ReferenceArc][] = [];
  trucks.forEach((row, i) =>
    loads.forEach((load, j) => {
      const arc = referenceArc(row, load, planned, distance, legs, floorOf(i));
      if (arc !== null) expected.push([i, j, arc]);
    }),
  );
  const actual: [number, number, ReferenceArc][] = [];
  const { rowStart, colIndex, cost } = candidates.problem;
  for (let i = 0; i < trucks.length; i++) {
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const facts = candidates.arcFacts(p);
      actual.push([
        i,
        colIndex[p]!,
        {
          cents: -cost[p]!,
          deadhead: facts.deadheadMiles,
          homeMiles: facts.homeMiles,
          pickupAt: facts.pickupAtMs,
        },
      ]);
    }
  }
  expect(lines(actual)).toEqual(lines(expected));
  const excluded = Object.values(candidates.excluded).reduce((sum, n) => sum + n, 0);
  expect(candidates.examined).toBe(excluded + actual.length);
  return expected.length;
}

describe('buildBackhaulCandidates equals a pair-by-pair reference on random instances', () => {
  const cases = [
    ['final loads, default distance (computed inline)', 'final', false],
    ['final loads, a custom distance provider', 'final', true],
    ['chain openers, default distance', 'first', false],
    ['chain openers, a custom distance provider', 'first', true],
  ] as const;
  for (const [name, legs, custom] of cases) {
    it(name, () => {
      let arcs = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1_000_000 }),
          fc.integer({ min: 1, max: 3 }),
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 12 }),
          (seed, metros, twists) => {
            arcs += check(seed, metros, legs, custom, twists);
          },
        ),
        { numRuns: 60 },
      );
      expect(arcs).toBeGreaterThan(legs === 'first' ? 20 : 100); // the instances are not trivially empty
    });
  }
});
