import { describe, expect, test } from 'vitest';
import { parseTimestamp } from './parse-timestamp.ts';

const iso = (value: string): string => {
  const parsed = parseTimestamp(value);
  if (typeof parsed === 'string') throw new Error(`${value}: ${parsed}`);
  return parsed.toISOString();
};

describe('parseTimestamp', () => {
  test('applies the offset', () => {
    expect(iso('2026-03-04T09:15:00-05:00')).toBe('2026-03-04T14:15:00.000Z');
    expect(iso('2026-03-04T09:15:00+05:30')).toBe('2026-03-04T03:45:00.000Z');
    expect(iso('2026-03-04T09:15:00Z')).toBe('2026-03-04T09:15:00.000Z');
  });

  test('accepts compact and hour-only offsets, no seconds, fractions and a space separator', () => {
    expect(iso('2026-03-04T09:15:00-0500')).toBe('2026-03-04T14:15:00.000Z');
    expect(iso('2026-03-04T09:15-05')).toBe('2026-03-04T14:15:00.000Z');
    expect(iso('2026-03-04T09:15:00.123456Z')).toBe('2026-03-04T09:15:00.123Z');
    expect(iso('2026-03-04T09:15:00.5Z')).toBe('2026-03-04T09:15:00.500Z');
    expect(iso('2026-03-04 09:15:00z')).toBe('2026-03-04T09:15:00.000Z');
  });

  test('crosses a day and a year boundary through the offset', () => {
    expect(iso('2025-12-31T22:30:00-06:00')).toBe('2026-01-01T04:30:00.000Z');
  });

  test('refuses a time without an offset, naming the missing offset', () => {
    expect(parseTimestamp('2026-03-04T09:15:00')).toBe('has no UTC offset');
    expect(parseTimestamp('2026-03-04T09:15')).toBe('has no UTC offset');
  });

  test('refuses a date without a time', () => {
    expect(parseTimestamp('2026-03-04')).toBe('is a date without a time of day');
  });

  test('refuses dates that do not exist', () => {
    expect(parseTimestamp('2026-02-30T09:15:00Z')).toBe('is not a real calendar date');
    expect(parseTimestamp('2026-02-29T09:15:00Z')).toBe('is not a real calendar date');
    expect(iso('2028-02-29T09:15:00Z')).toBe('2028-02-29T09:15:00.000Z');
    expect(parseTimestamp('2026-13-01T09:15:00Z')).toBe('is not a real calendar date');
    expect(parseTimestamp('2026-04-31T09:15:00Z')).toBe('is not a real calendar date');
  });

  test('refuses times and offsets out of range', () => {
    expect(parseTimestamp('2026-03-04T24:00:00Z')).toBe('has an hour, minute or second out of range');
    expect(parseTimestamp('2026-03-04T09:60:00Z')).toBe('has an hour, minute or second out of range');
    expect(parseTimestamp('2026-03-04T09:15:60Z')).toBe('has an hour, minute or second out of range');
    expect(parseTimestamp('2026-03-04T09:15:00+24:00')).toBe('has a UTC offset out of range');
    expect(parseTimestamp('0026-03-04T09:15:00Z')).toBe('has a year outside 1900–2999');
  });

  test('the character-code path and the general path agree', () => {
    // Canonical shapes (read by character codes) next to the same instants written otherwise.
    expect(iso('2026-03-04T09:15:00-00:00')).toBe(iso('2026-03-04T09:15:00.000Z'));
    expect(iso('2026-03-04T23:59:59+14:00')).toBe(iso('2026-03-04T23:59:59.0+1400'));
    expect(iso('2000-02-29T00:00:00Z')).toBe('2000-02-29T00:00:00.000Z');
    expect(parseTimestamp('1900-02-29T00:00:00Z')).toBe('is not a real calendar date');
    expect(parseTimestamp('2026-0a-04T09:15:00Z')).toBe('is not an ISO 8601 timestamp');
    expect(parseTimestamp('2026-03-04T09:15:00+05:3x')).toBe('is not an ISO 8601 timestamp');
    expect(iso('2026-03-04t09:15:00Z')).toBe('2026-03-04T09:15:00.000Z');
  });

  test('refuses other shapes', () => {
    for (const value of [
      '03/04/2026 09:15',
      '2026-3-4T09:15:00Z',
      'yesterday',
      '2026-03-04T09:15:00 -05:00',
      '',
    ]) {
      expect(parseTimestamp(value)).toBe('is not an ISO 8601 timestamp');
    }
  });
});
