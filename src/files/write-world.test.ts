import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_SPECS } from '../ingest/import-kinds.ts';
import { generateWorld, type DemoWorld } from '../sim/generate-world.ts';
import { WORLD_TABLES } from '../sim/world-rows.ts';
import { loadGazetteer } from './load-gazetteer.ts';
import { loadReferenceData } from './load-reference-data.ts';
import {
  MANIFEST_FILE,
  TRUTH_FILE,
  writeWorld,
  type WorldFileKind,
  type WriteWorldResult,
} from './write-world.ts';

let dir: string;
let world: DemoWorld;
let result: WriteWorldResult;
const progress: { kind: WorldFileKind; rows: number }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'northbound-world-'));
  writeFileSync(join(dir, MANIFEST_FILE), '{"stale": true}');
  world = generateWorld(loadReferenceData(), loadGazetteer(), {
    size: 'small',
    seed: 9,
    asOf: new Date('2025-06-02T12:00:00Z'),
  });
  result = await writeWorld(world, dir, {
    progressEvery: 500,
    onProgress: (kind, rows) => progress.push({ kind, rows }),
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readCsv = (file: string): string[][] => parse(readFileSync(join(dir, file), 'utf8')) as string[][];

describe('writeWorld', () => {
  it('writes the §7 files with their exact headers, in the importer’s column order', () => {
    for (const table of WORLD_TABLES) {
      const [header] = readCsv(table.file);
      expect(header).toEqual([...table.columns]);
      expect(header).toEqual([...IMPORT_SPECS[table.kind].columns]);
    }
  });

  it('writes every row, and the CSV reads back to exactly the generated values', () => {
    for (const table of WORLD_TABLES) {
      const [header = [], ...records] = readCsv(table.file);
      const expected = [...world[table.kind]()] as Record<string, string>[];
      expect(records).toHaveLength(expected.length);
      expect(result.manifest.rowCounts[table.kind]).toBe(expected.length);
      records.forEach((fields, i) => {
        expect(Object.fromEntries(header.map((column, k) => [column, fields[k]]))).toEqual(expected[i]);
      });
    }
  });

  it('writes the truth as NDJSON and a manifest describing the run', () => {
    const lines = readFileSync(join(dir, TRUTH_FILE), 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(
      JSON.parse(JSON.stringify([...world.truth()])),
    );
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as typeof result.manifest;
    expect(manifest).toMatchObject({
      generator: 'northbound-sim',
      seed: 9,
      size: 'small',
      asOf: '2025-06-02T12:00:00.000Z',
      generatorVersion: world.parameters.generatorVersion,
    });
    expect(manifest.rowCounts.truth).toBe(lines.length);
    expect(manifest.files.map((f) => f.file)).toEqual([...WORLD_TABLES.map((t) => t.file), TRUTH_FILE]);
    for (const file of manifest.files) expect(file.bytes).toBe(readFileSync(join(dir, file.file)).length);
  });

  it('reports progress per file, ending at the row count', () => {
    for (const file of result.files) {
      const reports = progress.filter((p) => p.kind === file.kind).map((p) => p.rows);
      expect(reports.at(-1)).toBe(file.rows);
      expect(reports).toEqual([...reports].sort((a, b) => a - b));
    }
    expect(progress.some((p) => p.kind === 'signals' && p.rows === 500)).toBe(true);
  });
});
