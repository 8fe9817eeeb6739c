/**
 * The demo world built from the shipped data (data/): BTS decides where the trucks land, and every row
 * passes the importer's own parsers against the shipped gazetteer, so the demo goes through the real
 * import path (§3.10). The sim's unit tests use a hand-built miniature; this is the end-to-end check.
 */
import { describe, expect, it } from 'vitest';
import { generateWorld } from '../sim/generate-world.ts';
import { worldRejects } from '../sim/world-rejects.test-support.ts';
import { loadGazetteer } from './load-gazetteer.ts';
import { loadReferenceData } from './load-reference-data.ts';

const AS_OF = new Date('2025-06-02T12:00:00Z');

describe('the demo world from the shipped data', () => {
  it('lands an Ontario carrier where Ontario ships by truck (BTS: MI, OH, NY, PA, IL, TX…)', () => {
    const world = generateWorld(loadReferenceData(), loadGazetteer(), {
      size: 'small',
      seed: 5,
      asOf: AS_OF,
      homeProvinces: ['ON'],
    });
    const byState = new Map<string, number>();
    for (const d of world.deliveries()) byState.set(d.dest_region, (byState.get(d.dest_region) ?? 0) + 1);
    const top = [...byState]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([state]) => state);
    expect(
      top.filter((state) => ['MI', 'OH', 'NY', 'PA', 'IL', 'TX', 'IN'].includes(state)).length,
    ).toBeGreaterThanOrEqual(3);
    expect(top[0]).toBe('MI');
  });

  it.each([3, 21])('imports without a single rejected row (seed %i)', (seed) => {
    const gazetteer = loadGazetteer();
    const world = generateWorld(loadReferenceData(), gazetteer, { size: 'small', seed, asOf: AS_OF });
    const share = world.parameters.counts.shippersWithLanes / world.parameters.counts.shippers;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.2);
    expect(worldRejects(world, gazetteer)).toEqual([]);
  });
});
