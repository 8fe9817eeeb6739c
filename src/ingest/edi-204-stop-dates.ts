/**
 * G62 dates of a 204 stop → the stop's window (DESIGN.md §3.7; the rules are in parse-edi-204.ts's header):
 * 37/53 set the earliest, 38/54 the latest, 10/68/69/70 are one moment unless the time qualifier says
 * which end; times are the stop's local clock (its N4 state or province) unless G62-05 says UTC.
 */
import { localTimeToInstant } from '../domain/local-time.ts';
import { EdiError, elementAt, readX12Date, readX12Time, type X12Segment } from './edi-x12.ts';
import type { Region } from '../domain/regions.ts';

const EARLIEST_QUALIFIERS = new Set(['37', '53']);
const LATEST_QUALIFIERS = new Set(['38', '54']);
const MOMENT_QUALIFIERS = new Set(['10', '68', '69', '70']);
const EARLIEST_TIME_QUALIFIERS = new Set(['I', 'G']);
const LATEST_TIME_QUALIFIERS = new Set(['K', 'L']);

const fail = (file: string, segment: X12Segment, at: number, expected: string, problem: string): EdiError =>
  new EdiError(file, segment, at, elementAt(segment, at), expected, problem);

/** A G62 as read; turned into instants once the stop's N4 (after it in the loop) gives the time zone. */
export interface StopDate {
  readonly segment: X12Segment;
  readonly bound: 'earliest' | 'latest' | 'moment';
  readonly localDayUtcMs: number;
  readonly minutes: number | null;
  readonly utc: boolean;
}

export function readStopDate(file: string, segment: X12Segment): StopDate | null {
  const qualifier = elementAt(segment, 1);
  const localDayUtcMs = readX12Date(file, segment, 2);
  const minutes = readX12Time(file, segment, 4);
  const timeCode = elementAt(segment, 5);
  if (!['', 'LT', 'UT', 'GM'].includes(timeCode)) {
    throw fail(file, segment, 5, 'LT, UT or GM', 'is not a time code this reader knows (LT, UT, GM)');
  }
  const timeQualifier = elementAt(segment, 3);
  let bound: StopDate['bound'];
  if (EARLIEST_QUALIFIERS.has(qualifier)) bound = 'earliest';
  else if (LATEST_QUALIFIERS.has(qualifier)) bound = 'latest';
  else if (!MOMENT_QUALIFIERS.has(qualifier)) return null;
  else if (EARLIEST_TIME_QUALIFIERS.has(timeQualifier)) bound = 'earliest';
  else if (LATEST_TIME_QUALIFIERS.has(timeQualifier)) bound = 'latest';
  else bound = 'moment';
  return { segment, bound, localDayUtcMs, minutes, utc: timeCode === 'UT' || timeCode === 'GM' };
}

/** The stop's window from its G62s, in the time zone of `region`. */
export function stopWindow(
  file: string,
  dates: readonly StopDate[],
  /** The stop's first US state or province among its parties: its clock. */
  region: Region | null,
): { earliest: Date | null; latest: Date | null } {
  const instant = (date: StopDate, fallbackMinutes: number): Date => {
    const minutes = date.minutes ?? fallbackMinutes;
    if (date.utc) return new Date(date.localDayUtcMs + minutes * 60_000);
    if (region === null) {
      throw fail(
        file,
        date.segment,
        2,
        'a stop with an N4 state',
        'cannot be placed in time: the stop has no N4 with a US state or Canadian province',
      );
    }
    return new Date(localTimeToInstant(region, date.localDayUtcMs, minutes));
  };
  let earliest: Date | null = null;
  let latest: Date | null = null;
  let latestSegment: X12Segment | null = null;
  // Moments first, so an explicit not-before / not-later-than wins whatever the segment order.
  for (const pass of ['moment', 'bounds'] as const) {
    for (const date of dates) {
      if ((date.bound === 'moment') !== (pass === 'moment')) continue;
      if (date.bound !== 'latest') earliest = instant(date, 0);
      if (date.bound !== 'earliest') {
        latest = instant(date, 23 * 60 + 59);
        latestSegment = date.segment;
      }
    }
  }
  if (earliest !== null && latest !== null && latestSegment !== null && latest < earliest) {
    throw fail(
      file,
      latestSegment,
      2,
      "at or after the stop's earliest date",
      `closes the stop at ${latest.toISOString()}, before it opens at ${earliest.toISOString()}`,
    );
  }
  return { earliest, latest };
}
