import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from './csv-field.ts';

describe('csvField', () => {
  it('quotes only fields with a comma, a quote or a line break, doubling quotes (RFC 4180)', () => {
    expect(csvField('Dallas')).toBe('Dallas');
    expect(csvField('Dallas, TX;Austin, TX')).toBe('"Dallas, TX;Austin, TX"');
    expect(csvField('O"Brien')).toBe('"O""Brien"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField('')).toBe('');
  });
});

describe('csvRecord', () => {
  it('joins fields with commas, quoting only those that need it, and ends the line', () => {
    expect(csvRecord(['D1', 'Dallas', 'TX'])).toBe('D1,Dallas,TX\n');
    expect(csvRecord(['D1', 'Dallas, TX', 'say "hi"', ''])).toBe('D1,"Dallas, TX","say ""hi""",\n');
  });
});
