/**
 * The relaxation at a node of the backhaul-chain search (backhaul-chains.ts), and what the search reads
 * off it. Kept apart because this is the one place that turns a node's constraints (reserved and banned
 * openers) and the opener prices into a truck × load assignment, solves it exactly and checks its dual
 * certificate; the pricing, the dive, the repair and the branching only read its answer. It also keeps
 * the count of relaxations solved, the budget every stage of the search spends.
 */
import type { ChainOption, ChainOptions, PairOptions } from './backhaul-chain-options.ts';
import { checkAssignmentCertificate } from './check-assignment-certificate.ts';
import { solveAssignment } from './solve-assignment.ts';
import type { AssignmentSolution, SparseAssignmentProblem } from './sparse-assignment.ts';

/** A search node: the constraints added on the way from the root, as a linked list. */
export interface SearchNode {
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

/** A node not yet evaluated: unbounded, no prices, no conflicts known. */
export function searchNode(
  parent: SearchNode | null,
  kind: SearchNode['kind'],
  truck: number,
  opener: number,
): SearchNode {
  return { parent, kind, truck, opener, bound: Infinity, warm: undefined, clashes: null };
}

export interface Relaxation {
  readonly problem: SparseAssignmentProblem;
  readonly solution: AssignmentSolution;
  /** Per relaxation arc: the chain option used (−1 = direct). */
  readonly chainOf: Int32Array;
  /** Upper bound on the node's best plan, cents. */
  readonly bound: number;
}

export class ChainRelaxations {
  /** Relaxations solved so far (pricing rounds and the dive included). */
  nodes = 0;
  /** Every relaxation's dual certificate checked out so far (checkAssignmentCertificate). */
  certificatesOk = true;

  constructor(private readonly options: ChainOptions) {}

  /**
   * The node's relaxation with prices λ (whole cents) on loads that open chains: using load d as an
   * opener or as a final load costs λ_d. Its optimum + Σ λ is an upper bound for the node for any λ ≥ 0
   * (Lagrangian relaxation of "each opener used at most once"); λ = 0 is the plain relaxation.
   */
  solve(node: SearchNode, price: Float64Array | null, warm: Float64Array | undefined): Relaxation {
    const { pairsOf, openers, openerLoads, truckCount: t, loadCount: m } = this.options;
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
        let best = this.directCents(options);
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
    this.nodes++;
    if (!checkAssignmentCertificate(problem, solution).ok) this.certificatesOk = false;
    let priceSum = 0;
    if (price !== null) for (const d of openerLoads) priceSum += price[d]!;
    return { problem, solution, chainOf: Int32Array.from(chainsUsed), bound: priceSum - solution.totalCost };
  }

  /** The chain option a matched truck uses in a relaxation, or null when it goes direct or home. */
  chainUsed(relaxation: Relaxation, i: number): ChainOption | null {
    const n = relaxation.solution.rowToCol[i]!;
    if (n < 0) return null;
    const { rowStart, colIndex } = relaxation.problem;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      if (colIndex[p] !== n) continue;
      const k = relaxation.chainOf[p]!;
      return k < 0 ? null : this.options.pairsOf[i]!.get(n)!.chains[k]!;
    }
    return null;
  }

  /** Openers used more than once (as openers, or also as someone's final load), users best first. */
  conflicts(relaxation: Relaxation): Map<number, number[]> {
    const users = new Map<number, number[]>();
    for (let i = 0; i < this.options.truckCount; i++) {
      const chain = this.chainUsed(relaxation, i);
      if (chain === null) continue;
      const d = this.options.openers.problem.colIndex[chain[0]]!;
      users.set(d, [...(users.get(d) ?? []), i]);
    }
    for (const [d, list] of users) {
      if (list.length < 2 && relaxation.solution.colToRow[d] === -1) users.delete(d);
      else list.sort((x, y) => this.valueOf(relaxation, y) - this.valueOf(relaxation, x));
    }
    return users;
  }

  /** What truck i earns in a relaxation: its arc's value there, prices taken off; 0 when it goes home. */
  valueOf(relaxation: Relaxation, i: number): number {
    const n = relaxation.solution.rowToCol[i]!;
    if (n < 0) return 0;
    const { rowStart, colIndex, cost } = relaxation.problem;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) if (colIndex[p] === n) return -cost[p]!;
    return 0;
  }

  private directCents(options: PairOptions): number {
    return options.directArc < 0 ? -Infinity : -this.options.direct.problem.cost[options.directArc]!;
  }
}
