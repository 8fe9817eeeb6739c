/**
 * Branded units where mixing them would hurt: miles with kilometres, USD with CAD.
 * Arithmetic on brands yields plain numbers; wrap results again at the boundary that knows the unit.
 */
import type { Brand } from './ids.ts';

export type Miles = Brand<number, 'Miles'>;
export type Hours = Brand<number, 'Hours'>;
export type Usd = Brand<number, 'Usd'>;
export type Cad = Brand<number, 'Cad'>;

export const miles = (value: number): Miles => value as Miles;
export const hours = (value: number): Hours => value as Hours;
export const usd = (value: number): Usd => value as Usd;
export const cad = (value: number): Cad => value as Cad;

export const CURRENCIES = ['USD', 'CAD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/**
 * CAD per USD where no rate is configured: about the 2024 average (not in data/; an assumption the
 * demo states). Config (NORTHBOUND_CAD_PER_USD), the matcher and the demo world all start from this one.
 */
export const DEFAULT_CAD_PER_USD = 1.37;

/**
 * All-in truck cost per mile, loaded or empty, where none is configured: ATRI's 2024 average marginal
 * cost ($2.260/mi, data/economics.md §1). Config (NORTHBOUND_COST_PER_MILE) and lane covering start here.
 */
export const DEFAULT_COST_PER_MILE = 2.26;
