import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Equipment } from '../domain/equipment.ts';
import { coalitionCost } from './coalition-cost.ts';
import { coverLanes } from './cover-lanes.ts';
import { CITIES as ALL_CITIES } from './hand-pool.test-support.ts';
import type { PoolLane } from './pool-lane.ts';
import { PoolGame } from './pool-game.ts';

const CITIES = ALL_CITIES.slice(0, 7);
const EQUIPMENT: readonly Equipment[] = ['dry_van', 'reefer', 'flatbed'];

describe('PoolGame (coalitionCost engine)', () => {
  it('equals coverLanes over the coalition’s lanes for every coalition of random pools, in any call order', () => {
    const laneArb = fc.record({
      partner: fc.integer({ min: 0, max: 5 }),
      from: fc.integer({ min: 0, max: CITIES.length - 1 }),
      step: fc.integer({ min: 1, max: CITIES.length - 1 }),
      volume: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(0.5, 1.25)),
      equipment: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(laneArb, { minLength: 1, maxLength: 12 }), fc.integer(), (drawn, seed) => {
        const lanes: PoolLane[] = drawn.map((x, k) => ({
          partnerId: `p${x.partner}`,
          laneId: `l${k}`,
          origin: CITIES[x.from]!,
          dest: CITIES[(x.from + x.step) % CITIES.length]!,
          equipment: EQUIPMENT[x.equipment]!,
          loadsPerWeek: x.volume,
        }));
        const partners = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'nobody'];
        const game = new PoolGame(lanes, { costPerMile: 1.9 });
        // Visit the coalitions in a scrambled order so the remembered last coalition is exercised.
        const masks = Array.from({ length: 1 << partners.length }, (_, m) => m);
        for (let i = masks.length - 1; i > 0; i--) {
          const j = Math.abs(seed * (i + 7)) % (i + 1);
          [masks[i], masks[j]] = [masks[j]!, masks[i]!];
        }
        for (const mask of masks) {
          const members = new Set(partners.filter((_, i) => mask & (1 << i)));
          const expected = coverLanes(
            lanes.filter((l) => members.has(l.partnerId)),
            { costPerMile: 1.9 },
          ).totalCost;
          expect(Math.abs(game.cost(members) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('coalitionCost rebuilds when the cost settings differ and refuses bad lanes like coverLanes', () => {
    const lanes: PoolLane[] = [
      {
        partnerId: 'p1',
        laneId: 'a',
        origin: CITIES[0]!,
        dest: CITIES[1]!,
        equipment: 'dry_van',
        loadsPerWeek: 1,
      },
    ];
    const members = new Set(['p1']);
    expect(coalitionCost(lanes, members, { costPerMile: 2 }) * 1.5).toBeCloseTo(
      coalitionCost(lanes, members, { costPerMile: 3 }),
      9,
    );
    const bad = [{ ...lanes[0]!, loadsPerWeek: -1 }];
    expect(() => coalitionCost(bad, members)).toThrow('loadsPerWeek is -1');
  });
});
