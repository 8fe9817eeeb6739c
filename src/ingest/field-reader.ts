/**
 * Reads and validates one row's fields, collecting every problem instead of stopping at the first,
 * so a dispatcher fixes a row once. Each reader method returns the value, or null when the field is
 * absent or invalid; an invalid (or missing required) field always records a RowError, so callers can
 * narrow on null and still trust `errors`.
 *
 * Throughput: one FieldReader per row; rules, choice tables and regular expressions are built once at
 * module load, and the error list is only allocated for rows that have errors.
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import type { Brand } from '../domain/ids.ts';
import { isRegion, type Region } from '../domain/regions.ts';
import { CURRENCIES, type Currency } from '../domain/units.ts';
import { rowError, type RowError } from './row-error.ts';
import type { RowContext, RowParseResult } from './row-parser.ts';
import { parseTimestamp, TIMESTAMP_EXPECTED } from './parse-timestamp.ts';

export const MAX_ID_LENGTH = 128;

/** A closed vocabulary matched case-insensitively and stored in its canonical spelling. */
export interface Choice<T extends string> {
  readonly byFolded: ReadonlyMap<string, T>;
  /** "one of dry_van, reefer, flatbed, step_deck, tanker" */
  readonly expected: string;
}

export function choiceOf<T extends string>(values: readonly T[]): Choice<T> {
  return {
    byFolded: new Map(values.map((v) => [v.toLowerCase(), v])),
    expected: `one of ${values.join(', ')}`,
  };
}

export interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** For the rejects file's `expected` column. */
  readonly expected: string;
}

export const NON_NEGATIVE: NumberRule = {
  min: 0,
  max: Number.POSITIVE_INFINITY,
  integer: false,
  expected: 'a number ≥ 0',
};
export const COUNT: NumberRule = {
  min: 0,
  max: Number.MAX_SAFE_INTEGER,
  integer: true,
  expected: 'a whole number ≥ 0',
};
export const LATITUDE: NumberRule = {
  min: -90,
  max: 90,
  integer: false,
  expected: 'a latitude from -90 to 90',
};
export const LONGITUDE: NumberRule = {
  min: -180,
  max: 180,
  integer: false,
  expected: 'a longitude from -180 to 180',
};

const EQUIPMENT_CHOICE = choiceOf(EQUIPMENT);
export const CURRENCY_CHOICE = choiceOf(CURRENCIES);
/** Money is in USD unless a `currency` column says CAD (§7). */
export const DEFAULT_CURRENCY: Currency = 'USD';
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
]);
/** Plain decimal notation: Number() alone would also take '', '0x1F', 'Infinity' and ' 12 '. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const REGION_EXPECTED = '2-letter US state or Canadian province code, e.g. TX, ON';

const quote = (value: string): string => JSON.stringify(value);

export class FieldReader {
  private errorList: RowError[] | null = null;

  constructor(
    private readonly fields: Readonly<Record<string, string>>,
    readonly ctx: RowContext,
  ) {}

  get hasErrors(): boolean {
    return this.errorList !== null;
  }

  /** Records a problem; `problem` follows "Cannot import <file> row <n>: " and names the value. */
  fail(field: string, value: string, expected: string, problem: string): void {
    const error = rowError(this.ctx.file, this.ctx.row, field, value, expected, problem);
    if (this.errorList === null) this.errorList = [error];
    else this.errorList.push(error);
  }

  reject<T>(): RowParseResult<T> {
    return { ok: false, errors: this.errorList ?? [] };
  }

  /** The trimmed value; '' when the column is absent or blank (absent and empty mean the same, §7). */
  text(name: string): string {
    const raw = this.fields[name];
    return raw === undefined ? '' : raw.trim();
  }

  optional(name: string): string | null {
    const value = this.text(name);
    return value === '' ? null : value;
  }

  required(name: string): string | null {
    const value = this.text(name);
    if (value !== '') return value;
    const how = this.fields[name] === undefined ? 'missing' : 'empty';
    this.fail(name, '', 'a value', `${name} is required but ${how}`);
    return null;
  }

  requiredId<T extends Brand<string, string>>(name: string): T | null {
    const value = this.required(name);
    return value === null ? null : this.checkId<T>(name, value);
  }

  optionalId<T extends Brand<string, string>>(name: string): T | null {
    const value = this.optional(name);
    return value === null ? null : this.checkId<T>(name, value);
  }

  private checkId<T extends Brand<string, string>>(name: string, value: string): T | null {
    if (value.length <= MAX_ID_LENGTH) return value as T;
    this.fail(
      name,
      value,
      `at most ${MAX_ID_LENGTH} characters`,
      `${name} is ${value.length} characters long; ids are at most ${MAX_ID_LENGTH}`,
    );
    return null;
  }

  /** A closed vocabulary; an absent optional value yields `fallback` (the documented default). */
  choice<T extends string>(
    name: string,
    choice: Choice<T>,
    required: boolean,
    fallback: T | null = null,
  ): T | null {
    const value = required ? this.required(name) : this.optional(name);
    if (value === null) return required ? null : fallback;
    const found = choice.byFolded.get(value) ?? choice.byFolded.get(value.toLowerCase());
    if (found !== undefined) return found;
    this.fail(name, value, choice.expected, `${name} ${quote(value)} is not ${choice.expected}`);
    return null;
  }

  equipment(name: string, required: boolean): Equipment | null {
    return this.choice(name, EQUIPMENT_CHOICE, required);
  }

  region(name: string, required: boolean): Region | null {
    const value = required ? this.required(name) : this.optional(name);
    if (value === null) return null;
    if (isRegion(value)) return value;
    const upper = value.toUpperCase();
    if (isRegion(upper)) return upper;
    this.fail(
      name,
      value,
      REGION_EXPECTED,
      `${name} ${quote(value)} is not a US state or Canadian province code`,
    );
    return null;
  }

  timestamp(name: string, required: boolean): Date | null {
    const value = required ? this.required(name) : this.optional(name);
    if (value === null) return null;
    const parsed = parseTimestamp(value);
    if (typeof parsed !== 'string') return parsed;
    this.fail(
      name,
      value,
      TIMESTAMP_EXPECTED,
      `${name} ${quote(value)} ${parsed}; expected ${TIMESTAMP_EXPECTED}`,
    );
    return null;
  }

  number(name: string, required: boolean, rule: NumberRule): number | null {
    const value = required ? this.required(name) : this.optional(name);
    if (value === null) return null;
    const n = DECIMAL.test(value) ? Number(value) : Number.NaN;
    let problem: string | null = null;
    if (!Number.isFinite(n)) problem = 'is not a number';
    else if (rule.integer && !Number.isInteger(n)) problem = 'is not a whole number';
    else if (n < rule.min) problem = rule.min === 0 ? 'is negative' : `is below ${rule.min}`;
    else if (n > rule.max) problem = `is above ${rule.max}`;
    if (problem === null) return n;
    this.fail(name, value, rule.expected, `${name} ${quote(value)} ${problem}; expected ${rule.expected}`);
    return null;
  }

  boolean(name: string, fallback: boolean): boolean | null {
    const value = this.text(name);
    if (value === '') return fallback;
    const found = BOOLEANS.get(value) ?? BOOLEANS.get(value.toLowerCase());
    if (found !== undefined) return found;
    const expected = 'true or false (yes/no and 1/0 also accepted)';
    this.fail(name, value, expected, `${name} ${quote(value)} is not ${expected}`);
    return null;
  }

  /** A `;`-separated list, items trimmed, blanks dropped ("a; b;" → [a, b]). */
  list(name: string): string[] {
    const value = this.text(name);
    if (value === '') return [];
    const items: string[] = [];
    for (const part of value.split(';')) {
      const item = part.trim();
      if (item !== '') items.push(item);
    }
    return items;
  }

  /** A `;`-list of a closed vocabulary, canonical spelling, duplicates dropped; each bad item is an error. */
  choiceList<T extends string>(name: string, choice: Choice<T>): T[] | null {
    const out: T[] = [];
    let ok = true;
    for (const item of this.list(name)) {
      const found = choice.byFolded.get(item.toLowerCase());
      if (found === undefined) {
        this.fail(name, item, choice.expected, `${name} item ${quote(item)} is not ${choice.expected}`);
        ok = false;
      } else if (!out.includes(found)) {
        out.push(found);
      }
    }
    return ok ? out : null;
  }
}
