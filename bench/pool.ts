/**
 * `npm run bench -- --suite pool [--budget SECONDS] [--json]`: the collaborative pool's allocations on
 * realistic seeded pools (issue 6's targets: exact Shapley for 15 partners and sampled Shapley for 100
 * partners to ±1% at 95%, each in < 10 s).
 *
 * Pools: partners with 3–8 lanes each between the 80 largest US and Canadian markets of the gazetteer
 * (GeoNames cities ≥ 50k people): each partner has a home market where about half its lanes start, the
 * other ends are markets drawn by population; equipment 60% dry van, 25% reefer, 15% flatbed; 1–5
 * loads a week. Seed 42.
 *
 * Measured, after building the pool (not timed):
 * - exact Shapley, 15 partners: exactShapley over coalitionCost (the PoolGame engine), 2^15 coalitions;
 * - sampled Shapley, 100 partners: one sampledShapley run (stratified by join position, with the
 *   pool's DualBoundSurrogate as control variate; see src/collab/sampled-shapley.ts) that stops as soon as every partner's 95% half-width is ≤ 1% of
 *   max(its share, the mean share) — the second term so a partner with a tiny share is held to 1% of a
 *   typical share rather than to a vanishing absolute width — or when --budget seconds (default 120)
 *   are spent. The clock includes everything: building the surrogate (its warm-up solves), the
 *   orders, the surrogate's own orders, the coalition solves and the checks.
 * - anchor, in the same run: 300 random coalitions of the 100-partner pool costed by coverLanes over the
 *   members' lanes (the engine before PoolGame) and by a fresh PoolGame, which must agree; the ratio is
 *   the engine's speed-up per coalition.
 * Progress on stderr, the report on stdout.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { coalitionCost, poolGameFor } from '../src/collab/coalition-cost.ts';
import { DualBoundSurrogate } from '../src/collab/dual-bound-surrogate.ts';
import { coverLanes } from '../src/collab/cover-lanes.ts';
import type { PoolLane, PoolPlace } from '../src/collab/pool-lane.ts';
import { PoolGame } from '../src/collab/pool-game.ts';
import { sampledShapley } from '../src/collab/sampled-shapley.ts';
import { exactShapley } from '../src/collab/shapley.ts';
import type { Equipment } from '../src/domain/equipment.ts';
import { loadGazetteer } from '../src/files/load-gazetteer.ts';
import { SeededRandom } from '../src/sim/seeded-random.ts';

const { values: args } = parseArgs({
  options: {
    budget: { type: 'string', default: '120' },
    json: { type: 'boolean', default: false },
    size: { type: 'string' },
    runs: { type: 'string' },
  },
});
const budgetSeconds = Number(args.budget);
if (!(budgetSeconds > 0)) {
  console.error('usage: npm run bench -- --suite pool [--budget SECONDS] [--json]');
  process.exit(2);
}
const TARGET_SECONDS = 10;
const RELATIVE_HALF_WIDTH = 0.01;

const markets: PoolPlace[] = loadGazetteer()
  .markets()
  .slice(0, 80)
  .map((m) => ({ key: m.id, lat: m.lat, lon: m.lon }));

function realisticPool(partners: number, seed: number): PoolLane[] {
  const random = new SeededRandom(seed, 'pool', partners);
  const weights = markets.map((_, i) => 1 / (i + 1)); // Zipf-like: bigger markets see more freight
  const total = weights.reduce((a, b) => a + b, 0);
  const drawMarket = (): PoolPlace => {
    let u = random.next() * total;
    for (let i = 0; i < markets.length; i++) if ((u -= weights[i]!) <= 0) return markets[i]!;
    return markets[markets.length - 1]!;
  };
  const lanes: PoolLane[] = [];
  for (let p = 0; p < partners; p++) {
    const home = drawMarket();
    const count = random.intBetween(3, 8);
    for (let l = 0; l < count; l++) {
      const origin = random.chance(0.5) ? home : drawMarket();
      let dest = drawMarket();
      while (dest.key === origin.key) dest = drawMarket();
      const u = random.next();
      const equipment: Equipment = u < 0.6 ? 'dry_van' : u < 0.85 ? 'reefer' : 'flatbed';
      lanes.push({
        partnerId: `p${String(p).padStart(3, '0')}`,
        laneId: `p${p}-${l}`,
        origin,
        dest,
        equipment,
        loadsPerWeek: random.intBetween(1, 5),
      });
    }
  }
  return lanes;
}
const partnersOf = (lanes: readonly PoolLane[]) => [...new Set(lanes.map((l) => l.partnerId))];
const seconds = (ms: number) => (ms / 1000).toFixed(2);

// ------------------------------------------------------------------ exact Shapley, 15 partners
console.error('pool bench: exact Shapley, 15 partners…');
const lanes15 = realisticPool(15, 42);
const partners15 = partnersOf(lanes15);
let started = performance.now();
const exact = exactShapley(partners15, (s) => coalitionCost(lanes15, s));
const exactMs = performance.now() - started;
const exactTotal = [...exact.values()].reduce((a, b) => a + b, 0);
const pooled15 = coalitionCost(lanes15, new Set(partners15));

// ------------------------------------------------------------------ sampled Shapley, 100 partners
console.error('pool bench: sampled Shapley, 100 partners, adaptive…');
const lanes100 = realisticPool(100, 42);
const partners100 = partnersOf(lanes100);
const n = partners100.length;
let lastReport = 0;
started = performance.now();
const surrogate = new DualBoundSurrogate(poolGameFor(lanes100), partners100, { seed: 1000 });
const surrogateMs = performance.now() - started;
const sampled = sampledShapley(partners100, (s) => coalitionCost(lanes100, s), {
  samples: Number.MAX_SAFE_INTEGER,
  seed: 1000,
  controlVariate: surrogate,
  marginalCostOf: (coalition, partner) => poolGameFor(lanes100).marginalCost(coalition, partner),
  relativeHalfWidth: RELATIVE_HALF_WIDTH,
  stopEarly: (progress) => {
    const elapsed = performance.now() - started;
    if (elapsed - lastReport > 5000) {
      lastReport = elapsed;
      console.error(
        `  ${progress.samples} orders + ${progress.targetedDraws} single draws + ${progress.surrogateOrders} surrogate orders, ` +
          `widest ±${(100 * progress.widestRelativeHalfWidth).toFixed(2)}%, ${seconds(elapsed)} s`,
      );
    }
    return elapsed > budgetSeconds * 1000;
  },
});
const { samples } = sampled;
const widest = sampled.widestRelativeHalfWidth;
const sampledMs = performance.now() - started;
const reached = widest <= RELATIVE_HALF_WIDTH;

// ------------------------------------------------------------------ anchor: coverLanes per coalition
console.error('pool bench: anchor, 300 coalitions by coverLanes and by PoolGame…');
const anchorRandom = new SeededRandom(7, 'anchor');
const coalitions = Array.from(
  { length: 300 },
  () => new Set(partners100.filter(() => anchorRandom.chance(anchorRandom.next()))),
);
started = performance.now();
const byCover = coalitions.map((c) => coverLanes(lanes100.filter((l) => c.has(l.partnerId))).totalCost);
const coverMs = performance.now() - started;
started = performance.now();
const fresh = new PoolGame(lanes100);
const byGame = coalitions.map((c) => fresh.cost(c));
const gameMs = performance.now() - started;
const agree = byCover.every((v, k) => Math.abs(v - byGame[k]!) <= 1e-9 * Math.max(1, v));

const report = {
  date: new Date().toISOString(),
  machine: `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, node ${process.version}`,
  loadAverage1m: loadavg()[0] ?? NaN,
  exact: {
    partners: partners15.length,
    lanes: lanes15.length,
    coalitions: 2 ** partners15.length,
    seconds: exactMs / 1000,
    efficient: Math.abs(exactTotal - pooled15) <= 1e-6 * pooled15,
    withinTarget: exactMs < TARGET_SECONDS * 1000,
  },
  sampled: {
    partners: n,
    lanes: lanes100.length,
    samples,
    strata: sampled.strata,
    targetedDraws: sampled.targetedDraws,
    surrogateOrders: sampled.surrogateOrders,
    surrogatePrices: surrogate.priceCounts,
    surrogateSeconds: surrogateMs / 1000,
    coalitions: samples * (n + 1) + 2 * sampled.targetedDraws,
    widestHalfWidthPercent: 100 * widest,
    reachedOnePercent: reached,
    seconds: sampledMs / 1000,
    withinTarget: reached && sampledMs < TARGET_SECONDS * 1000,
  },
  anchor: {
    coalitions: coalitions.length,
    coverLanesMs: coverMs,
    poolGameMs: gameMs,
    speedUp: coverMs / gameMs,
    agree,
  },
};
if (args.json) console.log(JSON.stringify(report, null, 2));
else {
  const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
  console.log(
    [
      `Northbound pool bench — ${report.date}`,
      `${report.machine}; 1-min load average ${report.loadAverage1m.toFixed(2)}`,
      `exact Shapley: ${report.exact.partners} partners, ${report.exact.lanes} lanes, ${report.exact.coalitions.toLocaleString('en-US')} coalitions in ${seconds(exactMs)} s ` +
        `(target < ${TARGET_SECONDS} s: ${yes(report.exact.withinTarget)}); efficient: ${yes(report.exact.efficient)}`,
      `sampled Shapley: ${n} partners, ${lanes100.length} lanes, ${samples.toLocaleString('en-US')} join orders + ${sampled.targetedDraws.toLocaleString('en-US')} single draws (${sampled.strata} position strata, ` +
        `${report.sampled.coalitions.toLocaleString('en-US')} coalitions) + ${sampled.surrogateOrders.toLocaleString('en-US')} orders of the dual-bound surrogate ` +
        `(${surrogate.priceCounts.join('/')} prices per equipment, built in ${seconds(surrogateMs)} s) in ${seconds(sampledMs)} s in all; widest 95% half-width ±${report.sampled.widestHalfWidthPercent.toFixed(2)}% ` +
        `of max(share, mean share) (±1% reached: ${yes(reached)}; target < ${TARGET_SECONDS} s: ${yes(report.sampled.withinTarget)})`,
      `anchor: ${coalitions.length} coalitions of the 100-partner pool, coverLanes ${coverMs.toFixed(0)} ms vs PoolGame ${gameMs.toFixed(0)} ms ` +
        `= ${report.anchor.speedUp.toFixed(1)}× per coalition; costs agree: ${yes(agree)}`,
    ].join('\n'),
  );
}
if (!report.exact.efficient || !agree) process.exitCode = 1;
