import { NorthboundError } from '../domain/errors.ts';
import type { CoalitionCostOf } from './coalition-cost.ts';
import { MAX_EXACT_PARTNERS, costOfMask, validatePartners } from './shapley.ts';

/** A coalition that would do better alone than under the allocation. */
export interface CoreViolation {
  readonly members: readonly string[];
  /** What the coalition pays on its own, v(S). */
  readonly standaloneCost: number;
  /** Σ of its members' allocated costs. */
  readonly allocatedCost: number;
  /** allocatedCost − standaloneCost > 0: what the coalition would save by leaving. */
  readonly excess: number;
}

/**
 * Core check (DESIGN.md §3.7): every coalition S with v(S) < Σ_{i∈S} allocation_i, i.e. every group of
 * partners that the allocation overcharges relative to going it alone, by enumerating all 2^n − 1
 * non-empty coalitions (the grand coalition included: an allocation collecting more than the pooled cost
 * violates it too). Differences within 1e-9 relative are float noise, not violations. Returned with the
 * largest excess first. Time: 2^n calls of costOf, n ≤ 15.
 */
export function coreViolations(
  allocation: ReadonlyMap<string, number>,
  partners: readonly string[],
  costOf: CoalitionCostOf,
): readonly CoreViolation[] {
  validatePartners(partners, 'check the core');
  const n = partners.length;
  if (n > MAX_EXACT_PARTNERS) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot check the core for ${n} partners: enumeration is limited to ${MAX_EXACT_PARTNERS}`,
      { partners: n },
    );
  }
  const allocated = partners.map((partner) => {
    const value = allocation.get(partner);
    if (value === undefined || !Number.isFinite(value)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot check the core: partner "${partner}" has allocation ${value}, expected a finite number`,
        { partner },
      );
    }
    return value;
  });
  const violations: CoreViolation[] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    let allocatedCost = 0;
    const members: string[] = [];
    for (let i = 0; i < n; i++) {
      if ((mask & (1 << i)) === 0) continue;
      allocatedCost += allocated[i]!;
      members.push(partners[i]!);
    }
    const standaloneCost = costOfMask(partners, mask, costOf);
    const excess = allocatedCost - standaloneCost;
    const noise = 1e-9 * Math.max(1, Math.abs(standaloneCost), Math.abs(allocatedCost));
    if (excess > noise) violations.push({ members, standaloneCost, allocatedCost, excess });
  }
  return violations.sort((a, b) => b.excess - a.excess);
}
