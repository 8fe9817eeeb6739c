/**
 * Test support: runs every row a world emits through the importer's own row parsers and returns the
 * first rejects (the demo must pass the real import path without a single one, DESIGN.md §3.10).
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import { ROW_PARSERS } from '../ingest/row-parsers.ts';
import type { DemoWorld } from './generate-world.ts';
import { WORLD_TABLES } from './world-rows.ts';

export function worldRejects(world: DemoWorld, gazetteer: Gazetteer, limit = 5): string[] {
  const rejects: string[] = [];
  for (const { kind, file } of WORLD_TABLES) {
    const parse = ROW_PARSERS[kind] as (typeof ROW_PARSERS)['fleet'];
    let row = 1;
    for (const fields of world[kind]()) {
      row += 1;
      const result = parse(fields, { file, row, gazetteer });
      if (!result.ok && rejects.length < limit)
        rejects.push(`${file} row ${row}: ${JSON.stringify(result.errors)}`);
    }
  }
  return rejects;
}
