import { NorthboundError } from '../domain/errors.ts';
import type { FlowNetwork } from './flow-network.ts';
import type { NetworkSimplexBasis } from './network-simplex-basis.ts';

/** What the load pass learned about the network: exactness, trivial infeasibility and the cost scale. */
export interface NetworkSimplexLoadFacts {
  readonly integralFlows: boolean;
  readonly integralCosts: boolean;
  readonly capacityBelowLower: boolean;
  readonly supplySum: number;
  readonly supplyMagnitude: number;
  /** max |cost| after the warm-start shift: sets big M and the pricing tolerance. */
  readonly maxAbsCost: number;
}

/**
 * The stride s of LEMON's arc mixing: input arcs are dealt out to basis positions with stride
 * max(⌊m/n⌋, 3), so that one pricing block samples arcs from all over the network instead of the few
 * tails an input grouped by tail would put there (29% fewer pivots on a 3k-node, 200k-arc lane
 * circulation): arc 0 at position 0, arc 1 at s, arc 2 at 2s, …, and past m the walk restarts at 1.
 *
 * Seen as a matrix of ⌈m/s⌉ rows and s columns (position i = row·s + column), the input fills it column
 * by column and the basis reads it row by row: the mixing is a transposition. Column c holds
 * ⌊m/s⌋ + (c < m mod s ? 1 : 0) arcs, starting at input arc c·⌊m/s⌋ + min(c, m mod s). Both passes over
 * the arcs (this load and the read-out in solveMinCostFlow) walk it in tiles of TILE_ROWS rows, so each
 * cache line of a basis array is written once rather than once per element: on the 200k-arc lane
 * circulation the tiled load took 7 ms of CPU against 11 ms in plain column order.
 */
export const mixingStride = (m: number, n: number): number => Math.max(Math.floor(m / Math.max(n, 1)), 3);

/**
 * One pass over the input that both checks it and writes it into the basis: arc a at its mixed position,
 * lower bounds shifted out (0 ≤ x' ≤ capacity − lower, the lower flow moved into the node imbalances),
 * costs reduced by the warm-start `shift` (c' = c − shift_tail + shift_head; an arc with c' < 0 and
 * finite capacity then starts at its upper bound). In the same pass it notes, per node, the cheapest
 * incoming arc for the initial pivots (ties: the lower basis position).
 *
 * A malformed network is a caller bug: NorthboundError('invalid_input') naming the first bad node or arc
 * and its value. The arc loop only clears a flag and the error is worded by a second, sequential pass
 * (reportInvalidArc): with the throwing calls inside it the loop ran 3× slower (V8 keeps every value a
 * message might need alive across the loop).
 *
 * Leaves basis.imbalance = supply − lower-bound and upper-start flows. O(n + m), no allocation: checking
 * and loading in one sweep reads the input arrays once instead of three times (check, load, heuristic).
 */
export function networkSimplexLoad(
  basis: NetworkSimplexBasis,
  network: FlowNetwork,
  shift: Float64Array | undefined,
): NetworkSimplexLoadFacts {
  const { nodes: n, supply, tail, head, capacity, cost, lower } = network;
  const m = tail.length;
  for (const [name, array] of [
    ['head', head],
    ['capacity', capacity],
    ['cost', cost],
    ['lower', lower],
  ] as const) {
    if (array !== undefined && array.length !== m) {
      invalid(`${name} has ${array.length} entries, expected one per arc (${m}, the length of tail)`, {
        field: name,
        length: array.length,
      });
    }
  }

  const { imbalance, cheapestArc, cheapestCost } = basis;
  let integralFlows = true;
  let supplySum = 0;
  let supplyMagnitude = 0;
  for (let v = 0; v < n; v++) {
    const b = supply[v]!;
    if (!Number.isFinite(b)) invalid(`supply of node ${v} is ${b}, expected a finite number`, { node: v });
    supplySum += b;
    supplyMagnitude += Math.abs(b);
    if (!Number.isInteger(b)) integralFlows = false;
    imbalance[v] = b;
    cheapestArc[v] = -1;
    cheapestCost[v] = Infinity;
  }

  const { source, target, capacity: room, cost: reduced, flow, state } = basis;
  const stride = mixingStride(m, n);
  let valid = true;
  let integralCosts = true;
  let capacityBelowLower = false;
  let maxAbsCost = 0;
  // Tiled transposition (see mixingStride): for each band of TILE_ROWS rows, each column's arcs in turn.
  const rows = Math.floor(m / stride);
  const longColumns = m - rows * stride; // columns 0 … longColumns − 1 hold one arc more
  for (let row0 = 0; row0 <= rows; row0 += TILE_ROWS) {
    for (let column = 0; column < stride; column++) {
      const rowEnd = Math.min(row0 + TILE_ROWS, rows + (column < longColumns ? 1 : 0));
      let a = column * rows + Math.min(column, longColumns) + row0;
      for (let row = row0, i = column + row0 * stride; row < rowEnd; row++, a++, i += stride) {
        const t = tail[a]!;
        const h = head[a]!;
        const c0 = cost[a]!;
        const u = capacity[a]!;
        const l = lower === undefined ? 0 : lower[a]!;
        if (!(
          t >= 0 &&
          t < n &&
          h >= 0 &&
          h < n &&
          Number.isFinite(c0) &&
          Number.isFinite(l) &&
          u > -Infinity
        ))
          valid = false; // also catches a NaN capacity
        if (!Number.isInteger(c0)) integralCosts = false;
        if ((u !== Infinity && !Number.isInteger(u)) || !Number.isInteger(l)) integralFlows = false;
        if (u < l) capacityBelowLower = true;
        if (l !== 0) {
          imbalance[t] = imbalance[t]! - l;
          imbalance[h] = imbalance[h]! + l;
        }

        const c = shift === undefined ? c0 : c0 - shift[t]! + shift[h]!;
        const span = u - l;
        source[i] = t;
        target[i] = h;
        room[i] = span;
        reduced[i] = c;
        if (shift !== undefined && c < 0 && span !== Infinity) {
          state[i] = STATE_UPPER;
          flow[i] = span;
          imbalance[t] = imbalance[t]! - span;
          imbalance[h] = imbalance[h]! + span;
        } else {
          state[i] = STATE_LOWER;
          flow[i] = 0;
        }
        const magnitude = Math.abs(c);
        if (magnitude > maxAbsCost) maxAbsCost = magnitude;
        if (c < cheapestCost[h]! || (c === cheapestCost[h]! && i < cheapestArc[h]!)) {
          cheapestCost[h] = c;
          cheapestArc[h] = i;
        }
      }
    }
  }
  if (!valid) reportInvalidArc(network);
  return { integralFlows, integralCosts, capacityBelowLower, supplySum, supplyMagnitude, maxAbsCost };
}

/** Throws for the first malformed arc in input order, naming the field, the value and what was expected. O(m). */
function reportInvalidArc(network: FlowNetwork): never {
  const { nodes: n, tail, head, capacity, cost, lower } = network;
  for (let a = 0; a < tail.length; a++) {
    const t = tail[a]!;
    const h = head[a]!;
    if (!(t >= 0 && t < n))
      invalid(`tail of arc ${a} is ${t}, expected a node id in 0..${n - 1}`, { arc: a });
    if (!(h >= 0 && h < n))
      invalid(`head of arc ${a} is ${h}, expected a node id in 0..${n - 1}`, { arc: a });
    const c = cost[a]!;
    if (!Number.isFinite(c)) invalid(`cost of arc ${a} is ${c}, expected a finite number`, { arc: a });
    const u = capacity[a]!;
    if (!(u > -Infinity)) invalid(`capacity of arc ${a} is ${u}, expected a number or Infinity`, { arc: a });
    const l = lower?.[a] ?? 0;
    if (!Number.isFinite(l)) invalid(`lower bound of arc ${a} is ${l}, expected a finite number`, { arc: a });
  }
  throw new NorthboundError('internal', 'Cannot solve min-cost flow: an arc failed a check no arc fails');
}

const invalid = (why: string, details: Record<string, unknown>): never => {
  throw new NorthboundError('invalid_input', `Cannot solve min-cost flow: ${why}`, details);
};

/** Rows per tile of the transposition: 16 rows × stride 66 = 8 KB of a Float64Array per tile. */
export const TILE_ROWS = 16;

// The basis's arc states (see NetworkSimplexBasis): restated here so the load loop compares constants.
const STATE_UPPER = -1;
const STATE_LOWER = 1;
