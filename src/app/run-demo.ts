/**
 * Use case: the demo. Generates the seeded world (src/sim) from the shipped reference data, writes
 * it as the §7 files users import, imports each file through the real import path (the same
 * validation, COPY and idempotent merge as `northbound import`), and summarises the store.
 * Running it twice with the same seed and as-of date imports nothing new the second time.
 */
import { join } from 'node:path';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { TenantId } from '../domain/ids.ts';
import type { Province } from '../domain/regions.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { ImportKind } from '../ingest/import-kinds.ts';
import { generateWorld, type DemoWorld, type WorldParameters } from '../sim/generate-world.ts';
import type { ReferenceData } from '../sim/reference-data.ts';
import { WORLD_TABLES } from '../sim/world-rows.ts';
import type { WorldSize } from '../sim/world-size.ts';
import { importFile, type ImportReport } from './import-file.ts';
import type { FileAccess, Progress, Store } from './ports.ts';
import { summarizeTenant, type TenantSummary } from './summarize-tenant.ts';
import { simulateQuarter, type QuarterReport, type SimulateQuarterDeps } from './simulate-quarter.ts';
import { DEFAULT_CAD_PER_USD, DEFAULT_COST_PER_MILE } from '../domain/units.ts';
import type { SolveLinearProgram } from '../collab/linear-program.ts';
import { planPool, type PoolPlan } from './plan-pool.ts';

export interface WrittenWorldFile {
  readonly kind: string;
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
}

/** Reference data in, files out: the demo's two contacts with the file system. */
export interface DemoWorldPort {
  referenceData(): ReferenceData;
  writeWorld(
    world: DemoWorld,
    outDir: string,
    onProgress: (kind: string, rowsWritten: number) => void,
  ): Promise<{ readonly files: readonly WrittenWorldFile[] }>;
}

export interface RunDemoDeps {
  readonly store: Store;
  readonly files: FileAccess;
  readonly gazetteer: Gazetteer;
  readonly world: DemoWorldPort;
  readonly now: () => Date;
  readonly progress: Progress;
  /** For the pool's LP allocations; the demo's Shapley split does not load it. */
  readonly linearProgramSolver: () => Promise<SolveLinearProgram>;
}

export interface RunDemoInput {
  readonly tenantId: TenantId;
  readonly size: WorldSize;
  readonly seed: number;
  readonly asOf: Date;
  /** The carrier's terminal provinces, largest first; drawn from BTS southbound tonnage when absent. */
  readonly homeProvinces?: readonly Province[] | undefined;
  readonly outDir: string;
  readonly batchRows: number;
  /** Play the last 13 weeks as the outreach programme (simulate-quarter.ts); true unless told not to. */
  readonly quarter?: boolean | undefined;
  readonly cadPerUsd?: number | undefined;
  readonly costPerMile?: number | undefined;
  readonly onWeek?: SimulateQuarterDeps['onWeek'];
}

export interface DemoReport {
  readonly world: WorldParameters;
  readonly outDir: string;
  readonly files: readonly WrittenWorldFile[];
  readonly imports: readonly ImportReport[];
  readonly summary: TenantSummary;
  readonly quarter: QuarterReport | null;
  /** The world's collaborative pool, planned with the Shapley split (null when the world has none). */
  readonly pool: PoolPlan | null;
}

/** Fleet and reps first so a planner reading the store mid-way sees who before what. */
const IMPORT_ORDER: readonly ImportKind[] = ['fleet', 'reps', 'deliveries', 'signals', 'loads', 'lanes'];

export async function runDemo(deps: RunDemoDeps, input: RunDemoInput): Promise<DemoReport> {
  const world = generateWorld(deps.world.referenceData(), deps.gazetteer, {
    size: input.size,
    seed: input.seed,
    asOf: input.asOf,
    ...(input.homeProvinces === undefined ? {} : { homeProvinces: input.homeProvinces }),
  });

  let current = '';
  const { files } = await deps.world.writeWorld(world, input.outDir, (kind, rows) => {
    if (kind !== current) {
      deps.progress.stop();
      current = kind;
      const target = kind === 'signals' ? world.parameters.targets.signals : 0;
      deps.progress.start(`writing ${kind}`, target);
    }
    deps.progress.update(rows);
  });
  deps.progress.stop();

  await deps.store.ensureTenant(input.tenantId, world.parameters.carrier.name);
  const imports: ImportReport[] = [];
  for (const kind of IMPORT_ORDER) {
    const table = WORLD_TABLES.find((t) => t.kind === kind);
    if (table === undefined) continue;
    const report = await importFile(deps, {
      tenantId: input.tenantId,
      kind,
      path: join(input.outDir, table.file),
      skipInvalid: false,
      allowExtra: false,
      batchRows: input.batchRows,
    });
    imports.push(report);
    if (!report.committed) {
      // The generator must only write valid files; a reject here is a bug, not a user mistake.
      throw new NorthboundError(
        'internal',
        `The demo world's ${table.file} was refused: ${report.errors[0]?.message ?? 'unknown reason'}`,
        { report },
      );
    }
  }

  const summary = await summarizeTenant(deps.store, deps.gazetteer, input.tenantId);
  const quarter =
    input.quarter === false
      ? null
      : await simulateQuarter(
          { store: deps.store, gazetteer: deps.gazetteer, now: deps.now, onWeek: input.onWeek },
          { tenantId: input.tenantId, world, cadPerUsd: input.cadPerUsd ?? DEFAULT_CAD_PER_USD },
        );
  const pool =
    world.parameters.counts.poolLanes === 0
      ? null
      : await planPool(
          { store: deps.store, linearProgramSolver: deps.linearProgramSolver },
          {
            tenantId: input.tenantId,
            method: 'shapley',
            costPerMile: input.costPerMile ?? DEFAULT_COST_PER_MILE,
          },
        );
  return { world: world.parameters, outDir: input.outDir, files, imports, summary, quarter, pool };
}
