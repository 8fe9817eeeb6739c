/**
 * Plans out of relaxations, for the backhaul-chain search (backhaul-chains.ts, "plans" in its header): a
 * relaxed solution may give one opener to two trucks, or haul it as another truck's final load, so it is
 * repaired into a plan — trucks in order of their relaxed value keep their chain while its opener is still
 * free, the rest fall back to their direct load or home — and the best plan so far is kept as the
 * incumbent the search prunes against. Apart from the search because this is the only code that builds
 * TruckChoices, the shape plan-backhauls.ts reads.
 */
import type { ChainOption, ChainOptions } from './backhaul-chain-options.ts';
import type { ChainRelaxations, Relaxation } from './backhaul-chain-relaxation.ts';

/** One load in a truck's plan: its index in the input loads, when it is picked up, the empty miles to it. */
export interface ChosenLeg {
  readonly load: number;
  readonly pickupAtMs: number;
  readonly deadheadMiles: number;
}

/** A truck's part of the plan; no legs = drive home empty (value 0). */
export interface TruckChoice {
  readonly legs: readonly ChosenLeg[];
  readonly valueCents: number;
  /** Empty miles home after the last delivery (from where it stands when there are no legs). */
  readonly homeMiles: number;
}

export function totalCents(choices: readonly TruckChoice[]): number {
  return choices.reduce((sum, c) => sum + c.valueCents, 0);
}

/** The best plan found so far; starts with every truck driving home empty (0 cents). */
export class IncumbentPlan {
  choices: TruckChoice[];
  cents = 0;

  constructor(
    private readonly options: ChainOptions,
    private readonly relaxations: ChainRelaxations,
  ) {
    this.choices = Array.from({ length: options.truckCount }, (_, i) => this.homeChoice(i));
  }

  /** Repairs a relaxation into a plan and keeps it when it beats the incumbent. */
  offer(relaxation: Relaxation): void {
    const repaired = this.repair(relaxation);
    if (totalCents(repaired) > this.cents) [this.choices, this.cents] = [repaired, totalCents(repaired)];
  }

  /** Turns a relaxed solution into a plan: a conflicting chain falls back to its direct arc or home. */
  private repair(relaxation: Relaxation): TruckChoice[] {
    const { truckCount: t, loadCount: m, pairsOf, openers } = this.options;
    const relaxations = this.relaxations;
    const taken = new Set<number>();
    for (let n = 0; n < m; n++) if (relaxation.solution.colToRow[n]! >= 0) taken.add(n);
    const byValue = [...Array(t).keys()].sort(
      (x, y) => relaxations.valueOf(relaxation, y) - relaxations.valueOf(relaxation, x),
    );
    const choices: TruckChoice[] = new Array<TruckChoice>(t);
    for (const i of byValue) {
      const n = relaxation.solution.rowToCol[i]!;
      const chain = relaxations.chainUsed(relaxation, i);
      if (n >= 0 && chain !== null) {
        const d = openers.problem.colIndex[chain[0]]!;
        if (!taken.has(d)) {
          taken.add(d);
          choices[i] = this.chainChoice(chain);
          continue;
        }
      }
      const options = n >= 0 ? pairsOf[i]!.get(n)! : null;
      choices[i] =
        options !== null && options.directArc >= 0
          ? this.directChoice(options.directArc)
          : this.homeChoice(i);
    }
    return choices;
  }

  private homeChoice(i: number): TruckChoice {
    return { legs: [], valueCents: 0, homeMiles: this.options.direct.emptyHomeMiles[i]! };
  }

  private directChoice(p: number): TruckChoice {
    const { direct } = this.options;
    const { pickupAtMs, deadheadMiles, homeMiles } = direct.arcFacts(p);
    return {
      legs: [{ load: direct.problem.colIndex[p]!, pickupAtMs, deadheadMiles }],
      valueCents: -direct.problem.cost[p]!,
      homeMiles,
    };
  }

  private chainChoice([a, q, cents]: ChainOption): TruckChoice {
    const { openers, seconds } = this.options;
    const opener = openers.arcFacts(a);
    const second = seconds.arcFacts(q);
    return {
      legs: [
        {
          load: openers.problem.colIndex[a]!,
          pickupAtMs: opener.pickupAtMs,
          deadheadMiles: opener.deadheadMiles,
        },
        {
          load: seconds.problem.colIndex[q]!,
          pickupAtMs: second.pickupAtMs,
          deadheadMiles: second.deadheadMiles,
        },
      ],
      valueCents: cents,
      homeMiles: second.homeMiles,
    };
  }
}
