/** solveMinCostFlow on hand-computed networks, edge cases, options and workspace reuse. */
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { checkFlowCertificate } from './check-flow-certificate.ts';
import type { FlowNetwork } from './flow-network.ts';
import { solveMinCostFlow } from './solve-min-cost-flow.ts';
import { expectCertified, isFeasibleFlow, network } from './flow-network.test-support.ts';

describe('solveMinCostFlow on hand-computed networks', () => {
  it('splits supply between a cheap capacitated route and a dear direct arc (optimum 30)', () => {
    // 4 units 0 → 2: via node 1 costs 2 + 3 = 5 a unit but a2 takes only 2; the direct arc costs 10.
    const net = network(
      [4, 0, -4],
      [
        { tail: 0, head: 2, cost: 10, capacity: 3 },
        { tail: 0, head: 1, cost: 2 },
        { tail: 1, head: 2, cost: 3, capacity: 2 },
      ],
    );
    const solution = solveMinCostFlow(net);
    expect(solution.status).toBe('optimal');
    expect([...solution.flow]).toEqual([2, 2, 2]);
    expect(solution.totalCost).toBe(30);
    // a0 and a1 sit strictly inside their bounds, so their reduced cost c − π_tail + π_head is 0.
    expect(solution.potential[0]! - solution.potential[2]!).toBe(10);
    expect(solution.potential[0]! - solution.potential[1]!).toBe(2);
    expectCertified(net, solution);
  });

  it('honours a lower bound on the dearer of two parallel arcs (optimum 1·1 + 1·7 = 8)', () => {
    const net = network(
      [2, -2],
      [
        { tail: 0, head: 1, cost: 1, capacity: 5 },
        { tail: 0, head: 1, cost: 7, capacity: 3, lower: 1 },
      ],
    );
    const solution = solveMinCostFlow(net);
    expect(solution.status).toBe('optimal');
    expect([...solution.flow]).toEqual([1, 1]);
    expect(solution.totalCost).toBe(8);
    expectCertified(net, solution);
  });

  it('saturates a negative cycle of finite capacity (4 units at −5 + 2 = −12)', () => {
    const net = network(
      [0, 0],
      [
        { tail: 0, head: 1, cost: -5, capacity: 4 },
        { tail: 1, head: 0, cost: 2, capacity: 10 },
      ],
    );
    const solution = solveMinCostFlow(net);
    expect(solution.status).toBe('optimal');
    expect([...solution.flow]).toEqual([4, 4]);
    expect(solution.totalCost).toBe(-12);
    expectCertified(net, solution);
  });

  it('fills a negative self-loop to capacity and calls an uncapacitated one unbounded', () => {
    const capped = network([0], [{ tail: 0, head: 0, cost: -2, capacity: 3 }]);
    const cappedSolution = solveMinCostFlow(capped);
    expect(cappedSolution.totalCost).toBe(-6);
    expectCertified(capped, cappedSolution);
    expect(solveMinCostFlow(network([0], [{ tail: 0, head: 0, cost: -1 }])).status).toBe('unbounded');
  });

  it('reports a negative cycle of infinite capacity as unbounded, with a feasible flow', () => {
    const net = network(
      [3, -3, 0],
      [
        { tail: 0, head: 1, cost: 4, capacity: 3 },
        { tail: 1, head: 2, cost: -5 },
        { tail: 2, head: 1, cost: 2 },
      ],
    );
    const solution = solveMinCostFlow(net);
    expect(solution.status).toBe('unbounded');
    expect(solution.totalCost).toBe(-Infinity);
    expect(isFeasibleFlow(net, solution.flow)).toBe(true);
    expect(checkFlowCertificate(net, solution).ok).toBe(false);
  });

  it('calls supplies that do not sum to zero infeasible', () => {
    const solution = solveMinCostFlow(network([3, -2], [{ tail: 0, head: 1, cost: 1 }]));
    expect(solution.status).toBe('infeasible');
    expect(solution.totalCost).toBe(Infinity);
  });

  it('calls supplies the capacities cannot carry infeasible', () => {
    const net = network(
      [5, -5, 0],
      [
        { tail: 0, head: 1, cost: 1, capacity: 4 },
        { tail: 0, head: 2, cost: 1, capacity: 9 },
      ],
    );
    expect(solveMinCostFlow(net).status).toBe('infeasible');
  });

  it('prefers infeasible over unbounded when both a negative infinite cycle and a bottleneck exist', () => {
    const net = network(
      [5, -5, 0, 0],
      [
        { tail: 0, head: 1, cost: 1, capacity: 4 },
        { tail: 2, head: 3, cost: -1 },
        { tail: 3, head: 2, cost: -1 },
      ],
    );
    expect(solveMinCostFlow(net).status).toBe('infeasible');
  });

  it('calls an arc whose capacity is below its lower bound infeasible', () => {
    expect(
      solveMinCostFlow(network([0, 0], [{ tail: 0, head: 1, cost: 1, capacity: 2, lower: 3 }])).status,
    ).toBe('infeasible');
  });

  it('finds the only route even when it costs far more than any single arc (big M is large enough)', () => {
    // 0 → 2 → 3 → 1 costs 3000 a unit; an artificial cost of max|cost| + 1 = 1001 would wrongly give up.
    const net = network(
      [1, -1, 0, 0],
      [
        { tail: 0, head: 2, cost: 1000 },
        { tail: 2, head: 3, cost: 1000 },
        { tail: 3, head: 1, cost: 1000 },
      ],
    );
    const solution = solveMinCostFlow(net);
    expect(solution.status).toBe('optimal');
    expect(solution.totalCost).toBe(3000);
    expectCertified(net, solution);
  });

  it('solves the empty network and a network with no arcs', () => {
    const empty = solveMinCostFlow(network([], []));
    expect(empty).toEqual({
      status: 'optimal',
      flow: new Float64Array(0),
      potential: new Float64Array(0),
      totalCost: 0,
    });
    expect(solveMinCostFlow(network([0, 0], [])).status).toBe('optimal');
    expect(solveMinCostFlow(network([1, -1], [])).status).toBe('infeasible');
  });

  it('solves fractional data to within floating-point tolerance (1·0.1 + 0.5·0.35 = 0.275)', () => {
    const net = network(
      [1.5, -1.5],
      [
        { tail: 0, head: 1, cost: 0.1, capacity: 1 },
        { tail: 0, head: 1, cost: 0.35 },
      ],
    );
    const solution = solveMinCostFlow(net);
    expect(solution.status).toBe('optimal');
    expect(solution.totalCost).toBeCloseTo(0.275, 12);
    expectCertified(net, solution, 1e-9);
  });

  it('gives the same optimum for any pivot block size and from any warm start', () => {
    const net = network(
      [6, 0, 0, -2, -4],
      [
        { tail: 0, head: 1, cost: 3, capacity: 4 },
        { tail: 0, head: 2, cost: 5 },
        { tail: 1, head: 2, cost: -1, capacity: 2 },
        { tail: 1, head: 3, cost: 6 },
        { tail: 2, head: 3, cost: 2, capacity: 3 },
        { tail: 2, head: 4, cost: 4 },
        { tail: 3, head: 4, cost: 1, capacity: 1 },
      ],
    );
    // By hand: 2 units 0→1→2 (3 − 1), 4 units 0→2 (5); from 2, 3 units 2→3 (2) of which 1 goes on 3→4 (1),
    // 3 units 2→4 (4): 6 − 2 + 20 + 6 + 1 + 12 = 43. Certified by distances d = (0, 3, 5, 7…8, 9).
    const reference = solveMinCostFlow(net);
    expect(reference.status).toBe('optimal');
    expect(reference.totalCost).toBe(43);
    expectCertified(net, reference);
    for (const pivotBlockSize of [1, 2, 3, 7, 100]) {
      expect(solveMinCostFlow(net, { pivotBlockSize }).totalCost).toBe(reference.totalCost);
    }
    for (const potential of [reference.potential, Float64Array.from([9, -4, 0, 13, 2.6])]) {
      const warm = solveMinCostFlow(net, { warmStart: { potential } });
      expect(warm.totalCost).toBe(reference.totalCost);
      expectCertified(net, warm);
    }
  });

  it('rejects malformed networks and options with invalid_input errors that name the value', () => {
    const good = network([1, -1], [{ tail: 0, head: 1, cost: 1 }]);
    const cases: [FlowNetwork, object, RegExp][] = [
      [{ ...good, tail: Int32Array.from([2]) }, {}, /tail of arc 0 is 2, expected a node id in 0\.\.1/],
      [{ ...good, head: Int32Array.from([-1]) }, {}, /head of arc 0 is -1/],
      [{ ...good, cost: Float64Array.from([NaN]) }, {}, /cost of arc 0 is NaN/],
      [{ ...good, capacity: Float64Array.from([-Infinity]) }, {}, /capacity of arc 0 is -Infinity/],
      [{ ...good, lower: Float64Array.from([Infinity]) }, {}, /lower bound of arc 0 is Infinity/],
      [{ ...good, supply: Float64Array.from([1]) }, {}, /supply has 1 entries, expected one per node \(2\)/],
      [{ ...good, cost: new Float64Array(2) }, {}, /cost has 2 entries, expected one per arc \(1/],
      [good, { pivotBlockSize: 0 }, /pivotBlockSize is 0, expected a positive integer/],
      [
        good,
        { warmStart: { potential: new Float64Array(3) } },
        /potential has 3 entries, expected one per node \(2\)/,
      ],
    ];
    for (const [net, options, message] of cases) {
      let error: unknown;
      try {
        solveMinCostFlow(net, options);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(NorthboundError);
      expect((error as NorthboundError).code).toBe('invalid_input');
      expect((error as NorthboundError).message).toMatch(message);
    }
  });
});

describe('solveMinCostFlow workspace reuse', () => {
  it('answers each network the same whatever was solved before (the reused basis keeps no stale state)', () => {
    const larger = network(
      [6, 0, 0, -2, -4],
      [
        { tail: 0, head: 1, cost: 3, capacity: 4 },
        { tail: 0, head: 2, cost: 5 },
        { tail: 1, head: 2, cost: -1, capacity: 2 },
        { tail: 1, head: 3, cost: 6 },
        { tail: 2, head: 3, cost: 2, capacity: 3, lower: 1 },
        { tail: 2, head: 4, cost: 4 },
        { tail: 3, head: 4, cost: 1, capacity: 1 },
      ],
    );
    const smaller = network(
      [4, 0, -4],
      [
        { tail: 0, head: 2, cost: 10, capacity: 3 },
        { tail: 0, head: 1, cost: 2 },
        { tail: 1, head: 2, cost: 3, capacity: 2 },
      ],
    );
    const first = solveMinCostFlow(larger);
    const small = solveMinCostFlow(smaller);
    const again = solveMinCostFlow(larger);
    const smallAgain = solveMinCostFlow(smaller);
    expect(first.totalCost).toBe(43);
    expect(small.totalCost).toBe(30);
    expect([...again.flow]).toEqual([...first.flow]);
    expect([...again.potential]).toEqual([...first.potential]);
    expect([...smallAgain.flow]).toEqual([...small.flow]);
    expect([...smallAgain.potential]).toEqual([...small.potential]);
    expectCertified(larger, again);
    expectCertified(smaller, smallAgain);
    // Answers are the caller's own arrays: a later solve must not write into an earlier answer.
    expect(first.flow).not.toBe(again.flow);
  });

  it('names the first malformed arc in input order, not the first one the mixed load met', () => {
    const arcs = Array.from({ length: 40 }, (_, a) => ({ tail: a % 4, head: (a + 1) % 4, cost: 1 }));
    const bad = network([0, 0, 0, 0], arcs);
    const tail = Int32Array.from(bad.tail);
    tail[37] = 9;
    tail[5] = -2;
    expect(() => solveMinCostFlow({ ...bad, tail })).toThrow(
      /tail of arc 5 is -2, expected a node id in 0\.\.3/,
    );
  });
});
