import { describe, expect, it } from 'vitest';
import { CA_PROVINCES, US_STATES, type Region } from '../domain/regions.ts';
import { outreachLanguage } from './outreach-language.ts';

describe('outreachLanguage', () => {
  it('drafts in French for a prospect shipping to Quebec, whoever the rep is', () => {
    expect(outreachLanguage({ laneDestRegion: 'QC', repRegion: null })).toBe('fr');
    expect(outreachLanguage({ laneDestRegion: 'QC', repRegion: 'ON' })).toBe('fr');
    expect(outreachLanguage({ laneDestRegion: 'QC', repRegion: 'TX' })).toBe('fr');
  });

  it('drafts in French for a rep working from Quebec', () => {
    expect(outreachLanguage({ laneDestRegion: 'ON', repRegion: 'QC' })).toBe('fr');
  });

  it('drafts in English for every other destination and rep region', () => {
    const regions: Region[] = [...US_STATES, ...CA_PROVINCES];
    for (const laneDestRegion of regions)
      for (const repRegion of [null, ...regions]) {
        const expected = laneDestRegion === 'QC' || repRegion === 'QC' ? 'fr' : 'en';
        expect(outreachLanguage({ laneDestRegion, repRegion }), `${laneDestRegion} / ${repRegion}`).toBe(
          expected,
        );
      }
    expect(outreachLanguage({ laneDestRegion: 'NB', repRegion: 'NB' })).toBe('en');
  });
});
