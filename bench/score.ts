/**
 * `npm run bench:score [-- --size small|default|large] [--runs N] [--json] [--pglite-dir DIR] [--pg-schema NAME] [--world DIR] [--engines pglite,postgres]`
 *
 * Scoring speed (DESIGN.md §3.2), beside anchors in the same run, reported as ratios:
 * - S0 (anchor): the raw-count ranking done by the database itself — one GROUP BY over the same
 *   signals window, top 50 by count — on the same engine and store;
 * - S1: the real use case `listProspects` (landing zones from deliveries, signals read as columns,
 *   scored on two threads, ranked, top 50 with company facts), as `northbound prospects` runs it;
 * - K0 (anchor): one pass over the same typed columns touching every field scoring reads;
 * - K1: the scoring core `scoreProspects` alone on those columns, one thread (signals/s);
 * - K2: the same on two threads (ScoringThreads: the main thread and one worker), same bits.
 * Each is the median of --runs (default 3) runs on a warm store; K0–K2 of at least 9, after 3 untimed
 * runs. Progress on stderr, report on stdout.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listProspects } from '../src/app/list-prospects.ts';
import { scoreIntent } from '../src/app/score-intent.ts';
import { openDatabase, type StoreLocation } from '../src/db/open-store.ts';
import { scoreProspects } from '../src/intent/score-prospects.ts';
import { SCORING_LOOKBACK_DAYS } from '../src/intent/scoring-options.ts';
import type { SignalColumns } from '../src/intent/signal-columns.ts';
import { isWorldSize } from '../src/sim/world-size.ts';
import { BENCH_AS_OF, existingBenchWorld, prepareBenchWorld } from './bench-world.ts';
import { SCORING_TENANT, openScoringStore } from './scoring-store.ts';
import { GENERATOR_VERSION } from '../src/sim/generate-world.ts';
import { PARALLEL_MIN_ROWS, ScoringThreads } from '../src/threads/scoring-threads.ts';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'default' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    'pglite-dir': { type: 'string' },
    'pg-schema': { type: 'string' },
    world: { type: 'string' },
    // Filling a store with the large world takes long (PGlite far longer than PostgreSQL): one engine
    // can be measured alone. PostgreSQL runs only with DATABASE_URL set.
    engines: { type: 'string', default: 'pglite,postgres' },
    help: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const engines = new Set(args.engines.split(','));
if (
  args.help ||
  !isWorldSize(args.size) ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  engines.size === 0 ||
  [...engines].some((e) => e !== 'pglite' && e !== 'postgres')
) {
  console.error(
    'usage: npm run bench:score -- [--size small|default|large] [--runs N] [--json] [--pglite-dir DIR] [--pg-schema NAME] [--world DIR] [--engines pglite,postgres]',
  );
  process.exit(args.help ? 0 : 2);
}
const size = args.size;
const databaseUrl = process.env.DATABASE_URL || null;
const log = (line: string) => console.error(`[bench:score] ${line}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Median of `times` runs (default --runs), and the best: on a shared machine the scheduler only adds.
 * `warmups` untimed runs go first, so the JIT has compiled the code being measured (the scoring
 * worker's copy of the core has run only the S1 jobs before K2).
 */
async function timeRunsBoth(
  work: () => Promise<unknown> | unknown,
  times = runs,
  warmups = 0,
): Promise<{ median: number; best: number }> {
  for (let run = 0; run < warmups; run++) await work();
  const seconds: number[] = [];
  for (let run = 0; run < times; run++) {
    const started = performance.now();
    await work();
    seconds.push((performance.now() - started) / 1000);
  }
  return { median: median(seconds), best: Math.min(...seconds) };
}

const timeRuns = async (work: () => Promise<unknown> | unknown): Promise<number> =>
  (await timeRunsBoth(work)).median;

/** Core stages are short: at least 9 runs each, so the median and best mean something under load. */
const CORE_RUNS = 9;
const CORE_WARMUPS = 3;

/**
 * K0: every column scoring reads, read once, into a sum the optimiser cannot drop. The arrays are
 * taken out of the columns object first, as the core does: the store's columns carry getters (lazy
 * ids), and reading `columns.x[i]` through such an object costs more per row than the row itself.
 */
function touchColumns(columns: SignalColumns): number {
  const {
    length,
    company,
    searcher,
    observedAtMs,
    originPlace,
    originRegion,
    destRegion,
    equipment,
    industry,
  } = columns;
  let sum = 0;
  for (let i = 0; i < length; i++) {
    sum +=
      company[i]! +
      searcher[i]! +
      observedAtMs[i]! +
      originPlace[i]! +
      originRegion[i]! +
      destRegion[i]! +
      equipment[i]! +
      industry[i]!;
  }
  return sum;
}

interface EngineResult {
  readonly engine: string;
  readonly signalsInStore: number;
  readonly signalsRead: number;
  readonly companiesScored: number;
  readonly anchorSeconds: number;
  readonly useCaseSeconds: number;
  readonly ratio: number;
  readonly phases: {
    readonly zonesMs: number;
    readonly readMs: number;
    readonly scoreMs: number;
    readonly rankMs: number;
  };
}

async function main(): Promise<void> {
  // The machine is shared: the load beside the numbers says how much they can be trusted.
  const loadAtStart = loadavg();
  // --world DIR scores a world written elsewhere (e.g. `northbound demo --size large --out DIR`),
  // as of that world's own as-of date.
  const existing = args.world === undefined ? null : existingBenchWorld(args.world);
  const world = existing ?? (await prepareBenchWorld(size, { regenerate: false, log }));
  const asOf = existing === null ? BENCH_AS_OF : new Date(existing.manifest.asOf);
  if (existing !== null)
    log(
      `scoring the world in ${existing.dir} (generator ${existing.manifest.generatorVersion}, seed ${existing.manifest.seed}, ${existing.manifest.size})`,
    );
  const from = new Date(asOf.getTime() - SCORING_LOOKBACK_DAYS * 86_400_000);
  const locations: [string, StoreLocation][] = [];
  if (engines.has('pglite'))
    locations.push([
      'pglite-disk',
      { dataDir: args['pglite-dir'] ?? join(world.dir, 'scoring-store-pglite') },
    ]);
  if (engines.has('postgres') && databaseUrl !== null) {
    const schema = args['pg-schema'] ?? `nb_bench_scoring_${size}_v${GENERATOR_VERSION.replaceAll('.', '_')}`;
    locations.push(['postgres', { databaseUrl, dataDir: null, schema }]);
  }
  if (locations.length === 0) {
    console.error('--engines postgres needs DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test)');
    process.exit(2);
  }
  // Started first, as the CLI does, so the worker has loaded before anything is timed.
  const threads = ScoringThreads.start();
  await threads.ready();
  if (threads.threads !== 2) throw new Error(`The scoring worker did not start: ${threads.brokenBecause}`);
  const results: EngineResult[] = [];
  let columns: SignalColumns | null = null;
  let scoringInputs: Awaited<ReturnType<typeof scoreIntent>> | null = null;
  for (const [engine, location] of locations) {
    // Fill (or check) the store, then time the anchor on a plain connection: PGlite allows one
    // handle per data directory, so the two never overlap.
    await (await openScoringStore(location, world, world.gazetteer, log)).close();
    const db = await openDatabase(location);
    let anchorSeconds: number;
    try {
      anchorSeconds = await timeRuns(() =>
        db.query(
          `SELECT company_id, count(*) AS n FROM signals
           WHERE tenant_id = $1 AND observed_at >= $2 AND observed_at < $3
           GROUP BY company_id ORDER BY n DESC, company_id LIMIT 50`,
          [SCORING_TENANT, from.toISOString(), asOf.toISOString()],
        ),
      );
    } finally {
      await db.close();
    }
    const store = await openScoringStore(location, world, world.gazetteer, log);
    try {
      const signalsInStore = (await store.countRows(SCORING_TENANT)).signals;
      let last: Awaited<ReturnType<typeof listProspects>> | null = null;
      const useCaseSeconds = await timeRuns(async () => {
        last = await listProspects(store, world.gazetteer, SCORING_TENANT, {
          asOf,
          limit: 50,
          scorer: threads.score,
        });
      });
      const list = last!;
      results.push({
        engine,
        signalsInStore,
        signalsRead: list.signalsRead,
        companiesScored: list.companiesScored,
        anchorSeconds,
        useCaseSeconds,
        ratio: useCaseSeconds / anchorSeconds,
        phases: list.timings,
      });
      log(
        `${engine}: S0 ${anchorSeconds.toFixed(3)} s, S1 ${useCaseSeconds.toFixed(3)} s (${list.signalsRead} signals read)`,
      );
      if (scoringInputs === null) {
        scoringInputs = await scoreIntent(store, world.gazetteer, SCORING_TENANT, { asOf });
        columns = scoringInputs.columns;
      }
    } finally {
      await store.close();
    }
  }
  const inputs = scoringInputs!;
  const cols = columns!;
  const anchorTimes = await timeRunsBoth(() => touchColumns(cols), Math.max(runs, CORE_RUNS), CORE_WARMUPS);
  const coreTimes = await timeRunsBoth(
    () => scoreProspects(cols, inputs.landing, inputs.options),
    Math.max(runs, CORE_RUNS),
    CORE_WARMUPS,
  );
  const twoThreadTimes = await timeRunsBoth(
    () => threads.score(cols, inputs.landing, inputs.options),
    Math.max(runs, CORE_RUNS),
    CORE_WARMUPS,
  );
  // A worker that failed mid-run would have been replaced by one thread: the K2 times would lie.
  if (threads.threads !== 2) throw new Error(`The scoring worker failed: ${threads.brokenBecause}`);
  await threads.close();
  const anchorCore = anchorTimes.median;
  const core = coreTimes.median;
  const twoThreads = twoThreadTimes.median;
  const cpuList = cpus();
  const worldSize = existing?.manifest.size ?? size;
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    size: worldSize,
    world: world.dir,
    runs,
    load: { atStart: loadAtStart, atEnd: loadavg() },
    asOf: asOf.toISOString(),
    engines: results,
    core: {
      signals: cols.length,
      anchorSeconds: anchorCore,
      seconds: core,
      signalsPerSecond: cols.length / core,
      ratio: core / anchorCore,
      bestAnchorSeconds: anchorTimes.best,
      bestSeconds: coreTimes.best,
      bestSignalsPerSecond: cols.length / coreTimes.best,
      twoThreadSeconds: twoThreads,
      twoThreadSignalsPerSecond: cols.length / twoThreads,
      bestTwoThreadSeconds: twoThreadTimes.best,
      bestTwoThreadSignalsPerSecond: cols.length / twoThreadTimes.best,
    },
  };
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const lines = [
    `Scoring bench — ${worldSize} world, as of ${asOf.toISOString().slice(0, 10)}, median of ${runs}; ${report.cpus}× ${report.cpuModel}, Node ${report.node}`,
    `load average (1/5/15 min) at start ${loadAtStart.map((l) => l.toFixed(2)).join(' / ')}, at end ${report.load.atEnd.map((l) => l.toFixed(2)).join(' / ')}`,
    '',
    'engine        signals in store  read (105 d)  companies  S0 GROUP BY (anchor)  S1 listProspects  S1/S0   zones / read / score / rank (ms)',
  ];
  for (const r of results) {
    lines.push(
      `${r.engine.padEnd(12)}  ${String(r.signalsInStore).padStart(16)}  ${String(r.signalsRead).padStart(12)}  ${String(r.companiesScored).padStart(9)}  ` +
        `${r.anchorSeconds.toFixed(3).padStart(18)} s  ${r.useCaseSeconds.toFixed(3).padStart(14)} s  ${r.ratio.toFixed(2).padStart(5)}×  ` +
        `${[r.phases.zonesMs, r.phases.readMs, r.phases.scoreMs, r.phases.rankMs].map((ms) => ms.toFixed(0)).join(' / ')}`,
    );
  }
  lines.push(
    '',
    `core: scoreProspects on ${cols.length} signals: ${(core * 1000).toFixed(1)} ms = ${(report.core.signalsPerSecond / 1e6).toFixed(1)} M signals/s; ` +
      `K0 one pass over the columns ${(anchorCore * 1000).toFixed(1)} ms; K1/K0 = ${report.core.ratio.toFixed(2)}× ` +
      `(median of ${Math.max(runs, CORE_RUNS)}; best: K1 ${(coreTimes.best * 1000).toFixed(1)} ms = ` +
      `${(report.core.bestSignalsPerSecond / 1e6).toFixed(1)} M signals/s, K0 ${(anchorTimes.best * 1000).toFixed(1)} ms)`,
    `core on two threads (K2${cols.length < PARALLEL_MIN_ROWS ? `: one thread below ${PARALLEL_MIN_ROWS} signals` : ''}): ${(twoThreads * 1000).toFixed(1)} ms = ${(report.core.twoThreadSignalsPerSecond / 1e6).toFixed(1)} M signals/s; ` +
      `K2/K0 = ${(twoThreads / anchorCore).toFixed(2)}×, K1/K2 = ${(core / twoThreads).toFixed(2)}× ` +
      `(median of ${Math.max(runs, CORE_RUNS)}; best ${(twoThreadTimes.best * 1000).toFixed(1)} ms = ` +
      `${(report.core.bestTwoThreadSignalsPerSecond / 1e6).toFixed(1)} M signals/s)`,
  );
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
