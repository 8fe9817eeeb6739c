import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeIcsText, exportTasksIcs, foldIcsLine, ICS_PRODID } from './export-tasks-ics.ts';
import {
  CONTEXT,
  factLines,
  FRENCH_BODY,
  FRENCH_DRAFT,
  makeTask,
  NOW,
  WEEK_TASKS,
} from './task-export-fixtures.test-support.ts';

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

function parseEvents(text: string): { calendar: ICAL.Component; events: ICAL.Component[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('exportTasksIcs', () => {
  const frenchEmail = makeTask({
    taskId: 'T20',
    companyId: 'C2',
    companyName: 'Épicerie Côté',
    repId: 'R2',
    nextStepAt: new Date('2024-06-14T13:45:00.000Z'),
    draft: FRENCH_DRAFT,
  });
  const text = exportTasksIcs([...WEEK_TASKS, frenchEmail], { ...CONTEXT, now: NOW });
  const { calendar, events } = parseEvents(text);

  it('writes a VERSION 2.0 calendar with one event per open or new task, CRLF lines of ≤ 75 octets', () => {
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe(ICS_PRODID);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Northstar Freight outreach');
    expect(events.map((e) => new ICAL.Event(e).uid)).toEqual([
      'T5@northbound',
      'T1@northbound',
      'T3@northbound',
      'T2@northbound',
      'T10@northbound',
      'T20@northbound',
    ]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(Math.max(...lines.map(utf8Length))).toBeLessThanOrEqual(75);
    // The French body forces folds, so the limit above is really exercised.
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(3);
  });

  it('starts each event at the next touch, else the SLA due time, for 30 minutes (15 for a call)', () => {
    const byUid = new Map(events.map((e) => [new ICAL.Event(e).uid, new ICAL.Event(e)]));
    const t1 = byUid.get('T1@northbound');
    expect(t1?.summary).toBe('Email (touch 1 of 3): Acme Foods');
    expect(t1?.startDate.toJSDate().toISOString()).toBe('2024-06-11T22:00:00.000Z');
    expect(t1?.endDate.toJSDate().toISOString()).toBe('2024-06-11T22:30:00.000Z');
    const t2 = byUid.get('T2@northbound');
    expect(t2?.summary).toBe('Call (touch 2 of 3): Épicerie Côté');
    expect(t2?.startDate.toJSDate().toISOString()).toBe('2024-06-13T15:00:00.000Z');
    expect(t2?.duration.toString()).toBe('PT15M');
    // The call opener holds a semicolon and a question mark: escaped, then read back as written.
    expect(t2?.description).toBe(`Call opener:\n${FRENCH_DRAFT.callOpener}\n\n${factLines('T2', 'B')}`);
    expect(byUid.get('T3@northbound')?.summary).toBe('Email (touch 1 of 3): Widgets, "Best" Inc.\nTexas');
    expect(byUid.get('T5@northbound')?.startDate.toJSDate().toISOString()).toBe('2024-06-11T20:00:00.000Z');
    expect(events[0]?.getFirstPropertyValue('dtstamp')?.toString()).toBe('2024-06-11T13:00:00Z');
    expect(events[0]?.getFirstPropertyValue('categories')).toBe('Tier A');
  });

  it('round-trips a French description with accents, a long line, trailing spaces and "=" exactly', () => {
    const t20 = new ICAL.Event(events[5]);
    expect(t20.summary).toBe('Email (touch 1 of 3): Épicerie Côté');
    expect(t20.startDate.toJSDate().toISOString()).toBe('2024-06-14T13:45:00.000Z');
    expect(t20.description).toBe(
      `Email subject: ${FRENCH_DRAFT.email.subject}\n\n${FRENCH_BODY}\n\n${factLines('T20', 'A')}`,
    );
  });

  it('names the rep as organizer and attendee when the rep has an email, quoting the name', () => {
    const [t5, t1, t3, t2] = events;
    const organizer = t5?.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('mailto:emilie@northstar.example');
    expect(organizer?.getParameter('cn')).toBe('Émilie "Mimi" Côté');
    expect(t5?.getFirstProperty('attendee')?.getParameter('partstat')).toBe('ACCEPTED');
    expect(t1?.getFirstPropertyValue('attendee')).toBe('mailto:jane@northstar.example');
    expect(t3?.getFirstProperty('organizer')).toBeNull(); // new, unassigned
    expect(t2?.getFirstProperty('organizer')).toBeNull(); // the rep has no email
  });

  it('writes an empty calendar when no task is open', () => {
    const empty = exportTasksIcs([makeTask({ state: 'lost' })], { ...CONTEXT, now: NOW });
    expect(parseEvents(empty).events).toHaveLength(0);
    expect(empty).toContain('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n');
  });

  it('refuses an invalid export time', () => {
    expect(() => exportTasksIcs(WEEK_TASKS, { ...CONTEXT, now: new Date(Number.NaN) })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: 'Cannot write the calendar: the export time is not a valid date',
      }),
    );
  });
});

describe('escapeIcsText', () => {
  it('escapes backslash, semicolon and comma, writes every line break as \\n, drops other controls', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne\rf\ng\th\u0000i\u007F')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng\thi');
  });
});

describe('foldIcsLine', () => {
  it('keeps a 75-octet line whole and folds the 76th octet onto a continuation', () => {
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // "é" is 2 octets: 37 of them fill 74, the 38th would make 76, so it moves down whole.
    expect(foldIcsLine(`x${'é'.repeat(38)}`)).toBe(`x${'é'.repeat(37)}\r\n é`);
  });

  it('never exceeds 75 octets a line and unfolds to the exact text, for characters of 1 to 4 octets', () => {
    // Characters of 1, 2, 3 and 4 UTF-8 octets (the 4-octet ones are surrogate pairs in JS).
    const char = fc.constantFrom('x', ' ', ';', 'é', 'ß', '€', '中', '😀', '𝄞');
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 400 }), (line) => {
        const folded = foldIcsLine(line);
        const parts = folded.split('\r\n');
        return (
          parts.every((part) => utf8Length(part) <= 75) &&
          parts.slice(1).every((part) => part.startsWith(' ') && part.length > 1) &&
          folded.replaceAll('\r\n ', '') === line
        );
      }),
    );
  });
});
