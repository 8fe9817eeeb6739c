/**
 * The words outreach narratives are made of, in English and Canadian French: weekdays, equipment,
 * regions (with French's prepositions: "en Ontario", "au Québec", "de l'Ontario"), counted nouns and
 * the one sentence every template shares — what lands where, when, and where it heads home.
 *
 * Numbers are written as digits, never as words, so every quoted number can be checked against the
 * facts. French typography follows Canadian usage: a no-break space before ':' and none before
 * ';', '?' or '!'.
 */
import type { Equipment } from '../domain/equipment.ts';
import type { OutreachLanguage } from '../domain/outreach-task.ts';
import type { Region } from '../domain/regions.ts';
import type { ZoneLanding } from './narrative-facts.ts';

export interface NarrativeVocabulary {
  readonly language: OutreachLanguage;
  /** ":" with the language's spacing. */
  readonly colon: string;
  /** Index 0 = Monday … 6 = Sunday. */
  readonly weekdays: readonly string[];
  /**
   * "Tuesday to Thursday" for ≥ 3 consecutive days; else a list ("on Mondays and Tuesdays", "on
   * Tuesdays"): two days read better listed than as a range. Null when there are no days.
   */
  weekdaySpan(days: readonly number[]): string | null;
  /** "dry vans" / "camions à remorque sèche"; trucks of no stated kind when equipment is null. */
  trucksWord(equipment: Equipment | null, count: number): string;
  /** "reefer freight" / "des marchandises réfrigérées". */
  freight(equipment: Equipment): string;
  /** "4 northbound loads" / "4 chargements". */
  loads(count: number): string;
  region(region: Region): string;
  /** "in Ontario and Quebec" / "en Ontario et au Québec". */
  inRegions(regions: readonly Region[]): string;
  /** "to Ontario" / "à destination de l'Ontario". */
  toRegion(region: Region): string;
  /** "from Chino, CA" / "d'Atlanta, GA"; a bare region code reads as the region's name. */
  fromPlace(label: string, region: Region): string;
  /** "of Acme Foods" / "d'Acme Foods": French elides before a vowel. */
  ofName(name: string): string;
  /** "We land 6 dry vans a week in Dallas, TX, Tuesday to Thursday, heading home to Ontario (a 3-day drive)". */
  landing(zone: ZoneLanding, home: Region): string;
  /** "we can commit 4 northbound loads a week out of Dallas, TX"; null when nothing can be committed. */
  commitment(zone: ZoneLanding): string | null;
}

/** [English, French, French "in/to" (en/au/à/dans), French "of/from" (de/du/de la/des)]. */
type RegionWords = readonly [string, string, string, string];

const REGIONS: Record<Region, RegionWords> = {
  AB: ['Alberta', 'Alberta', 'en Alberta', "de l'Alberta"],
  BC: ['British Columbia', 'Colombie-Britannique', 'en Colombie-Britannique', 'de la Colombie-Britannique'],
  MB: ['Manitoba', 'Manitoba', 'au Manitoba', 'du Manitoba'],
  NB: ['New Brunswick', 'Nouveau-Brunswick', 'au Nouveau-Brunswick', 'du Nouveau-Brunswick'],
  NL: [
    'Newfoundland and Labrador',
    'Terre-Neuve-et-Labrador',
    'à Terre-Neuve-et-Labrador',
    'de Terre-Neuve-et-Labrador',
  ],
  NS: ['Nova Scotia', 'Nouvelle-Écosse', 'en Nouvelle-Écosse', 'de la Nouvelle-Écosse'],
  NT: [
    'Northwest Territories',
    'Territoires du Nord-Ouest',
    'dans les Territoires du Nord-Ouest',
    'des Territoires du Nord-Ouest',
  ],
  NU: ['Nunavut', 'Nunavut', 'au Nunavut', 'du Nunavut'],
  ON: ['Ontario', 'Ontario', 'en Ontario', "de l'Ontario"],
  PE: [
    'Prince Edward Island',
    'Île-du-Prince-Édouard',
    "à l'Île-du-Prince-Édouard",
    "de l'Île-du-Prince-Édouard",
  ],
  QC: ['Quebec', 'Québec', 'au Québec', 'du Québec'],
  SK: ['Saskatchewan', 'Saskatchewan', 'en Saskatchewan', 'de la Saskatchewan'],
  YT: ['Yukon', 'Yukon', 'au Yukon', 'du Yukon'],
  AL: ['Alabama', 'Alabama', 'en Alabama', "de l'Alabama"],
  AK: ['Alaska', 'Alaska', 'en Alaska', "de l'Alaska"],
  AZ: ['Arizona', 'Arizona', 'en Arizona', "de l'Arizona"],
  AR: ['Arkansas', 'Arkansas', 'en Arkansas', "de l'Arkansas"],
  CA: ['California', 'Californie', 'en Californie', 'de la Californie'],
  CO: ['Colorado', 'Colorado', 'au Colorado', 'du Colorado'],
  CT: ['Connecticut', 'Connecticut', 'au Connecticut', 'du Connecticut'],
  DE: ['Delaware', 'Delaware', 'au Delaware', 'du Delaware'],
  DC: [
    'District of Columbia',
    'district de Columbia',
    'dans le district de Columbia',
    'du district de Columbia',
  ],
  FL: ['Florida', 'Floride', 'en Floride', 'de la Floride'],
  GA: ['Georgia', 'Géorgie', 'en Géorgie', 'de la Géorgie'],
  HI: ['Hawaii', 'Hawaï', 'à Hawaï', "d'Hawaï"],
  ID: ['Idaho', 'Idaho', 'en Idaho', "de l'Idaho"],
  IL: ['Illinois', 'Illinois', 'en Illinois', "de l'Illinois"],
  IN: ['Indiana', 'Indiana', 'en Indiana', "de l'Indiana"],
  IA: ['Iowa', 'Iowa', 'en Iowa', "de l'Iowa"],
  KS: ['Kansas', 'Kansas', 'au Kansas', 'du Kansas'],
  KY: ['Kentucky', 'Kentucky', 'au Kentucky', 'du Kentucky'],
  LA: ['Louisiana', 'Louisiane', 'en Louisiane', 'de la Louisiane'],
  ME: ['Maine', 'Maine', 'au Maine', 'du Maine'],
  MD: ['Maryland', 'Maryland', 'au Maryland', 'du Maryland'],
  MA: ['Massachusetts', 'Massachusetts', 'au Massachusetts', 'du Massachusetts'],
  MI: ['Michigan', 'Michigan', 'au Michigan', 'du Michigan'],
  MN: ['Minnesota', 'Minnesota', 'au Minnesota', 'du Minnesota'],
  MS: ['Mississippi', 'Mississippi', 'au Mississippi', 'du Mississippi'],
  MO: ['Missouri', 'Missouri', 'au Missouri', 'du Missouri'],
  MT: ['Montana', 'Montana', 'au Montana', 'du Montana'],
  NE: ['Nebraska', 'Nebraska', 'au Nebraska', 'du Nebraska'],
  NV: ['Nevada', 'Nevada', 'au Nevada', 'du Nevada'],
  NH: ['New Hampshire', 'New Hampshire', 'au New Hampshire', 'du New Hampshire'],
  NJ: ['New Jersey', 'New Jersey', 'au New Jersey', 'du New Jersey'],
  NM: ['New Mexico', 'Nouveau-Mexique', 'au Nouveau-Mexique', 'du Nouveau-Mexique'],
  NY: ['New York', 'État de New York', "dans l'État de New York", "de l'État de New York"],
  NC: ['North Carolina', 'Caroline du Nord', 'en Caroline du Nord', 'de la Caroline du Nord'],
  ND: ['North Dakota', 'Dakota du Nord', 'au Dakota du Nord', 'du Dakota du Nord'],
  OH: ['Ohio', 'Ohio', 'en Ohio', "de l'Ohio"],
  OK: ['Oklahoma', 'Oklahoma', 'en Oklahoma', "de l'Oklahoma"],
  OR: ['Oregon', 'Oregon', 'en Oregon', "de l'Oregon"],
  PA: ['Pennsylvania', 'Pennsylvanie', 'en Pennsylvanie', 'de la Pennsylvanie'],
  RI: ['Rhode Island', 'Rhode Island', 'au Rhode Island', 'du Rhode Island'],
  SC: ['South Carolina', 'Caroline du Sud', 'en Caroline du Sud', 'de la Caroline du Sud'],
  SD: ['South Dakota', 'Dakota du Sud', 'au Dakota du Sud', 'du Dakota du Sud'],
  TN: ['Tennessee', 'Tennessee', 'au Tennessee', 'du Tennessee'],
  TX: ['Texas', 'Texas', 'au Texas', 'du Texas'],
  UT: ['Utah', 'Utah', 'en Utah', "de l'Utah"],
  VT: ['Vermont', 'Vermont', 'au Vermont', 'du Vermont'],
  VA: ['Virginia', 'Virginie', 'en Virginie', 'de la Virginie'],
  WA: ['Washington', 'État de Washington', "dans l'État de Washington", "de l'État de Washington"],
  WV: ['West Virginia', 'Virginie-Occidentale', 'en Virginie-Occidentale', 'de la Virginie-Occidentale'],
  WI: ['Wisconsin', 'Wisconsin', 'au Wisconsin', 'du Wisconsin'],
  WY: ['Wyoming', 'Wyoming', 'au Wyoming', 'du Wyoming'],
};

/** [one, many, freight]. */
type EquipmentWords = readonly [string, string, string];

const EQUIPMENT_EN: Record<Equipment, EquipmentWords> = {
  dry_van: ['dry van', 'dry vans', 'dry van freight'],
  reefer: ['reefer', 'reefers', 'reefer freight'],
  flatbed: ['flatbed', 'flatbeds', 'flatbed freight'],
  step_deck: ['step deck', 'step decks', 'step deck freight'],
  tanker: ['tanker', 'tankers', 'tanker freight'],
};

const EQUIPMENT_FR: Record<Equipment, EquipmentWords> = {
  dry_van: ['camion à remorque sèche', 'camions à remorque sèche', 'des marchandises en remorque sèche'],
  reefer: ['camion réfrigéré', 'camions réfrigérés', 'des marchandises réfrigérées'],
  flatbed: ['camion à plateau', 'camions à plateau', 'des marchandises sur plateau'],
  step_deck: [
    'camion à plateau surbaissé',
    'camions à plateau surbaissé',
    'des marchandises sur plateau surbaissé',
  ],
  tanker: ['camion-citerne', 'camions-citernes', 'des marchandises en citerne'],
};

const regionWords = (region: Region): RegionWords => REGIONS[region];
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
/** "A", "A and B", "A, B and C" (no serial comma, as in the trade's prose). */
const join = (items: readonly string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

/**
 * French "de" before a place or company name, elided before a vowel sound: "d'Atlanta", "d'Ypsilanti";
 * but "de Houston" (h aspiré, as usually said) and "de Yuma" (a consonant y).
 */
const frenchOf = (name: string): string =>
  /^[aeiouàâäéèêëîïôöùûü]/i.test(name) || /^y[^aeiouy]/i.test(name) ? `d'${name}` : `de ${name}`;

/**
 * The days as the shortest true phrase: a run of ≥ 3 consecutive days (Sunday wraps to Monday) is a
 * range, else a list. `days` may come in any order (busiestWeekdays is busiest first). O(7).
 */
function weekdayRun(days: readonly number[]): { first: number; last: number } | null {
  const set = new Set(days);
  if (set.size < 3 || set.size >= 7) return null;
  for (const first of set) {
    // The run starts at the day whose predecessor is absent; it is a run if all `size` days follow it.
    if (set.has((first + 6) % 7)) continue;
    let length = 0;
    while (set.has((first + length) % 7)) length += 1;
    return length === set.size ? { first, last: (first + length - 1) % 7 } : null;
  }
  return null;
}

const sortedDays = (days: readonly number[]): number[] => [...new Set(days)].sort((a, b) => a - b);

/** One truck a week or more: the rounded count. Fewer: "most weeks" when it lands in at least half. */
const isWeekly = (zone: ZoneLanding): boolean => zone.trucksPerWeek >= 1;
const mostWeeks = (zone: ZoneLanding): boolean => zone.consistency >= 0.5;

const EN_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const english: NarrativeVocabulary = {
  language: 'en',
  colon: ':',
  weekdays: EN_DAYS,
  weekdaySpan(days) {
    const distinct = sortedDays(days);
    if (distinct.length === 0) return null;
    if (distinct.length === 7) return 'every day of the week';
    const run = weekdayRun(distinct);
    if (run !== null) return `${EN_DAYS[run.first]} to ${EN_DAYS[run.last]}`;
    return `on ${join(
      distinct.map((d) => `${EN_DAYS[d]}s`),
      'and',
    )}`;
  },
  trucksWord(equipment, n) {
    if (equipment === null) return n === 1 ? 'truck' : 'trucks';
    const [one, many] = EQUIPMENT_EN[equipment];
    return n === 1 ? one : many;
  },
  freight: (equipment) => EQUIPMENT_EN[equipment][2],
  loads: (n) => count(n, 'northbound load', 'northbound loads'),
  region: (region) => regionWords(region)[0],
  inRegions: (regions) =>
    `in ${join(
      regions.map((r) => regionWords(r)[0]),
      'and',
    )}`,
  toRegion: (region) => `to ${regionWords(region)[0]}`,
  fromPlace: (label, region) => `from ${label === region ? regionWords(region)[0] : label}`,
  ofName: (name) => `of ${name}`,
  landing(zone, home) {
    const span = english.weekdaySpan(zone.busiestWeekdays);
    const days = span === null ? '' : `, ${span}`;
    const trip = `, heading home to ${regionWords(home)[0]} (a ${zone.transitDays}-day drive)`;
    if (isWeekly(zone)) {
      const n = Math.round(zone.trucksPerWeek);
      return `We land ${n} ${english.trucksWord(zone.equipment, n)} a week in ${zone.label}${days}${trip}`;
    }
    const often = mostWeeks(zone) ? 'most weeks' : 'some weeks';
    return `One of our ${english.trucksWord(zone.equipment, 2)} lands in ${zone.label} ${often}${days}${trip}`;
  },
  commitment: (zone) =>
    zone.committedLoadsPerWeek >= 1
      ? `we can commit ${english.loads(zone.committedLoadsPerWeek)} a week out of ${zone.label}`
      : null,
};

const FR_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

const french: NarrativeVocabulary = {
  language: 'fr',
  colon: '\u00a0:',
  weekdays: FR_DAYS,
  weekdaySpan(days) {
    const distinct = sortedDays(days);
    if (distinct.length === 0) return null;
    if (distinct.length === 7) return 'tous les jours';
    const run = weekdayRun(distinct);
    if (run !== null) return `du ${FR_DAYS[run.first]} au ${FR_DAYS[run.last]}`;
    return join(
      distinct.map((d) => `le ${FR_DAYS[d]}`),
      'et',
    );
  },
  trucksWord(equipment, n) {
    if (equipment === null) return n === 1 ? 'camion' : 'camions';
    const [one, many] = EQUIPMENT_FR[equipment];
    return n === 1 ? one : many;
  },
  freight: (equipment) => EQUIPMENT_FR[equipment][2],
  loads: (n) => count(n, 'chargement', 'chargements'),
  region: (region) => regionWords(region)[1],
  inRegions: (regions) =>
    join(
      regions.map((r) => regionWords(r)[2]),
      'et',
    ),
  toRegion: (region) => `à destination ${regionWords(region)[3]}`,
  fromPlace: (label, region) => (label === region ? regionWords(region)[3] : frenchOf(label)),
  ofName: frenchOf,
  landing(zone, home) {
    const span = french.weekdaySpan(zone.busiestWeekdays);
    const days = span === null ? '' : `, ${span}`;
    const trip = `, avant de rentrer ${regionWords(home)[2]} (à ${count(zone.transitDays, 'jour', 'jours')} de route)`;
    if (isWeekly(zone)) {
      const n = Math.round(zone.trucksPerWeek);
      const verb = n === 1 ? 'livre' : 'livrent';
      return `Nous avons ${n} ${french.trucksWord(zone.equipment, n)} par semaine qui ${verb} à ${zone.label}${days}${trip}`;
    }
    const often = mostWeeks(zone) ? 'la plupart des semaines' : 'certaines semaines';
    return `Un de nos ${french.trucksWord(zone.equipment, 2)} livre à ${zone.label} ${often}${days}${trip}`;
  },
  commitment: (zone) =>
    zone.committedLoadsPerWeek >= 1
      ? `nous pouvons garantir ${french.loads(zone.committedLoadsPerWeek)} par semaine vers le nord au départ ${frenchOf(zone.label)}`
      : null,
};

/** The vocabulary of one language. */
export function narrativeWords(language: OutreachLanguage): NarrativeVocabulary {
  return language === 'fr' ? french : english;
}
