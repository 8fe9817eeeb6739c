import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { checkCadenceRules, DEFAULT_CADENCE_RULES, type CadenceRules } from './cadence-rules.ts';

const errorOf = (rules: CadenceRules): NorthboundError => {
  try {
    checkCadenceRules(rules);
  } catch (error) {
    if (error instanceof NorthboundError) return error;
    throw error;
  }
  throw new Error('expected a NorthboundError');
};

describe('cadence rules', () => {
  it('default to DESIGN.md §3.4: 24 h / 48 h, Mon–Fri 08:00–17:00, fresh 24 h, nurture 7 d, grace 24 h', () => {
    expect(checkCadenceRules(DEFAULT_CADENCE_RULES)).toEqual({
      slaHours: { A: 24, B: 48 },
      businessDay: { opensAtMinute: 480, closesAtMinute: 1020, weekdays: [1, 2, 3, 4, 5] },
      freshSignalHours: 24,
      nurtureAfterDays: 7,
      overdueGraceHours: 24,
    });
  });

  it('name the field, the rule and the value when a number makes no sense', () => {
    const negative = errorOf({ ...DEFAULT_CADENCE_RULES, slaHours: { A: -1, B: 48 } });
    expect(negative.code).toBe('config_invalid');
    expect(negative.message).toBe('Cannot use cadence rules: slaHours.A must be a finite number ≥ 0, saw -1');
    expect(errorOf({ ...DEFAULT_CADENCE_RULES, overdueGraceHours: Number.NaN }).message).toMatch(
      /overdueGraceHours must be a finite number/,
    );
    const day = DEFAULT_CADENCE_RULES.businessDay;
    expect(errorOf({ ...DEFAULT_CADENCE_RULES, businessDay: { ...day, closesAtMinute: 1500 } }).message).toBe(
      'Cannot use cadence rules: businessDay.closesAtMinute must be a whole minute of the day (0–1440), saw 1500',
    );
    expect(errorOf({ ...DEFAULT_CADENCE_RULES, businessDay: { ...day, weekdays: [1, 7] } }).message).toBe(
      'Cannot use cadence rules: businessDay.weekdays must hold weekdays 0 (Sunday) to 6 (Saturday), saw [1,7]',
    );
  });
});
