/**
 * `npm run bench [-- --size small|default|large] [--runs N] [--engines LIST] [--json] [--regenerate]`
 *
 * Measures the import pipeline beside anchors in the same run and reports ratios (house rule: speed
 * is benchmarked beside anchors, never asserted in timed unit tests). See bench/README.md for the
 * stages. Progress goes to stderr; the report (or, with --json, the BenchReport) to stdout.
 * D, E and E2 run on PGlite in memory (what the tests use) and in a fresh data directory (what the CLI
 * uses); with DATABASE_URL set, also on that PostgreSQL server, in scratch schemas dropped at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { StoreLocation } from '../src/db/open-store.ts';
import type { Gazetteer } from '../src/domain/gazetteer.ts';
import type { ImportKind } from '../src/ingest/import-kinds.ts';
import { isWorldSize } from '../src/sim/world-size.ts';
import { prepareBenchWorld, type BenchFile } from './bench-world.ts';
import { copyAnchor, type CopyTarget } from './copy-anchor.ts';
import { formatReport, type BenchReport } from './format-report.ts';
import { BENCH_BATCH_ROWS, importTwice, type ImportRun } from './import-twice.ts';
import { measurement, type Engine, type Measurement, type MeasurementInput } from './measurement.ts';
import { PARSE_STAGES } from './parse-stages.ts';
import { ScratchSchemas } from './scratch-schemas.ts';

const DATABASE_ENGINES = ['pglite-mem', 'pglite-disk', 'postgres'] as const;
type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

const USAGE = `usage: npm run bench -- [--size small|default|large] [--runs N] [--engines LIST] [--json] [--regenerate]
  --size        demo world size (default: default, ~200k signals; large = 10M signals, takes long)
  --runs        runs of the cheap in-process stages A, B, C; the median is reported (default 3)
  --engines     comma list of ${DATABASE_ENGINES.join(', ')} for D, E, E2 (default: all; postgres
                only with DATABASE_URL; pglite-mem is left out of large, where its COPY goes quadratic)
  --json        print the results as JSON instead of tables
  --regenerate  regenerate the demo world files even if a matching cached set exists
  DATABASE_URL  when set, D, E and E2 are also measured on that PostgreSQL server`;

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'default' },
    runs: { type: 'string', default: '3' },
    engines: { type: 'string' },
    json: { type: 'boolean', default: false },
    regenerate: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const requestedEngines = args.engines?.split(',').map((e) => e.trim());
const knownEngine = (e: string): e is DatabaseEngine => (DATABASE_ENGINES as readonly string[]).includes(e);
if (
  args.help ||
  !isWorldSize(args.size) ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  (requestedEngines !== undefined && !requestedEngines.every(knownEngine))
) {
  console.error(USAGE);
  process.exit(args.help ? 0 : 2);
}
const size = args.size;
const databaseUrl = process.env.DATABASE_URL || null;
const wanted = (engine: DatabaseEngine): boolean =>
  requestedEngines === undefined
    ? engine !== 'pglite-mem' || size !== 'large'
    : (requestedEngines as readonly string[]).includes(engine);
if (requestedEngines?.includes('postgres') && databaseUrl === null) {
  console.error('--engines postgres needs DATABASE_URL');
  process.exit(2);
}
const log = (line: string) => console.error(`[bench] ${line}`);

const measurements: Measurement[] = [];
const record = (input: MeasurementInput): void => {
  const m = measurement(input, measurements);
  measurements.push(m);
  const ratio = m.ratio === null ? '' : `, ${m.stage}/${m.anchor} = ${m.ratio.toFixed(2)}`;
  log(`${m.file} ${m.engine} ${m.stage}: ${m.seconds.toFixed(3)} s${ratio}`);
};

function checkRows(what: string, file: BenchFile, rows: number): void {
  if (rows !== file.rows) {
    throw new Error(`${what} read ${rows} rows of ${basename(file.path)}, the manifest says ${file.rows}`);
  }
}

const common = (file: BenchFile, engine: Engine) => ({
  file: basename(file.path),
  engine,
  rows: file.rows,
  bytes: file.bytes,
});

/** A, B, C interleaved (A B C A B C …) so drift in the machine hits each stage alike. */
async function parseStages(file: BenchFile, kind: ImportKind, gazetteer: Gazetteer) {
  const ids = ['A', 'B', 'C'] as const;
  const times: Record<(typeof ids)[number], number[]> = { A: [], B: [], C: [] };
  for (let run = 0; run < runs; run += 1) {
    for (const id of ids) {
      const started = performance.now();
      const rows = await PARSE_STAGES[id].run({ path: file.path, kind, gazetteer });
      times[id].push((performance.now() - started) / 1000);
      checkRows(`stage ${id}`, file, rows);
    }
  }
  for (const id of ids) {
    record({
      ...common(file, 'node'),
      stage: id,
      label: PARSE_STAGES[id].label,
      runs: times[id],
      anchor: id === 'A' ? null : 'A',
    });
  }
}

/** A fresh database per measurement: an in-memory PGlite, a PGlite data dir, or a scratch schema. */
interface FreshDatabases {
  readonly engine: Exclude<Engine, 'node'>;
  copyTarget(): Promise<CopyTarget>;
  storeLocation(): Promise<StoreLocation>;
}

async function databaseStages(
  file: BenchFile,
  kind: ImportKind,
  gazetteer: Gazetteer,
  fresh: FreshDatabases,
) {
  const { engine } = fresh;
  const copy = await copyAnchor(await fresh.copyTarget(), file.path);
  checkRows(`COPY (${engine})`, file, copy.rows);
  record({
    ...common(file, engine),
    stage: 'D',
    label: 'raw COPY, text columns (anchor)',
    runs: [copy.seconds],
    anchor: null,
  });

  const [first, again] = await importTwice(await fresh.storeLocation(), file.path, kind, gazetteer);
  const importStage = (stage: 'E' | 'E2', label: string, run: ImportRun) => {
    checkRows(`import ${stage} (${engine})`, file, run.rowsRead);
    const { seconds, phases, rowsNew, rowsUpdated, rowsUnchanged, rowsRejected } = run;
    record({
      ...common(file, engine),
      stage,
      label,
      runs: [seconds],
      anchor: 'D',
      import: { rowsNew, rowsUpdated, rowsUnchanged, rowsRejected, phases },
    });
  };
  importStage('E', 'importFile, empty store', first);
  importStage('E2', 'importFile again (all unchanged)', again);
}

async function main(): Promise<void> {
  const world = await prepareBenchWorld(size, { regenerate: args.regenerate, log });
  const files: [BenchFile, ImportKind][] = [
    [world.signals, 'signals'],
    [world.deliveries, 'deliveries'],
  ];
  const schemas = databaseUrl === null || !wanted('postgres') ? null : new ScratchSchemas(databaseUrl);
  const dataDirs = await mkdtemp(join(tmpdir(), 'northbound-bench-pglite-'));
  let dirs = 0;
  const newDataDir = () => join(dataDirs, `db${(dirs += 1)}`);
  const engines: FreshDatabases[] = [
    {
      engine: 'pglite-mem',
      copyTarget: async () => ({ engine: 'pglite', dataDir: null }),
      storeLocation: async () => ({ dataDir: null }),
    },
    {
      engine: 'pglite-disk',
      copyTarget: async () => ({ engine: 'pglite', dataDir: newDataDir() }),
      storeLocation: async () => ({ dataDir: newDataDir() }),
    },
  ];
  if (schemas !== null) {
    engines.push({
      engine: 'postgres',
      copyTarget: async () => ({
        engine: 'postgres',
        databaseUrl: schemas.databaseUrl,
        schema: await schemas.create(),
      }),
      storeLocation: async () => ({
        databaseUrl: schemas.databaseUrl,
        dataDir: null,
        schema: await schemas.create(),
      }),
    });
  }
  const chosen = engines.filter((e) => wanted(e.engine));
  try {
    for (const [file, kind] of files) {
      log(`${basename(file.path)}: ${file.rows} rows, ${(file.bytes / 1e6).toFixed(1)} MB`);
      await parseStages(file, kind, world.gazetteer);
      for (const fresh of chosen) await databaseStages(file, kind, world.gazetteer, fresh);
    }
  } finally {
    await schemas?.dropAll();
    await rm(dataDirs, { recursive: true, force: true });
  }

  const cpuList = cpus();
  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    platform: `${process.platform} ${process.arch}`,
    size,
    runsPerCheapStage: runs,
    batchRows: BENCH_BATCH_ROWS,
    world: { dir: world.dir, generatedSeconds: world.generatedSeconds },
    postgres: databaseUrl === null ? null : databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    measurements,
  };
  console.log(args.json ? JSON.stringify(report, null, 2) : formatReport(report));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
