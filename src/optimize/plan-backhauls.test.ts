import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBorderPorts } from './border-ports.test-support.ts';
import { validatePlan } from '../compliance/validate-plan.ts';
import type { Equipment } from '../domain/equipment.ts';
import { GreatCircleRoadDistance } from '../domain/geo.ts';
import type { Load } from '../domain/load.ts';
import type { Region } from '../domain/regions.ts';
import type { Credential } from '../domain/truck.ts';
import { buildBackhaulCandidates, type AvailableTruck } from './backhaul-candidates.ts';
import { planBackhauls } from './plan-backhauls.ts';
import { randomBackhaulInstance } from './random-backhaul-instance.ts';
import {
  at,
  flat,
  HOUR,
  loadOf as meridianLoad,
  place,
  PORT,
  T0,
  truckAt as meridianTruck,
} from './meridian-world.test-support.ts';

// The hand-checked world of backhaul-candidates.test.ts (meridian-world.test-support.ts), with this
// file's positional shorthands for its trucks and loads.
const truckAt = (
  id: string,
  lat: number,
  region: Region,
  equipment: Equipment,
  credentials: Credential[],
): AvailableTruck => meridianTruck(id, lat, region, { equipment, credentials });
const loadOf = (
  id: string,
  from: number,
  to: number,
  regions: [Region, Region],
  rate: number,
  spec: Partial<Load> = {},
): Load => meridianLoad(id, place(from, regions[0]), place(to, regions[1]), rate, spec);

describe('planBackhauls on the hand-checked 3 trucks × 4 loads', () => {
  const trucks = [
    truckAt('T1', 41, 'OH', 'dry_van', ['fast']),
    truckAt('T2', 42, 'MI', 'dry_van', []),
    truckAt('T3', 43, 'MI', 'reefer', []),
  ];
  const loads = [
    loadOf('L1', 41.5, 45, ['OH', 'ON'], 1200),
    loadOf('L2', 41, 45, ['OH', 'ON'], 900, { requirements: ['fast'] }),
    loadOf('L3', 43, 44.5, ['MI', 'ON'], 822, {
      currency: 'CAD',
      equipment: 'reefer',
      pickupEarliest: at(3),
    }),
    loadOf('L4', 42, 40, ['MI', 'OH'], 2000),
  ];
  const result = planBackhauls({ trucks, loads, ports: [PORT], createdAt: at(-1) }, { distance: flat });

  it('beats the greedy choice: T1 takes L2 so T2 can take L1 (900 + 974 + 600, not 1200 + 0 + 600)', () => {
    expect(result.recommendations.map((r) => [r.truckId, r.loadIds, r.valueUsd])).toEqual([
      ['T1', ['L2'], 900],
      ['T2', ['L1'], 974],
      ['T3', ['L3'], 600],
    ]);
    expect(result.recommendations[1]!.valueCad).toBeCloseTo(974 * 1.37, 9);
    expect(
      result.recommendations.map((r) => [Math.round(r.emptyMilesHome), Math.round(r.emptyMilesPlanned)]),
    ).toEqual([
      [400, 0],
      [300, 50],
      [200, 50],
    ]);
  });

  it('totals: all matched, 800 of 900 empty miles saved, $2,474 = C$3,389.38', () => {
    const { totals } = result;
    expect(totals).toMatchObject({ trucks: 3, matched: 3, matchedShare: 1, valueUsd: 2474 });
    expect(totals.valueCad).toBeCloseTo(3389.38, 9);
    expect(totals.emptyMilesHome).toBeCloseTo(900, 9);
    expect(totals.emptyMilesPlanned).toBeCloseTo(100, 9);
    expect(totals.emptyMilesSaved).toBeCloseTo(800, 9);
    expect(result.proof).toEqual({ method: 'assignment_duals', ok: true, violations: [] });
    expect(result.candidates).toMatchObject({ arcs: 4, examined: 5 });
  });

  it('schedules each leg and its crossing: T2 picks L1 up after 1 h, crosses at +6 h, delivers at +8 h', () => {
    const t2 = result.plan.trucks[1]!;
    expect(t2.legs).toHaveLength(1);
    expect(t2.legs[0]).toMatchObject({ loadId: 'L1', pickupAt: at(1), deliverAt: at(8), deadheadMiles: 50 });
    expect(t2.crossing).toEqual({
      portCode: '3899',
      portName: 'Test Bridge',
      arriveAt: at(6),
      emanifestDeadline: at(5),
    });
    // T3 waits for its window (+3 h); 100 mi to the bridge, 50 after it.
    expect(result.plan.trucks[2]!.legs[0]).toMatchObject({ pickupAt: at(3), deliverAt: at(6) });
    expect(result.plan.trucks[2]!.crossing?.arriveAt).toEqual(at(5));
    expect(result.plan.createdAt).toEqual(at(-1));
  });

  it('passes the independent plan validator', () => {
    const context = {
      loads: new Map(loads.map((l) => [l.loadId, l])),
      ports: new Map([[PORT.portCode, PORT]]),
      distance: flat,
    };
    expect(validatePlan(result.plan, context)).toEqual([]);
  });

  it('a truck with nothing worth taking drives home empty: no legs, no crossing, value 0', () => {
    const alone = planBackhauls(
      { trucks: [trucks[2]!], loads: [loads[0]!], ports: [PORT], createdAt: at(-1) },
      { distance: flat },
    );
    expect(alone.plan.trucks[0]).toMatchObject({ truckId: 'T3', legs: [], crossing: null });
    expect(alone.totals).toMatchObject({ matched: 0, matchedShare: 0, valueUsd: 0, emptyMilesSaved: 0 });
  });
});

describe('planBackhauls on random instances', () => {
  const portMap = readBorderPorts();
  const ports = [...portMap.values()];
  const distance = new GreatCircleRoadDistance();
  const createdAt = new Date(T0 - 12 * HOUR);

  /** The best total value by trying every matching of trucks to their arcs (values in cents). */
  function bruteForceCents(rows: { col: number; cents: number }[][]): number {
    const used = new Set<number>();
    const best = (i: number): number => {
      if (i === rows.length) return 0;
      let value = best(i + 1); // truck i drives home empty
      for (const { col, cents } of rows[i]!) {
        if (used.has(col)) continue;
        used.add(col);
        value = Math.max(value, cents + best(i + 1));
        used.delete(col);
      }
      return value;
    };
    return best(0);
  }

  it('the plan is worth the maximum any matching achieves (brute force, ≤ 5 trucks × ≤ 6 loads)', () => {
    let matchedSomething = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        (seed, truckCount, loadCount) => {
          const instance = randomBackhaulInstance({
            seed,
            trucks: truckCount,
            loads: loadCount,
            metros: 1,
            days: 1,
          });
          const input = { trucks: instance.trucks, loads: instance.loads, ports, createdAt };
          const { problem } = buildBackhaulCandidates({ ...input, plannedAt: createdAt });
          const rows = instance.trucks.map((_, i) => {
            const arcs: { col: number; cents: number }[] = [];
            for (let p = problem.rowStart[i]!; p < problem.rowStart[i + 1]!; p++) {
              arcs.push({ col: problem.colIndex[p]!, cents: -problem.cost[p]! });
            }
            return arcs;
          });
          const result = planBackhauls(input);
          expect(Math.round(result.totals.valueUsd * 100)).toBe(bruteForceCents(rows));
          expect(result.proof.ok).toBe(true);
          if (result.totals.matched > 0) matchedSomething++;
        },
      ),
      { numRuns: 300 },
    );
    expect(matchedSomething).toBeGreaterThan(60);
  });

  it.each([1, 2, 3])('seed %i: 80 trucks × 600 loads, the validator finds nothing wrong', (seed) => {
    const instance = randomBackhaulInstance({ seed, trucks: 80, loads: 600, metros: 12, days: 3 });
    const result = planBackhauls({ trucks: instance.trucks, loads: instance.loads, ports, createdAt });
    const loads = new Map(instance.loads.map((l) => [l.loadId as string, l]));
    expect(validatePlan(result.plan, { loads, ports: portMap, distance })).toEqual([]);
    expect(result.totals.matched).toBeGreaterThan(20);
    expect(result.proof).toEqual({ method: 'assignment_duals', ok: true, violations: [] });
    // Totals are the sums of the recommendations.
    const sum = (pick: (r: (typeof result.recommendations)[number]) => number) =>
      result.recommendations.reduce((s, r) => s + pick(r), 0);
    expect(result.totals.valueUsd).toBeCloseTo(
      sum((r) => r.valueUsd),
      6,
    );
    expect(result.totals.emptyMilesSaved).toBeCloseTo(
      sum((r) => r.emptyMilesHome - r.emptyMilesPlanned),
      6,
    );
    expect(result.totals.matchedShare).toBe(result.totals.matched / 80);
    // Every crossing's eManifest deadline is exactly an hour before the border.
    for (const truck of result.plan.trucks) {
      if (truck.crossing === null) continue;
      expect(truck.crossing.arriveAt.getTime() - truck.crossing.emanifestDeadline.getTime()).toBe(HOUR);
    }
  });
});
