/** solveMinCostFlow against HiGHS's LP optimum on random networks (fast-check), certified by its duals. */
import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import type { FlowNetwork, FlowSolution } from './flow-network.ts';
import { solveMinCostFlow } from './solve-min-cost-flow.ts';
import { expectCertified, isFeasibleFlow, network, type ArcSpec } from './flow-network.test-support.ts';

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
