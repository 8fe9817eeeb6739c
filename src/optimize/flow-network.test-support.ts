/**
 * Networks by hand and the checks the min-cost flow tests share (solve-min-cost-flow*.test.ts,
 * check-flow-certificate.test.ts).
 */
import { expect } from 'vitest';
import { checkFlowCertificate } from './check-flow-certificate.ts';
import type { FlowNetwork, FlowSolution } from './flow-network.ts';

export interface ArcSpec {
  readonly tail: number;
  readonly head: number;
  readonly cost: number;
  readonly capacity?: number;
  readonly lower?: number;
}

export const network = (supply: readonly number[], arcs: readonly ArcSpec[]): FlowNetwork => {
  const withLower = arcs.some((arc) => arc.lower !== undefined);
  return {
    nodes: supply.length,
    supply: Float64Array.from(supply),
    tail: Int32Array.from(arcs, (arc) => arc.tail),
    head: Int32Array.from(arcs, (arc) => arc.head),
    capacity: Float64Array.from(arcs, (arc) => arc.capacity ?? Infinity),
    cost: Float64Array.from(arcs, (arc) => arc.cost),
    ...(withLower ? { lower: Float64Array.from(arcs, (arc) => arc.lower ?? 0) } : {}),
  };
};

export const expectCertified = (net: FlowNetwork, solution: FlowSolution, tolerance = 0): void => {
  expect(checkFlowCertificate(net, solution, tolerance)).toEqual({ ok: true, violations: [] });
};

/** Bounds and conservation only: what an 'unbounded' answer's flow must satisfy. */
export const isFeasibleFlow = (net: FlowNetwork, flow: Float64Array): boolean => {
  const balance = new Float64Array(net.nodes);
  for (let a = 0; a < net.tail.length; a++) {
    const x = flow[a]!;
    if (x < (net.lower?.[a] ?? 0) || x > net.capacity[a]!) return false;
    balance[net.tail[a]!]! += x;
    balance[net.head[a]!]! -= x;
  }
  return balance.every((b, v) => b === net.supply[v]);
};
