/**
 * Rates per mile by equipment from data/economics.md. DAT publishes van, reefer and flatbed only:
 * step decks price like flatbeds with a small premium for the lower deck (+5%), and tankers carry a
 * ~15% premium over dry van for the equipment and the tank washes (a demo assumption, stated here).
 */
import type { Equipment } from '../domain/equipment.ts';
import type { TruckingEconomics } from './reference-data.ts';

/** The exchange rate is not in data/: 1 USD ≈ 1.37 CAD, about the 2024 average, is a demo assumption. */
export const CAD_PER_USD = 1.37;

export type RateKind = 'spot' | 'contract';

export function ratePerMile(economics: TruckingEconomics, equipment: Equipment, kind: RateKind): number {
  const table = kind === 'spot' ? economics.spotRatePerMile : economics.contractRatePerMile;
  switch (equipment) {
    case 'dry_van':
    case 'reefer':
    case 'flatbed':
      return table[equipment];
    case 'step_deck':
      return table.flatbed * 1.05;
    case 'tanker':
      return table.dry_van * 1.15;
  }
}
