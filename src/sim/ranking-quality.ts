/**
 * Ranking quality against a set of relevant ids: precision@k (share of the top k that are relevant)
 * and NDCG@k with binary gains (DCG of the ranking ÷ DCG of a perfect one: relevant ids first).
 */
export interface RankingQuality {
  readonly precision: Readonly<Record<number, number>>;
  readonly ndcg: Readonly<Record<number, number>>;
}

export const EVALUATION_CUTOFFS = [10, 20, 50] as const;

export function rankingQuality(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  cutoffs: readonly number[] = EVALUATION_CUTOFFS,
): RankingQuality {
  const precision: Record<number, number> = {};
  const ndcg: Record<number, number> = {};
  for (const k of cutoffs) {
    let hits = 0;
    let dcg = 0;
    for (let i = 0; i < Math.min(k, ranked.length); i++) {
      if (!relevant.has(ranked[i]!)) continue;
      hits++;
      dcg += 1 / Math.log2(i + 2);
    }
    let ideal = 0;
    for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
    precision[k] = hits / k;
    ndcg[k] = ideal > 0 ? dcg / ideal : 0;
  }
  return { precision, ndcg };
}
