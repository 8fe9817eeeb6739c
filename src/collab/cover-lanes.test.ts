import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import type { Equipment } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import { coverLanes } from './cover-lanes.ts';
import type { PoolLane, PoolPlace } from './pool-lane.ts';

// highs ships CommonJS typings with `export default`: under NodeNext the default import is typed as the
// module object, while at run time (the package's ESM build) it is the loader function itself.
const loadHighs = highsLoader as unknown as typeof highsLoader.default;
const highs = await loadHighs();

const place = (key: string, lat: number, lon: number): PoolPlace => ({ key, lat, lon });
const lane = (
  partnerId: string,
  origin: PoolPlace,
  dest: PoolPlace,
  loadsPerWeek: number,
  equipment: Equipment = 'dry_van',
): PoolLane => ({
  partnerId,
  laneId: `${partnerId}:${origin.key}-${dest.key}:${equipment}`,
  origin,
  dest,
  equipment,
  loadsPerWeek,
});

// One degree of longitude on the equator: 2πR/360 great-circle miles, × 1.2 road factor.
const A = place('A', 0, 0);
const B = place('B', 0, 1);
const AB = ((2 * Math.PI * 3958.7613) / 360) * 1.2;
const C = 2.26;

describe('coverLanes by hand', () => {
  it('a one-way lane pays loaded out and empty back', () => {
    const covering = coverLanes([lane('p1', A, B, 3)]);
    expect(covering.loadedCost).toBeCloseTo(3 * AB * C, 6);
    expect(covering.emptyCost).toBeCloseTo(3 * AB * C, 6);
    expect(covering.totalCost).toBeCloseTo(6 * AB * C, 6);
    expect(covering.emptyMoves).toHaveLength(1);
    const move = covering.emptyMoves[0]!;
    expect([move.from, move.to, move.equipment, move.trucksPerWeek]).toEqual(['B', 'A', 'dry_van', 3]);
    expect(move.miles).toBeCloseTo(AB, 6);
  });

  it('opposite lanes 3/wk A→B and 2/wk B→A reposition only the difference', () => {
    const covering = coverLanes([lane('p1', A, B, 3), lane('p2', B, A, 2)], { costPerMile: 2 });
    expect(covering.loadedCost).toBeCloseTo(5 * AB * 2, 6);
    expect(covering.emptyCost).toBeCloseTo(1 * AB * 2, 6);
    expect(covering.emptyMoves.map((m) => [m.from, m.to, m.trucksPerWeek])).toEqual([['B', 'A', 1]]);
    // Potentials certify the empty arc B→A: reduced cost c·miles − π[B] + π[A] = 0 where empties flow.
    const pi = new Map(covering.potentials.map((p) => [p.place, p.potential]));
    expect(2 * AB - pi.get('B')! + pi.get('A')!).toBeCloseTo(0, 6);
  });

  it('keeps equipment apart: a reefer cannot back-haul a dry van', () => {
    const covering = coverLanes([lane('p1', A, B, 1, 'dry_van'), lane('p2', B, A, 1, 'reefer')]);
    expect(covering.emptyCost).toBeCloseTo(2 * AB * C, 6);
    expect(covering.emptyMoves.map((m) => [m.equipment, m.from, m.to])).toEqual([
      ['dry_van', 'B', 'A'],
      ['reefer', 'A', 'B'],
    ]);
  });

  it('covers nothing for free and rejects bad lanes with the value seen', () => {
    expect(coverLanes([])).toEqual({
      totalCost: 0,
      loadedCost: 0,
      emptyCost: 0,
      emptyMoves: [],
      potentials: [],
    });
    expect(() => coverLanes([lane('p1', A, B, -1)])).toThrow(
      'Cannot cover lane "p1:A-B:dry_van" of partner "p1": loadsPerWeek is -1, expected a finite non-negative number',
    );
    expect(() => coverLanes([lane('p1', A, B, 1), lane('p2', place('A', 5, 5), B, 1)])).toThrow(
      NorthboundError,
    );
    expect(() => coverLanes([lane('p1', A, B, 1)], { roadFactor: 0.5 })).toThrow('roadFactor is 0.5');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Against HiGHS on the full circulation: empty arcs between EVERY ordered pair of places, not only
// surplus → deficit, so agreement also checks the claim that the bipartite graph loses nothing.

const CITIES: readonly PoolPlace[] = [
  place('chicago', 41.88, -87.63),
  place('dallas', 32.78, -96.8),
  place('atlanta', 33.75, -84.39),
  place('laredo', 27.51, -99.51),
  place('toronto', 43.65, -79.38),
  place('montreal', 45.5, -73.57),
  place('memphis', 35.15, -90.05),
];

const roadMiles = (a: PoolPlace, b: PoolPlace): number => greatCircleMiles(a, b) * 1.2;

/** The lane covering of one equipment's lanes as an LP in CPLEX LP format; z keeps rows non-empty. */
function coveringLp(lanes: readonly PoolLane[]): string {
  const keys = [...new Set(lanes.flatMap((l) => [l.origin.key, l.dest.key]))];
  const where = new Map(CITIES.map((c) => [c.key, c]));
  const objective: string[] = [];
  const rows = new Map(keys.map((k) => [k, [] as string[]]));
  const bounds: string[] = [];
  lanes.forEach((l, a) => {
    objective.push(`+ ${roadMiles(l.origin, l.dest) * C} x${a}`);
    rows.get(l.origin.key)!.push(`+ x${a}`);
    rows.get(l.dest.key)!.push(`- x${a}`);
    bounds.push(` x${a} >= ${l.loadsPerWeek}`);
  });
  keys.forEach((u, i) =>
    keys.forEach((v, j) => {
      if (i === j) return;
      objective.push(`+ ${roadMiles(where.get(u)!, where.get(v)!) * C} y${i}_${j}`);
      rows.get(u)!.push(`+ y${i}_${j}`);
      rows.get(v)!.push(`- y${i}_${j}`);
    }),
  );
  return [
    'Minimize',
    ` obj: ${objective.join(' ')} + 0 z`,
    'Subject To',
    ...keys.map((k, i) => ` n${i}: ${rows.get(k)!.join(' ')} + 0 z = 0`),
    'Bounds',
    ' 0 <= z <= 0',
    ...bounds,
    'End',
  ].join('\n');
}

const randomLanes = fc.array(
  fc.record({
    partner: fc.integer({ min: 0, max: 2 }),
    origin: fc.integer({ min: 0, max: CITIES.length - 1 }),
    dest: fc.integer({ min: 0, max: CITIES.length - 1 }),
    // Whole and hundredth loads: volumes near 1e-9 fall inside the solver's float tolerance, not real freight.
    loads: fc.oneof(
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 1, max: 600 }).map((k) => k / 100),
    ),
    reefer: fc.boolean(),
  }),
  { minLength: 1, maxLength: 9 },
);

describe('coverLanes against the HiGHS LP optimum', () => {
  it('matches on random small pools, and its empty moves balance every place', () => {
    fc.assert(
      fc.property(randomLanes, (specs) => {
        const lanes = specs.map((s) =>
          lane(`p${s.partner}`, CITIES[s.origin]!, CITIES[s.dest]!, s.loads, s.reefer ? 'reefer' : 'dry_van'),
        );
        const covering = coverLanes(lanes);
        let optimum = 0;
        for (const equipment of ['dry_van', 'reefer'] as const) {
          const group = lanes.filter((l) => l.equipment === equipment);
          if (group.length === 0) continue;
          const result = highs.solve(coveringLp(group), { time_limit: 10, output_flag: false });
          expect(result.Status).toBe('Optimal');
          optimum += result.ObjectiveValue;
        }
        expect(Math.abs(covering.totalCost - optimum)).toBeLessThanOrEqual(1e-7 * Math.max(1, optimum));
        const loaded = lanes.reduce((sum, l) => sum + roadMiles(l.origin, l.dest) * C * l.loadsPerWeek, 0);
        expect(covering.loadedCost).toBeCloseTo(loaded, 6);
        const empty = covering.emptyMoves.reduce((sum, m) => sum + m.trucksPerWeek * m.miles * C, 0);
        expect(covering.emptyCost).toBeCloseTo(empty, 6);
        // Loaded plus empty trucks in = out at every place, per equipment.
        const balance = new Map<string, number>();
        const add = (key: string, amount: number): void => {
          balance.set(key, (balance.get(key) ?? 0) + amount);
        };
        for (const l of lanes) {
          add(`${l.equipment}/${l.origin.key}`, -l.loadsPerWeek);
          add(`${l.equipment}/${l.dest.key}`, l.loadsPerWeek);
        }
        for (const m of covering.emptyMoves) {
          add(`${m.equipment}/${m.from}`, -m.trucksPerWeek);
          add(`${m.equipment}/${m.to}`, m.trucksPerWeek);
        }
        for (const value of balance.values()) expect(Math.abs(value)).toBeLessThan(1e-6);
        // Potentials are a dual certificate: no lane or empty move between any two used places has a
        // negative reduced cost c·miles − π[from] + π[to], and empty moves that flow have reduced cost 0.
        const pi = new Map(covering.potentials.map((p) => [`${p.equipment}/${p.place}`, p.potential]));
        const where = new Map(CITIES.map((city) => [city.key, city]));
        const reduced = (equipment: string, from: string, to: string): number =>
          roadMiles(where.get(from)!, where.get(to)!) * C -
          pi.get(`${equipment}/${from}`)! +
          pi.get(`${equipment}/${to}`)!;
        for (const l of lanes) {
          expect(reduced(l.equipment, l.origin.key, l.dest.key)).toBeGreaterThan(-1e-6);
        }
        for (const m of covering.emptyMoves)
          expect(Math.abs(reduced(m.equipment, m.from, m.to))).toBeLessThan(1e-6);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
