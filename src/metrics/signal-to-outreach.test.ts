import { describe, expect, it } from 'vitest';
import { signalToOutreach } from './signal-to-outreach.ts';
import type { OutreachRecord } from './trip-record.ts';

const SIGNAL = new Date('2024-10-01T08:00:00Z');
const AS_OF = new Date('2024-10-10T00:00:00Z');
const hoursAfterSignal = (hours: number): Date => new Date(SIGNAL.getTime() + hours * 3_600_000);

function task(taskId: string, tier: 'A' | 'B', steps: Partial<OutreachRecord> = {}): OutreachRecord {
  return {
    taskId,
    tier,
    repId: 'rep-ana',
    corridor: 'Dallas, TX → ON · dry van',
    zone: 'Dallas, TX',
    signalAt: SIGNAL,
    createdAt: hoursAfterSignal(1),
    firstContactAt: null,
    reachedQuotedAt: null,
    bookedAt: null,
    lostAt: null,
    ...steps,
  };
}

describe('signalToOutreach', () => {
  it('times signal → first contact by tier with median and nearest-rank p90', () => {
    // A: 1.5, 3, 6 → median 3, p90 = ⌈2.7⌉ = 3rd = 6. B: 20, 44 → median 32, p90 = 2nd = 44.
    // Overall 1.5 3 6 20 44 → median 6, p90 = ⌈4.5⌉ = 5th = 44.
    const tasks = [
      task('K1', 'A', { firstContactAt: hoursAfterSignal(3) }),
      task('K2', 'A', { firstContactAt: hoursAfterSignal(1.5) }),
      task('K3', 'A', { firstContactAt: hoursAfterSignal(6) }),
      task('K4', 'B', { firstContactAt: hoursAfterSignal(44) }),
      task('K5', 'B', { firstContactAt: hoursAfterSignal(20) }),
    ];
    expect(signalToOutreach(tasks, AS_OF)).toEqual({
      overall: { tasks: 5, withFirstContact: 5, waiting: 0, medianHours: 6, p90Hours: 44 },
      byTier: {
        A: { tasks: 3, withFirstContact: 3, waiting: 0, medianHours: 3, p90Hours: 6 },
        B: { tasks: 2, withFirstContact: 2, waiting: 0, medianHours: 32, p90Hours: 44 },
      },
    });
  });

  it('judges as of the given instant: later contacts are still waiting; closed tasks are not', () => {
    const tasks = [
      task('K1', 'A'), // untouched → waiting
      task('K2', 'A', { firstContactAt: AS_OF }), // contact at the as-of instant has not happened → waiting
      task('K3', 'B', { lostAt: hoursAfterSignal(30) }), // lost before any touch → neither
      task('K4', 'B', { bookedAt: hoursAfterSignal(50) }), // logged straight to booked → neither
      task('K5', 'B', { lostAt: new Date('2024-10-12T00:00:00Z') }), // lost only after as-of → waiting
    ];
    const result = signalToOutreach(tasks, AS_OF);
    expect(result.overall).toEqual({
      tasks: 5,
      withFirstContact: 0,
      waiting: 3,
      medianHours: null,
      p90Hours: null,
    });
    expect(result.byTier.A.waiting).toBe(2);
    expect(result.byTier.B.waiting).toBe(1);
  });

  it('is empty, with nulls, on no tasks', () => {
    const empty = { tasks: 0, withFirstContact: 0, waiting: 0, medianHours: null, p90Hours: null };
    expect(signalToOutreach([], AS_OF)).toEqual({ overall: empty, byTier: { A: empty, B: empty } });
  });

  it('rejects a first contact before the signal, and an unknown tier', () => {
    expect(() =>
      signalToOutreach([task('K9', 'A', { firstContactAt: hoursAfterSignal(-2) })], AS_OF),
    ).toThrow(
      'Cannot time outreach for task K9: first contact at 2024-10-01T06:00:00.000Z is before its signal at ' +
        '2024-10-01T08:00:00.000Z',
    );
    const tierC = { ...task('K8', 'A'), tier: 'C' } as unknown as OutreachRecord;
    expect(() => signalToOutreach([tierC], AS_OF)).toThrow(
      'Cannot time outreach for task K8: tier must be A or B, saw "C"',
    );
  });
});
