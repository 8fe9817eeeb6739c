/**
 * Issue 5: "the validator finds 0 violations in any plan the planner makes, on the default and large
 * worlds". `npm run -s check:world-plans [-- --size large|default|small] [--weeks N] [--chains]
 * [--seed S] [--as-of DATE]`.
 *
 * Generates the world in memory with the real generator (src/sim/generate-world.ts, as bench/bench-world.ts
 * does, seed 42 as of 2026-11-16 by default), reads its fleet, deliveries and loads through the real
 * row parsers (ROW_PARSERS, with the real gazetteer: the import path without the CSV text and the
 * database), and for each of the N weeks ending with the as-of week shapes the planner's inputs as the
 * store does for `northbound plan` (src/db/read-backhaul-inputs.ts: each truck's last delivery in the week,
 * where it then stands; loads not booked whose pickup window reaches into the week or the 3 days after
 * it). It plans each week with the real planner (planBackhauls; with --chains also the chain search),
 * validates every plan with src/compliance/validate-plan.ts and prints per week: trucks, loads,
 * feasible pairs, matched share, value, violations (each one listed). The signals are never generated
 * (the world's streams are lazy), so even the large world is quick to build.
 *
 * Exit code 1 when any plan has a violation or fails its optimality proof.
 */
import { parseArgs } from 'node:util';
import { validatePlan } from '../src/compliance/validate-plan.ts';
import type { Delivery } from '../src/domain/delivery.ts';
import { GreatCircleRoadDistance } from '../src/domain/geo.ts';
import type { Load } from '../src/domain/load.ts';
import type { Truck } from '../src/domain/truck.ts';
import { loadBorderPorts } from '../src/files/load-border-ports.ts';
import { loadGazetteer } from '../src/files/load-gazetteer.ts';
import { loadReferenceData } from '../src/files/load-reference-data.ts';
import type { RowParser } from '../src/ingest/row-parser.ts';
import { ROW_PARSERS } from '../src/ingest/row-parsers.ts';
import type { AvailableTruck } from '../src/optimize/backhaul-candidates.ts';
import { planBackhauls } from '../src/optimize/plan-backhauls.ts';
import { generateWorld } from '../src/sim/generate-world.ts';
import { isWorldSize } from '../src/sim/world-size.ts';

const DAY_MS = 86_400_000;
/** As planWeekBackhauls: loads picking up this long after the week still count. */
const LOAD_HORIZON_MS = 3 * DAY_MS;

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'large' },
    seed: { type: 'string', default: '42' },
    'as-of': { type: 'string', default: '2026-11-16' },
    weeks: { type: 'string', default: '4' },
    chains: { type: 'boolean', default: false },
  },
});
const seed = Number(args.seed);
const weeks = Number(args.weeks);
const asOf = new Date(`${args['as-of']}T00:00:00Z`);
if (!isWorldSize(args.size) || !Number.isSafeInteger(seed) || !(weeks >= 1) || Number.isNaN(asOf.getTime())) {
  console.error(
    'usage: npm run -s check:world-plans -- [--size small|default|large] [--seed N] [--as-of YYYY-MM-DD] [--weeks N] [--chains]',
  );
  process.exit(2);
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
let started = performance.now();
const gazetteer = loadGazetteer();
const world = generateWorld(loadReferenceData(), gazetteer, { size: args.size, seed, asOf });
function parseAll<T>(
  kind: string,
  rows: Iterable<Readonly<Record<string, string>>>,
  parse: RowParser<T>,
): T[] {
  const records: T[] = [];
  let row = 1;
  for (const fields of rows) {
    const parsed = parse(fields, { file: `${kind}.csv`, row: ++row, gazetteer });
    if (!parsed.ok) throw new Error(`${kind}.csv row ${row}: ${JSON.stringify(parsed.errors)}`);
    records.push(parsed.record);
  }
  return records;
}
const fleet: Truck[] = parseAll('fleet', world.fleet(), ROW_PARSERS.fleet);
const deliveries: Delivery[] = parseAll('deliveries', world.deliveries(), ROW_PARSERS.deliveries);
const loads: Load[] = parseAll('loads', world.loads(), ROW_PARSERS.loads);
console.log(
  `${args.size} world, seed ${seed} as of ${asOf.toISOString().slice(0, 10)}: generated and parsed in ${seconds(started)} s — ` +
    `${fleet.length} trucks, ${deliveries.length} deliveries, ${loads.length} loads`,
);

const ports = loadBorderPorts();
const trucksById = new Map(fleet.map((truck) => [truck.truckId as string, truck]));
const distance = new GreatCircleRoadDistance();
const monday = new Date(asOf.getTime() - ((asOf.getUTCDay() + 6) % 7) * DAY_MS);
let failures = 0;
for (let w = weeks - 1; w >= 0; w--) {
  const from = new Date(monday.getTime() - w * 7 * DAY_MS);
  const to = new Date(from.getTime() + 7 * DAY_MS);
  const trucks = trucksAfterDelivery(from, to);
  const open = openLoads(from, new Date(to.getTime() + LOAD_HORIZON_MS));
  started = performance.now();
  const result = planBackhauls(
    { trucks, loads: open, ports: [...ports.values()], createdAt: from },
    { chains: args.chains, cadPerUsd: world.parameters.cadPerUsd },
  );
  const planSeconds = seconds(started);
  const violations = validatePlan(result.plan, {
    loads: new Map(open.map((load) => [load.loadId as string, load])),
    ports,
    distance,
  });
  const proofOk =
    result.proof.ok && (result.proof.method === 'assignment_duals' || result.proof.status === 'optimal');
  if (violations.length > 0 || !proofOk) failures++;
  const t = result.totals;
  console.log(
    `week of ${from.toISOString().slice(0, 10)}: ${trucks.length} trucks, ${open.length} open loads, ` +
      `${result.candidates.arcs} feasible pairs; matched ${t.matched} (${(t.matchedShare * 100).toFixed(1)}%), ` +
      `value $${Math.round(t.valueUsd).toLocaleString('en-US')}, empty miles saved ${Math.round(t.emptyMilesSaved).toLocaleString('en-US')}; ` +
      `proof ${result.proof.method} ${proofOk ? 'ok' : 'NOT OK'}; planned in ${planSeconds} s; ` +
      `violations: ${violations.length}`,
  );
  for (const v of violations)
    console.log(`  ${v.rule} (${v.truckId}${v.loadId ? `, ${v.loadId}` : ''}): ${v.message}`);
}
console.log(
  failures === 0 ? 'every plan validated: 0 violations' : `${failures} plan(s) with violations or no proof`,
);
if (failures > 0) process.exitCode = 1;

/** As readTrucksAfterDelivery: each truck's last delivery in [from, to), where it then stands. */
function trucksAfterDelivery(from: Date, to: Date): AvailableTruck[] {
  const last = new Map<string, Delivery>();
  for (const delivery of deliveries) {
    if (delivery.deliveredAt < from || delivery.deliveredAt >= to) continue;
    const seen = last.get(delivery.truckId);
    if (seen === undefined || delivery.deliveredAt > seen.deliveredAt) last.set(delivery.truckId, delivery);
  }
  return [...last.values()]
    .sort((a, b) => (a.truckId < b.truckId ? -1 : a.truckId > b.truckId ? 1 : 0))
    .map((delivery) => {
      const truck = trucksById.get(delivery.truckId);
      if (truck === undefined)
        throw new Error(`delivery ${delivery.deliveryId}: unknown truck ${delivery.truckId}`);
      return {
        truck: { ...truck, equipment: delivery.equipment ?? truck.equipment },
        position: { lat: delivery.dest.lat, lon: delivery.dest.lon, region: delivery.dest.region },
        availableAt: delivery.deliveredAt,
      };
    });
}

/** As readOpenLoads in a fresh world (no dispatches, no declined tenders), by pickup then id. */
function openLoads(from: Date, to: Date): Load[] {
  return loads
    .filter((load) => load.status !== 'booked' && load.pickupLatest >= from && load.pickupEarliest < to)
    .sort(
      (a, b) =>
        a.pickupEarliest.getTime() - b.pickupEarliest.getTime() ||
        (a.loadId < b.loadId ? -1 : a.loadId > b.loadId ? 1 : 0),
    );
}
