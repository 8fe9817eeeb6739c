import { describe, expect, it } from 'vitest';
import { conversionFunnel } from './conversion-funnel.ts';
import type { OutreachRecord } from './trip-record.ts';

const AS_OF = new Date('2024-11-01T00:00:00Z');
const day = (d: number): Date => new Date(Date.UTC(2024, 9, d));

function task(taskId: string, steps: Partial<OutreachRecord> = {}): OutreachRecord {
  return {
    taskId,
    tier: 'A',
    repId: null,
    corridor: 'Chicago, IL → QC · reefer',
    zone: 'Chicago, IL',
    signalAt: day(1),
    createdAt: day(2),
    firstContactAt: null,
    reachedQuotedAt: null,
    bookedAt: null,
    lostAt: null,
    ...steps,
  };
}

describe('conversionFunnel', () => {
  it('counts each step, a later step implying the earlier ones', () => {
    // K1 contacted; K2 contacted + quoted; K3 booked only (⇒ quoted, contacted); K4 untouched;
    // K5 contacted then lost; K6 booked after as-of (⇒ only contacted).
    // 40 companies → contacted 5, quoted 2, booked 1, lost 1: 5/40 = 0.125, 2/5, 1/2, 1/40.
    const tasks = [
      task('K1', { firstContactAt: day(3) }),
      task('K2', { firstContactAt: day(3), reachedQuotedAt: day(6) }),
      task('K3', { bookedAt: day(9) }),
      task('K4'),
      task('K5', { firstContactAt: day(4), lostAt: day(12) }),
      task('K6', { firstContactAt: day(4), bookedAt: new Date('2024-11-03T00:00:00Z') }),
    ];
    expect(conversionFunnel(tasks, 40, AS_OF)).toEqual({
      signallingCompanies: 40,
      tasks: 6,
      contacted: 5,
      quoted: 2,
      booked: 1,
      lost: 1,
      contactedRate: 0.125,
      quotedRate: 0.4,
      bookedRate: 0.5,
      signalToBookedRate: 0.025,
    });
  });

  it('gives null rates, never NaN, when a denominator is 0 or unknown', () => {
    expect(conversionFunnel([], 0, AS_OF)).toEqual({
      signallingCompanies: 0,
      tasks: 0,
      contacted: 0,
      quoted: 0,
      booked: 0,
      lost: 0,
      contactedRate: null,
      quotedRate: null,
      bookedRate: null,
      signalToBookedRate: null,
    });
    const byRep = conversionFunnel([task('K1', { firstContactAt: day(3) })], null, AS_OF);
    expect(byRep).toMatchObject({
      contactedRate: null,
      quotedRate: 0,
      bookedRate: null,
      signalToBookedRate: null,
    });
  });

  it('rejects a company count that is not a whole number ≥ 0', () => {
    expect(() => conversionFunnel([], 2.5, AS_OF)).toThrow(
      'Cannot build the conversion funnel: signalling companies must be a whole number ≥ 0, saw 2.5',
    );
  });
});
