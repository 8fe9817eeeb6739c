/**
 * What each truck can do in a backhaul-chain plan (backhaul-chains.ts): the three candidate sets — final
 * loads from each truck, openers from each truck, final loads from each opener's delivery — and, per
 * truck and final load, its direct arc and its chains through an opener, best first. Built once, before
 * the search; every relaxation, repair and branch re-reads these lists, so they sit apart from the code
 * that searches over them.
 */
import type { BackhaulOptions } from './backhaul-options.ts';
import {
  buildBackhaulCandidates,
  type AvailableTruck,
  type BackhaulCandidateInput,
  type BackhaulCandidates,
} from './backhaul-candidates.ts';
import type { SparseAssignmentProblem } from './sparse-assignment.ts';

/** A chain option: [opener arc, seconds arc, cents] (arcs of ChainOptions.openers and .seconds). */
export type ChainOption = [number, number, number];

/** How truck i reaches final load n: directly (direct arc p) or after opener arc a (seconds arc q). */
export interface PairOptions {
  readonly load: number;
  directArc: number;
  /** Chain options, best first: [opener arc, seconds arc, cents]. */
  readonly chains: ChainOption[];
}

export interface ChainOptions {
  /** Final loads from each truck where it stands. */
  readonly direct: BackhaulCandidates;
  /** Pre-arranged US-domestic openers from each truck. */
  readonly openers: BackhaulCandidates;
  /** Final loads from each opener's delivery; row a is opener arc a. */
  readonly seconds: BackhaulCandidates;
  readonly truckCount: number;
  readonly loadCount: number;
  /** Per truck, its options per final load. */
  readonly pairsOf: readonly Map<number, PairOptions>[];
  /** Every load that opens some chain, once. */
  readonly openerLoads: readonly number[];
}

export function buildChainOptions(
  input: Omit<BackhaulCandidateInput, 'legs' | 'minValueCents'>,
  overrides: Partial<BackhaulOptions>,
): ChainOptions {
  const base = { trucks: input.trucks, loads: input.loads, ports: input.ports, plannedAt: input.plannedAt };
  const direct = buildBackhaulCandidates(base, overrides);
  const openers = buildBackhaulCandidates({ ...base, legs: 'first' }, overrides);
  const openerCount = openers.problem.colIndex.length;
  const openerTruck = rowOfArc(openers.problem);
  const afterOpener: AvailableTruck[] = [];
  const floor = new Float64Array(openerCount);
  for (let a = 0; a < openerCount; a++) {
    const d = openers.problem.colIndex[a]!;
    const dest = input.loads[d]!.dest;
    const { deliverAtMs } = openers.routes.loadedRun(d, openers.arcFacts(a).pickupAtMs);
    afterOpener.push({
      truck: input.trucks[openerTruck[a]!]!.truck,
      position: { lat: dest.lat, lon: dest.lon, region: dest.region },
      availableAt: new Date(deliverAtMs),
    });
    floor[a] = openers.problem.cost[a]!; // chain value > 0 ⇔ second value > −opener value = opener cost
  }
  const seconds = buildBackhaulCandidates({ ...base, trucks: afterOpener, minValueCents: floor }, overrides);

  const t = input.trucks.length;
  const pairsOf: Map<number, PairOptions>[] = Array.from({ length: t }, () => new Map());
  const pair = (i: number, n: number): PairOptions => {
    const known = pairsOf[i]!.get(n);
    if (known !== undefined) return known;
    const fresh: PairOptions = { load: n, directArc: -1, chains: [] };
    pairsOf[i]!.set(n, fresh);
    return fresh;
  };
  forEachArc(direct.problem, (i, n, p) => {
    const options = pair(i, n);
    if (options.directArc < 0 || direct.problem.cost[p]! < direct.problem.cost[options.directArc]!)
      options.directArc = p;
  });
  forEachArc(seconds.problem, (a, n, q) => {
    const cents = -openers.problem.cost[a]! - seconds.problem.cost[q]!;
    pair(openerTruck[a]!, n).chains.push([a, q, cents]);
  });
  for (const pairs of pairsOf)
    for (const options of pairs.values()) options.chains.sort((x, y) => y[2] - x[2]);

  return {
    direct,
    openers,
    seconds,
    truckCount: t,
    loadCount: input.loads.length,
    pairsOf,
    openerLoads: [...new Set(openers.problem.colIndex)],
  };
}

/** Row of every arc of a CSR problem. */
function rowOfArc(problem: SparseAssignmentProblem): Int32Array {
  const rows = new Int32Array(problem.colIndex.length);
  for (let i = 0; i < problem.rows; i++) rows.fill(i, problem.rowStart[i]!, problem.rowStart[i + 1]!);
  return rows;
}

function forEachArc(
  problem: SparseAssignmentProblem,
  visit: (row: number, col: number, arc: number) => void,
): void {
  for (let i = 0; i < problem.rows; i++) {
    for (let p = problem.rowStart[i]!; p < problem.rowStart[i + 1]!; p++) visit(i, problem.colIndex[p]!, p);
  }
}
