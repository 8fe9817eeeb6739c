import { describe, expect, it } from 'vitest';
import type { Equipment } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { OutreachDraft, OutreachLanguage, ProspectLane } from '../domain/outreach-task.ts';
import type { EquipmentLanding, LandingMarket } from '../zones/landing-zone.ts';
import { SOCIAL_NOTE_MAX_CHARS, draftOutreach } from './draft-outreach.ts';
import {
  narrativeFacts,
  type HomeTerminal,
  type NarrativeFacts,
  type NarrativeInput,
} from './narrative-facts.ts';

/** Miles per degree of latitude on geo.ts's sphere: a point d miles due north is d / this degrees up. */
const MILES_PER_DEGREE = (3958.7613 * Math.PI) / 180;

const landing = (equipment: Equipment, trucksPerWeek: number, consistency: number): EquipmentLanding => ({
  equipment,
  arrivals: Math.round(trucksPerWeek * 13),
  share: 1,
  trucksPerWeek,
  consistency,
});

/** Dallas, TX landing 6.2 dry vans a week (9 weeks in 10), Tuesday to Thursday, busiest first. */
function dallas(overrides: Partial<LandingMarket> = {}): LandingMarket {
  return {
    key: '4684888',
    label: 'Dallas, TX',
    marketId: null,
    region: 'TX',
    lat: 32.78,
    lon: -96.81,
    arrivals: 120,
    trucks: 30,
    weeklyTrucks: [],
    trucksPerWeek: { mean: 8.1, median: 8 },
    consistency: 1,
    equipment: [landing('dry_van', 6.2, 0.9), landing('flatbed', 1.9, 0.8)],
    weekdays: [2, 30, 40, 35, 10, 2, 1],
    busiestWeekdays: [2, 1, 3],
    trend: { previousMean: 8, ratio: 1, direction: 'flat' },
    strength: 8.1,
    isLandingZone: true,
    rank: 1,
    primary: true,
    reloadRadiusMiles: 100,
    ...overrides,
  };
}

const TORONTO: HomeTerminal = { region: 'ON', lat: 43.65, lon: -79.38, trucks: 50 };
const MONTREAL: HomeTerminal = { region: 'QC', lat: 45.5, lon: -73.57, trucks: 20 };

const lane = (overrides: Partial<ProspectLane> = {}): ProspectLane => ({
  originLabel: 'Chino, CA',
  originRegion: 'CA',
  destRegion: 'ON',
  equipment: 'dry_van',
  ...overrides,
});

function input(overrides: Partial<NarrativeInput> = {}): NarrativeInput {
  return {
    carrierName: 'Transports Boréal',
    terminals: [TORONTO, MONTREAL],
    zone: dallas(),
    prospect: {
      companyName: 'Acme Foods',
      lane: lane(),
      searches90: 7,
      weeks90: 4,
      lastSearchAt: new Date('2026-11-20T15:00:00Z'),
    },
    rep: { name: 'Julie Tremblay', email: 'julie@boreal.ca' },
    language: 'en',
    ...overrides,
  };
}

const draft = (overrides: Partial<NarrativeInput> = {}): OutreachDraft =>
  draftOutreach(narrativeFacts(input(overrides)));

const texts = (d: OutreachDraft): string[] => [d.email.subject, d.email.body, d.callOpener, d.socialNote];
const numbersIn = (text: string): number[] => (text.match(/\d+(?:[.,]\d+)?/g) ?? []).map(Number);

/** Asking for freight, in either language: what the product must never write. */
const ASKS_FOR_FREIGHT = [
  /\b(do|does|would|could|can|will) you (have|got)\b[^.?!]*\b(freight|loads?|shipments?|cargo)\b/i,
  /\bany (freight|loads?|shipments?|cargo)\b/i,
  /\b(freight|loads?|shipments?) for us\b/i,
  /\b(avez|auriez|aurez)-vous\b[^.?!]*\b(fret|chargements?|marchandises|cargaisons?|charges?)\b/i,
  /\b(du|des) (fret|chargements?|marchandises|charges) (à|pour) nous\b/i,
];
const ENGLISH_WORDS =
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|dry vans?|reefers?|flatbeds?|step decks?|tankers?|trucks?|freight|loads?|week)\b/i;

/** Every shape a draft can take: both languages × zone with commitment, without, fallback, none. */
function everyDraft(): { name: string; facts: NarrativeFacts; draft: OutreachDraft }[] {
  const zones: [string, LandingMarket | null, ProspectLane][] = [
    ['committed zone', dallas(), lane()],
    ['uncommitted zone', dallas({ equipment: [landing('dry_van', 0.7, 0.6)] }), lane()],
    ['fallback zone', dallas(), lane({ equipment: 'reefer' })],
    ['lane not home', dallas(), lane({ destRegion: 'BC' })],
    ['no zone', null, lane()],
  ];
  return (['en', 'fr'] as const).flatMap((language) =>
    zones.flatMap(([name, zone, prospectLane]) =>
      [null, { name: 'Julie Tremblay', email: null }].map((rep) => {
        const facts = narrativeFacts(
          input({ language, zone, rep, prospect: { ...input().prospect, lane: prospectLane } }),
        );
        return {
          name: `${language} ${name} ${rep === null ? 'unsigned' : 'signed'}`,
          facts,
          draft: draftOutreach(facts),
        };
      }),
    ),
  );
}

describe('narrativeFacts', () => {
  it('quotes the prospect equipment in its zone, commits ⌊trucks × consistency⌋ and heads home to the destination', () => {
    const facts = narrativeFacts(
      input({ prospect: { ...input().prospect, lane: lane({ destRegion: 'QC' }) } }),
    );
    expect(facts.zone).toEqual({
      label: 'Dallas, TX',
      equipment: 'dry_van',
      trucksPerWeek: 6.2,
      consistency: 0.9,
      committedLoadsPerWeek: 5, // ⌊6.2 × 0.9 = 5.58⌋
      busiestWeekdays: [1, 2, 3],
      // Dallas → Montréal ≈ 1,500 great-circle mi × 1.2 ≈ 1,800 road mi ÷ 550 → 3.3 → 4 days.
      transitDays: 4,
    });
    expect(facts.homeRegion).toBe('QC');
    expect(facts.laneGoesHome).toBe(true);
    expect(facts.homeRegions).toEqual(['ON', 'QC']);
    expect(facts.regularLane).toBe(true);
  });

  it("falls back to the largest terminal when no terminal is in the lane's destination", () => {
    const facts = narrativeFacts(
      input({
        terminals: [MONTREAL, TORONTO],
        prospect: { ...input().prospect, lane: lane({ destRegion: 'BC' }), weeks90: 2 },
      }),
    );
    expect(facts.homeRegion).toBe('ON');
    expect(facts.homeRegions).toEqual(['ON', 'QC']);
    expect(facts.laneGoesHome).toBe(false);
    expect(facts.zone?.transitDays).toBe(3); // Dallas → Toronto ≈ 1,200 mi × 1.2 ÷ 550 → 2.6 → 3
    expect(facts.regularLane).toBe(false);
  });

  it('counts transit days as ⌈great-circle × 1.2 ÷ 550⌉', () => {
    const home = (milesNorth: number): HomeTerminal => ({
      region: 'ON',
      lat: 32.78 + milesNorth / MILES_PER_DEGREE,
      lon: -96.81,
      trucks: 10,
    });
    const days = (milesNorth: number): number | undefined =>
      narrativeFacts(input({ terminals: [home(milesNorth)] })).zone?.transitDays;
    expect(days(458)).toBe(1); // 549.6 road mi
    expect(days(459)).toBe(2); // 550.8 road mi
    expect(days(916)).toBe(2); // 1,099.2 road mi
    expect(days(917)).toBe(3); // 1,100.4 road mi
    expect(days(0)).toBe(1); // a trip home is never less than a day
  });

  it('commits whole loads without float loss and quotes the zone total when the equipment does not land', () => {
    const exact = narrativeFacts(input({ zone: dallas({ equipment: [landing('dry_van', 6, 0.5)] }) }));
    expect(exact.zone?.committedLoadsPerWeek).toBe(3);
    const reefer = narrativeFacts(
      input({ prospect: { ...input().prospect, lane: lane({ equipment: 'reefer' }) } }),
    );
    expect(reefer.zone).toMatchObject({ equipment: null, trucksPerWeek: 8.1, consistency: 1 });
    expect(reefer.zone?.committedLoadsPerWeek).toBe(0);
    expect(narrativeFacts(input({ zone: null })).zone).toBeNull();
  });

  it('refuses data no draft could quote, saying what and why', () => {
    expect(() => narrativeFacts(input({ terminals: [] }))).toThrow(/Transports Boréal has no home terminals/);
    expect(() => narrativeFacts(input({ zone: dallas({ busiestWeekdays: [7] }) }))).toThrow(
      /zone Dallas, TX has a weekday outside 0 \(Monday\) … 6 \(Sunday\): 7/,
    );
    try {
      narrativeFacts(input({ terminals: [{ ...TORONTO, lat: 123 }] }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NorthboundError);
      expect((error as NorthboundError).code).toBe('invalid_input');
      expect((error as NorthboundError).message).toMatch(/terminal 0 \(ON\) has no valid point: 123, -79.38/);
    }
  });
});

describe('draftOutreach', () => {
  it('quotes 6 dry vans Tuesday to Thursday, 5 committed loads and 3 days home, in English', () => {
    const d = draft();
    for (const text of [d.email.body, d.callOpener, d.socialNote]) {
      expect(text).toContain(
        'We land 6 dry vans a week in Dallas, TX, Tuesday to Thursday, heading home to Ontario',
      );
      expect(text).toContain('commit 5 northbound loads a week');
    }
    expect(d.email.body).toContain('(a 3-day drive)');
    expect(d.email.subject).toBe('Committed northbound dry van capacity out of Dallas, TX');
    expect(d.email.body).toContain(
      'If you ship dry van freight from Chino, CA to Ontario on a regular basis',
    );
    expect(d.email.body.startsWith('Hello Acme Foods team,')).toBe(true);
    expect(d.email.body.endsWith('Best regards,\nJulie Tremblay\nTransports Boréal\njulie@boreal.ca')).toBe(
      true,
    );
    expect(d.callOpener.startsWith('Hi, this is Julie Tremblay with Transports Boréal.')).toBe(true);
  });

  it('quotes the same facts in French: camions, par semaine, du mardi au jeudi', () => {
    const d = draft({ language: 'fr' });
    expect(d.language).toBe('fr');
    for (const text of [d.email.body, d.callOpener, d.socialNote]) {
      expect(text).toContain(
        'Nous avons 6 camions à remorque sèche par semaine qui livrent à Dallas, TX, du mardi au jeudi, avant de rentrer en Ontario',
      );
      expect(text).toContain('garantir 5 chargements par semaine');
    }
    expect(d.email.body).toContain('(à 3 jours de route)');
    expect(d.email.body).toContain(
      "Si vous expédiez régulièrement des marchandises en remorque sèche de Chino, CA à destination de l'Ontario",
    );
    expect(d.email.body.startsWith("Bonjour à l'équipe d'Acme Foods,")).toBe(true);
    expect(d.email.subject).toBe(
      'Capacité garantie vers le nord au départ de Dallas, TX (camions à remorque sèche)',
    );
  });

  it('quotes only numbers that are facts: trucks/week, committed loads, transit days, search counts', () => {
    for (const { name, facts, draft: d } of everyDraft()) {
      const zone = facts.zone;
      const allowed = new Set([facts.searches90, facts.weeks90]);
      if (zone !== null) {
        if (zone.trucksPerWeek >= 1) allowed.add(Math.round(zone.trucksPerWeek));
        if (zone.committedLoadsPerWeek >= 1) allowed.add(zone.committedLoadsPerWeek);
        allowed.add(zone.transitDays);
      }
      for (const text of texts(d))
        for (const n of numbersIn(text)) expect(allowed, `${name}: ${n} in "${text}"`).toContain(n);
    }
  });

  it('changes the quoted numbers when the zone changes', () => {
    const zone = dallas({ equipment: [landing('dry_van', 9.4, 1)], busiestWeekdays: [0, 4] });
    const en = draft({ zone });
    const fr = draft({ zone, language: 'fr' });
    expect(en.email.body).toContain('We land 9 dry vans a week in Dallas, TX, on Mondays and Fridays');
    expect(en.email.body).toContain('commit 9 northbound loads');
    expect(fr.email.body).toContain(
      'Nous avons 9 camions à remorque sèche par semaine qui livrent à Dallas, TX, le lundi et le vendredi',
    );
    for (const text of [...texts(en), ...texts(fr)]) {
      expect(numbersIn(text)).not.toContain(6);
      expect(numbersIn(text)).not.toContain(5);
    }
  });

  it('says "most weeks" below one truck a week, and commits nothing it cannot', () => {
    const most = draft({ zone: dallas({ equipment: [landing('dry_van', 0.7, 0.6)] }) });
    expect(most.email.body).toContain(
      'One of our dry vans lands in Dallas, TX most weeks, Tuesday to Thursday',
    );
    expect(most.email.body).not.toMatch(/commit \d/);
    const some = draft({ zone: dallas({ equipment: [landing('dry_van', 0.3, 0.3)] }), language: 'fr' });
    expect(some.email.body).toContain(
      'Un de nos camions à remorque sèche livre à Dallas, TX certaines semaines, du mardi au jeudi',
    );
    const one = draft({ zone: dallas({ equipment: [landing('dry_van', 1.4, 0.6)] }) });
    expect(one.email.body).toContain('We land 1 dry van a week');
    expect(one.email.body).toContain(
      'committed northbound partnerships with shippers who want predictable capacity',
    );
  });

  it('phrases weekdays as a range only for a run of three or more, wrapping Sunday to Monday', () => {
    const days = (busiestWeekdays: number[], language: OutreachLanguage): string =>
      draft({ zone: dallas({ busiestWeekdays }), language }).callOpener;
    expect(days([6, 5, 0], 'en')).toContain('Dallas, TX, Saturday to Monday, heading');
    expect(days([6, 5, 0], 'fr')).toContain('Dallas, TX, du samedi au lundi, avant');
    expect(days([1, 2], 'en')).toContain('Dallas, TX, on Tuesdays and Wednesdays, heading');
    expect(days([3], 'fr')).toContain('Dallas, TX, le jeudi, avant');
    expect(days([0, 2, 4], 'en')).toContain('on Mondays, Wednesdays and Fridays');
    expect(days([0, 1, 2, 3, 4, 5, 6], 'fr')).toContain('tous les jours');
    expect(days([], 'en')).toContain('in Dallas, TX, heading home');
  });

  it('quotes the zone total as trucks of no stated kind when the prospect equipment does not land there', () => {
    const d = draft({ prospect: { ...input().prospect, lane: lane({ equipment: 'reefer' }) } });
    expect(d.email.body).toContain('We land 8 trucks a week in Dallas, TX');
    expect(d.email.body).not.toMatch(/\breefers\b/);
    expect(d.email.body).toContain('If you ship reefer freight from Chino, CA to Ontario');
    expect(d.email.subject).toBe('Committed northbound capacity out of Dallas, TX');
  });

  it('without a zone, quotes the home provinces and the lane and invents no zone or number', () => {
    for (const language of ['en', 'fr'] as const) {
      const d = draft({ zone: null, language, rep: null });
      for (const text of texts(d)) {
        expect(numbersIn(text)).toEqual([]);
        expect(text).not.toContain('Dallas');
      }
      expect(d.email.body).toContain(
        language === 'en' ? 'based in Ontario and Quebec' : 'établi en Ontario et au Québec',
      );
      expect(
        d.email.body.endsWith(
          language === 'en' ? 'Best regards,\nTransports Boréal' : 'Cordialement,\nTransports Boréal',
        ),
      ).toBe(true);
    }
  });

  it('never asks for freight, in any template, language or zone case', () => {
    expect(ASKS_FOR_FREIGHT.some((r) => r.test('Do you have any loads going to Ontario?'))).toBe(true);
    expect(ASKS_FOR_FREIGHT.some((r) => r.test('Avez-vous du fret pour le Québec?'))).toBe(true);
    const all = everyDraft();
    expect(all).toHaveLength(20);
    for (const { name, draft: d } of all)
      for (const text of texts(d))
        for (const r of ASKS_FOR_FREIGHT) expect(text, `${name}: ${r}`).not.toMatch(r);
  });

  it('writes French without English weekday or equipment words, with a no-break space before every colon', () => {
    for (const { name, draft: d } of everyDraft().filter((x) => x.name.startsWith('fr'))) {
      for (const text of texts(d)) {
        expect(text, name).not.toMatch(ENGLISH_WORDS);
        expect(text.replace(/\u00a0:/g, ''), name).not.toContain(':');
      }
    }
    const quebec = draft({ language: 'fr', terminals: [MONTREAL], zone: null });
    expect(quebec.email.subject).toBe('Capacité garantie pour nos retours au Québec');
  });

  it('names a state-only origin by its name and keeps the social note within 280 characters', () => {
    const texas = draft({
      prospect: { ...input().prospect, lane: lane({ originLabel: 'TX', originRegion: 'TX' }) },
    });
    expect(texas.callOpener).toContain('dry van freight from Texas to Ontario');
    const fr = draft({
      language: 'fr',
      prospect: { ...input().prospect, lane: lane({ originLabel: 'TX', originRegion: 'TX' }) },
    });
    expect(fr.callOpener).toContain('des marchandises en remorque sèche du Texas à destination');
    for (const { draft: d } of everyDraft())
      expect(d.socialNote.length).toBeLessThanOrEqual(SOCIAL_NOTE_MAX_CHARS);
    const long = draft({
      carrierName: `Transports ${'Boréal '.repeat(40)}Inc.`,
      rep: { name: 'Julie Tremblay', email: null },
    });
    expect(long.socialNote.length).toBeLessThanOrEqual(SOCIAL_NOTE_MAX_CHARS);
    expect(long.socialNote).toContain('We land 6 dry vans a week in Dallas, TX, Tuesday to Thursday');
  });

  it('is deterministic: the same facts give the same text', () => {
    const facts = narrativeFacts(input({ language: 'fr' }));
    expect(draftOutreach(facts)).toEqual(draftOutreach(narrativeFacts(input({ language: 'fr' }))));
    expect(JSON.stringify(draftOutreach(facts))).toBe(JSON.stringify(draftOutreach(facts)));
  });
});
