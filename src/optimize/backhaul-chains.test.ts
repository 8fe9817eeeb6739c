import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBorderPorts } from './border-ports.test-support.ts';
import { validatePlan } from '../compliance/validate-plan.ts';
import { GreatCircleRoadDistance } from '../domain/geo.ts';
import type { Load } from '../domain/load.ts';
import { countryOf, type Region } from '../domain/regions.ts';
import type { Credential } from '../domain/truck.ts';
import type { AvailableTruck } from './backhaul-candidates.ts';
import { solveBackhaulChains } from './backhaul-chains.ts';
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
const truckAt = (id: string, lat: number, region: Region, credentials: Credential[]): AvailableTruck =>
  meridianTruck(id, lat, region, { credentials });
const loadOf = (
  id: string,
  from: number,
  to: number,
  regions: [Region, Region],
  rate: number,
  spec: Partial<Load> = {},
): Load => meridianLoad(id, place(from, regions[0]), place(to, regions[1]), rate, spec);

describe('backhaul chains on a hand-checked case', () => {
  // T1 and T3 stand at 41° (OH), T2 at 43° (MI). D1 is a pre-arranged domestic load 41° → 43° (toward
  // home), N1 runs 43° → home from +4 h, N2 runs 41° → home and needs FAST, which only T1 holds.
  //   T1: N1 600, N2 300, D1 then N1 = 500 + 600 = 1100.   T3: N1 600, D1 then N1 1100.   T2: N1 600.
  // Best: T3 chains D1 → N1 (1100) and T1 takes N2 (300) = 1400; without chains the best is 900.
  const trucks = [
    truckAt('T1', 41, 'OH', ['fast']),
    truckAt('T2', 43, 'MI', []),
    truckAt('T3', 41, 'OH', []),
  ];
  const loads = [
    loadOf('D1', 41, 43, ['OH', 'MI'], 500),
    loadOf('N1', 43, 45, ['MI', 'ON'], 600, { pickupEarliest: at(4) }),
    loadOf('N2', 41, 45, ['OH', 'ON'], 300, { requirements: ['fast'] }),
  ];
  const input = { trucks, loads, ports: [PORT], createdAt: at(-1) };

  it('gives the chain to the truck without FAST: $1,400 against $900 without chains', () => {
    const withChains = planBackhauls(input, { distance: flat, chains: true });
    expect(withChains.recommendations.map((r) => [r.truckId, r.loadIds, r.valueUsd])).toEqual([
      ['T1', ['N2'], 300],
      ['T2', [], 0],
      ['T3', ['D1', 'N1'], 1100],
    ]);
    expect(withChains.totals.valueUsd).toBe(1400);
    expect(withChains.proof).toMatchObject({
      method: 'branch_and_bound',
      status: 'optimal',
      boundUsd: 1400,
      ok: true,
    });
    expect(planBackhauls(input, { distance: flat }).totals.valueUsd).toBe(900);
  });

  it('schedules the chain back to back and records the northbound crossing', () => {
    const t3 = planBackhauls(input, { distance: flat, chains: true }).plan.trucks[2]!;
    expect(t3.legs.map((leg) => [leg.loadId, leg.pickupAt, leg.deliverAt, leg.deadheadMiles])).toEqual([
      ['D1', at(0), at(4), 0],
      ['N1', at(4), at(8), 0],
    ]);
    expect(t3.crossing).toEqual({
      portCode: '3899',
      portName: 'Test Bridge',
      arriveAt: at(6),
      emanifestDeadline: at(5),
    });
  });

  it('passes the independent plan validator', () => {
    const plan = planBackhauls(input, { distance: flat, chains: true }).plan;
    const context = {
      loads: new Map(loads.map((l) => [l.loadId, l])),
      ports: new Map([[PORT.portCode, PORT]]),
      distance: flat,
    };
    expect(validatePlan(plan, context)).toEqual([]);
  });

  it('never hauls a domestic load alone: with no reachable northbound load after it (26 h wait), D1 stays unassigned', () => {
    const late = loadOf('N1', 43, 45, ['MI', 'ON'], 600, { pickupEarliest: at(30), pickupLatest: at(31) });
    const result = planBackhauls({ ...input, loads: [loads[0]!, late] }, { distance: flat, chains: true });
    expect(result.plan.trucks.flatMap((t) => t.legs.map((leg) => leg.loadId))).not.toContain('D1');
  });
});

describe('backhaul chains on random instances', () => {
  const portMap = readBorderPorts();
  const ports = [...portMap.values()];
  const distance = new GreatCircleRoadDistance();
  const createdAt = new Date(T0 - 12 * HOUR);

  it('branch and bound reaches the brute-force optimum over every truck option (≤ 5 trucks × ≤ 6 loads)', () => {
    let chained = 0;
    let contested = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (seed, truckCount, loadCount, alike) => {
          const random = randomBackhaulInstance({
            seed,
            trucks: truckCount,
            loads: loadCount,
            metros: 1,
            days: 1,
            domesticShare: 0.5,
          });
          // Half the runs make every truck and load alike (dry van, no requirements, pre-arranged) so
          // trucks compete for the same openers and the search has to branch.
          const instance = alike
            ? {
                trucks: random.trucks.map((row) => ({
                  ...row,
                  truck: { ...row.truck, equipment: 'dry_van' as const },
                })),
                loads: random.loads.map((load) => ({
                  ...load,
                  equipment: 'dry_van' as const,
                  requirements: [],
                  preArranged: true,
                })),
              }
            : random;
          const solution = solveBackhaulChains({
            trucks: instance.trucks,
            loads: instance.loads,
            ports,
            plannedAt: createdAt,
          });
          const { direct, openers, seconds } = solution.candidates;
          // Every option of every truck: one final load, or an opener then a final load.
          const options: { loads: number[]; cents: number }[][] = instance.trucks.map(() => []);
          for (let i = 0; i < truckCount; i++) {
            for (let p = direct.problem.rowStart[i]!; p < direct.problem.rowStart[i + 1]!; p++) {
              options[i]!.push({ loads: [direct.problem.colIndex[p]!], cents: -direct.problem.cost[p]! });
            }
            for (let a = openers.problem.rowStart[i]!; a < openers.problem.rowStart[i + 1]!; a++) {
              for (let q = seconds.problem.rowStart[a]!; q < seconds.problem.rowStart[a + 1]!; q++) {
                const loads = [openers.problem.colIndex[a]!, seconds.problem.colIndex[q]!];
                options[i]!.push({ loads, cents: -openers.problem.cost[a]! - seconds.problem.cost[q]! });
              }
            }
          }
          const used = new Set<number>();
          const best = (i: number): number => {
            if (i === truckCount) return 0;
            let value = best(i + 1);
            for (const option of options[i]!) {
              if (option.loads.some((n) => used.has(n))) continue;
              option.loads.forEach((n) => used.add(n));
              value = Math.max(value, option.cents + best(i + 1));
              option.loads.forEach((n) => used.delete(n));
            }
            return value;
          };
          expect(solution.status).toBe('optimal');
          expect(solution.valueCents).toBe(best(0));
          expect(solution.boundCents).toBe(solution.valueCents);
          expect(solution.certificatesOk).toBe(true);
          if (solution.choices.some((choice) => choice.legs.length === 2)) chained++;
          if (solution.nodes > 1) contested++; // the plain relaxation gave one opener to two trucks
        },
      ),
      { numRuns: 300 },
    );
    expect(chained).toBeGreaterThan(10);
    expect(contested).toBeGreaterThan(3);
  });

  it.each([1, 2])('seed %i: 120 trucks × 900 loads with chains, every chain passes the validator', (seed) => {
    const instance = randomBackhaulInstance({
      seed,
      trucks: 120,
      loads: 900,
      metros: 8,
      days: 3,
      domesticShare: 0.3,
    });
    const result = planBackhauls(
      { trucks: instance.trucks, loads: instance.loads, ports, createdAt },
      { chains: true },
    );
    const loads = new Map(instance.loads.map((l) => [l.loadId as string, l]));
    expect(validatePlan(result.plan, { loads, ports: portMap, distance })).toEqual([]);
    const chains = result.plan.trucks.filter((truck) => truck.legs.length === 2);
    expect(chains.length).toBeGreaterThan(3);
    for (const truck of chains) {
      const lanes = truck.legs.map((leg) => `${countryOf(leg.origin.region)}→${countryOf(leg.dest.region)}`);
      expect(lanes).toEqual(['US→US', 'US→CA']);
      expect(truck.legs.every((leg) => leg.preArranged)).toBe(true);
    }
    // Chains only add options: never worth less than the plan without them.
    const single = planBackhauls({ trucks: instance.trucks, loads: instance.loads, ports, createdAt });
    expect(result.totals.valueUsd).toBeGreaterThanOrEqual(single.totals.valueUsd);
    expect(result.proof.ok).toBe(true);
  });
});
