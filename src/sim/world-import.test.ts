/**
 * The demo must go through the real import path (§3.10): every row the generator writes must pass the
 * importer's own row parsers against the gazetteer it was generated with, with no rejects. (The same
 * check against the shipped data is in src/files/reference-world.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { generateWorld } from './generate-world.ts';
import { tinyGazetteer, tinyReferenceData } from './tiny-world.test-support.ts';
import { worldRejects } from './world-rejects.test-support.ts';

describe('a generated world', () => {
  it.each([3, 21])('imports without a single rejected row (seed %i)', (seed) => {
    const gazetteer = tinyGazetteer();
    const world = generateWorld(tinyReferenceData(), gazetteer, {
      size: 'small',
      seed,
      asOf: new Date('2025-03-10T15:00:00Z'),
    });
    expect(worldRejects(world, gazetteer)).toEqual([]);
  });
});
