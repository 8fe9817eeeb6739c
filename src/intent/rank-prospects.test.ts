import { describe, expect, it } from 'vitest';
import {
  DENVER,
  columnsOf,
  dallasLanding,
  scoringOptions,
  type SignalSpec,
} from './intent-fixtures.test-support.ts';
import { rankProspects } from './rank-prospects.ts';
import { scoreProspects } from './score-prospects.ts';

const weekly = (company: string, weeks: number, extra: Partial<SignalSpec> = {}): SignalSpec[] =>
  Array.from({ length: weeks }, (_, w) => ({ company, daysAgo: 2 + 7 * w, ...extra }));

const scores = scoreProspects(
  columnsOf([
    ...weekly('A-strong', 6),
    ...weekly('A-weaker', 3, { searcher: null }),
    ...weekly('B-far-ish', 4, { at: { lat: 34.5, lon: -97.0 }, originRegion: 'OK', city: 'Ardmore' }),
    ...weekly('C-denver', 5, { at: DENVER, originRegion: 'CO', city: 'Denver' }),
  ]),
  dallasLanding,
  scoringOptions(),
);

describe('rankProspects', () => {
  it('orders by tier, then score', () => {
    const ranking = rankProspects(scores, { limit: 10 });
    expect(ranking.prospects.map((p) => [p.companyId, p.tier])).toEqual([
      ['A-strong', 'A'],
      ['A-weaker', 'A'],
      ['B-far-ish', 'B'],
      ['C-denver', 'C'],
    ]);
    expect(ranking.byTier).toEqual({ A: 2, B: 1, C: 1 });
    expect(ranking.prospects.map((p) => p.rank)).toEqual([1, 2, 3, 4]);
  });

  it('filters by tier and by zone, and limits', () => {
    expect(rankProspects(scores, { tier: 'A', limit: 1 }).prospects.map((p) => p.companyId)).toEqual([
      'A-strong',
    ]);
    expect(rankProspects(scores, { tier: 'A', limit: 1 }).total).toBe(2);
    // Denver is beyond reach of the Dallas zone (proximity 0): not in its segment.
    const dallas = rankProspects(scores, { zone: 'dallas, tx', limit: 10 });
    expect(dallas.prospects.map((p) => p.companyId)).toEqual(['A-strong', 'A-weaker', 'B-far-ish']);
    expect(rankProspects(scores, { zone: 'Chicago', limit: 10 }).total).toBe(0);
  });

  it('explains every prospect in numbers that match its components', () => {
    const [top] = rankProspects(scores, { limit: 1 }).prospects;
    expect(top?.components.searches.d90).toBe(6);
    expect(top?.components.distinctWeeks.d90).toBe(6);
    expect(top?.explanation).toBe(
      '6 searches over 6 weeks for dry van Dallas, TX→ON, last 2 days ago; ' +
        'origin 0 mi from your Dallas, TX zone, 6 dry van trucks/wk land within 100 mi; ' +
        // Six weekly searches started 6 weeks ago: 3 in the last 3 weeks against 3 in the 12 before.
        'searching more than usual (3 in 3 weeks, 0.8 expected)',
    );
  });
});
