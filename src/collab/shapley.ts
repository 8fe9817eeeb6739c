import { NorthboundError } from '../domain/errors.ts';
import type { CoalitionCostOf } from './coalition-cost.ts';

/** Exact enumeration solves 2^n coalitions: 15 partners with 60 lanes = 32,768 lane coverings, ~7 s here. */
export const MAX_EXACT_PARTNERS = 15;

/**
 * Shapley cost allocation, exactly: partner i pays its marginal cost averaged over all join orders,
 *   φ_i = Σ_{S ∌ i} |S|!·(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)).
 * Every coalition's cost is solved once into a Float64Array indexed by membership bitmask (bit k =
 * partners[k]). Efficient (Σ φ = v(N) − v(∅)), symmetric, and a partner that changes no coalition's cost
 * (no lanes) gets 0. Time: 2^n calls of costOf plus O(n·2^n); memory 8·2^n bytes.
 */
export function exactShapley(
  partners: readonly string[],
  costOf: CoalitionCostOf,
): ReadonlyMap<string, number> {
  validatePartners(partners, 'compute exact Shapley shares');
  const n = partners.length;
  if (n > MAX_EXACT_PARTNERS) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute exact Shapley shares for ${n} partners: enumeration is limited to ` +
        `${MAX_EXACT_PARTNERS} (2^${MAX_EXACT_PARTNERS} coalitions); use sampledShapley`,
      { partners: n },
    );
  }
  const cost = new Float64Array(1 << n);
  for (let mask = 0; mask < cost.length; mask++) cost[mask] = costOfMask(partners, mask, costOf);
  // weight[s] = s!(n−s−1)!/n!, the probability that i joins right after a given s-member set S.
  const factorial = [1];
  for (let k = 1; k <= n; k++) factorial.push(factorial[k - 1]! * k);
  const weight = new Float64Array(n);
  for (let s = 0; s < n; s++) weight[s] = (factorial[s]! * factorial[n - s - 1]!) / factorial[n]!;

  const share = new Float64Array(n);
  for (let mask = 0; mask < cost.length; mask++) {
    const w = weight[popcount(mask)];
    if (w === undefined) continue; // the grand coalition: nobody left to join
    for (let i = 0; i < n; i++) {
      if ((mask & (1 << i)) !== 0) continue;
      share[i] = share[i]! + w * (cost[mask | (1 << i)]! - cost[mask]!);
    }
  }
  return new Map(partners.map((partner, i) => [partner, share[i]!]));
}

/** Partner ids must be distinct: a duplicate would be counted as two players with one set of lanes. */
export function validatePartners(partners: readonly string[], attempted: string): void {
  const seen = new Set<string>();
  for (const partner of partners) {
    if (seen.has(partner)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot ${attempted}: partner "${partner}" is listed twice`,
        {
          partner,
        },
      );
    }
    seen.add(partner);
  }
}

/** The cost of the coalition whose members are the set bits of `mask`. */
export function costOfMask(partners: readonly string[], mask: number, costOf: CoalitionCostOf): number {
  const members = new Set<string>();
  for (let i = 0; i < partners.length; i++) if ((mask & (1 << i)) !== 0) members.add(partners[i]!);
  return checkedCost(costOf, members);
}

/** costOf(members), refused by name unless finite: an allocation built on NaN would be silently wrong. */
export function checkedCost(costOf: CoalitionCostOf, members: ReadonlySet<string>): number {
  const value = costOf(members);
  if (!Number.isFinite(value)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot allocate pool costs: coalition {${[...members].join(', ')}} costs ${value}, expected a finite number`,
      { members: [...members], value },
    );
  }
  return value;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
