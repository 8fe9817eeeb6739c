/**
 * The intent path over the store, on every engine: a small demo world goes in through the real import,
 * and what the store reads back for scoring (signal columns, landing arrivals, company facts) must
 * equal what the in-memory evaluation path builds from the same world's rows — so the scores the CLI
 * prints and the scores `evaluate` measures are the same scores.
 */
import { loadLinearProgramSolver } from '../../src/files/load-linear-program-solver.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCorridorSurges } from '../../src/app/find-corridor-surges.ts';
import { landingZonesOf } from '../../src/app/find-landing-zones.ts';
import { listProspects } from '../../src/app/list-prospects.ts';
import { silentProgress, type Store } from '../../src/app/ports.ts';
import { runDemo } from '../../src/app/run-demo.ts';
import { scoreIntent } from '../../src/app/score-intent.ts';
import { asId, type TenantId } from '../../src/domain/ids.ts';
import { demoWorldFiles } from '../../src/files/demo-world-files.ts';
import { loadGazetteer } from '../../src/files/load-gazetteer.ts';
import { nodeFiles } from '../../src/files/node-files.ts';
import { scoreProspects } from '../../src/intent/score-prospects.ts';
import { DEFAULT_SCORING_OPTIONS, SCORING_LOOKBACK_DAYS } from '../../src/intent/scoring-options.ts';
import { generateWorld } from '../../src/sim/generate-world.ts';
import { rowsByCompany } from '../support/signal-rows.ts';
import { worldIntentInputs, type IntentInputs } from '../../src/sim/world-intent-inputs.ts';
import { findLandingZones } from '../../src/zones/find-landing-zones.ts';
import { landingSnapshot } from '../../src/zones/price-origins.ts';
import { DEFAULT_LANDING_ZONE_OPTIONS } from '../../src/zones/landing-zone.ts';
import { ENGINES } from '../support/store-engines.ts';

const TENANT = asId<TenantId>('intent-test');
const AS_OF = new Date('2026-11-16T00:00:00Z');
const SEED = 7;
const gazetteer = loadGazetteer();

describe.each(ENGINES)('intent reads on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let memory: IntentInputs;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    await runDemo(
      {
        store,
        files: nodeFiles,
        gazetteer,
        world: demoWorldFiles,
        now: () => new Date(),
        progress: silentProgress,
        linearProgramSolver: () => loadLinearProgramSolver({ timeLimitSeconds: 10 }),
      },
      {
        tenantId: TENANT,
        size: 'small',
        seed: SEED,
        asOf: AS_OF,
        outDir: mkdtempSync(join(tmpdir(), 'nb-intent-')),
        batchRows: 700,
      },
    );
    const world = generateWorld(demoWorldFiles.referenceData(), gazetteer, {
      size: 'small',
      seed: SEED,
      asOf: AS_OF,
    });
    memory = worldIntentInputs(world, gazetteer, AS_OF, { deliveryWeeks: 26 });
  }, 120_000);

  afterAll(async () => {
    await dispose();
  });

  it('reads the same signals, row for row, as the in-memory path', async () => {
    const from = new Date(AS_OF.getTime() - SCORING_LOOKBACK_DAYS * 86_400_000);
    const stored = await store.signalColumns(TENANT, from, AS_OF);
    expect(stored.length).toBe(memory.columns.length);
    expect(stored.length).toBeGreaterThan(100);
    expect(rowsByCompany(stored)).toEqual(rowsByCompany(memory.columns));
  });

  it('reads the same landing arrivals as the in-memory path', async () => {
    const from = new Date(AS_OF.getTime() - 26 * 7 * 86_400_000);
    const { arrivals, withoutEquipment } = await store.landingArrivals(TENANT, from, AS_OF);
    const key = (a: { deliveredAtMs: number; truckId: string; lat: number; equipment: string }) =>
      `${a.deliveredAtMs}|${a.truckId}|${a.lat}|${a.equipment}`;
    expect(withoutEquipment).toBe(0);
    expect(arrivals.map(key).sort()).toEqual(memory.arrivals.map(key).sort());
  });

  it('scores every company the same on both paths', async () => {
    const scoring = await scoreIntent(store, gazetteer, TENANT, { asOf: AS_OF });
    const report = findLandingZones(memory.arrivals, gazetteer, {
      ...DEFAULT_LANDING_ZONE_OPTIONS,
      asOf: AS_OF,
    });
    const scores = scoreProspects(memory.columns, landingSnapshot(report), {
      ...DEFAULT_SCORING_OPTIONS,
      asOf: AS_OF,
      servedProvinces: memory.servedProvinces,
    });
    const byId = (s: typeof scores) =>
      new Map(
        s.columns.companyIds.map((id, c) => [id, `${s.tier[c]}|${s.score[c]!.toFixed(9)}|${s.active[c]}`]),
      );
    expect(byId(scoring.scores)).toEqual(byId(scores));
    expect(scoring.report.zones.map((z) => z.key)).toEqual(report.zones.map((z) => z.key));
  });

  it('lists prospects with company facts beside the score, and filters by tier', async () => {
    const list = await listProspects(store, gazetteer, TENANT, { asOf: AS_OF, limit: 5 });
    expect(list.prospects.length).toBe(5);
    expect(list.prospects[0]?.company?.companyId).toBe(list.prospects[0]?.companyId);
    expect(list.prospects.every((p) => p.explanation.includes('search'))).toBe(true);
    const tierB = await listProspects(store, gazetteer, TENANT, { asOf: AS_OF, limit: 50, tier: 'B' });
    expect(tierB.prospects.every((p) => p.tier === 'B')).toBe(true);
    expect(tierB.total).toBe(list.byTier.B);
  });

  it('finds the landing zones and tests every corridor', async () => {
    const { report } = await landingZonesOf(store, gazetteer, TENANT, { asOf: AS_OF });
    expect(report.zones.length).toBeGreaterThan(0);
    expect(report.zones[0]?.primary).toBe(true);
    const corridors = await findCorridorSurges(store, gazetteer, TENANT, { asOf: AS_OF });
    expect(corridors.corridorsTested).toBeGreaterThan(10);
    for (const f of corridors.flagged) expect(f.brief?.text).toContain(f.origin);
  });

  it('reads company facts and the fleet’s home provinces', async () => {
    const homes = await store.fleetHomes(TENANT);
    expect(homes.length).toBeGreaterThan(0);
    expect(homes.reduce((n, h) => n + h.trucks, 0)).toBe((await store.countRows(TENANT)).trucks);
    const all = await store.companies(TENANT, null);
    expect(all.length).toBe((await store.countRows(TENANT)).companies);
    const some = await store.companies(TENANT, [all[0]!.companyId, 'no-such-company']);
    expect(some.map((c) => c.companyId)).toEqual([all[0]!.companyId]);
  });
});
