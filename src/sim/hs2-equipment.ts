/**
 * HS2 chapter → trailer type, as shares of a chapter's tonnage. Reasoning per chapter is in
 * docs/hs2-equipment.md; keep the two in step.
 *
 * Shares may sum to less than 1: the remainder moves in trailers the product does not plan for
 * (livestock pots, grain hoppers, dump trailers, car haulers) and is left out of every flow the
 * generator derives. "tanker" covers liquid and dry-bulk (pneumatic) tanks.
 */
import type { Equipment } from '../domain/equipment.ts';

export type EquipmentShares = Readonly<Partial<Record<Equipment, number>>>;

const VAN: EquipmentShares = { dry_van: 1 };

// Chapters are grouped where one reasoning covers them; every key is a two-digit string.
const EXPLICIT: Readonly<Record<string, EquipmentShares>> = {
  // Food: chilled or frozen unless shelf-stable.
  '01': {}, // live animals ride in livestock trailers
  '02': { reefer: 1 },
  '03': { reefer: 0.9, dry_van: 0.1 },
  '04': { reefer: 0.85, tanker: 0.15 },
  '05': { reefer: 0.5, dry_van: 0.5 },
  '06': { reefer: 0.6, dry_van: 0.4 },
  '07': { reefer: 0.85, dry_van: 0.15 },
  '08': { reefer: 0.95, dry_van: 0.05 },
  '09': VAN,
  '10': { dry_van: 0.3 }, // the rest is bulk grain in hoppers
  '11': { dry_van: 0.8, tanker: 0.2 },
  '12': { dry_van: 0.4 }, // oilseeds: mostly hoppers
  '13': VAN,
  '14': VAN,
  '15': { tanker: 0.6, dry_van: 0.3, reefer: 0.1 },
  '16': { reefer: 0.8, dry_van: 0.2 },
  '17': { dry_van: 0.7, tanker: 0.3 },
  '18': { dry_van: 0.7, reefer: 0.3 },
  '19': { dry_van: 0.6, reefer: 0.4 },
  '20': { reefer: 0.6, dry_van: 0.4 },
  '21': { dry_van: 0.6, reefer: 0.4 },
  '22': { dry_van: 0.8, tanker: 0.1, reefer: 0.1 },
  '23': { dry_van: 0.5, tanker: 0.2 }, // the rest is bulk feed in hoppers
  '24': VAN,
  // Minerals, fuels, chemicals.
  '25': { flatbed: 0.3, tanker: 0.3, dry_van: 0.2 }, // the rest in dump trailers
  '26': { flatbed: 0.2 }, // ores: dump and bulk
  '27': { tanker: 0.85, dry_van: 0.1, flatbed: 0.05 },
  '28': { tanker: 0.6, dry_van: 0.4 },
  '29': { tanker: 0.6, dry_van: 0.4 },
  '30': { dry_van: 0.6, reefer: 0.4 },
  '31': { dry_van: 0.3, tanker: 0.3 }, // the rest in bulk hoppers
  '32': { dry_van: 0.8, tanker: 0.2 },
  '33': VAN,
  '34': { dry_van: 0.85, tanker: 0.15 },
  '35': { dry_van: 0.8, tanker: 0.2 },
  '36': VAN,
  '37': VAN,
  '38': { dry_van: 0.6, tanker: 0.4 },
  '39': { dry_van: 0.85, tanker: 0.15 },
  '40': { dry_van: 0.9, flatbed: 0.1 },
  // Hides, wood, paper.
  '41': VAN,
  '42': VAN,
  '43': VAN,
  '44': { flatbed: 0.65, dry_van: 0.3, step_deck: 0.05 },
  '45': VAN,
  '46': VAN,
  '47': { dry_van: 0.9, flatbed: 0.1 },
  '48': { dry_van: 0.95, flatbed: 0.05 },
  '49': VAN,
  // Stone, glass, metals.
  '68': { flatbed: 0.6, dry_van: 0.4 },
  '69': { dry_van: 0.7, flatbed: 0.3 },
  '70': { dry_van: 0.6, flatbed: 0.4 },
  '71': VAN,
  '72': { flatbed: 0.7, dry_van: 0.2, step_deck: 0.1 },
  '73': { flatbed: 0.5, dry_van: 0.4, step_deck: 0.1 },
  '74': { flatbed: 0.5, dry_van: 0.5 },
  '75': { flatbed: 0.5, dry_van: 0.5 },
  '76': { flatbed: 0.5, dry_van: 0.5 },
  '77': {}, // reserved chapter, no trade
  '78': { flatbed: 0.5, dry_van: 0.5 },
  '79': { flatbed: 0.5, dry_van: 0.5 },
  '80': { flatbed: 0.5, dry_van: 0.5 },
  '81': { flatbed: 0.5, dry_van: 0.5 },
  '82': VAN,
  '83': VAN,
  // Machinery and transport equipment.
  '84': { dry_van: 0.5, flatbed: 0.25, step_deck: 0.25 },
  '85': { dry_van: 0.85, flatbed: 0.1, step_deck: 0.05 },
  '86': { flatbed: 0.5, step_deck: 0.5 },
  '87': { dry_van: 0.55, flatbed: 0.05, step_deck: 0.05 }, // finished vehicles ride car haulers
  '88': { dry_van: 0.3, step_deck: 0.5, flatbed: 0.2 },
  '89': { step_deck: 0.6, flatbed: 0.4 },
  '90': VAN,
  '91': VAN,
  '92': VAN,
  '93': VAN,
  '94': { dry_van: 0.9, flatbed: 0.1 },
  '95': VAN,
  '96': VAN,
  '97': VAN,
  '98': VAN, // special classification: mostly returned and mixed goods
  '99': VAN,
};

// 50–67: textiles, apparel, footwear, headgear — boxed goods, all dry van.
const TEXTILES = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [String(50 + i), VAN]));
const SHARES: Readonly<Record<string, EquipmentShares>> = { ...TEXTILES, ...EXPLICIT };

/** The equipment shares of one HS2 chapter; an unknown chapter is treated as boxed freight. */
export const hs2EquipmentShares = (hs2: string): EquipmentShares => SHARES[hs2] ?? VAN;

/** Chapters 01–24 are food and agriculture: what a food manufacturer ships. */
export const isFoodChapter = (hs2: string): boolean => Number(hs2) >= 1 && Number(hs2) <= 24;
