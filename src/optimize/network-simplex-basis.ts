import { networkSimplexBlockSearch } from './network-simplex-block-search.ts';
import { networkSimplexMoveSubtree } from './network-simplex-move-subtree.ts';

/**
 * The spanning-tree basis of a primal network simplex, held entirely in typed arrays so the pivot loop
 * allocates nothing and touches no objects. It is also the solver's workspace: `reset` resizes it for
 * the next network and reallocates only when it has less room than that network needs, so repeated
 * solves (coalition sweeps, benchmarks) pay for no allocation, zeroing or garbage collection.
 *
 * Layout. Nodes 0…n−1 are the network's; node n is an artificial root. Arcs 0…m−1 are the network's
 * (after the caller has shifted lower bounds to 0, so 0 ≤ flow ≤ capacity); arc m+v joins node v and the
 * root. Only arcs 0…m−1 are priced: an artificial arc that leaves the tree never comes back. Entries
 * past n + 1 nodes and m + n arcs are left over from larger networks and never read.
 *
 * Tree representation (per node, root included):
 *   parent / pred      the tree parent and the arc to it (−1 at the root);
 *   predDir            +1 (UP) when pred runs node → parent, −1 (DOWN) when parent → node;
 *   thread / revThread a preorder walk of the tree as a doubly linked cycle through the root;
 *   succNum / lastSucc subtree size and the subtree's last node in thread order, so a subtree is the
 *                      contiguous thread segment from the node to lastSucc.
 *
 * Potentials use the convention of FlowSolution: rc_a = cost_a − π_tail + π_head, and every tree arc has
 * rc = 0. Only differences matter, so π_root floats (each pivot shifts the smaller side of the cut).
 *
 * Arc states form a three-state machine driven by `pivotToOptimality`:
 *
 *     LOWER (flow 0) ──enters──▶ TREE ──leaves at 0────▶ LOWER
 *     UPPER (flow = cap) ─enters─▶ TREE ──leaves at cap──▶ UPPER
 *     LOWER ◀──────── entering arc is its own blocker ────────▶ UPPER   (flips bound, tree unchanged)
 *
 * The state value doubles as a sign: state × rc < 0 means pushing flow along the arc's free direction
 * lowers the cost.
 *
 * The tree is kept strongly feasible (every node can send a positive amount of flow up its tree path to
 * the root: tree arcs at flow 0 point toward the root, saturated ones away from it) by the leaving-arc
 * rule "last blocking arc met when walking the cycle from the apex in the direction of flow", which rules
 * out cycling on degenerate pivots (Cunningham 1976). The artificial start tree is strongly feasible
 * because nodes with non-negative imbalance hang below the root by an UP arc of infinite capacity and the
 * others by a DOWN arc carrying positive flow.
 *
 * Cost per pivot: O(block) to price plus O(cycle length + stem + the smaller side of the cut) to update
 * flows, the thread and the potentials. The hot loops read typed arrays passed in as locals or arguments;
 * nothing in them allocates.
 */
const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const UP = 1;
const DOWN = -1;

export type PivotOutcome = 'optimal' | 'unbounded';

export class NetworkSimplexBasis {
  nodeCount = 0;
  arcCount = 0;
  /** Per arc, m + n entries: the first m written by networkSimplexLoad, the rest by the artificial star. */
  source = new Int32Array(0);
  target = new Int32Array(0);
  capacity = new Float64Array(0);
  cost = new Float64Array(0);
  flow = new Float64Array(0);
  state = new Int8Array(0);
  /** Per node, n + 1 entries (root last). */
  potential = new Float64Array(0);
  parent = new Int32Array(0);
  pred = new Int32Array(0);
  predDir = new Int8Array(0);
  /**
   * The residual capacities of each node's pred arc while it is in the tree: how much more flow can move
   * from the node up to its parent (roomUp) and from the parent down to it (roomDown); for an UP arc
   * roomUp = capacity − flow and roomDown = flow, for a DOWN arc the other way round. Kept per node,
   * the cycle walks of a pivot read small node-indexed arrays, without a branch on the arc's direction
   * and without chasing pred[] into arc arrays m long; the arc array `flow` holds the flows of the arcs
   * outside the tree only, until writeBackTreeFlows.
   */
  roomUp = new Float64Array(0);
  roomDown = new Float64Array(0);
  thread = new Int32Array(0);
  revThread = new Int32Array(0);
  succNum = new Int32Array(0);
  lastSucc = new Int32Array(0);
  /** Scratch for one pivot: the stem from the entering node up to the leaving arc, and its old shape. */
  stem = new Int32Array(0);
  stemLast = new Int32Array(0);
  stemSize = new Int32Array(0);
  stemPartEnd = new Int32Array(0);
  stemPartStart = new Int32Array(0);
  /** Per node, filled by networkSimplexLoad: supply net of the flows the arcs start with. */
  imbalance = new Float64Array(0);
  /** Per node, filled by networkSimplexLoad: the cheapest arc into it (−1: none) and its cost. */
  cheapestArc = new Int32Array(0);
  cheapestCost = new Float64Array(0);
  /** Pivots done since the last reset (for benchmarks and tests). */
  pivots = 0;
  /** |π_root| beyond which all potentials are re-anchored: 4 × the artificial cost M. */
  private reanchorLimit = Infinity;
  /** Where the last block search stopped: a second return value of the block search without allocating. */
  private readonly searchEnd = new Int32Array(1);

  /**
   * Makes room for n nodes and m arcs. Arrays that are large enough are kept as they are (their stale
   * contents are overwritten before being read); smaller ones are replaced with 25% headroom, so a
   * sequence of slowly growing networks does not reallocate on every solve. O(1) when nothing grows.
   */
  reset(n: number, m: number): void {
    this.nodeCount = n;
    this.arcCount = m;
    this.pivots = 0;
    this.reanchorLimit = Infinity;
    if (this.source.length < m + n) {
      const arcs = Math.ceil(1.25 * (m + n));
      this.source = new Int32Array(arcs);
      this.target = new Int32Array(arcs);
      this.capacity = new Float64Array(arcs);
      this.cost = new Float64Array(arcs);
      this.flow = new Float64Array(arcs);
      this.state = new Int8Array(arcs);
    }
    if (this.potential.length < n + 1) {
      const nodes = Math.ceil(1.25 * (n + 1));
      this.potential = new Float64Array(nodes);
      this.parent = new Int32Array(nodes);
      this.pred = new Int32Array(nodes);
      this.predDir = new Int8Array(nodes);
      this.roomUp = new Float64Array(nodes);
      this.roomDown = new Float64Array(nodes);
      this.thread = new Int32Array(nodes);
      this.revThread = new Int32Array(nodes);
      this.succNum = new Int32Array(nodes);
      this.lastSucc = new Int32Array(nodes);
      this.stem = new Int32Array(nodes);
      this.stemLast = new Int32Array(nodes);
      this.stemSize = new Int32Array(nodes);
      this.stemPartEnd = new Int32Array(nodes);
      this.stemPartStart = new Int32Array(nodes);
      this.imbalance = new Float64Array(nodes);
      this.cheapestArc = new Int32Array(nodes);
      this.cheapestCost = new Float64Array(nodes);
    }
  }

  /**
   * Builds the artificial star: node v with imbalance b_v ≥ 0 sends b_v to the root on a cost-0 arc, the
   * others receive −b_v from the root on an arc costing `artificialCost` (big M). Any M larger than the
   * cost of every simple path of real arcs makes a positive artificial flow at the optimum prove the
   * network infeasible.
   */
  startFromArtificialStar(artificialCost: number): void {
    const n = this.nodeCount;
    const m = this.arcCount;
    const root = n;
    const { imbalance, parent, pred, predDir, thread, revThread, succNum, lastSucc, potential } = this;
    const { roomUp, roomDown } = this;
    const { source, target, capacity, cost, flow, state } = this;
    this.reanchorLimit = 4 * artificialCost;
    for (let v = 0; v < n; v++) {
      const e = m + v;
      parent[v] = root;
      pred[v] = e;
      thread[v] = v + 1;
      revThread[v + 1] = v;
      succNum[v] = 1;
      lastSucc[v] = v;
      capacity[e] = Infinity;
      state[e] = STATE_TREE;
      const b = imbalance[v]!;
      // UP arc v → root carrying b, or DOWN arc root → v carrying −b; both of infinite capacity.
      roomUp[v] = b >= 0 ? Infinity : -b;
      roomDown[v] = b >= 0 ? b : Infinity;
      if (b >= 0) {
        predDir[v] = UP;
        source[e] = v;
        target[e] = root;
        flow[e] = b;
        cost[e] = 0;
        potential[v] = 0;
      } else {
        predDir[v] = DOWN;
        source[e] = root;
        target[e] = v;
        flow[e] = -b;
        cost[e] = artificialCost;
        potential[v] = -artificialCost;
      }
    }
    parent[root] = -1;
    pred[root] = -1;
    predDir[root] = 0;
    thread[root] = n > 0 ? 0 : root;
    revThread[0] = root;
    revThread[root] = n > 0 ? n - 1 : root;
    succNum[root] = n + 1;
    lastSucc[root] = n > 0 ? n - 1 : root;
    potential[root] = 0;
  }

  /**
   * LEMON's heuristic head start: for every node still short of flow (negative imbalance), pivots in its
   * cheapest incoming arc if that still prices out, in node order. Routing most demand along cheap arcs
   * first spares the block search its first, most expensive rounds. False if one of them closes a cycle
   * of infinite capacity. O(n + those pivots).
   */
  pivotInCheapestArcs(tolerance: number): boolean {
    const { source, target, cost, state, potential: pi, imbalance, cheapestArc } = this;
    for (let v = 0; v < this.nodeCount; v++) {
      const e = cheapestArc[v]!;
      if (imbalance[v]! >= 0 || e < 0) continue;
      if (state[e]! * (cost[e]! - pi[source[e]!]! + pi[target[e]!]!) < -tolerance && !this.pivot(e))
        return false;
    }
    return true;
  }

  /**
   * Pivots until no real arc prices out (state × rc < −tolerance) or a cycle of infinite residual
   * capacity appears. Block search: price `blockSize` arcs from where the last search stopped and
   * take the most negative of the block, scanning further blocks only while none qualifies.
   * With integer costs any tolerance in [0, 1) is exact.
   */
  pivotToOptimality(blockSize: number, tolerance: number): PivotOutcome {
    const m = this.arcCount;
    const { source, target, cost, state, potential: pi } = this;
    const threshold = -tolerance;
    let nextArc = 0;

    for (;;) {
      const inArc = networkSimplexBlockSearch(
        state,
        cost,
        pi,
        source,
        target,
        nextArc,
        m,
        blockSize,
        threshold,
        this.searchEnd,
      );
      if (inArc < 0) return 'optimal';
      nextArc = this.searchEnd[0]!;
      if (!this.pivot(inArc)) return 'unbounded';
    }
  }

  /** Copies the tree arcs' flows from the per-node arrays back into the arc array `flow`. O(n). */
  writeBackTreeFlows(): void {
    const { nodeCount: n, flow, pred, predDir, roomUp, roomDown } = this;
    for (let v = 0; v < n; v++) flow[pred[v]!] = predDir[v] === UP ? roomDown[v]! : roomUp[v]!;
  }

  /**
   * Whether an artificial arc still carries flow once pivoting has stopped: then no flow meets the
   * supplies. Exact on integral flows; otherwise flows up to 1e-9 × (1 + Σ|imbalance|) count as rounding
   * dust. O(n).
   */
  carriesArtificialFlow(integralFlows: boolean): boolean {
    const { nodeCount: n, arcCount: m, flow, imbalance } = this;
    let magnitude = 0;
    for (let v = 0; v < n; v++) magnitude += Math.abs(imbalance[v]!);
    const tolerance = integralFlows ? 0 : 1e-9 * (1 + magnitude);
    for (let v = 0; v < n; v++) if (flow[m + v]! > tolerance) return true;
    return false;
  }

  /** The node potentials in the caller's frame: the basis's plus the warm-start shift it priced against. O(n). */
  readPotentials(shift: Float64Array | undefined): Float64Array {
    const n = this.nodeCount;
    const pi = this.potential;
    const potential = new Float64Array(n);
    if (shift === undefined) for (let v = 0; v < n; v++) potential[v] = pi[v]!;
    else for (let v = 0; v < n; v++) potential[v] = pi[v]! + shift[v]!;
    return potential;
  }

  /**
   * One simplex pivot with entering arc inArc (which must price out): push flow around its cycle,
   * swap it with the leaving arc and update potentials. False if the cycle has infinite capacity.
   */
  private pivot(inArc: number): boolean {
    const { source, target, capacity, cost, flow, state, potential: pi } = this;
    const { parent, pred, predDir, succNum, roomUp, roomDown } = this;
    this.pivots++;

    // Apex of the cycle: the deeper end always has the smaller subtree.
    let u = source[inArc]!;
    let v = target[inArc]!;
    while (u !== v) {
      if (succNum[u]! < succNum[v]!) u = parent[u]!;
      else v = parent[v]!;
    }
    const join = u;

    // Leaving arc: the last blocking arc on the cycle walked from the apex in the direction of flow.
    // Flow runs apex → first (down the tree), across the entering arc, then second → apex (up).
    const inState = state[inArc]!;
    const first = inState === STATE_LOWER ? source[inArc]! : target[inArc]!;
    const second = inState === STATE_LOWER ? target[inArc]! : source[inArc]!;
    let delta = capacity[inArc]!;
    let result = 0;
    let uOut = -1;
    for (u = first; u !== join; u = parent[u]!) {
      const d = roomDown[u]!;
      if (d < delta) {
        delta = d;
        uOut = u;
        result = 1;
      }
    }
    for (u = second; u !== join; u = parent[u]!) {
      const d = roomUp[u]!;
      if (d <= delta) {
        delta = d;
        uOut = u;
        result = 2;
      }
    }
    if (delta === Infinity) return false;

    // Push delta around the cycle.
    if (delta > 0) {
      flow[inArc] = flow[inArc]! + inState * delta;
      for (u = first; u !== join; u = parent[u]!) {
        roomDown[u] = roomDown[u]! - delta;
        roomUp[u] = roomUp[u]! + delta;
      }
      for (u = second; u !== join; u = parent[u]!) {
        roomUp[u] = roomUp[u]! - delta;
        roomDown[u] = roomDown[u]! + delta;
      }
    }

    if (result === 0) {
      // The entering arc blocks itself: it moves to its other bound and the tree stays.
      state[inArc] = -inState;
      flow[inArc] = inState === STATE_LOWER ? capacity[inArc]! : 0;
      return true;
    }

    // The leaving arc settles exactly on the bound it hit (no drift on fractional data).
    const outArc = pred[uOut]!;
    const outAtUpper = result === 1 ? predDir[uOut] === DOWN : predDir[uOut] === UP;
    flow[outArc] = outAtUpper ? capacity[outArc]! : 0;
    state[outArc] = outAtUpper ? STATE_UPPER : STATE_LOWER;
    state[inArc] = STATE_TREE;

    const uIn = result === 1 ? first : second;
    const vIn = result === 1 ? second : first;
    // New potential of the moved subtree makes the entering arc's reduced cost 0.
    const rc = cost[inArc]! - pi[source[inArc]!]! + pi[target[inArc]!]!;
    const sigma = uIn === source[inArc] ? rc : -rc;
    networkSimplexMoveSubtree(this, uIn, vIn, uOut, inArc, join);
    // Only differences of potentials matter, so shift whichever side of the cut is smaller: the moved
    // subtree up by sigma, or everything else (root included) down by sigma.
    const size = succNum[uIn]!;
    const total = this.nodeCount + 1;
    if (2 * size <= total) {
      shiftPotentials(pi, this.thread, uIn, size, sigma);
    } else {
      shiftPotentials(pi, this.thread, this.thread[this.lastSucc[uIn]!]!, total - size, -sigma);
      // Keep |π| small so integer potentials stay exact: once the root has drifted past 4·M, shift everything
      // back so the root is at 0 again. O(n), and rare: about once per 30k pivots on NETGEN-8 14a.
      const rootPotential = pi[this.nodeCount]!;
      if (Math.abs(rootPotential) > this.reanchorLimit) {
        shiftPotentials(pi, this.thread, this.nodeCount, total, -rootPotential);
      }
    }
    return true;
  }
}

/** Adds sigma to the potentials of `count` nodes along the thread from `start` (a whole subtree). */
function shiftPotentials(
  pi: Float64Array,
  thread: Int32Array,
  start: number,
  count: number,
  sigma: number,
): void {
  for (let x = start, left = count; left > 0; left--, x = thread[x]!) pi[x] = pi[x]! + sigma;
}
