import { networkSimplexBlockSearch } from './network-simplex-block-search.ts';

/**
 * The spanning-tree basis of a primal network simplex, held entirely in preallocated typed arrays so the
 * pivot loop allocates nothing and touches no objects.
 *
 * Layout. Nodes 0…n−1 are the network's; node n is an artificial root. Arcs 0…m−1 are the network's
 * (after the caller has shifted lower bounds to 0, so 0 ≤ flow ≤ capacity); arc m+v joins node v and the
 * root. Only arcs 0…m−1 are priced: an artificial arc that leaves the tree never comes back.
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
  readonly nodeCount: number;
  readonly arcCount: number;
  /** Per arc, m + n entries: the caller fills the first m. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly capacity: Float64Array;
  readonly cost: Float64Array;
  readonly flow: Float64Array;
  readonly state: Int8Array;
  /** Per node, n + 1 entries (root last). */
  readonly potential: Float64Array;
  private readonly parent: Int32Array;
  private readonly pred: Int32Array;
  private readonly predDir: Int8Array;
  private readonly thread: Int32Array;
  private readonly revThread: Int32Array;
  private readonly succNum: Int32Array;
  private readonly lastSucc: Int32Array;
  /** Scratch for one pivot: the stem from the entering node up to the leaving arc, and its old shape. */
  private readonly stem: Int32Array;
  private readonly stemLast: Int32Array;
  private readonly stemSize: Int32Array;
  private readonly stemPartEnd: Int32Array;
  private readonly stemPartStart: Int32Array;
  /** Pivots done so far (for benchmarks and tests). */
  pivots = 0;
  /** |π_root| beyond which all potentials are re-anchored: 4 × the artificial cost M. */
  private reanchorLimit = Infinity;
  /** Where the last block search stopped: a second return value of the block search without allocating. */
  private readonly searchEnd = new Int32Array(1);

  constructor(nodeCount: number, arcCount: number) {
    const n = nodeCount;
    const all = arcCount + n;
    this.nodeCount = n;
    this.arcCount = arcCount;
    this.source = new Int32Array(all);
    this.target = new Int32Array(all);
    this.capacity = new Float64Array(all);
    this.cost = new Float64Array(all);
    this.flow = new Float64Array(all);
    this.state = new Int8Array(all).fill(STATE_LOWER);
    this.potential = new Float64Array(n + 1);
    this.parent = new Int32Array(n + 1);
    this.pred = new Int32Array(n + 1);
    this.predDir = new Int8Array(n + 1);
    this.thread = new Int32Array(n + 1);
    this.revThread = new Int32Array(n + 1);
    this.succNum = new Int32Array(n + 1);
    this.lastSucc = new Int32Array(n + 1);
    this.stem = new Int32Array(n + 1);
    this.stemLast = new Int32Array(n + 1);
    this.stemSize = new Int32Array(n + 1);
    this.stemPartEnd = new Int32Array(n + 1);
    this.stemPartStart = new Int32Array(n + 1);
  }

  /** Marks real arc a as starting at its upper bound (flow = capacity); the caller accounts for it in the imbalance. */
  startAtUpper(arc: number): void {
    this.state[arc] = STATE_UPPER;
    this.flow[arc] = this.capacity[arc]!;
  }

  /**
   * Builds the artificial star: node v with imbalance b_v ≥ 0 sends b_v to the root on a cost-0 arc, the
   * others receive −b_v from the root on an arc costing `artificialCost` (big M). Any M larger than the
   * cost of every simple path of real arcs makes a positive artificial flow at the optimum prove the
   * network infeasible.
   */
  startFromArtificialStar(imbalance: Float64Array, artificialCost: number): void {
    const n = this.nodeCount;
    const m = this.arcCount;
    const root = n;
    this.reanchorLimit = 4 * artificialCost;
    for (let v = 0; v < n; v++) {
      const e = m + v;
      this.parent[v] = root;
      this.pred[v] = e;
      this.thread[v] = v + 1;
      this.revThread[v + 1] = v;
      this.succNum[v] = 1;
      this.lastSucc[v] = v;
      this.capacity[e] = Infinity;
      this.state[e] = STATE_TREE;
      const b = imbalance[v]!;
      if (b >= 0) {
        this.predDir[v] = UP;
        this.source[e] = v;
        this.target[e] = root;
        this.flow[e] = b;
        this.cost[e] = 0;
        this.potential[v] = 0;
      } else {
        this.predDir[v] = DOWN;
        this.source[e] = root;
        this.target[e] = v;
        this.flow[e] = -b;
        this.cost[e] = artificialCost;
        this.potential[v] = -artificialCost;
      }
    }
    this.parent[root] = -1;
    this.pred[root] = -1;
    this.predDir[root] = 0;
    this.thread[root] = n > 0 ? 0 : root;
    this.revThread[0] = root;
    this.revThread[root] = n > 0 ? n - 1 : root;
    this.succNum[root] = n + 1;
    this.lastSucc[root] = n > 0 ? n - 1 : root;
    this.potential[root] = 0;
  }

  /**
   * Pivots until no real arc prices out (state × rc < −tolerance) or a cycle of infinite residual
   * capacity appears. Block search: price `blockSize` arcs from where the last search stopped and
   * take the most negative of the block, scanning further blocks only while none qualifies.
   * With integer costs any tolerance in [0, 1) is exact.
   */
  pivotToOptimality(blockSize: number, tolerance: number): PivotOutcome {
    const m = this.arcCount;
    const source = this.source;
    const target = this.target;
    const cost = this.cost;
    const state = this.state;
    const pi = this.potential;
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

  /**
   * Pivots in each listed arc that still prices out, in order: a cheap head start (LEMON's "initial
   * pivots") that spares the block search its first, most expensive rounds. False if one of them
   * closes a cycle of infinite capacity.
   */
  pivotIn(arcs: Int32Array, tolerance: number): boolean {
    const source = this.source;
    const target = this.target;
    const cost = this.cost;
    const state = this.state;
    const pi = this.potential;
    for (let i = 0; i < arcs.length; i++) {
      const e = arcs[i]!;
      if (state[e]! * (cost[e]! - pi[source[e]!]! + pi[target[e]!]!) < -tolerance && !this.pivot(e))
        return false;
    }
    return true;
  }

  /**
   * One simplex pivot with entering arc inArc (which must price out): push flow around its cycle,
   * swap it with the leaving arc and update potentials. False if the cycle has infinite capacity.
   */
  private pivot(inArc: number): boolean {
    const source = this.source;
    const target = this.target;
    const capacity = this.capacity;
    const cost = this.cost;
    const flow = this.flow;
    const state = this.state;
    const pi = this.potential;
    const parent = this.parent;
    const pred = this.pred;
    const predDir = this.predDir;
    const succNum = this.succNum;
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
      const a = pred[u]!;
      const d = predDir[u] === UP ? flow[a]! : capacity[a]! - flow[a]!;
      if (d < delta) {
        delta = d;
        uOut = u;
        result = 1;
      }
    }
    for (u = second; u !== join; u = parent[u]!) {
      const a = pred[u]!;
      const d = predDir[u] === UP ? capacity[a]! - flow[a]! : flow[a]!;
      if (d <= delta) {
        delta = d;
        uOut = u;
        result = 2;
      }
    }
    if (delta === Infinity) return false;

    // Push delta around the cycle.
    if (delta > 0) {
      const push = inState * delta;
      flow[inArc] = flow[inArc]! + push;
      for (u = source[inArc]!; u !== join; u = parent[u]!) {
        const a = pred[u]!;
        flow[a] = flow[a]! - predDir[u]! * push;
      }
      for (u = target[inArc]!; u !== join; u = parent[u]!) {
        const a = pred[u]!;
        flow[a] = flow[a]! + predDir[u]! * push;
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
    this.moveSubtree(uIn, vIn, uOut, inArc, join);
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

  /**
   * Cuts the subtree under the leaving arc (rooted at uOut), re-roots it at uIn (reversing the stem
   * uIn … uOut) and hangs it below vIn by the entering arc, as vIn's first child.
   * Thread order of the new subtree: uIn's old subtree, then for each stem node s_i (i ≥ 1) s_i with its
   * old subtree minus s_{i−1}'s. O(stem length + the two ancestor paths up to the apex).
   */
  private moveSubtree(uIn: number, vIn: number, uOut: number, inArc: number, join: number): void {
    const parent = this.parent;
    const pred = this.pred;
    const predDir = this.predDir;
    const thread = this.thread;
    const revThread = this.revThread;
    const succNum = this.succNum;
    const lastSucc = this.lastSucc;
    const stem = this.stem;
    const stemLast = this.stemLast;
    const stemSize = this.stemSize;
    const partEnd = this.stemPartEnd;
    const partStart = this.stemPartStart;

    // Record the stem and its old thread shape before anything moves.
    let k = 0;
    stem[0] = uIn;
    stemLast[0] = lastSucc[uIn]!;
    stemSize[0] = succNum[uIn]!;
    while (stem[k] !== uOut) {
      const s = parent[stem[k]!]!;
      k++;
      stem[k] = s;
      stemLast[k] = lastSucc[s]!;
      stemSize[k] = succNum[s]!;
      partEnd[k] = revThread[stem[k - 1]!]!;
      partStart[k] = thread[stemLast[k - 1]!]!;
    }
    const movedSize = stemSize[k]!;
    const oldLast = stemLast[k]!;
    const before = revThread[uOut]!;
    const after = thread[oldLast]!;
    const oldParent = parent[uOut]!;

    // Relink the thread inside the moved subtree.
    let tail = stemLast[0]!;
    for (let i = 1; i <= k; i++) {
      const s = stem[i]!;
      thread[tail] = s;
      revThread[s] = tail;
      tail = partEnd[i]!;
      if (stemLast[i - 1] !== stemLast[i]) {
        const b = partStart[i]!;
        thread[tail] = b;
        revThread[b] = tail;
        tail = stemLast[i]!;
      }
    }
    const newLast = tail;

    // Cut the old segment out of the thread; ancestors that ended with it now end just before it.
    thread[before] = after;
    revThread[after] = before;
    for (let x = oldParent; x !== -1 && lastSucc[x] === oldLast; x = parent[x]!) lastSucc[x] = before;
    for (let x = oldParent; x !== join; x = parent[x]!) succNum[x] = succNum[x]! - movedSize;

    // Reverse the stem's parent links; the leaving arc (old pred of uOut) drops out.
    for (let i = k; i >= 1; i--) {
      const s = stem[i]!;
      const below = stem[i - 1]!;
      parent[s] = below;
      pred[s] = pred[below]!;
      predDir[s] = -predDir[below]!;
    }
    parent[uIn] = vIn;
    pred[uIn] = inArc;
    predDir[uIn] = this.source[inArc] === uIn ? UP : DOWN;
    let size = 0;
    for (let i = k; i >= 1; i--) {
      size += stemSize[i]! - stemSize[i - 1]!;
      succNum[stem[i]!] = size;
      lastSucc[stem[i]!] = newLast;
    }
    succNum[uIn] = movedSize;
    lastSucc[uIn] = newLast;

    // Splice the new segment in right after vIn.
    const next = thread[vIn]!;
    thread[vIn] = uIn;
    revThread[uIn] = vIn;
    thread[newLast] = next;
    revThread[next] = newLast;
    if (lastSucc[vIn] === vIn) {
      for (let x = vIn; x !== -1 && lastSucc[x] === vIn; x = parent[x]!) lastSucc[x] = newLast;
    }
    for (let x = vIn; x !== join; x = parent[x]!) succNum[x] = succNum[x]! + movedSize;
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
