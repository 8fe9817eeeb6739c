/**
 * Outreach tasks as an iCalendar file (RFC 5545) a rep imports into Outlook, Google Calendar or Apple
 * Calendar: one event per open (or new, unassigned) task, at its next touch, else its SLA due time.
 *
 * - UID `<taskId>@northbound` is stable, so importing next week's file updates last week's events
 *   instead of doubling them. DTSTAMP is the export time (context.now). DTSTART is UTC.
 * - DURATION is 15 minutes for a call, 30 for an email, a social note or a follow-up.
 * - ORGANIZER and ATTENDEE are the rep (when known and with an email), attending. The calendar has no
 *   METHOD: it is a published file, not an iTIP invitation (RFC 5546), so clients import the events
 *   instead of mailing replies to the organizer.
 * - TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11); other control characters
 *   but tab are not allowed in TEXT and are dropped. Parameter values are quoted and use RFC 6868's
 *   caret escapes for quotes, carets and line breaks.
 * - Lines end in CRLF and are folded so that no line exceeds 75 octets of UTF-8 (§3.1); a fold never
 *   splits a character, so unfolding gives back the exact text.
 */
import { NorthboundError } from '../domain/errors.ts';
import type { OutreachTask } from '../domain/outreach-task.ts';
import type { Rep } from '../domain/rep.ts';
import { exportedTaskFacts, type TaskExportContext, type TaskExportFacts } from './export-hubspot-tasks.ts';

export type TaskCalendarContext = TaskExportContext & { readonly now: Date };

export const ICS_PRODID = '-//Northbound//Outreach tasks//EN';
const MAX_LINE_OCTETS = 75;

// Control characters TEXT cannot carry: all C0 but tab, LF and CR (those become "\n"), and DEL.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** RFC 5545 §3.3.11 TEXT: the escapes, with CRLF, CR and LF all written as "\n". */
export const escapeIcsText = (value: string): string =>
  value
    .replace(FORBIDDEN_CONTROLS, '')
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '\\n');

/** A quoted parameter value, with RFC 6868's escapes (^^, ^n, ^') for what a quoted value cannot hold. */
const paramValue = (value: string): string =>
  `"${value
    .replace(FORBIDDEN_CONTROLS, '')
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'")}"`;

const utf8Octets = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * Folds one content line: the first physical line holds at most 75 octets, each continuation a space
 * and at most 74 more. Walks code points, so a multi-byte character is never cut. Linear in the length.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** UTC date-time form, YYYYMMDDTHHMMSSZ (seconds truncated). */
function icsUtc(instant: Date, what: string): string {
  if (Number.isNaN(instant.getTime())) {
    throw new NorthboundError('invalid_input', `Cannot write the calendar: ${what} is not a valid date`, {
      what,
    });
  }
  return (
    `${instant.getUTCFullYear()}${pad2(instant.getUTCMonth() + 1)}${pad2(instant.getUTCDate())}` +
    `T${pad2(instant.getUTCHours())}${pad2(instant.getUTCMinutes())}${pad2(instant.getUTCSeconds())}Z`
  );
}

const mailtoOf = (rep: Rep): string | null => (rep.email ? `mailto:${encodeURI(rep.email.trim())}` : null);

function eventLines(facts: TaskExportFacts, stamp: string): string[] {
  const { task, rep } = facts;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(`${task.taskId}@northbound`)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsUtc(facts.dueAt, `the due time of task ${task.taskId}`)}`,
    `DURATION:${facts.nextTouch?.channel === 'call' ? 'PT15M' : 'PT30M'}`,
    `SUMMARY:${escapeIcsText(facts.title)}`,
    `DESCRIPTION:${escapeIcsText(facts.notes)}`,
    `CATEGORIES:${escapeIcsText(`Tier ${task.tier}`)}`,
  ];
  const mailto = rep === null ? null : mailtoOf(rep);
  if (rep !== null && mailto !== null) {
    const name = paramValue(rep.name);
    lines.push(`ORGANIZER;CN=${name}:${mailto}`);
    lines.push(`ATTENDEE;CN=${name};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:${mailto}`);
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The calendar text: one VEVENT per exported task, soonest first. */
export function exportTasksIcs(tasks: readonly OutreachTask[], context: TaskCalendarContext): string {
  const stamp = icsUtc(context.now, 'the export time');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeIcsText(`${context.carrierName} outreach`)}`,
    ...exportedTaskFacts(tasks, context).flatMap((facts) => eventLines(facts, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
