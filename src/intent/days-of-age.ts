/**
 * What the scorer needs to know about a search from its whole days of age, as tables: day d holds
 * ages in (d, d + 1] days (d = ⌊(age − 1 ms) / 1 day⌋, ages being whole milliseconds). Reading a table
 * by day replaces the three window tests and the week test of every search, whose branches the CPU
 * could not predict (a company's searches fall either side of them at random), with loads from a few
 * hundred bytes that stay in the L1 cache.
 */
import { MOMENTUM_PERIODS } from './momentum-cache.ts';
import { SCORING_LOOKBACK_DAYS } from './scoring-options.ts';

/** Bit offsets of the 30- and 60-day week masks inside `masks`: the 90-day mask's 13 weeks come first. */
export const MASK60_SHIFT = 13;
export const MASK30_SHIFT = 22;

export interface DaysOfAge {
  /** The 7-day period counted back from asOf (the last period takes the lookback's remainder). */
  readonly period: Uint8Array;
  /** 1 when the day is inside the 30-, 60- or 90-day window, else 0. */
  readonly in30: Uint8Array;
  readonly in60: Uint8Array;
  readonly in90: Uint8Array;
  /** The week's bit in the 90-day mask, | in the 60-day mask << MASK60_SHIFT, | in the 30-day << MASK30_SHIFT. */
  readonly masks: Int32Array;
}

const tableOf = <T extends Uint8Array | Int32Array>(
  Table: { from(source: ArrayLike<number>): T },
  at: (day: number) => number,
): T => Table.from(Array.from({ length: SCORING_LOOKBACK_DAYS }, (_, day) => at(day)));

const weekBit = (day: number) => 1 << Math.floor(day / 7);

export const DAYS_OF_AGE: DaysOfAge = {
  period: tableOf(Uint8Array, (day) => Math.min(Math.floor(day / 7), MOMENTUM_PERIODS - 1)),
  in30: tableOf(Uint8Array, (day) => (day < 30 ? 1 : 0)),
  in60: tableOf(Uint8Array, (day) => (day < 60 ? 1 : 0)),
  in90: tableOf(Uint8Array, (day) => (day < 90 ? 1 : 0)),
  masks: tableOf(
    Int32Array,
    (day) =>
      (day < 90 ? weekBit(day) : 0) |
      (day < 60 ? weekBit(day) << MASK60_SHIFT : 0) |
      (day < 30 ? weekBit(day) << MASK30_SHIFT : 0),
  ),
};
