import { NorthboundError } from '../domain/errors.ts';
import type { CoalitionCostOf } from './coalition-cost.ts';
import { coalitionCostTable } from './coalition-table.ts';
import { CoalitionRowGeneration } from './coalition-row-generation.ts';
import type { LinearProgram, SolveLinearProgram } from './linear-program.ts';

/**
 * The equal-profit method (Frisk, Göthe-Lundgren, Jörnsten & Rönnqvist 2010, "Cost allocation in
 * collaborative forest transportation", EJOR 205(2):448–458; DESIGN.md §3.7): a core allocation in which
 * the partners' relative savings are as equal as they can be. Partner i's relative saving is
 * 1 − y_i / v({i}), so two partners' savings differ by |y_i/v({i}) − y_j/v({j})|, and the method solves
 *
 *   min f  s.t.  y_i / v({i}) − y_j / v({j}) ≤ f     for every ordered pair i ≠ j,
 *                y(S) ≤ v(S)                          for every proper coalition S (the core),
 *                y(N) = v(N)                          (efficiency).
 *
 * f = 0 exactly when the proportional split is in the core (then it is the answer). Partners without a
 * stand-alone cost (no lanes) have no relative saving and sit out the pair rows; the core then gives
 * them 0 in a subadditive game. The optimal f is unique, the allocation need not be: this returns the
 * solver's optimal vertex. When the core is empty there is nothing to return: the LP is infeasible and
 * the call fails naming the pooled cost.
 *
 * Numbers: the game is scaled to max |v| = 1 for the solver and scaled back.
 * Complexity: 2^n calls of costOf (n ≤ 15), then the LP with n + 1 columns and n(n − 1) pair rows,
 * its 2^n − 2 core rows brought in by row generation (CoalitionRowGeneration: the few that bind).
 */
export function equalProfit(
  partners: readonly string[],
  costOf: CoalitionCostOf,
  solve: SolveLinearProgram,
  options: { readonly rowsPerRound?: number } = {},
): ReadonlyMap<string, number> {
  const attempted = 'allocate by the equal-profit method';
  const table = coalitionCostTable(partners, costOf, attempted);
  const n = partners.length;
  if (n === 0) return new Map();
  const grand = (1 << n) - 1;
  let scale = 0;
  for (const value of table) scale = Math.max(scale, Math.abs(value));
  if (scale === 0) return new Map(partners.map((partner) => [partner, 0]));
  const v = table.map((value) => value / scale);

  const variables = [
    ...partners.map((_, i) => ({ name: `y${i}`, cost: 0, lower: -Infinity })),
    { name: 'f', cost: 1 },
  ];
  const pairs: LinearProgram['constraints'][number][] = [];
  for (let i = 0; i < n; i++) {
    const vi = v[1 << i]!;
    if (!(vi > 0)) continue;
    for (let j = 0; j < n; j++) {
      const vj = v[1 << j]!;
      if (j === i || !(vj > 0)) continue;
      pairs.push({
        name: `pair ${partners[i]} ${partners[j]}`,
        terms: [
          [i, 1 / vi],
          [j, -1 / vj],
          [n, -1],
        ],
        upper: 0,
      });
    }
  }
  const coalitionRow = (mask: number): LinearProgram['constraints'][number] => {
    const terms: (readonly [number, number])[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) terms.push([i, 1]);
    return mask === grand
      ? { name: 'efficiency', terms, lower: v[mask]!, upper: v[mask]! }
      : { name: `core ${mask}`, terms, upper: v[mask]! };
  };
  const core: number[] = [];
  for (let mask = 1; mask < grand; mask++) core.push(mask);
  const emptyCore = () =>
    new NorthboundError(
      'invalid_input',
      `Cannot ${attempted}: the core of these ${n} partners is empty — no split of the pooled cost ` +
        `${table[grand]} leaves every coalition paying at most its stand-alone cost; use Shapley, ` +
        `the nucleolus or the proportional split`,
      { partners: n, pooled: table[grand] },
    );
  // The core rows by row generation (a relaxation that is already infeasible proves the core empty).
  const rows = new CoalitionRowGeneration(n, v, options.rowsPerRound ?? 4 * n, false);
  const solution = rows.solve(core, (active) => {
    const answer = solve({
      sense: 'minimize',
      variables,
      constraints: [...pairs, ...active.map(coalitionRow), coalitionRow(grand)],
    });
    if (answer.status === 'infeasible') throw emptyCore();
    if (answer.status !== 'optimal') {
      throw new NorthboundError(
        'internal',
        `Cannot ${attempted}: the LP solver answered ${answer.status}, expected optimal`,
        { status: answer.status },
      );
    }
    return answer;
  });
  return new Map(partners.map((partner, i) => [partner, solution.values[i]! * scale]));
}
