import { NorthboundError } from '../domain/errors.ts';
import type { CoalitionCostOf } from './coalition-cost.ts';
import { MAX_EXACT_PARTNERS, costOfMask, validatePartners } from './shapley.ts';

/**
 * Every coalition's cost, solved once, indexed by membership bitmask (bit k = partners[k]), as exactShapley
 * caches it: the enumerating allocations (nucleolus, equal-profit method) read v(S) from here. Refuses
 * duplicate partners and more than MAX_EXACT_PARTNERS (2^n coalitions). Time: 2^n calls of costOf;
 * memory 8·2^n bytes.
 */
export function coalitionCostTable(
  partners: readonly string[],
  costOf: CoalitionCostOf,
  attempted: string,
): Float64Array {
  validatePartners(partners, attempted);
  const n = partners.length;
  if (n > MAX_EXACT_PARTNERS) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot ${attempted} for ${n} partners: enumeration is limited to ${MAX_EXACT_PARTNERS} ` +
        `(2^${MAX_EXACT_PARTNERS} coalitions)`,
      { partners: n },
    );
  }
  const cost = new Float64Array(1 << n);
  for (let mask = 1; mask < cost.length; mask++) cost[mask] = costOfMask(partners, mask, costOf);
  return cost;
}
