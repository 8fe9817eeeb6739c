import type { CoalitionCostOf } from './coalition-cost.ts';
import { validatePartners } from './shapley.ts';

/**
 * Proportional allocation (DESIGN.md §3.7): the pooled cost v(N) split in proportion to each partner's
 * stand-alone cost v({i}), so every partner saves the same fraction 1 − v(N)/Σ v({i}). A partner with no
 * stand-alone cost pays nothing. If no partner has any stand-alone cost, the pooled cost (0 for lane
 * covering) is split equally. Time: n + 1 calls of costOf.
 */
export function proportional(
  partners: readonly string[],
  costOf: CoalitionCostOf,
): ReadonlyMap<string, number> {
  validatePartners(partners, 'allocate pool costs proportionally');
  if (partners.length === 0) return new Map();
  const standalone = partners.map((partner) => costOf(new Set([partner])));
  const pooled = costOf(new Set(partners));
  const total = standalone.reduce((sum, cost) => sum + cost, 0);
  return new Map(
    partners.map((partner, i) => [
      partner,
      total === 0 ? pooled / partners.length : (pooled * standalone[i]!) / total,
    ]),
  );
}
