/**
 * Use case: does the ranking find recurring freight (DESIGN.md §3.10)? For each seed, generate the
 * demo world, score its companies as of its as-of date, and compare the ranking with the world's
 * latent truth beside the size and raw-count baselines: precision@10/20/50 and NDCG. Worlds are
 * scored from their rows in memory (src/sim/world-intent-inputs.ts — the same parsers and cores as
 * the store path, which a parity test pins), so five default worlds take tens of seconds, not minutes.
 */
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { Province } from '../domain/regions.ts';
import { DEFAULT_INTENT_WEIGHTS, type IntentWeights } from '../intent/scoring-options.ts';
import { evaluateWorld, type WorldEvaluation } from '../sim/evaluate-world.ts';
import { generateWorld } from '../sim/generate-world.ts';
import { EVALUATION_CUTOFFS, type RankingQuality } from '../sim/ranking-quality.ts';
import { worldIntentInputs } from '../sim/world-intent-inputs.ts';
import type { WorldSize } from '../sim/world-size.ts';
import { DEFAULT_LANDING_ZONE_OPTIONS } from '../zones/landing-zone.ts';
import type { Progress } from './ports.ts';
import type { DemoWorldPort } from './run-demo.ts';

export interface EvaluateInput {
  readonly seeds: readonly number[];
  readonly size: WorldSize;
  readonly asOf: Date;
  readonly weights?: IntentWeights | undefined;
  readonly homeProvinces?: readonly Province[] | undefined;
}

export interface SeedEvaluation extends WorldEvaluation {
  readonly seed: number;
  readonly signalsScored: number;
}

export interface EvaluationReport {
  readonly size: WorldSize;
  readonly asOf: Date;
  readonly weights: IntentWeights;
  readonly seeds: readonly SeedEvaluation[];
  readonly mean: { readonly nearZones: MeanQuality; readonly nearTruthMarkets: MeanQuality };
}

export interface MeanQuality {
  readonly ours: RankingQuality;
  readonly bySize: RankingQuality;
  readonly byRawCount: RankingQuality;
}

function meanQuality(runs: readonly RankingQuality[]): RankingQuality {
  const precision: Record<number, number> = {};
  const ndcg: Record<number, number> = {};
  for (const k of EVALUATION_CUTOFFS) {
    precision[k] = runs.reduce((sum, r) => sum + (r.precision[k] ?? 0), 0) / runs.length;
    ndcg[k] = runs.reduce((sum, r) => sum + (r.ndcg[k] ?? 0), 0) / runs.length;
  }
  return { precision, ndcg };
}

export async function evaluateProspects(
  deps: { readonly world: DemoWorldPort; readonly gazetteer: Gazetteer; readonly progress: Progress },
  input: EvaluateInput,
): Promise<EvaluationReport> {
  const weights = input.weights ?? DEFAULT_INTENT_WEIGHTS;
  const reference = deps.world.referenceData();
  const seeds: SeedEvaluation[] = [];
  deps.progress.start('evaluating seeds', input.seeds.length);
  for (const seed of input.seeds) {
    const world = generateWorld(reference, deps.gazetteer, {
      size: input.size,
      seed,
      asOf: input.asOf,
      ...(input.homeProvinces === undefined ? {} : { homeProvinces: input.homeProvinces }),
    });
    const inputs = worldIntentInputs(world, deps.gazetteer, input.asOf, {
      deliveryWeeks: 2 * DEFAULT_LANDING_ZONE_OPTIONS.weeks,
    });
    const evaluation = evaluateWorld(inputs, [...world.truth()], deps.gazetteer, input.asOf, weights);
    seeds.push({ seed, signalsScored: inputs.columns.length, ...evaluation });
    deps.progress.update(seeds.length);
    // Let the progress bar and other work run between worlds.
    await new Promise((resolve) => setImmediate(resolve));
  }
  deps.progress.stop();
  return {
    size: input.size,
    asOf: input.asOf,
    weights,
    seeds,
    mean: {
      nearZones: {
        ours: meanQuality(seeds.map((s) => s.nearZones.ours)),
        bySize: meanQuality(seeds.map((s) => s.nearZones.bySize)),
        byRawCount: meanQuality(seeds.map((s) => s.nearZones.byRawCount)),
      },
      nearTruthMarkets: {
        ours: meanQuality(seeds.map((s) => s.nearTruthMarkets.ours)),
        bySize: meanQuality(seeds.map((s) => s.nearTruthMarkets.bySize)),
        byRawCount: meanQuality(seeds.map((s) => s.nearTruthMarkets.byRawCount)),
      },
    },
  };
}
