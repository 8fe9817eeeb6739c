/**
 * The demo must go through the real import path (§3.10): every row the generator writes must pass the
 * importer's own row parsers against the gazetteer it was generated with, with no rejects. (The same
 * check against the shipped data is in src/files/reference-world.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { parseDeliveryRow } from '../ingest/parse-delivery-row.ts';
import { parseFleetRow } from '../ingest/parse-fleet-row.ts';
import { parseLoadRow } from '../ingest/parse-load-row.ts';
import { parseRepRow } from '../ingest/parse-rep-row.ts';
import type { RowParser } from '../ingest/row-parser.ts';
import { parseSignalRow } from '../ingest/parse-signal-row.ts';
import { generateWorld } from './generate-world.ts';
import { tinyGazetteer, tinyReferenceData } from './tiny-world.test-support.ts';
import type { WorldTableKind } from './world-rows.ts';

const PARSERS: Readonly<Record<WorldTableKind, RowParser<unknown>>> = {
  fleet: parseFleetRow,
  deliveries: parseDeliveryRow,
  signals: parseSignalRow,
  loads: parseLoadRow,
  reps: parseRepRow,
};

describe('a generated world', () => {
  it.each([3, 21])('imports without a single rejected row (seed %i)', (seed) => {
    const gazetteer = tinyGazetteer();
    const world = generateWorld(tinyReferenceData(), gazetteer, {
      size: 'small',
      seed,
      asOf: new Date('2025-03-10T15:00:00Z'),
    });
    for (const kind of Object.keys(PARSERS) as WorldTableKind[]) {
      const rejects: string[] = [];
      let row = 1;
      for (const fields of world[kind]()) {
        row += 1;
        const result = PARSERS[kind](fields, { file: `${kind}.csv`, row, gazetteer });
        if (!result.ok) rejects.push(`${kind} row ${row}: ${JSON.stringify(result.errors)}`);
      }
      expect(rejects.slice(0, 5)).toEqual([]);
    }
  });
});
