import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { checkFlowCertificate } from './check-flow-certificate.ts';
import type { FlowNetwork, FlowSolution } from './flow-network.ts';
import { solveMinCostFlow } from './solve-min-cost-flow.ts';

interface ArcSpec {
  readonly tail: number;
  readonly head: number;
  readonly cost: number;
  readonly capacity?: number;
  readonly lower?: number;
}

const network = (supply: readonly number[], arcs: readonly ArcSpec[]): FlowNetwork => {
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

const expectCertified = (net: FlowNetwork, solution: FlowSolution, tolerance = 0): void => {
  expect(checkFlowCertificate(net, solution, tolerance)).toEqual({ ok: true, violations: [] });
};

/** Bounds and conservation only: what an 'unbounded' answer's flow must satisfy. */
const isFeasibleFlow = (net: FlowNetwork, flow: Float64Array): boolean => {
  const balance = new Float64Array(net.nodes);
  for (let a = 0; a < net.tail.length; a++) {
    const x = flow[a]!;
    if (x < (net.lower?.[a] ?? 0) || x > net.capacity[a]!) return false;
    balance[net.tail[a]!]! += x;
    balance[net.head[a]!]! -= x;
  }
  return balance.every((b, v) => b === net.supply[v]);
};

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

describe('checkFlowCertificate', () => {
  const net = network(
    [4, 0, -4],
    [
      { tail: 0, head: 2, cost: 10, capacity: 3 },
      { tail: 0, head: 1, cost: 2 },
      { tail: 1, head: 2, cost: 3, capacity: 2 },
    ],
  );
  const optimal: FlowSolution = {
    status: 'optimal',
    flow: Float64Array.from([2, 2, 2]),
    potential: Float64Array.from([10, 8, 0]),
    totalCost: 30,
  };

  it('accepts a hand-made optimal flow with hand-made potentials', () => {
    expect(checkFlowCertificate(net, optimal, 0)).toEqual({ ok: true, violations: [] });
  });

  it('names the broken bound, the slack violation and the wrong total', () => {
    const check = checkFlowCertificate(net, { ...optimal, flow: Float64Array.from([4, 0, 0]) }, 0);
    expect(check.ok).toBe(false);
    expect(check.violations).toEqual([
      'arc 0 (0→2) carries 4, above its capacity 3',
      'arc 2 (1→2) has reduced cost -5 < 0 but carries 0 below its capacity 2',
      'totalCost is 30 but Σ cost·flow is 40',
    ]);
  });

  it('names every node where flow is not conserved', () => {
    const check = checkFlowCertificate(
      net,
      { ...optimal, flow: Float64Array.from([2, 2, 1]), totalCost: 27 },
      0,
    );
    expect(check.violations).toEqual([
      'arc 2 (1→2) has reduced cost -5 < 0 but carries 1 below its capacity 2',
      'node 1 sends out -1 net but its supply is 0',
      'node 2 sends out -3 net but its supply is -4',
    ]);
  });

  it('flags complementary slackness: a suboptimal flow cannot be certified by any potentials', () => {
    // All 4 units on the direct arc (cap raised to 4) is feasible but dearer (40 > 30): the cheap route 1→2
    // prices out (rc −5 < 0) while below capacity, so these potentials cannot certify it.
    const wide = { ...net, capacity: Float64Array.from([4, Infinity, 2]) };
    const check = checkFlowCertificate(
      wide,
      {
        status: 'optimal',
        flow: Float64Array.from([4, 0, 0]),
        potential: Float64Array.from([10, 8, 0]),
        totalCost: 40,
      },
      0,
    );
    expect(check.violations).toEqual([
      'arc 2 (1→2) has reduced cost -5 < 0 but carries 0 below its capacity 2',
    ]);
  });

  it('refuses to certify a non-optimal status', () => {
    expect(checkFlowCertificate(net, { ...optimal, status: 'infeasible' }).violations).toEqual([
      "status is 'infeasible': only an optimal solution carries a certificate",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property tests against HiGHS (an independent LP solver) on thousands of small random networks.

// highs ships CommonJS typings with `export default`: under NodeNext the default import is typed as the
// module object, while at run time (the package's ESM build) it is the loader function itself.
const loadHighs = highsLoader as unknown as typeof highsLoader.default;
const highs = await loadHighs();

interface RandomNetwork {
  readonly net: FlowNetwork;
}

/** The min-cost flow as an LP in CPLEX LP format; z is a dummy column fixed at 0 so no row is empty. */
const toLp = (net: FlowNetwork): string => {
  const m = net.tail.length;
  const term = (coefficient: number, name: string): string =>
    `${coefficient < 0 ? '-' : '+'} ${Math.abs(coefficient)} ${name}`;
  const objective = [...net.cost].map((c, a) => term(c, `x${a}`));
  const rows: string[] = [];
  for (let v = 0; v < net.nodes; v++) {
    const terms: string[] = [];
    for (let a = 0; a < m; a++) {
      const coefficient = (net.tail[a] === v ? 1 : 0) - (net.head[a] === v ? 1 : 0);
      if (coefficient !== 0) terms.push(term(coefficient, `x${a}`));
    }
    rows.push(` n${v}: ${terms.join(' ')} + 0 z = ${net.supply[v]}`);
  }
  const bounds = [...net.capacity].map((u, a) => {
    const l = net.lower?.[a] ?? 0;
    return u === Infinity ? ` x${a} >= ${l}` : ` ${l} <= x${a} <= ${u}`;
  });
  return [
    'Minimize',
    ` obj: ${objective.join(' ')} + 0 z`,
    'Subject To',
    ...rows,
    'Bounds',
    ' 0 <= z <= 0',
    ...bounds,
    'End',
  ].join('\n');
};

const HIGHS_STATUS: Record<string, FlowSolution['status']> = {
  Optimal: 'optimal',
  Infeasible: 'infeasible',
  Unbounded: 'unbounded',
};

const solveWithHighs = (net: FlowNetwork): { status: FlowSolution['status']; objective: number } => {
  const result = highs.solve(toLp(net), { time_limit: 10, presolve: 'off' });
  const status = HIGHS_STATUS[result.Status];
  if (status === undefined) throw new Error(`HiGHS returned ${result.Status} for\n${toLp(net)}`);
  return { status, objective: result.ObjectiveValue };
};

/** 2–8 nodes, 0–20 arcs (parallel arcs and self-loops allowed), lower bounds, Infinity capacities, negative costs. */
const randomNetwork = (costOf: fc.Arbitrary<number>): fc.Arbitrary<RandomNetwork> =>
  fc
    .record({ n: fc.integer({ min: 2, max: 8 }), m: fc.integer({ min: 0, max: 20 }) })
    .chain(({ n, m }) =>
      fc.record({
        n: fc.constant(n),
        supply: fc.array(
          fc.oneof(
            { arbitrary: fc.constant(0), weight: 3 },
            { arbitrary: fc.integer({ min: -5, max: 5 }), weight: 1 },
          ),
          { minLength: n, maxLength: n },
        ),
        balanced: fc.integer({ min: 0, max: 9 }).map((k) => k > 0),
        arcs: fc.array(
          fc.record({
            tail: fc.integer({ min: 0, max: n - 1 }),
            head: fc.integer({ min: 0, max: n - 1 }),
            lower: fc.oneof(
              { arbitrary: fc.constant(0), weight: 6 },
              { arbitrary: fc.integer({ min: -3, max: 3 }), weight: 1 },
            ),
            span: fc.oneof(
              { arbitrary: fc.constant(Infinity), weight: 30 },
              { arbitrary: fc.integer({ min: 0, max: 9 }), weight: 60 },
              { arbitrary: fc.constant(-1), weight: 1 },
            ),
            cost: costOf,
          }),
          { minLength: m, maxLength: m },
        ),
      }),
    )
    .map(({ n, supply, balanced, arcs }) => {
      const balancedSupply = [...supply];
      if (balanced) balancedSupply[n - 1] = -supply.slice(0, n - 1).reduce((sum, b) => sum + b, 0);
      const net = network(
        balancedSupply,
        arcs.map(({ tail, head, lower, span, cost }) => ({
          tail,
          head,
          cost,
          lower,
          capacity: lower + span,
        })),
      );
      return { net };
    });

const integerCost = fc.integer({ min: -4, max: 12 });

describe('solveMinCostFlow against HiGHS on random small networks', () => {
  it('matches HiGHS status and optimum, and certifies every optimum exactly (integer data)', () => {
    fc.assert(
      fc.property(randomNetwork(integerCost), ({ net }) => {
        const expected = solveWithHighs(net);
        const solution = solveMinCostFlow(net);
        expect(solution.status).toBe(expected.status);
        if (solution.status === 'optimal') {
          expect(Math.abs(solution.totalCost - expected.objective)).toBeLessThan(1e-6);
          expect(Number.isInteger(solution.totalCost)).toBe(true);
          expectCertified(net, solution);
        }
        if (solution.status === 'unbounded') expect(isFeasibleFlow(net, solution.flow)).toBe(true);
      }),
      { numRuns: 3000, seed: 20240611 },
    );
  });

  it('reaches the same answer from random warm-start potentials and block sizes', () => {
    fc.assert(
      fc.property(
        randomNetwork(integerCost),
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 1, max: 6 }),
        ({ net }, guesses, pivotBlockSize) => {
          const cold = solveMinCostFlow(net);
          const warm = solveMinCostFlow(net, {
            warmStart: { potential: Float64Array.from(guesses.slice(0, net.nodes)) },
            pivotBlockSize,
          });
          expect(warm.status).toBe(cold.status);
          if (warm.status === 'optimal') {
            expect(warm.totalCost).toBe(cold.totalCost);
            expectCertified(net, warm);
          }
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('matches HiGHS within 1e-6 on fractional costs and certifies within tolerance', () => {
    const fractionalCost = fc.integer({ min: -40, max: 120 }).map((k) => k / 10 + 0.013);
    fc.assert(
      fc.property(randomNetwork(fractionalCost), ({ net }) => {
        const expected = solveWithHighs(net);
        const solution = solveMinCostFlow(net);
        expect(solution.status).toBe(expected.status);
        if (solution.status === 'optimal') {
          expect(Math.abs(solution.totalCost - expected.objective)).toBeLessThan(1e-6);
          expectCertified(net, solution, 1e-9);
        }
      }),
      { numRuns: 1000, seed: 99 },
    );
  });
});

describe('solveMinCostFlow on medium random networks', () => {
  /** 20–60 nodes, 40–400 arcs: deep trees, long stems and many degenerate pivots. */
  const mediumNetwork = fc
    .record({ n: fc.integer({ min: 20, max: 60 }), m: fc.integer({ min: 40, max: 400 }), seed: fc.integer() })
    .map(({ n, m, seed }) => {
      // A ring keeps most instances feasible; the random arcs add choice, parallel arcs and capacity limits.
      let state = seed | 1;
      const next = (bound: number): number => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) % bound;
      };
      const arcs: ArcSpec[] = [];
      for (let v = 0; v < n; v++)
        arcs.push({ tail: v, head: (v + 1) % n, cost: 50 + next(50), capacity: 40 });
      for (let a = 0; a < m; a++) {
        const capacity = next(4) === 0 ? Infinity : 1 + next(15);
        arcs.push({
          tail: next(n),
          head: next(n),
          cost: next(60) - (capacity === Infinity ? 0 : 10),
          capacity,
        });
      }
      const supply = new Array<number>(n).fill(0);
      for (let k = 0; k < n; k++) {
        const units = next(6);
        supply[next(n)]! += units;
        supply[next(n)]! -= units;
      }
      return network(supply, arcs);
    });

  it('matches HiGHS and certifies exactly', () => {
    fc.assert(
      fc.property(mediumNetwork, (net) => {
        const expected = solveWithHighs(net);
        const solution = solveMinCostFlow(net);
        expect(solution.status).toBe(expected.status);
        if (solution.status === 'optimal') {
          expect(Math.abs(solution.totalCost - expected.objective)).toBeLessThan(1e-6);
          expectCertified(net, solution);
        }
      }),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('stays exact with costs near 2^36: scaling every cost by 2^30 scales the optimum exactly', () => {
    fc.assert(
      fc.property(mediumNetwork, (net) => {
        const base = solveMinCostFlow(net);
        const scaled = { ...net, cost: net.cost.map((c) => c * 2 ** 30) };
        const solution = solveMinCostFlow(scaled);
        expect(solution.status).toBe(base.status);
        if (solution.status === 'optimal') {
          expect(solution.totalCost).toBe(base.totalCost * 2 ** 30);
          expectCertified(scaled, solution);
        }
      }),
      { numRuns: 200, seed: 77 },
    );
  });
});
