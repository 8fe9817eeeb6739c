import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Equipment } from '../domain/equipment.ts';
import { DEFAULT_ROAD_FACTOR, greatCircleMiles } from '../domain/geo.ts';
import { coverLanes } from './cover-lanes.ts';
import type { PoolLane, PoolPlace } from './pool-lane.ts';
import { timeLimitedCover } from './time-limited-cover.ts';

const CHI: PoolPlace = { key: 'Chicago, IL', lat: 41.88, lon: -87.63 };
const DAL: PoolPlace = { key: 'Dallas, TX', lat: 32.78, lon: -96.8 };
const ATL: PoolPlace = { key: 'Atlanta, GA', lat: 33.75, lon: -84.39 };
const DET: PoolPlace = { key: 'Detroit, MI', lat: 42.33, lon: -83.05 };
const TOR: PoolPlace = { key: 'Toronto, ON', lat: 43.65, lon: -79.38 };
const CITIES = [CHI, DAL, ATL, DET, TOR, { key: 'Memphis, TN', lat: 35.15, lon: -90.05 }];
const lane = (
  id: string,
  origin: PoolPlace,
  dest: PoolPlace,
  loadsPerWeek: number,
  equipment: Equipment = 'dry_van',
): PoolLane => ({
  partnerId: `p-${id}`,
  laneId: id,
  origin,
  dest,
  equipment,
  loadsPerWeek,
});
const road = (a: PoolPlace, b: PoolPlace) => greatCircleMiles(a, b) * DEFAULT_ROAD_FACTOR;
const c = 2.26;

describe('timeLimitedCover by hand: the triangle Chicago → Dallas → Atlanta → Chicago, 1 load a week each', () => {
  const lanes = [lane('cd', CHI, DAL, 1), lane('da', DAL, ATL, 1), lane('ac', ATL, CHI, 1)];
  const perimeter = road(CHI, DAL) + road(DAL, ATL) + road(ATL, CHI);
  // One truck runs the loop empty-free: perimeter / 50 mph + 3 loads × 2 h ≈ 56.7 h ≈ 2.36 days.
  const loopHours = perimeter / 50 + 3 * 2;

  it('when K is above the loop (3 days) the heuristic is the unconstrained optimum: one cycle, gap 0', () => {
    expect(loopHours / 24).toBeLessThan(3);
    const plan = timeLimitedCover(lanes, { maxCycleDays: 3 });
    expect(plan.lowerBound).toBeCloseTo(perimeter * c, 6);
    expect(plan.totalCost).toBeCloseTo(plan.lowerBound, 6);
    expect(plan.gap).toBeCloseTo(0, 6);
    expect(plan.cycles).toHaveLength(1);
    expect(plan.cycles[0]!.legs.map((leg) => leg.laneId).sort()).toEqual(['ac', 'cd', 'da']);
    expect(plan.cycles[0]!.days).toBeCloseTo(loopHours / 24, 9);
    expect(plan.emptyMoves).toEqual([]);
  });

  it('when K = 2 days binds, the loop is cut; here every lane runs out and back: gap = the perimeter', () => {
    // Any two consecutive lanes plus the empty return cover the whole perimeter with 2 loads: 54.7 h > 48 h.
    // Each lane alone fits (Chicago–Dallas, the longest: 2 × 963 mi / 50 + 2 h ≈ 40.5 h). So each lane is
    // its own cycle, loaded out and empty back: cost 2 × perimeter × c, bound perimeter × c.
    expect(perimeter / 50 + 2 * 2).toBeGreaterThan(48);
    expect((2 * road(CHI, DAL)) / 50 + 2).toBeLessThan(48);
    const plan = timeLimitedCover(lanes, { maxCycleDays: 2 });
    expect(plan.cycles).toHaveLength(3);
    for (const cycle of plan.cycles) expect(cycle.days).toBeLessThanOrEqual(2);
    expect(plan.totalCost).toBeCloseTo(2 * perimeter * c, 6);
    expect(plan.lowerBound).toBeCloseTo(perimeter * c, 6);
    expect(plan.gap).toBeCloseTo(perimeter * c, 6);
    expect(plan.gapShare).toBeCloseTo(1, 9);
    expect(plan.emptyMoves.map((m) => [m.from, m.to]).sort()).toEqual([
      ['Atlanta, GA', 'Dallas, TX'],
      ['Chicago, IL', 'Atlanta, GA'],
      ['Dallas, TX', 'Chicago, IL'],
    ]);
  });

  it('a lane that cannot go out and back within K is reported and left out; the rest is planned', () => {
    // K = 1 day: Detroit → Toronto (≈ 246 road mi: 2 × 246 / 50 + 2 ≈ 11.8 h) fits, Chicago → Dallas does not.
    const plan = timeLimitedCover([lane('cd', CHI, DAL, 1), lane('dt', DET, TOR, 2)], { maxCycleDays: 1 });
    expect(plan.infeasibleLanes.map((l) => l.laneId)).toEqual(['cd']);
    expect(plan.infeasibleLanes[0]!.outAndBackDays).toBeCloseTo(((2 * road(CHI, DAL)) / 50 + 2) / 24, 9);
    expect(plan.totalCost).toBeCloseTo(2 * 2 * road(DET, TOR) * c, 6);
    expect(plan.gap).toBeCloseTo(0, 6);
    expect(plan.cycles).toEqual([expect.objectContaining({ trucksPerWeek: 2 })]);
  });

  it('refuses a non-positive K', () => {
    expect(() => timeLimitedCover(lanes, { maxCycleDays: 0 })).toThrow('maxCycleDays is 0');
  });
});

describe('timeLimitedCover on random pools', () => {
  it('covers every lane’s volume exactly with cycles within K, never below the bound, = bound when K is loose', () => {
    const laneArb = fc.record({
      from: fc.integer({ min: 0, max: CITIES.length - 1 }),
      step: fc.integer({ min: 1, max: CITIES.length - 1 }),
      volume: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(0.5)),
      reefer: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(laneArb, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        (drawn, K) => {
          const lanes = drawn.map((x, k) =>
            lane(
              `l${k}`,
              CITIES[x.from]!,
              CITIES[(x.from + x.step) % CITIES.length]!,
              x.volume,
              x.reefer ? 'reefer' : 'dry_van',
            ),
          );
          const plan = timeLimitedCover(lanes, { maxCycleDays: K });
          const left = new Set(plan.infeasibleLanes.map((l) => l.laneId));
          const served = new Map<string, number>();
          for (const cycle of plan.cycles) {
            expect(cycle.days).toBeLessThanOrEqual(K + 1e-9);
            for (const leg of cycle.legs)
              if (leg.laneId !== null)
                served.set(leg.laneId, (served.get(leg.laneId) ?? 0) + cycle.trucksPerWeek);
          }
          for (const l of lanes) {
            if (left.has(l.laneId)) continue;
            expect(served.get(l.laneId) ?? 0).toBeCloseTo(l.loadsPerWeek, 9);
          }
          expect(plan.totalCost).toBeGreaterThanOrEqual(plan.lowerBound * (1 - 1e-9));
          const fitting = lanes.filter((l) => !left.has(l.laneId));
          expect(plan.lowerBound).toBeCloseTo(coverLanes(fitting).totalCost, 6);
          const loose = timeLimitedCover(lanes, { maxCycleDays: 1000 });
          expect(loose.totalCost).toBeCloseTo(loose.lowerBound, 6);
        },
      ),
      { numRuns: 150, seed: 4 },
    );
  });
});
