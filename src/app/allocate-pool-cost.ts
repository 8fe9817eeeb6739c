/**
 * One allocation of a pool's weekly cost among its partners, by the method the broker picks
 * (DESIGN.md §3.7). Every method reads coalition costs through one memo, so a method that needs many
 * (Shapley, nucleolus, equal-profit: 2^n) solves each coalition's covering once, and the core check
 * afterwards reuses them.
 */
import { poolGameFor, type CoalitionCostOf } from '../collab/coalition-cost.ts';
import type { CoverLanesOptions } from '../collab/cover-lanes.ts';
import { dualAllocation } from '../collab/dual-allocation.ts';
import { DualBoundSurrogate } from '../collab/dual-bound-surrogate.ts';
import { equalProfit } from '../collab/equal-profit.ts';
import type { SolveLinearProgram } from '../collab/linear-program.ts';
import { nucleolus } from '../collab/nucleolus.ts';
import type { PoolLane } from '../collab/pool-lane.ts';
import { proportional } from '../collab/proportional.ts';
import { sampledShapley } from '../collab/sampled-shapley.ts';
import { MAX_EXACT_PARTNERS, exactShapley } from '../collab/shapley.ts';
import { NorthboundError } from '../domain/errors.ts';

/** Sampled Shapley stops once every 95% interval is within ±1% of max(share, mean share). */
const SAMPLED_RELATIVE_HALF_WIDTH = 0.01;

export const ALLOCATION_METHODS = ['shapley', 'dual', 'nucleolus', 'proportional', 'epm'] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];

export const isAllocationMethod = (value: string): value is AllocationMethod =>
  (ALLOCATION_METHODS as readonly string[]).includes(value);

export interface AllocationInput {
  readonly method: AllocationMethod;
  readonly partners: readonly string[];
  readonly lanes: readonly PoolLane[];
  readonly costOf: CoalitionCostOf;
  readonly cover: CoverLanesOptions;
  /** Loaded only by the LP methods (nucleolus, epm). */
  readonly linearProgramSolver: () => Promise<SolveLinearProgram>;
  /** The most join orders for sampled Shapley (pools above MAX_EXACT_PARTNERS); it stops at ±1% sooner. */
  readonly samples: number;
  readonly seed: number;
}

export interface PoolAllocation {
  readonly allocated: ReadonlyMap<string, number>;
  /** Sampled Shapley only: each share's 95% confidence interval. */
  readonly intervals: ReadonlyMap<string, { readonly low: number; readonly high: number }> | null;
  /** How it was computed, in words, for the plan's reader. */
  readonly how: string;
}

export async function allocatePoolCost(input: AllocationInput): Promise<PoolAllocation> {
  const { partners, costOf } = input;
  const n = partners.length;
  const exact = `exact over all ${2 ** n - 1} coalitions`;
  switch (input.method) {
    case 'dual':
      return {
        allocated: dualAllocation(input.lanes, partners, input.cover),
        intervals: null,
        how: 'LP duals of the pooled covering: each lane pays its reduced cost (one solve)',
      };
    case 'proportional':
      return {
        allocated: proportional(partners, costOf),
        intervals: null,
        how: 'pooled cost split in proportion to stand-alone cost',
      };
    case 'shapley': {
      if (n <= MAX_EXACT_PARTNERS)
        return { allocated: exactShapley(partners, costOf), intervals: null, how: exact };
      // The pool's own game: a dual-bound surrogate as control variate, and single draws that solve
      // only the drawn partner's equipments (both in src/collab; same shares in expectation, far fewer
      // coverings for the same width).
      const game = poolGameFor(input.lanes, input.cover);
      const sampled = sampledShapley(partners, costOf, {
        samples: input.samples,
        seed: input.seed,
        relativeHalfWidth: SAMPLED_RELATIVE_HALF_WIDTH,
        controlVariate: new DualBoundSurrogate(game, partners, { seed: input.seed }),
        marginalCostOf: (coalition, partner) => game.marginalCost(coalition, partner),
      });
      const percent = (100 * sampled.widestRelativeHalfWidth).toFixed(1);
      return {
        allocated: new Map([...sampled.shares].map(([partner, share]) => [partner, share.share])),
        intervals: new Map(
          [...sampled.shares].map(([partner, share]) => [partner, { low: share.low, high: share.high }]),
        ),
        how:
          `sampled from ${sampled.samples} random join orders` +
          (sampled.targetedDraws > 0
            ? ` and ${sampled.targetedDraws} single draws for the widest shares`
            : '') +
          ` (seed ${input.seed}, stratified by join position; a dual-bound surrogate over ` +
          `${sampled.surrogateOrders} more orders as control variate), 95% intervals shown, ` +
          `the widest ±${percent}% of max(share, mean share)`,
      };
    }
    case 'nucleolus':
    case 'epm': {
      if (n > MAX_EXACT_PARTNERS) {
        throw new NorthboundError(
          'invalid_input',
          `Cannot allocate ${n} partners by ${input.method}: it enumerates coalitions, limited to ${MAX_EXACT_PARTNERS} partners; use --method shapley (sampled) or dual`,
          { partners: n, method: input.method },
        );
      }
      const solve = await input.linearProgramSolver();
      return input.method === 'nucleolus'
        ? { allocated: nucleolus(partners, costOf, solve), intervals: null, how: `sequence of LPs, ${exact}` }
        : {
            allocated: equalProfit(partners, costOf, solve),
            intervals: null,
            how: `equal relative savings within the core (one LP), ${exact}`,
          };
    }
  }
}
