import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { DEFAULT_CADENCE_RULES, type CadenceRules } from './cadence-rules.ts';
import { slaDueAt } from './sla-due-at.ts';

const at = (iso: string): Date => new Date(iso);
const HOUR_MS = 3_600_000;
const hoursBefore = (date: Date, hours: number): Date => new Date(date.getTime() - hours * HOUR_MS);

// January 2025: Fri 10, Sat 11, Sun 12, Mon 13, Tue 14. New York is UTC−5, California UTC−8.
describe('slaDueAt', () => {
  it('gives tier B 48 business hours: Friday 15:00 local is due Tuesday 15:00 local', () => {
    const created = at('2025-01-10T20:00:00Z'); // Fri 15:00 EST
    expect(slaDueAt('B', created, hoursBefore(created, 1), 'NY').toISOString()).toBe(
      '2025-01-14T20:00:00.000Z',
    );
  });

  it('counts no weekend hours: a stale tier-A task created Saturday 10:00 is due at the end of Monday', () => {
    const created = at('2025-01-11T15:00:00Z'); // Sat 10:00 EST
    const stale = hoursBefore(created, 72);
    // Monday 00:00 + 24 h = Tuesday 00:00 EST.
    expect(slaDueAt('A', created, stale, 'NY').toISOString()).toBe('2025-01-14T05:00:00.000Z');
    // A fresh signal on a Saturday is not "same business day" either: same answer.
    expect(slaDueAt('A', created, hoursBefore(created, 1), 'NY').toISOString()).toBe(
      '2025-01-14T05:00:00.000Z',
    );
    // Tier B from Saturday: all of Monday and Tuesday, due Wednesday 00:00.
    expect(slaDueAt('B', created, stale, 'NY').toISOString()).toBe('2025-01-15T05:00:00.000Z');
  });

  it('counts weekday nights: tier B from Thursday noon is due Monday noon', () => {
    const created = at('2025-01-09T17:00:00Z'); // Thu 12:00 EST: 12 h Thu + 24 h Fri + 12 h Mon
    expect(slaDueAt('B', created, created, 'NY').toISOString()).toBe('2025-01-13T17:00:00.000Z');
    const wednesday = at('2025-01-08T14:00:00Z'); // Wed 09:00 EST → Fri 09:00 EST
    expect(slaDueAt('B', wednesday, wednesday, 'NY').toISOString()).toBe('2025-01-10T14:00:00.000Z');
  });

  it('makes a fresh tier-A task due at 17:00 local the same business day', () => {
    const created = at('2025-01-13T14:00:00Z'); // Mon 09:00 EST
    expect(slaDueAt('A', created, hoursBefore(created, 2), 'NY').toISOString()).toBe(
      '2025-01-13T22:00:00.000Z',
    );
    // Before opening still means today: the rep has the whole business day.
    const early = at('2025-01-13T11:00:00Z'); // Mon 06:00 EST
    expect(slaDueAt('A', early, early, 'NY').toISOString()).toBe('2025-01-13T22:00:00.000Z');
  });

  it('judges the same UTC instant on each prospect’s own clock (NY vs CA)', () => {
    // Friday 22:30Z is 17:30 in New York (closed: 6.5 h Friday + 17.5 h Monday) and 14:30 in California.
    const created = at('2025-01-10T22:30:00Z');
    const signal = hoursBefore(created, 3);
    expect(slaDueAt('A', created, signal, 'CA').toISOString()).toBe('2025-01-11T01:00:00.000Z'); // Fri 17:00 PST
    expect(slaDueAt('A', created, signal, 'NY').toISOString()).toBe('2025-01-13T22:30:00.000Z'); // Mon 17:30 EST
    // In summer (EDT UTC−4, PDT UTC−7) the same split happens at 21:30Z. 12 July 2024 is a Friday.
    const summer = at('2024-07-12T21:30:00Z');
    const summerSignal = hoursBefore(summer, 3);
    expect(slaDueAt('A', summer, summerSignal, 'CA').toISOString()).toBe('2024-07-13T00:00:00.000Z');
    expect(slaDueAt('A', summer, summerSignal, 'NY').toISOString()).toBe('2024-07-15T21:30:00.000Z');
  });

  it('honours local 17:00 and the local clock across the November daylight-saving change', () => {
    // 2024: Fri 1 Nov is EDT (UTC−4); clocks fall back Sun 3 Nov; Mon 4 Nov is EST (UTC−5).
    const friday = at('2024-11-01T14:00:00Z'); // Fri 10:00 EDT
    expect(slaDueAt('A', friday, friday, 'NY').toISOString()).toBe('2024-11-01T21:00:00.000Z'); // 17:00 EDT
    const monday = at('2024-11-04T15:00:00Z'); // Mon 10:00 EST
    expect(slaDueAt('A', monday, monday, 'NY').toISOString()).toBe('2024-11-04T22:00:00.000Z'); // 17:00 EST
    // Tier B over the 25-hour Sunday: Fri 15:00 EDT → Tue 15:00 EST (the weekend, long or not, is skipped).
    const fridayAfternoon = at('2024-11-01T19:00:00Z');
    expect(slaDueAt('B', fridayAfternoon, fridayAfternoon, 'NY').toISOString()).toBe(
      '2024-11-05T20:00:00.000Z',
    );
  });

  it('honours the local clock across the March change too', () => {
    // 2024: clocks spring forward Sun 10 Mar. Sat 9 Mar 10:00 EST → Tue 12 Mar 00:00 EDT.
    const saturday = at('2024-03-09T15:00:00Z');
    expect(slaDueAt('A', saturday, hoursBefore(saturday, 48), 'NY').toISOString()).toBe(
      '2024-03-12T04:00:00.000Z',
    );
  });

  it('treats a signal exactly freshSignalHours old as stale, and the close itself as closed', () => {
    const created = at('2025-01-13T15:00:00Z'); // Mon 10:00 EST
    expect(slaDueAt('A', created, hoursBefore(created, 24), 'NY').toISOString()).toBe(
      '2025-01-14T15:00:00.000Z',
    );
    expect(
      slaDueAt('A', created, new Date(created.getTime() - 24 * HOUR_MS + 60_000), 'NY').toISOString(),
    ).toBe('2025-01-13T22:00:00.000Z');
    const atClose = at('2025-01-13T22:00:00Z'); // Mon 17:00 EST, fresh
    expect(slaDueAt('A', atClose, atClose, 'NY').toISOString()).toBe('2025-01-14T22:00:00.000Z');
  });

  it('works on half-hour offsets (Newfoundland, UTC−3:30)', () => {
    const created = at('2025-01-10T20:00:00Z'); // Fri 16:30 NST
    expect(slaDueAt('A', created, created, 'NL').toISOString()).toBe('2025-01-10T20:30:00.000Z');
  });

  it('follows configured rules: a six-day week and an 18:00 close', () => {
    const rules: CadenceRules = {
      ...DEFAULT_CADENCE_RULES,
      slaHours: { A: 12, B: 30 },
      businessDay: { opensAtMinute: 7 * 60, closesAtMinute: 18 * 60, weekdays: [1, 2, 3, 4, 5, 6] },
    };
    const saturday = at('2025-01-11T15:00:00Z'); // Sat 10:00 EST, now a business day
    expect(slaDueAt('A', saturday, saturday, 'NY', rules).toISOString()).toBe('2025-01-11T23:00:00.000Z');
    // Stale tier A: 12 h from Sat 10:00 = Sat 22:00. Tier B: 14 h Sat, Sunday skipped, 16 h Mon.
    expect(slaDueAt('A', saturday, hoursBefore(saturday, 48), 'NY', rules).toISOString()).toBe(
      '2025-01-12T03:00:00.000Z',
    );
    expect(slaDueAt('B', saturday, saturday, 'NY', rules).toISOString()).toBe('2025-01-13T21:00:00.000Z');
  });

  it('refuses rules it cannot count with and dates that are not dates', () => {
    const created = at('2025-01-13T15:00:00Z');
    const noWeek: CadenceRules = {
      ...DEFAULT_CADENCE_RULES,
      businessDay: { ...DEFAULT_CADENCE_RULES.businessDay, weekdays: [] },
    };
    expect(() => slaDueAt('B', created, created, 'NY', noWeek)).toThrow(/businessDay\.weekdays must name/);
    const backwards: CadenceRules = {
      ...DEFAULT_CADENCE_RULES,
      businessDay: { opensAtMinute: 1020, closesAtMinute: 480, weekdays: [1] },
    };
    expect(() => slaDueAt('B', created, created, 'NY', backwards)).toThrow(/must open before it closes/);
    try {
      slaDueAt('A', new Date('nope'), created, 'NY');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NorthboundError);
      expect((error as NorthboundError).code).toBe('invalid_input');
    }
  });
});
