/**
 * The `northbound` command end to end, as a user runs it (node bin/northbound.js), on the embedded
 * store and — when DATABASE_URL is set — on PostgreSQL in a throwaway schema: exit codes, the
 * misspelt-equipment rejection that leaves the store unchanged, "0 new" on re-import, --json, demo.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cliEngines, cliRunner } from './support/cli-engines.ts';

const HEADER = 'delivery_id,truck_id,dest_city,dest_region,delivered_at,equipment';
const GOOD = [
  HEADER,
  'D1,T1,Dallas,TX,2026-11-03T14:00:00-06:00,dry_van',
  'D2,T2,Laredo,TX,2026-11-04T09:30:00-06:00,reefer',
  'D3,T1,Chicago,IL,2026-11-10T11:00:00-06:00,dry_van',
];
const BAD = [
  HEADER,
  'D4,T1,Dallas,TX,2026-11-11T14:00:00-06:00,dry_van',
  'D5,T2,Dallas,TX,2026-11-11T15:00:00-06:00,reefr',
  'D6,T3,Houston,TX,2026-11-12T15:00:00-06:00,flatbed',
];

describe.each(cliEngines('nb_cli'))('northbound CLI on $name', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'nb-cli-'));
  const db = join(dir, 'db');
  const run = cliRunner(engine, db);
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };
  const deliveriesStored = () => JSON.parse(run('status', '--json').stdout).counts.deliveries as number;

  afterAll(() => engine.cleanup());

  it('init creates the store and says where', () => {
    const result = run('init', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ engine: engine.name, tenant: 'default' });
  });

  it('imports a good file, and reports 0 new the second time', () => {
    const good = file('deliveries.csv', GOOD);
    const first = run('import', 'deliveries', good);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('deliveries.csv (deliveries): 3 new, 0 unchanged');
    const second = run('import', 'deliveries', good);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 new, 3 unchanged, 0 updated, 0 rejected');
  });

  it('exits non-zero on a misspelt equipment, names row, field and value, and stores nothing', () => {
    const bad = file('bad.csv', BAD);
    const result = run('import', 'deliveries', bad);
    expect(result.code).toBe(65);
    expect(result.stdout).toContain('NOT imported');
    expect(result.stdout).toContain('Cannot import bad.csv row 3: equipment "reefr" is not one of');
    expect(deliveriesStored()).toBe(3);

    const json = run('import', 'deliveries', bad, '--json');
    expect(json.code).toBe(65);
    expect(JSON.parse(json.stdout)).toMatchObject({
      committed: false,
      rowsRejected: 1,
      errors: [{ row: 3, field: 'equipment', value: 'reefr' }],
    });
  });

  it('with --skip-invalid stores the good rows', () => {
    const result = run('import', 'deliveries', file('bad2.csv', BAD), '--skip-invalid');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 new, 0 unchanged, 0 updated, 1 rejected');
    expect(result.stdout).toContain('bad2.rejects.csv');
    expect(deliveriesStored()).toBe(5);
  });

  it('refuses an unknown kind or a missing file with a clear message', () => {
    const kind = run('import', 'trucks', join(dir, 'deliveries.csv'));
    expect(kind.code).not.toBe(0);
    expect(kind.stderr).toContain(
      "'trucks' is invalid for argument 'kind'. Allowed choices are fleet, deliveries",
    );
    const missing = run('import', 'fleet', join(dir, 'nope.csv'));
    expect(missing.code).toBe(65);
    expect(missing.stderr).toContain('nope.csv');
  });

  it('runs the small demo through the real import path', () => {
    const result = run(
      'demo',
      '--size',
      'small',
      '--seed',
      '7',
      '--as-of',
      '2026-11-16',
      '--out',
      join(dir, 'world'),
      '--home',
      'ON',
      '--json',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.imports.map((i: { kind: string }) => i.kind)).toEqual([
      'fleet',
      'reps',
      'deliveries',
      'signals',
      'loads',
      'lanes',
    ]);
    expect(report.summary.counts.trucks).toBeGreaterThan(0);
    expect(report.world.carrier.terminals.every((t: { region: string }) => t.region === 'ON')).toBe(true);
    expect(report.summary.counts.signals).toBeGreaterThan(1000);
    expect(report.summary.topDestinations.length).toBeGreaterThan(0);
  });

  it('ranks landing zones of the demo world', () => {
    const json = run('zones', '--as-of', '2026-11-16', '--json');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.report.zones.length).toBeGreaterThan(0);
    expect(result.report.zones[0]).toMatchObject({ rank: 1, primary: true, isLandingZone: true });
    const text = run('zones', '--as-of', '2026-11-16', '--weeks', '8');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Landing zones, 8 weeks 2026-09-21 → 2026-11-16');
    expect(text.stdout).toContain(result.report.zones[0].label.split(',')[0]);
  });

  it('lists prospects with score, tier, components and explanation, and filters by tier', () => {
    const json = run('prospects', '--as-of', '2026-11-16', '--limit', '5', '--json');
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout);
    expect(list.prospects).toHaveLength(5);
    const [top] = list.prospects;
    expect(top).toMatchObject({ rank: 1, tier: expect.stringMatching(/^[ABC]$/) });
    expect(typeof top.company_id).toBe('string');
    expect(top.score).toBeGreaterThan(0);
    expect(top.components).toHaveProperty('distinct_weeks_90');
    expect(top.explanation).toMatch(/^\d+ search(es)? over \d+ weeks?/);
    const tierC = JSON.parse(run('prospects', '--as-of', '2026-11-16', '--tier', 'C', '--json').stdout);
    expect(tierC.prospects.every((p: { tier: string }) => p.tier === 'C')).toBe(true);
    expect(tierC.total).toBe(list.by_tier.C);
    const text = run('prospects', '--as-of', '2026-11-16', '--limit', '3');
    expect(text.stdout).toContain(top.explanation);
    const bad = run('prospects', '--limit', 'many');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--limit "many" is not a whole number');
  });

  it('tests the corridors and prints the week it tested', () => {
    const json = run('corridors', '--as-of', '2026-11-16', '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.corridorsTested).toBeGreaterThan(10);
    for (const finding of report.flagged) expect(finding.brief.text).toContain(finding.origin);
    const text = run('corridors', '--as-of', '2026-11-16');
    expect(text.stdout).toContain('Corridor surges, week 2026-11-09 → 2026-11-16');
  });
});

describe('northbound evaluate', () => {
  it('scores generated worlds against their latent truth and both baselines', () => {
    const result = spawnSync(
      process.execPath,
      [BIN, 'evaluate', '--size', 'small', '--seeds', '3-4', '--as-of', '2026-11-16', '--json'],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.seeds.map((s: { seed: number }) => s.seed)).toEqual([3, 4]);
    for (const key of ['ours', 'bySize', 'byRawCount']) {
      expect(report.mean.nearZones[key].precision['20']).toBeGreaterThanOrEqual(0);
      expect(report.mean.nearZones[key].precision['20']).toBeLessThanOrEqual(1);
    }
    const bad = spawnSync(process.execPath, [BIN, 'evaluate', '--seeds', '5-x'], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--seeds part "5-x"');
  });
});
