/**
 * The parts of NetworkSimplexBasis a subtree move reads and writes (declared here, not imported, so the
 * basis and this file do not import each other).
 */
interface SpanningTree {
  readonly source: Int32Array;
  readonly flow: Float64Array;
  readonly capacity: Float64Array;
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly predDir: Int8Array;
  readonly thread: Int32Array;
  readonly revThread: Int32Array;
  readonly succNum: Int32Array;
  readonly lastSucc: Int32Array;
  readonly roomUp: Float64Array;
  readonly roomDown: Float64Array;
  readonly stem: Int32Array;
  readonly stemLast: Int32Array;
  readonly stemSize: Int32Array;
  readonly stemPartEnd: Int32Array;
  readonly stemPartStart: Int32Array;
}

const UP = 1;
const DOWN = -1;

/**
 * Cuts the subtree under the leaving arc (rooted at uOut), re-roots it at uIn (reversing the stem
 * uIn … uOut) and hangs it below vIn by the entering arc, as vIn's first child.
 * Thread order of the new subtree: uIn's old subtree, then for each stem node s_i (i ≥ 1) s_i with its
 * old subtree minus s_{i−1}'s. O(stem length + the two ancestor paths up to the apex).
 */
export function networkSimplexMoveSubtree(
  tree: SpanningTree,
  uIn: number,
  vIn: number,
  uOut: number,
  inArc: number,
  join: number,
): void {
  const parent = tree.parent;
  const pred = tree.pred;
  const predDir = tree.predDir;
  const roomUp = tree.roomUp;
  const roomDown = tree.roomDown;
  const thread = tree.thread;
  const revThread = tree.revThread;
  const succNum = tree.succNum;
  const lastSucc = tree.lastSucc;
  const stem = tree.stem;
  const stemLast = tree.stemLast;
  const stemSize = tree.stemSize;
  const partEnd = tree.stemPartEnd;
  const partStart = tree.stemPartStart;

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

  // Reverse the stem's parent links, each tree arc's residuals moving with it to the node it now hangs
  // from (what was room up toward the old parent is room down from the new one); the leaving arc (old
  // pred of uOut) drops out.
  for (let i = k; i >= 1; i--) {
    const s = stem[i]!;
    const below = stem[i - 1]!;
    parent[s] = below;
    pred[s] = pred[below]!;
    predDir[s] = -predDir[below]!;
    roomUp[s] = roomDown[below]!;
    roomDown[s] = roomUp[below]!;
  }
  parent[uIn] = vIn;
  pred[uIn] = inArc;
  const inFlow = tree.flow[inArc]!;
  const inRoom = tree.capacity[inArc]! - inFlow;
  const inUp = tree.source[inArc] === uIn;
  predDir[uIn] = inUp ? UP : DOWN;
  roomUp[uIn] = inUp ? inRoom : inFlow;
  roomDown[uIn] = inUp ? inFlow : inRoom;
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
