import type { FlowNetwork, FlowSolution } from './flow-network.ts';

export interface FlowCertificateCheck {
  readonly ok: boolean;
  readonly violations: readonly string[];
}

/** Enough to diagnose a failure without flooding a log on a 100k-arc network. */
const MAX_LISTED = 20;

/**
 * Verifies that a solution is an optimal min-cost flow without trusting the solver: the flow respects
 * every bound, conserves flow at every node, its cost equals totalCost, and the potentials satisfy
 * complementary slackness (rc_a = cost_a − π_tail + π_head ≥ 0 where flow < capacity, ≤ 0 where
 * flow > lower). Together these prove optimality by LP duality.
 *
 * `tolerance` is relative: a quantity passes when it is off by at most tolerance × (1 + the magnitudes
 * that went into it). Use 0 on integer data, where every check is exact. Only 'optimal' solutions carry a
 * certificate; any other status is reported as a violation. At most 20 violations are spelled out.
 * O(n + m).
 */
export function checkFlowCertificate(
  network: FlowNetwork,
  solution: FlowSolution,
  tolerance = 1e-9,
): FlowCertificateCheck {
  const { nodes: n, supply, tail, head, capacity, cost, lower } = network;
  const { flow, potential } = solution;
  const m = tail.length;
  const violations: string[] = [];
  let more = 0;
  const report = (message: string): void => {
    if (violations.length < MAX_LISTED) violations.push(message);
    else more++;
  };
  const finish = (): FlowCertificateCheck => {
    if (more > 0) violations.push(`…and ${more} more violations`);
    return { ok: violations.length === 0, violations };
  };

  if (solution.status !== 'optimal') {
    report(`status is '${solution.status}': only an optimal solution carries a certificate`);
    return finish();
  }
  if (flow.length !== m || potential.length !== n) {
    report(`solution has ${flow.length} flows and ${potential.length} potentials, expected ${m} and ${n}`);
    return finish();
  }

  const net = new Float64Array(n);
  const magnitude = new Float64Array(n);
  let totalCost = 0;
  let costMagnitude = 0;
  for (let a = 0; a < m; a++) {
    const x = flow[a]!;
    const l = lower?.[a] ?? 0;
    const u = capacity[a]!;
    const t = tail[a]!;
    const h = head[a]!;
    const slack = tolerance * (1 + Math.abs(x));
    if (!(x >= l - slack)) report(`arc ${a} (${t}→${h}) carries ${x}, below its lower bound ${l}`);
    if (!(x <= u + slack)) report(`arc ${a} (${t}→${h}) carries ${x}, above its capacity ${u}`);
    net[t] = net[t]! + x;
    net[h] = net[h]! - x;
    magnitude[t] = magnitude[t]! + Math.abs(x);
    magnitude[h] = magnitude[h]! + Math.abs(x);
    totalCost += cost[a]! * x;
    costMagnitude += Math.abs(cost[a]! * x);

    const pt = potential[t]!;
    const ph = potential[h]!;
    const rc = cost[a]! - pt + ph;
    const rcSlack = tolerance * (1 + Math.abs(cost[a]!) + Math.abs(pt) + Math.abs(ph));
    if (rc > rcSlack && x > l + slack) {
      report(`arc ${a} (${t}→${h}) has reduced cost ${rc} > 0 but carries ${x} above its lower bound ${l}`);
    }
    if (rc < -rcSlack && x < u - slack) {
      report(`arc ${a} (${t}→${h}) has reduced cost ${rc} < 0 but carries ${x} below its capacity ${u}`);
    }
  }
  for (let v = 0; v < n; v++) {
    const imbalance = net[v]! - supply[v]!;
    if (!(Math.abs(imbalance) <= tolerance * (1 + magnitude[v]! + Math.abs(supply[v]!)))) {
      report(`node ${v} sends out ${net[v]} net but its supply is ${supply[v]}`);
    }
    if (!Number.isFinite(potential[v]!)) report(`node ${v} has potential ${potential[v]}`);
  }
  if (!(Math.abs(totalCost - solution.totalCost) <= tolerance * (1 + costMagnitude))) {
    report(`totalCost is ${solution.totalCost} but Σ cost·flow is ${totalCost}`);
  }
  return finish();
}
