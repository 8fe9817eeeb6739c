import { describe, expect, it } from 'vitest';
import {
  AUSTIN,
  DAY,
  DENVER,
  FORT_WORTH,
  columnsOf,
  dallasLanding,
  scoringOptions,
  type SignalSpec,
} from './intent-fixtures.test-support.ts';
import { TIER_A, TIER_B, TIER_C } from './prospect-tier.ts';
import { rankProspects } from './rank-prospects.ts';
import { scoreProspects } from './score-prospects.ts';

const score = (specs: readonly SignalSpec[], overrides = {}) => {
  const columns = columnsOf(specs);
  const scores = scoreProspects(columns, dallasLanding, scoringOptions(overrides));
  const at = (company: string) => columns.companyIds.indexOf(company);
  return { columns, scores, at };
};

describe('scoreProspects', () => {
  it('ranks a company that searched in 3 distinct weeks above a larger one that searched once', () => {
    // Size is not an input at all: "Big" searched once (it would lead a size ranking), "Repeat" in 3 weeks.
    const { scores, at } = score([
      { company: 'Repeat', daysAgo: 2 },
      { company: 'Repeat', daysAgo: 9 },
      { company: 'Repeat', daysAgo: 16 },
      { company: 'Big', daysAgo: 1 },
    ]);
    expect(scores.weeks30[at('Repeat')]).toBe(3);
    expect(scores.weeks30[at('Big')]).toBe(1);
    expect(scores.tier[at('Repeat')]).toBe(TIER_A);
    expect(scores.tier[at('Big')]).toBe(TIER_B); // strong fit, one recent search
    expect(scores.score[at('Repeat')]!).toBeGreaterThan(scores.score[at('Big')]!);
    const ranking = rankProspects(scores, { limit: 10 });
    expect(ranking.prospects.map((p) => p.companyId)).toEqual(['Repeat', 'Big']);
  });

  it('counts a burst of 20 duplicate rows once, and the burst does not make tier A', () => {
    const burst: SignalSpec[] = Array.from({ length: 20 }, (_, i) => ({
      company: 'Burst',
      daysAgo: 3 + (i * 30_000) / DAY, // every 30 s, same searcher and lane
    }));
    const { scores, at } = score(burst);
    const c = at('Burst');
    expect(scores.rawCount90[c]).toBe(20);
    expect(scores.count90[c]).toBe(1);
    expect(scores.weeks90[c]).toBe(1);
    expect(scores.tier[c]).not.toBe(TIER_A);
  });

  it('keeps a burst over many lanes in one week out of tier A (one week is not repeat behaviour)', () => {
    const provinces = ['ON', 'QC', 'AB', 'BC', 'MB'] as const;
    const burst: SignalSpec[] = Array.from({ length: 20 }, (_, i) => ({
      company: 'Bot',
      daysAgo: 5 + (i * 30_000) / DAY, // every 30 s: each lane repeats 5 min later
      destRegion: provinces[i % provinces.length]!,
      equipment: i % 2 === 0 ? 'dry_van' : 'reefer',
    }));
    const { scores, at } = score(burst);
    expect(scores.count90[at('Bot')]).toBe(10); // 5 provinces × 2 equipment: distinct lanes count
    expect(scores.tier[at('Bot')]).not.toBe(TIER_A);
  });

  it('gives tier A only where the fleet fits: near a zone, with equipment that lands there', () => {
    const weekly = (company: string, extra: Partial<SignalSpec>): SignalSpec[] =>
      [2, 9, 16, 23].map((daysAgo) => ({ company, daysAgo, ...extra }));
    const { scores, at } = score([
      ...weekly('Near', {}),
      ...weekly('Far', { at: DENVER, originRegion: 'CO', city: 'Denver' }),
      ...weekly('Flatbed', { equipment: 'flatbed' }),
      ...weekly('Reefer', { equipment: 'reefer' }),
    ]);
    expect(scores.tier[at('Near')]).toBe(TIER_A);
    expect(scores.proximity[at('Far')]).toBe(0);
    expect(scores.tier[at('Far')]).toBe(TIER_C); // repeat, but 660 mi from every zone
    expect(scores.equipmentFit[at('Flatbed')]).toBe(0);
    expect(scores.tier[at('Flatbed')]).toBe(TIER_B); // repeat with weaker fit
    expect(scores.equipmentFit[at('Reefer')]).toBeCloseTo(0.5, 10); // a reefer every other week
    expect(scores.tier[at('Reefer')]).toBe(TIER_A);
    expect(scores.score[at('Near')]!).toBeGreaterThan(scores.score[at('Reefer')]!);
    expect(scores.score[at('Reefer')]!).toBeGreaterThan(scores.score[at('Flatbed')]!);
  });

  it('measures origin consistency against the modal origin, within 50 mi', () => {
    const { scores, at } = score([
      { company: 'Two', daysAgo: 2 },
      { company: 'Two', daysAgo: 9 },
      { company: 'Two', daysAgo: 12, at: FORT_WORTH, city: 'Fort Worth' }, // 31 mi away: consistent
      { company: 'Two', daysAgo: 16, at: AUSTIN, city: 'Austin' }, // 182 mi away
    ]);
    expect(scores.originConsistency[at('Two')]).toBeCloseTo(0.75, 10);
    expect(scores.proximity[at('Two')]).toBe(1);
  });

  it('scores destination fit as the share bound for served provinces', () => {
    const { scores, at } = score([
      { company: 'Mixed', daysAgo: 2, destRegion: 'ON' },
      { company: 'Mixed', daysAgo: 9, destRegion: 'AB' },
    ]);
    expect(scores.destinationFit[at('Mixed')]).toBeCloseTo(0.5, 10);
  });

  it('ignores signals at or after asOf, and companies whose searches are all older than 90 days', () => {
    const { scores, at } = score([
      { company: 'Future', daysAgo: 0 },
      { company: 'Future', daysAgo: -3 },
      { company: 'Old', daysAgo: 95 },
    ]);
    expect(scores.active[at('Future')]).toBe(0);
    expect(scores.active[at('Old')]).toBe(0);
  });

  it('reads momentum near 0.5 for a steady searcher and high for one that surges', () => {
    const steady: SignalSpec[] = Array.from({ length: 15 }, (_, w) => ({
      company: 'Steady',
      daysAgo: 3 + 7 * w,
    }));
    const surging: SignalSpec[] = [
      ...Array.from({ length: 12 }, (_, w) => ({ company: 'Surge', daysAgo: 24 + 7 * w })),
      ...Array.from({ length: 9 }, (_, i) => ({ company: 'Surge', daysAgo: 1 + 2 * i, searcher: `s${i}` })),
    ];
    const { scores, at } = score([...steady, ...surging]);
    expect(scores.momentum[at('Steady')]!).toBeGreaterThan(0.3);
    expect(scores.momentum[at('Steady')]!).toBeLessThan(0.7);
    expect(scores.momentum[at('Surge')]!).toBeGreaterThan(0.95);
  });

  it('leaves industry fit out unless the carrier states strengths', () => {
    const specs: SignalSpec[] = [
      { company: 'Food', daysAgo: 2, industry: 'food' },
      { company: 'Steel', daysAgo: 2, industry: 'metals' },
    ];
    const plain = score(specs);
    expect(Number.isNaN(plain.scores.industryFit[plain.at('Food')]!)).toBe(true);
    expect(plain.scores.score[plain.at('Food')]).toBe(plain.scores.score[plain.at('Steel')]);
    const strong = score(specs, { strengths: ['food'] });
    expect(strong.scores.industryFit[strong.at('Food')]).toBe(1);
    expect(strong.scores.industryFit[strong.at('Steel')]).toBe(0);
    expect(strong.scores.score[strong.at('Food')]!).toBeGreaterThan(strong.scores.score[strong.at('Steel')]!);
  });
});
