/**
 * Rates per mile by equipment from data/economics.md. DAT publishes van, reefer and flatbed only:
 * step decks price like flatbeds with a small premium for the lower deck (+5%), and tankers carry a
 * ~15% premium over dry van for the equipment and the tank washes (a demo assumption, stated here).
 */
import type { Equipment } from '../domain/equipment.ts';
import { DEFAULT_CAD_PER_USD } from '../domain/units.ts';
import type { TruckingEconomics } from './reference-data.ts';

/** The demo world's exchange rate: the product default (1 USD ≈ 1.37 CAD, about the 2024 average). */
export const CAD_PER_USD = DEFAULT_CAD_PER_USD;

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
