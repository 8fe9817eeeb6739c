import { describe, expect, it } from 'vitest';
import type { Equipment } from '../domain/equipment.ts';
import type { OutreachLanguage, ProspectLane } from '../domain/outreach-task.ts';
import type { EquipmentLanding, LandingMarket } from '../zones/landing-zone.ts';
import { draftBrokerBrief } from './draft-broker-brief.ts';
import { narrativeFacts, type NarrativeInput } from './narrative-facts.ts';

const landing = (equipment: Equipment, trucksPerWeek: number, consistency: number): EquipmentLanding => ({
  equipment,
  arrivals: Math.round(trucksPerWeek * 13),
  share: 1,
  trucksPerWeek,
  consistency,
});

/** Memphis, TN landing 4.6 reefers a week (all weeks, ⌊4.6⌋ = 4 committable), Monday to Wednesday. */
function memphis(overrides: Partial<LandingMarket> = {}): LandingMarket {
  return {
    key: '4641239',
    label: 'Memphis, TN',
    marketId: null,
    region: 'TN',
    lat: 35.15,
    lon: -90.05,
    arrivals: 80,
    trucks: 12,
    weeklyTrucks: [],
    trucksPerWeek: { mean: 7.3, median: 7 },
    consistency: 1,
    equipment: [landing('reefer', 4.6, 1), landing('dry_van', 2.7, 0.9)],
    weekdays: [20, 25, 20, 5, 5, 0, 0],
    busiestWeekdays: [1, 0, 2],
    trend: { previousMean: 7, ratio: 1, direction: 'flat' },
    strength: 7.3,
    isLandingZone: true,
    rank: 1,
    primary: true,
    reloadRadiusMiles: 100,
    ...overrides,
  };
}

const lane = (overrides: Partial<ProspectLane> = {}): ProspectLane => ({
  originLabel: 'Olive Branch, MS',
  originRegion: 'MS',
  destRegion: 'QC',
  equipment: 'reefer',
  ...overrides,
});

function brief(overrides: Partial<NarrativeInput> = {}, laneOverrides: Partial<ProspectLane> = {}): string {
  return draftBrokerBrief(
    narrativeFacts({
      carrierName: 'Transports Boréal',
      terminals: [
        { region: 'QC', lat: 45.5, lon: -73.57, trucks: 40 },
        { region: 'ON', lat: 43.65, lon: -79.38, trucks: 25 },
      ],
      zone: memphis(),
      prospect: {
        companyName: 'Delta Produce',
        lane: lane(laneOverrides),
        searches90: 9,
        weeks90: 5,
        lastSearchAt: new Date('2026-11-18T12:00:00Z'),
      },
      rep: { name: 'Marc Gagnon', email: 'marc@boreal.ca' },
      language: 'en',
      ...overrides,
    }),
  );
}

const numbersIn = (text: string): number[] => (text.match(/\d+(?:[.,]\d+)?/g) ?? []).map(Number);

describe('draftBrokerBrief', () => {
  it('quotes the trucks landing near the origin, their weekdays, committed loads and the home province', () => {
    // Memphis → Montréal ≈ 1,070 great-circle mi × 1.2 ≈ 1,290 road mi ÷ 550 → 2.3 → 3 days.
    expect(brief()).toBe(
      'Transports Boréal, northbound capacity for Olive Branch, MS → Quebec (reefers). ' +
        'We land 5 reefers a week in Memphis, TN, Monday to Wednesday, heading home to Quebec (a 3-day drive). ' +
        'We can commit 4 northbound loads a week out of Memphis, TN, and we are building committed, predictable ' +
        'partnerships for those trucks; this lane runs the way they already head home. ' +
        'Contact: Marc Gagnon (marc@boreal.ca).',
    );
  });

  it('writes the same brief in Canadian French', () => {
    expect(brief({ language: 'fr' })).toBe(
      'Transports Boréal, capacité vers le nord pour Olive Branch, MS → Québec (camions réfrigérés). ' +
        'Nous avons 5 camions réfrigérés par semaine qui livrent à Memphis, TN, du lundi au mercredi, avant de ' +
        'rentrer au Québec (à 3 jours de route). Nous pouvons garantir 4 chargements par semaine vers le nord au ' +
        'départ de Memphis, TN, et nous bâtissons des partenariats durables et prévisibles pour ces camions; ce ' +
        'trajet suit justement leur route de retour. Personne-ressource\u00a0: Marc Gagnon (marc@boreal.ca).',
    );
  });

  it('follows the zone: other trucks, days and commitment give other numbers', () => {
    const text = brief({ zone: memphis({ equipment: [landing('reefer', 2.4, 0.5)], busiestWeekdays: [4] }) });
    expect(text).toContain('We land 2 reefers a week in Memphis, TN, on Fridays, heading home to Quebec');
    expect(text).toContain('We can commit 1 northbound load a week');
    expect(numbersIn(text).sort()).toEqual([1, 2, 3]);
  });

  it('quotes only facts, and never the prospect, in every case', () => {
    const cases: [OutreachLanguage, LandingMarket | null, Partial<ProspectLane>][] = [];
    for (const language of ['en', 'fr'] as const)
      for (const zone of [memphis(), memphis({ equipment: [landing('reefer', 0.8, 0.7)] }), null])
        for (const laneOverrides of [{}, { equipment: 'flatbed' as const }, { destRegion: 'AB' as const }])
          cases.push([language, zone, laneOverrides]);
    for (const [language, zone, laneOverrides] of cases) {
      const text = brief({ language, zone }, laneOverrides);
      expect(text).not.toContain('Delta Produce');
      expect(text).not.toMatch(/\b(do|would) you have\b|\bany (freight|loads)\b|\bavez-vous\b/i);
      const allowed = zone === null ? [] : [5, 7, 4, 3]; // reefers 4.6, total 7.3, committed ⌊4.6⌋, transit
      for (const n of numbersIn(text)) expect(allowed, `${language} ${text}`).toContain(n);
    }
  });

  it('says plainly when it cannot commit: another equipment, or no zone within reach', () => {
    expect(brief({}, { equipment: 'flatbed' })).toContain(
      'We land 7 trucks a week in Memphis, TN, Monday to Wednesday, heading home to Quebec (a 3-day drive). ' +
        'We have no flatbeds landing there yet, so we cannot commit capacity on this lane today.',
    );
    const none = brief({ zone: null, rep: null });
    expect(none).toBe(
      'Transports Boréal, northbound capacity for Olive Branch, MS → Quebec (reefers). We are a carrier based ' +
        "in Quebec and Ontario, building committed northbound partnerships for our trucks' trips home; none of " +
        'our trucks land near Olive Branch, MS week after week yet, so we cannot commit capacity on this lane ' +
        'today. Contact: Transports Boréal.',
    );
    expect(brief({ zone: null, language: 'fr' }, { originLabel: 'MS' })).toContain(
      'aucun de nos camions ne livre encore chaque semaine près du Mississippi',
    );
  });

  it('does not claim the lane runs home when its destination is not a home province', () => {
    const text = brief({}, { destRegion: 'AB' });
    expect(text).toContain('heading home to Quebec');
    expect(text).toContain('for Olive Branch, MS → Alberta (reefers)');
    expect(text).not.toContain('this lane runs the way they already head home');
  });
});
