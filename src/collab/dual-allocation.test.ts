import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROAD_FACTOR, greatCircleMiles } from '../domain/geo.ts';
import type { Equipment } from '../domain/equipment.ts';
import { coalitionCost } from './coalition-cost.ts';
import { coreViolations } from './core-check.ts';
import { coverLanes } from './cover-lanes.ts';
import { dualAllocation } from './dual-allocation.ts';
import type { PoolLane, PoolPlace } from './pool-lane.ts';

const CITIES: readonly PoolPlace[] = [
  { key: 'Chicago, IL', lat: 41.88, lon: -87.63 },
  { key: 'Dallas, TX', lat: 32.78, lon: -96.8 },
  { key: 'Atlanta, GA', lat: 33.75, lon: -84.39 },
  { key: 'Detroit, MI', lat: 42.33, lon: -83.05 },
  { key: 'Toronto, ON', lat: 43.65, lon: -79.38 },
  { key: 'Montréal, QC', lat: 45.5, lon: -73.57 },
];
const [A, B] = CITIES as [PoolPlace, PoolPlace];
const lane = (
  partnerId: string,
  laneId: string,
  origin: PoolPlace,
  dest: PoolPlace,
  loadsPerWeek: number,
  equipment: Equipment = 'dry_van',
): PoolLane => ({
  partnerId,
  laneId,
  origin,
  dest,
  equipment,
  loadsPerWeek,
});

describe('dualAllocation', () => {
  it('opposite lanes: the long side pays its loaded and the one empty return, the short side rides free', () => {
    // p1 ships A→B 3/wk, p2 ships B→A 2/wk; d = one trip. Pooled: 5 loaded + 1 empty B→A = 6d.
    // B→A carries 3 ≥ its 2 (one empty on top), so its reduced cost is 0: π(B) − π(A) = d, and A→B's is
    // d + d = 2d. p1 pays 3 × 2d = 6d (= its stand-alone cost), p2 pays 0 (its stand-alone is 4d).
    const d = greatCircleMiles(A, B) * DEFAULT_ROAD_FACTOR * 2.26;
    const lanes = [lane('p1', 'l1', A, B, 3), lane('p2', 'l2', B, A, 2)];
    const allocation = dualAllocation(lanes, ['p1', 'p2']);
    expect(allocation.get('p1')).toBeCloseTo(6 * d, 6);
    expect(allocation.get('p2')).toBeCloseTo(0, 6);
  });

  it('is efficient and in the core on random pools (every coalition checked)', () => {
    const laneArb = fc.record({
      partner: fc.integer({ min: 0, max: 4 }),
      from: fc.integer({ min: 0, max: CITIES.length - 1 }),
      step: fc.integer({ min: 1, max: CITIES.length - 1 }),
      volume: fc.integer({ min: 1, max: 5 }),
      reefer: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(laneArb, { minLength: 1, maxLength: 9 }), (drawn) => {
        const lanes = drawn.map((x, k) =>
          lane(
            `p${x.partner}`,
            `l${k}`,
            CITIES[x.from]!,
            CITIES[(x.from + x.step) % CITIES.length]!,
            x.volume,
            x.reefer ? 'reefer' : 'dry_van',
          ),
        );
        const partners = [...new Set(lanes.map((l) => l.partnerId))].sort();
        const allocation = dualAllocation(lanes, partners);
        const pooled = coverLanes(lanes).totalCost;
        const total = [...allocation.values()].reduce((a, b) => a + b, 0);
        expect(Math.abs(total - pooled)).toBeLessThanOrEqual(1e-7 * pooled);
        const costOf = (coalition: ReadonlySet<string>) => coalitionCost(lanes, coalition);
        expect(coreViolations(allocation, partners, costOf)).toEqual([]);
      }),
      { numRuns: 150, seed: 2026 },
    );
  });

  it('gives a partner without lanes nothing', () => {
    const allocation = dualAllocation([lane('p1', 'l1', A, B, 2)], ['p1', 'p0']);
    expect(allocation.get('p0')).toBe(0);
  });
});
