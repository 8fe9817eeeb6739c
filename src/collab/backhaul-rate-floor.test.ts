import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROAD_FACTOR, greatCircleMiles } from '../domain/geo.ts';
import { backhaulRateFloor } from './backhaul-rate-floor.ts';
import { coverLanes } from './cover-lanes.ts';
import { DEFAULT_MARKET_RATES } from './market-rates.ts';
import { CITIES as ALL_CITIES } from './hand-pool.test-support.ts';
import type { PoolLane, PoolPlace } from './pool-lane.ts';

const CITIES = ALL_CITIES.slice(0, 6);
const [A, B] = CITIES as [PoolPlace, PoolPlace];
const lane = (
  partnerId: string,
  laneId: string,
  origin: PoolPlace,
  dest: PoolPlace,
  loadsPerWeek: number,
): PoolLane => ({
  partnerId,
  laneId,
  origin,
  dest,
  equipment: 'dry_van',
  loadsPerWeek,
});
const trip = greatCircleMiles(A, B) * DEFAULT_ROAD_FACTOR * 2.26; // one Chicago ↔ Dallas trip, dollars

/** What one more load on lane k really adds: the pooled optimum re-solved with its volume + 1. */
const resolvedMarginal = (lanes: readonly PoolLane[], k: number): number => {
  const more = lanes.map((l, i) => (i === k ? { ...l, loadsPerWeek: l.loadsPerWeek + 1 } : l));
  return coverLanes(more).totalCost - coverLanes(lanes).totalCost;
};

describe('backhaulRateFloor', () => {
  it('a load against the empty return is nearly free; one that adds to the imbalance pays trip + empty back', () => {
    // 3/wk Chicago→Dallas, 2/wk Dallas→Chicago: one truck a week comes back empty. One more Dallas→Chicago
    // load rides that truck: +trip loaded −trip empty = 0. One more Chicago→Dallas load adds its trip and
    // another empty return: 2 × trip.
    const lanes = [lane('p1', 'out', A, B, 3), lane('p2', 'back', B, A, 2)];
    const [out, back] = backhaulRateFloor(lanes);
    expect(back!.floor).toBeCloseTo(0, 6);
    expect(back!.floor).toBeLessThan(0.05 * back!.tripCost);
    expect(back!.shareOfSpot).toBeCloseTo(0, 6);
    expect(out!.floor).toBeCloseTo(2 * trip, 6);
    expect(out!.tripCost).toBeCloseTo(trip, 6);
    // Per mile: 2 × $2.26 against DAT's $2.07 van spot.
    expect(out!.floorPerMile).toBeCloseTo(2 * 2.26, 9);
    expect(out!.shareOfSpot).toBeCloseTo((2 * 2.26) / 2.07, 9);
    expect(out!.market).toBe(DEFAULT_MARKET_RATES.dry_van);
    expect(resolvedMarginal(lanes, 0)).toBeCloseTo(out!.floor, 6);
    expect(resolvedMarginal(lanes, 1)).toBeCloseTo(back!.floor, 6);
  });

  it("balanced opposite lanes: both pay trip + empty back to grow (the solver's dual alone says one trip)", () => {
    const lanes = [lane('p1', 'out', A, B, 2), lane('p2', 'back', B, A, 2)];
    const floors = backhaulRateFloor(lanes);
    floors.forEach((f, k) => {
      expect(f.floor).toBeCloseTo(2 * trip, 6);
      expect(resolvedMarginal(lanes, k)).toBeCloseTo(f.floor, 6);
    });
  });

  it('a prospective lane with no volume yet is priced like its first load', () => {
    // Trucks end the week in Dallas (3 in, 0 out): a Dallas→Atlanta load replaces part of the empty way home.
    const C = CITIES[2]!;
    const lanes = [lane('p1', 'out', A, B, 3), lane('broker', 'prospect', B, C, 0)];
    const prospect = backhaulRateFloor(lanes)[1]!;
    expect(prospect.floor).toBeLessThan(prospect.tripCost);
    expect(prospect.floor).toBeCloseTo(resolvedMarginal(lanes, 1), 6);
  });

  it('equals the re-solved marginal cost on random pools, and uses the configured market table', () => {
    const laneArb = fc.record({
      from: fc.integer({ min: 0, max: CITIES.length - 1 }),
      step: fc.integer({ min: 1, max: CITIES.length - 1 }),
      volume: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(laneArb, { minLength: 1, maxLength: 8 }), (drawn) => {
        const lanes = drawn.map((x, k) =>
          lane(`p${k % 3}`, `l${k}`, CITIES[x.from]!, CITIES[(x.from + x.step) % CITIES.length]!, x.volume),
        );
        backhaulRateFloor(lanes).forEach((floor, k) => {
          expect(floor.floor).toBeGreaterThanOrEqual(0);
          expect(Math.abs(floor.floor - resolvedMarginal(lanes, k))).toBeLessThan(
            1e-6 * Math.max(1, floor.tripCost),
          );
        });
      }),
      { numRuns: 100, seed: 6 },
    );
    const custom = {
      ...DEFAULT_MARKET_RATES,
      dry_van: { spotPerMile: 4.52, contractPerMile: 4.52, source: 'test' },
    };
    const [out] = backhaulRateFloor([lane('p1', 'out', A, B, 1)], { marketRates: custom });
    expect(out!.shareOfSpot).toBeCloseTo(1, 9);
  });

  it('market fallbacks: step decks borrow flatbed figures, tankers dry van ones, and say so', () => {
    expect(DEFAULT_MARKET_RATES.step_deck.spotPerMile).toBe(DEFAULT_MARKET_RATES.flatbed.spotPerMile);
    expect(DEFAULT_MARKET_RATES.tanker.contractPerMile).toBe(DEFAULT_MARKET_RATES.dry_van.contractPerMile);
    expect(DEFAULT_MARKET_RATES.tanker.source).toContain('no tanker figure published');
  });
});
