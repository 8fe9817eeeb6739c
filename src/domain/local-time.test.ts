import { describe, expect, it } from 'vitest';
import { formatLocalTimestamp, localTimeToInstant, utcOffsetMinutes } from './local-time.ts';

const utc = (iso: string): number => new Date(iso).getTime();

describe('local time', () => {
  it('applies North American daylight saving where it is observed', () => {
    expect(utcOffsetMinutes('NY', utc('2024-07-01T12:00:00Z'))).toBe(-240);
    expect(utcOffsetMinutes('NY', utc('2024-01-15T12:00:00Z'))).toBe(-300);
    expect(utcOffsetMinutes('AZ', utc('2024-07-01T12:00:00Z'))).toBe(-420);
    expect(utcOffsetMinutes('SK', utc('2024-07-01T12:00:00Z'))).toBe(-360);
    expect(utcOffsetMinutes('NL', utc('2024-01-15T12:00:00Z'))).toBe(-210);
  });

  it('switches at 02:00 local on the second Sunday of March and the first Sunday of November', () => {
    // 2024: 10 March and 3 November. In Chicago 02:00 CST = 08:00Z; 02:00 CDT = 07:00Z.
    expect(utcOffsetMinutes('IL', utc('2024-03-10T07:59:00Z'))).toBe(-360);
    expect(utcOffsetMinutes('IL', utc('2024-03-10T08:00:00Z'))).toBe(-300);
    expect(utcOffsetMinutes('IL', utc('2024-11-03T06:59:00Z'))).toBe(-300);
    expect(utcOffsetMinutes('IL', utc('2024-11-03T07:00:00Z'))).toBe(-360);
  });

  it('formats ISO 8601 with the local offset and round-trips local wall-clock times', () => {
    expect(formatLocalTimestamp(utc('2024-06-11T14:30:05.900Z'), 'TX')).toBe('2024-06-11T09:30:05-05:00');
    expect(formatLocalTimestamp(utc('2024-12-02T01:00:00Z'), 'BC')).toBe('2024-12-01T17:00:00-08:00');
    expect(formatLocalTimestamp(utc('2024-12-02T01:00:00Z'), 'NL')).toBe('2024-12-01T21:30:00-03:30');
    const instant = localTimeToInstant('ON', Date.UTC(2024, 6, 4), 9 * 60 + 15);
    expect(formatLocalTimestamp(instant, 'ON')).toBe('2024-07-04T09:15:00-04:00');
    expect(new Date(formatLocalTimestamp(instant, 'ON')).getTime()).toBe(instant);
  });
});
