/**
 * Backhaul chains (DESIGN.md §3.6, §3.8): a Canadian truck may haul one pre-arranged US-domestic load in
 * the general direction of home when the northbound load follows it in the same plan. Each truck then
 * ends up with nothing (drive home empty), one final load, or a chain (opener d, final n); every load is
 * used once. Value of a chain = value(i, d) + value(i after d, n) by §3.6's formula, which telescopes to
 * rate_d + rate_n − c·(all miles driven, empty and loaded, until home) + c·dist(pos_i, home_i).
 *
 * Why not a single min-cost flow on a time-expanded network: a flow unit does not remember which truck
 * it is, yet the final leg's value (the run home) and its legality (credentials, Canadian or not) depend
 * on the truck. One flow is exact only when all trucks are alike; in general this is a three-index
 * assignment (truck, opener, final) with decomposable costs, which is NP-hard, so an exact method has to
 * branch. Ours is branch and bound over assignment relaxations, each solved exactly with its dual
 * certificate:
 *
 *   relaxation  let every truck use any opener it can reach, even one another truck uses:
 *               w(i, n) = max(direct value, best chain value via an allowed opener); solve the
 *               truck × load assignment on w. Its optimum bounds the true optimum from above.
 *   feasible    if no opener is used twice (or used as opener and as another truck's final load), the
 *               relaxed optimum is a plan, hence optimal for the node.
 *   branch      on a conflicting opener d and the best truck i using it: either d is reserved for i
 *               (no one else may use d at all) or i may not open with d. Every plan lies in a child, and
 *               each branch settles a (truck, opener) pair, so the search is finite.
 *   prices      the plain relaxation is weak when many trucks share an opener, so the root also runs
 *               subgradient descent on Lagrangian prices λ_d ≥ 0 for "opener d used at most once"
 *               (using d costs λ_d; optimum + Σ λ bounds every plan for any λ), and every node is
 *               bounded by the better of the plain and the priced relaxation.
 *   plans       every relaxation is repaired into a plan (a conflicting chain falls back to its direct
 *               load or home), and a short dive reserves contested openers for their best users.
 *   search      best first by bound, pruning nodes no better than the best plan; when no open node
 *               can beat it, the plan is optimal. With a node limit the best plan is returned with the
 *               best open bound beside it (status 'node_limit').
 *
 * Timing: every truck leaves as soon as it is free and picks up at max(arrival, window opening), so no
 * pickup needs fixing at its window start. Value does not depend on time, so this earliest schedule is
 * feasible whenever any schedule is — except under maxWaitHours, which caps the idle time before each
 * pickup on this schedule: a chain that would need the opener picked up later on purpose, to shorten the
 * wait for the northbound load, is not considered. "Optimal" is over plans timed this way. Candidates
 * come from buildBackhaulCandidates three times: final loads from each truck, openers from each truck,
 * and final loads from each opener's delivery.
 *
 * Complexity: candidate generation as in backhaul-candidates.ts; each node is one or two sparse
 * assignments (warm-started from its parent's prices) over O(direct + chain pairs) arcs; nodes ≤ maxNodes.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { BackhaulOptions } from './backhaul-options.ts';
import {
  buildBackhaulCandidates,
  type AvailableTruck,
  type BackhaulCandidateInput,
  type BackhaulCandidates,
} from './backhaul-candidates.ts';
import { checkAssignmentCertificate } from './check-assignment-certificate.ts';
import { solveAssignment } from './solve-assignment.ts';
import type { AssignmentSolution, SparseAssignmentProblem } from './sparse-assignment.ts';

/** One load in a truck's plan: its index in the input loads, when it is picked up, the empty miles to it. */
export interface ChosenLeg {
  readonly load: number;
  readonly pickupAtMs: number;
  readonly deadheadMiles: number;
}

/** A truck's part of the plan; no legs = drive home empty (value 0). */
export interface TruckChoice {
  readonly legs: readonly ChosenLeg[];
  readonly valueCents: number;
  /** Empty miles home after the last delivery (from where it stands when there are no legs). */
  readonly homeMiles: number;
}

export interface BackhaulChainSolution {
  /** 'optimal': proven by the search; 'node_limit': the best plan found, boundCents above it. */
  readonly status: 'optimal' | 'node_limit';
  /** Per truck, in input order. */
  readonly choices: readonly TruckChoice[];
  readonly valueCents: number;
  /** No plan is worth more than this; equals valueCents when optimal. */
  readonly boundCents: number;
  /** Relaxations solved. */
  readonly nodes: number;
  /** Every relaxation's dual certificate checked out (checkAssignmentCertificate). */
  readonly certificatesOk: boolean;
  readonly candidates: {
    readonly direct: BackhaulCandidates;
    readonly openers: BackhaulCandidates;
    readonly seconds: BackhaulCandidates;
  };
}

export interface BackhaulChainLimits {
  /** Relaxations to solve (pricing rounds included) before settling for a bound; default 500. */
  readonly maxNodes?: number;
}

/** Subgradient rounds at the root, and re-solves of the dive for a first plan. */
const PRICE_ROUNDS = 100;
const DIVE_DEPTH = 8;

/** How truck i reaches final load n: directly (direct arc p) or after opener arc a (seconds arc q). */
interface PairOptions {
  readonly load: number;
  directArc: number;
  /** Chain options, best first: [opener arc, seconds arc, cents]. */
  readonly chains: [number, number, number][];
}

/** A search node: the constraints added on the way from the root, as a linked list. */
interface SearchNode {
  readonly parent: SearchNode | null;
  /** reserve: opener load d only for truck i; ban: truck i may not open with d. */
  readonly kind: 'root' | 'reserve' | 'ban';
  readonly truck: number;
  readonly opener: number;
  bound: number;
  /** Column prices of the node's plain relaxation, to warm-start its children. */
  warm: Float64Array | undefined;
  /** Conflicts of the plain relaxation: openers and the trucks using them. */
  clashes: Map<number, number[]> | null;
}

interface Relaxation {
  readonly problem: SparseAssignmentProblem;
  readonly solution: AssignmentSolution;
  /** Per relaxation arc: the chain option used (−1 = direct). */
  readonly chainOf: Int32Array;
  /** Upper bound on the node's best plan, cents. */
  readonly bound: number;
}

export function solveBackhaulChains(
  input: Omit<BackhaulCandidateInput, 'legs' | 'minValueCents'>,
  overrides: Partial<BackhaulOptions> = {},
  limits: BackhaulChainLimits = {},
): BackhaulChainSolution {
  const maxNodes = limits.maxNodes ?? 500;
  if (!(Number.isInteger(maxNodes) && maxNodes >= 1)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot plan backhaul chains: maxNodes is ${maxNodes}, expected a whole number ≥ 1`,
    );
  }
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

  // Per truck, its options per final load.
  const t = input.trucks.length;
  const m = input.loads.length;
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
  const directCents = (options: PairOptions): number =>
    options.directArc < 0 ? -Infinity : -direct.problem.cost[options.directArc]!;

  const openerLoads = [...new Set(openers.problem.colIndex)];
  let certificatesOk = true;
  let nodes = 0;
  /**
   * The node's relaxation with prices λ (whole cents) on loads that open chains: using load d as an
   * opener or as a final load costs λ_d. Its optimum + Σ λ is an upper bound for the node for any λ ≥ 0
   * (Lagrangian relaxation of "each opener used at most once"); λ = 0 is the plain relaxation.
   */
  const relax = (
    node: SearchNode,
    price: Float64Array | null,
    warm: Float64Array | undefined,
  ): Relaxation => {
    const reserved = new Map<number, number>();
    const banned = new Set<number>();
    for (let at: SearchNode | null = node; at !== null; at = at.parent) {
      if (at.kind === 'reserve') reserved.set(at.opener, at.truck);
      if (at.kind === 'ban') banned.add(at.truck * m + at.opener);
    }
    const rowStart = new Int32Array(t + 1);
    const cols: number[] = [];
    const costs: number[] = [];
    const chainsUsed: number[] = [];
    for (let i = 0; i < t; i++) {
      for (const options of pairsOf[i]!.values()) {
        if (reserved.has(options.load)) continue; // a reserved opener is no one's final load
        let best = directCents(options);
        let chosen = -1;
        for (let k = 0; k < options.chains.length; k++) {
          const [a, , cents] = options.chains[k]!;
          const d = openers.problem.colIndex[a]!;
          const holder = reserved.get(d);
          if (banned.has(i * m + d) || (holder !== undefined && holder !== i)) continue;
          const priced = cents - (price?.[d] ?? 0);
          if (priced > best) [best, chosen] = [priced, k];
          if (price === null) break; // unpriced, the list is best first
        }
        best -= price?.[options.load] ?? 0;
        if (!(best > 0)) continue;
        cols.push(options.load);
        costs.push(-best);
        chainsUsed.push(chosen);
      }
      rowStart[i + 1] = cols.length;
    }
    const problem: SparseAssignmentProblem = {
      rows: t,
      cols: m,
      rowStart,
      colIndex: Int32Array.from(cols),
      cost: Float64Array.from(costs),
      unmatchedCost: new Float64Array(t),
    };
    const solution = solveAssignment(problem, warm === undefined ? {} : { warmStart: { colDual: warm } });
    nodes++;
    if (!checkAssignmentCertificate(problem, solution).ok) certificatesOk = false;
    let priceSum = 0;
    if (price !== null) for (const d of openerLoads) priceSum += price[d]!;
    return { problem, solution, chainOf: Int32Array.from(chainsUsed), bound: priceSum - solution.totalCost };
  };

  /** The chain option a matched truck uses in a relaxation, or null when it goes direct or home. */
  const chainUsed = (relaxation: Relaxation, i: number): [number, number, number] | null => {
    const n = relaxation.solution.rowToCol[i]!;
    if (n < 0) return null;
    const { rowStart, colIndex } = relaxation.problem;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      if (colIndex[p] !== n) continue;
      const k = relaxation.chainOf[p]!;
      return k < 0 ? null : pairsOf[i]!.get(n)!.chains[k]!;
    }
    return null;
  };

  /** Openers used more than once (as openers, or also as someone's final load), users best first. */
  const conflicts = (relaxation: Relaxation): Map<number, number[]> => {
    const users = new Map<number, number[]>();
    for (let i = 0; i < t; i++) {
      const chain = chainUsed(relaxation, i);
      if (chain === null) continue;
      const d = openers.problem.colIndex[chain[0]]!;
      users.set(d, [...(users.get(d) ?? []), i]);
    }
    for (const [d, list] of users) {
      if (list.length < 2 && relaxation.solution.colToRow[d] === -1) users.delete(d);
      else list.sort((x, y) => valueOf(relaxation, y) - valueOf(relaxation, x));
    }
    return users;
  };

  /** Turns a relaxed solution into a plan: a conflicting chain falls back to its direct arc or home. */
  const repair = (relaxation: Relaxation): TruckChoice[] => {
    const taken = new Set<number>();
    for (let n = 0; n < m; n++) if (relaxation.solution.colToRow[n]! >= 0) taken.add(n);
    const byValue = [...Array(t).keys()].sort((x, y) => valueOf(relaxation, y) - valueOf(relaxation, x));
    const choices: TruckChoice[] = new Array<TruckChoice>(t);
    for (const i of byValue) {
      const n = relaxation.solution.rowToCol[i]!;
      const chain = chainUsed(relaxation, i);
      if (n >= 0 && chain !== null) {
        const d = openers.problem.colIndex[chain[0]]!;
        if (!taken.has(d)) {
          taken.add(d);
          choices[i] = chainChoice(chain);
          continue;
        }
      }
      const options = n >= 0 ? pairsOf[i]!.get(n)! : null;
      choices[i] =
        options !== null && options.directArc >= 0 ? directChoice(options.directArc) : homeChoice(i);
    }
    return choices;
  };
  const valueOf = (relaxation: Relaxation, i: number): number => {
    const n = relaxation.solution.rowToCol[i]!;
    if (n < 0) return 0;
    const { rowStart, colIndex, cost } = relaxation.problem;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) if (colIndex[p] === n) return -cost[p]!;
    return 0;
  };
  const homeChoice = (i: number): TruckChoice => ({
    legs: [],
    valueCents: 0,
    homeMiles: direct.emptyHomeMiles[i]!,
  });
  const directChoice = (p: number): TruckChoice => {
    const { pickupAtMs, deadheadMiles, homeMiles } = direct.arcFacts(p);
    return {
      legs: [{ load: direct.problem.colIndex[p]!, pickupAtMs, deadheadMiles }],
      valueCents: -direct.problem.cost[p]!,
      homeMiles,
    };
  };
  const chainChoice = ([a, q, cents]: [number, number, number]): TruckChoice => {
    const opener = openers.arcFacts(a);
    const second = seconds.arcFacts(q);
    return {
      legs: [
        {
          load: openers.problem.colIndex[a]!,
          pickupAtMs: opener.pickupAtMs,
          deadheadMiles: opener.deadheadMiles,
        },
        {
          load: seconds.problem.colIndex[q]!,
          pickupAtMs: second.pickupAtMs,
          deadheadMiles: second.deadheadMiles,
        },
      ],
      valueCents: cents,
      homeMiles: second.homeMiles,
    };
  };
  const total = (choices: readonly TruckChoice[]): number =>
    choices.reduce((sum, c) => sum + c.valueCents, 0);

  let incumbent: TruckChoice[] = Array.from({ length: t }, (_, i) => homeChoice(i));
  let incumbentCents = 0;
  const offer = (relaxation: Relaxation): void => {
    const repaired = repair(relaxation);
    if (total(repaired) > incumbentCents) [incumbent, incumbentCents] = [repaired, total(repaired)];
  };
  /**
   * Evaluates a node: the plain relaxation (exact when conflict-free) and, if not, the priced one for a
   * tighter bound. Returns the conflicts to branch on, or null when the node is settled.
   */
  const evaluate = (node: SearchNode, warm: Float64Array | undefined): Map<number, number[]> | null => {
    const plain = relax(node, null, warm);
    offer(plain);
    node.bound = plain.bound;
    node.warm = plain.solution.colDual;
    const clashes = conflicts(plain);
    if (clashes.size === 0) return null; // the relaxed plan is a plan: offered, and no better one here
    const priced = relax(node, prices, plain.solution.colDual);
    offer(priced);
    node.bound = Math.min(node.bound, priced.bound);
    return clashes;
  };

  // Prices by subgradient descent on the root's Lagrangian bound (Polyak steps towards the incumbent).
  const prices = new Float64Array(m);
  const root: SearchNode = {
    parent: null,
    kind: 'root',
    truck: -1,
    opener: -1,
    bound: Infinity,
    warm: undefined,
    clashes: null,
  };
  root.clashes = evaluate(root, undefined);
  if (root.clashes !== null) {
    let step = 2;
    let stale = 0;
    for (let round = 0; round < PRICE_ROUNDS && nodes < maxNodes; round++) {
      const priced = relax(root, prices, root.warm);
      offer(priced);
      if (priced.bound < root.bound - 0.5) [root.bound, stale] = [priced.bound, 0];
      else if (++stale >= 3) [step, stale] = [step / 2, 0];
      if (root.bound - incumbentCents < 1) break;
      const gradient = new Map<number, number>(openerLoads.map((d) => [d, 1]));
      for (let i = 0; i < t; i++) {
        const chain = chainUsed(priced, i);
        if (chain !== null)
          gradient.set(
            openers.problem.colIndex[chain[0]]!,
            gradient.get(openers.problem.colIndex[chain[0]]!)! - 1,
          );
      }
      for (const d of openerLoads)
        if (priced.solution.colToRow[d]! >= 0) gradient.set(d, gradient.get(d)! - 1);
      let norm = 0;
      for (const g of gradient.values()) norm += g * g;
      if (norm === 0) break;
      const length = (step * (priced.bound - incumbentCents)) / norm;
      for (const [d, g] of gradient) prices[d] = Math.max(0, Math.round(prices[d]! - length * g));
    }
  }
  // A dive for a good plan: reserve every contested opener for its best user, re-solve, repeat.
  let dive: SearchNode = root;
  for (let depth = 0; depth < DIVE_DEPTH && root.bound > incumbentCents && nodes < maxNodes; depth++) {
    const relaxation = relax(dive, prices, root.warm);
    offer(relaxation);
    const clashes = conflicts(relaxation);
    if (clashes.size === 0) break;
    for (const [d, users] of clashes) {
      dive = {
        parent: dive,
        kind: 'reserve',
        truck: users[0]!,
        opener: d,
        bound: Infinity,
        warm: undefined,
        clashes: null,
      };
    }
  }
  const open: SearchNode[] = root.clashes !== null && root.bound > incumbentCents ? [root] : [];
  while (open.length > 0) {
    let best = 0;
    for (let k = 1; k < open.length; k++) if (open[k]!.bound > open[best]!.bound) best = k;
    const node = open[best]!;
    if (node.bound <= incumbentCents) break; // no open node can beat the plan in hand
    if (nodes + 4 > maxNodes) break;
    open.splice(best, 1);
    // Branch on the most contested opener, for the truck that gains most from it.
    const [d, users] = [...node.clashes!].reduce((x, y) => (y[1].length > x[1].length ? y : x));
    const truck = users[0]!;
    for (const kind of ['reserve', 'ban'] as const) {
      const child: SearchNode = {
        parent: node,
        kind,
        truck,
        opener: d,
        bound: Infinity,
        warm: undefined,
        clashes: null,
      };
      child.clashes = evaluate(child, node.warm);
      if (child.clashes !== null && child.bound > incumbentCents) open.push(child);
    }
  }
  const bound = open.reduce((max, node) => Math.max(max, node.bound), incumbentCents);
  return finish(bound > incumbentCents ? 'node_limit' : 'optimal', incumbent, bound);

  function finish(
    status: 'optimal' | 'node_limit',
    choices: TruckChoice[],
    boundCents: number,
  ): BackhaulChainSolution {
    return {
      status,
      choices,
      valueCents: total(choices),
      boundCents,
      nodes,
      certificatesOk,
      candidates: { direct, openers, seconds },
    };
  }
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
