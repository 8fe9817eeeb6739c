/** The min-cost flow certificate checker on hand-made flows and potentials. */
import { describe, expect, it } from 'vitest';
import { checkFlowCertificate } from './check-flow-certificate.ts';
import type { FlowSolution } from './flow-network.ts';
import { network } from './flow-network.test-support.ts';

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
