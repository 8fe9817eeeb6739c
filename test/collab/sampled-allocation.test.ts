/**
 * The pool allocation above the exact limit (> 15 partners): `pool plan --method shapley` samples join
 * orders through allocatePoolCost, which must stop at ±1% and still split the pooled cost exactly.
 */
import { describe, expect, it } from 'vitest';
import { allocatePoolCost } from '../../src/app/allocate-pool-cost.ts';
import { coalitionCost } from '../../src/collab/coalition-cost.ts';
import { lane, place } from '../../src/collab/hand-pool.test-support.ts';
import type { PoolLane } from '../../src/collab/pool-lane.ts';
import { MAX_EXACT_PARTNERS } from '../../src/collab/shapley.ts';

/** Eight places on a ring of about 300 miles; partner k runs two lanes, mostly clockwise, one back. */
const ring = Array.from({ length: 8 }, (_, i) =>
  place(`r${i}`, 45 + 2 * Math.sin((i * Math.PI) / 4), -90 + 3 * Math.cos((i * Math.PI) / 4)),
);
const lanes: PoolLane[] = Array.from({ length: 24 }, (_, k) => [
  lane(`k${String(k).padStart(2, '0')}`, ring[k % 8]!, ring[(k + 1 + (k % 3)) % 8]!, 1 + (k % 4)),
  lane(`k${String(k).padStart(2, '0')}`, ring[(k + 5) % 8]!, ring[k % 8]!, 1 + ((k + 1) % 2)),
]).flat();
const partners = [...new Set(lanes.map((l) => l.partnerId))];

describe('sampled Shapley through the allocation use case', () => {
  it('stops within ±1% of every share, reports how, and splits the pooled cost exactly', async () => {
    expect(partners.length).toBeGreaterThan(MAX_EXACT_PARTNERS);
    const allocation = await allocatePoolCost({
      method: 'shapley',
      partners,
      lanes,
      costOf: (coalition) => coalitionCost(lanes, coalition),
      cover: {},
      linearProgramSolver: () => Promise.reject(new Error('sampled Shapley needs no LP')),
      samples: 5000,
      seed: 11,
    });
    expect(allocation.how).toMatch(/^sampled from \d+ random join orders/);
    expect(allocation.how).toMatch(/a dual-bound surrogate over \d+ more orders as control variate/);
    const shares = [...allocation.allocated.values()];
    const pooled = coalitionCost(lanes, new Set(partners));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(pooled, 6);
    const meanShare = pooled / partners.length;
    for (const partner of partners) {
      const share = allocation.allocated.get(partner)!;
      const { low, high } = allocation.intervals!.get(partner)!;
      expect(low).toBeLessThanOrEqual(share);
      expect(high).toBeGreaterThanOrEqual(share);
      expect((high - low) / 2).toBeLessThanOrEqual(0.01 * Math.max(share, meanShare) + 1e-9);
    }
  });
});
