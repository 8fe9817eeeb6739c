import { describe, expect, it } from 'vitest';
import { outreachTaskFixture } from './outreach-task-fixture.test-support.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { OutreachTask, TaskState } from '../domain/outreach-task.ts';
import { DEFAULT_CADENCE_RULES } from './cadence-rules.ts';
import { recordTouch, sequenceExhausted } from './record-touch.ts';

const makeTask = (overrides: Partial<OutreachTask> = {}): OutreachTask =>
  outreachTaskFixture({ taskId: 'T7', dueAt: new Date('2025-01-13T23:00:00Z'), ...overrides });

const errorOf = (run: () => unknown): NorthboundError => {
  try {
    run();
  } catch (error) {
    if (error instanceof NorthboundError) return error;
    throw error;
  }
  throw new Error('expected a NorthboundError');
};

describe('recordTouch', () => {
  it('starts the sequence at the first touch and schedules each next step from that start', () => {
    const task = makeTask();
    const before = structuredClone(task);
    const first = recordTouch(task, new Date('2025-01-13T15:00:00Z'));
    expect(task).toEqual(before);
    expect(first.task).toMatchObject({
      state: 'contacted',
      stepsDone: 1,
      sequenceStartedAt: new Date('2025-01-13T15:00:00Z'),
      nextStepAt: new Date('2025-01-15T15:00:00Z'), // day 2: the call
      updatedAt: new Date('2025-01-13T15:00:00Z'),
    });
    expect(first.events).toEqual([
      {
        taskId: 'T7',
        at: new Date('2025-01-13T15:00:00Z'),
        kind: 'touch',
        fromState: 'assigned',
        toState: 'contacted',
        repId: 'R1',
        actor: 'R1',
        note: null,
        loadId: null,
      },
    ]);
    // A late call (three hours after it was due) does not push the day-5 email: steps hang off the start.
    const second = recordTouch(
      first.task,
      new Date('2025-01-15T18:00:00Z'),
      undefined,
      'R1',
      'left voicemail',
    );
    expect(second.task.stepsDone).toBe(2);
    expect(second.task.nextStepAt).toEqual(new Date('2025-01-18T15:00:00Z'));
    expect(second.events[0]).toMatchObject({ fromState: 'contacted', note: 'left voicemail' });
    const third = recordTouch(second.task, new Date('2025-01-18T16:00:00Z'));
    expect(third.task).toMatchObject({ stepsDone: 3, nextStepAt: null, state: 'contacted' });
    const usedUp = errorOf(() => recordTouch(third.task, new Date('2025-01-20T16:00:00Z')));
    expect(usedUp.code).toBe('conflict');
    expect(usedUp.message).toBe(
      'Cannot log a touch on task T7: its sequence is used up (3 of 3 touches done); log replied, lost or nurture',
    );
  });

  it('follows a custom sequence', () => {
    const steps = [
      { day: 0, channel: 'call' },
      { day: 1, channel: 'email' },
    ] as const;
    const first = recordTouch(makeTask(), new Date('2025-01-14T10:00:00Z'), steps);
    expect(first.task.nextStepAt).toEqual(new Date('2025-01-15T10:00:00Z'));
    expect(recordTouch(first.task, new Date('2025-01-15T09:00:00Z'), steps).task.nextStepAt).toBeNull();
  });

  it('re-engages a nurtured prospect with a fresh sequence', () => {
    const nurtured = makeTask({
      state: 'nurture',
      sequenceStartedAt: new Date('2025-01-13T15:00:00Z'),
      stepsDone: 3,
    });
    const touched = recordTouch(nurtured, new Date('2025-02-03T16:00:00Z'));
    expect(touched.task).toMatchObject({
      state: 'contacted',
      stepsDone: 1,
      sequenceStartedAt: new Date('2025-02-03T16:00:00Z'),
      nextStepAt: new Date('2025-02-05T16:00:00Z'),
    });
    expect(touched.events[0]?.fromState).toBe('nurture');
  });

  it('refuses a touch after a reply, on a closed task or before assignment', () => {
    const at = new Date('2025-01-14T10:00:00Z');
    const cases: [TaskState, string][] = [
      ['replied', 'Cannot log a touch on task T7: the prospect replied, which stopped the sequence'],
      [
        'quoted',
        'Cannot log a touch on task T7: the prospect replied and was quoted, which stopped the sequence',
      ],
      ['booked', 'Cannot log a touch on task T7: it is booked; from booked nothing follows'],
      ['lost', 'Cannot log a touch on task T7: it is lost; from lost nothing follows'],
      ['new', 'Cannot log a touch on task T7: it is new and has no rep yet; assign it first'],
    ];
    for (const [state, message] of cases) {
      const task = makeTask({ state, repId: state === 'new' ? null : 'R1' });
      const before = structuredClone(task);
      const error = errorOf(() => recordTouch(task, at));
      expect(error.code).toBe('conflict');
      expect(error.message).toBe(message);
      expect(task).toEqual(before);
    }
  });

  it('refuses sequences without a day-0 start or going back in time, and touches before the task existed', () => {
    const at = new Date('2025-01-14T10:00:00Z');
    expect(errorOf(() => recordTouch(makeTask(), at, [])).message).toMatch(/it has no steps/);
    expect(errorOf(() => recordTouch(makeTask(), at, [{ day: 1, channel: 'email' }])).message).toMatch(
      /first step is not on day 0, saw days \[1\]/,
    );
    const backwards = [
      { day: 0, channel: 'email' },
      { day: 3, channel: 'call' },
      { day: 2, channel: 'email' },
    ] as const;
    expect(errorOf(() => recordTouch(makeTask(), at, backwards)).code).toBe('invalid_input');
    const early = errorOf(() => recordTouch(makeTask(), new Date('2025-01-12T10:00:00Z')));
    expect(early.code).toBe('invalid_input');
    expect(early.message).toBe(
      'Cannot log a touch on task T7 at 2025-01-12T10:00:00.000Z: the task was only created at 2025-01-13T14:00:00.000Z',
    );
  });
});

describe('sequenceExhausted', () => {
  // Started Mon 13 Jan 15:00Z; the last step (day 5) was due Sat 18 Jan 15:00Z; nurture 7 days later.
  const done = makeTask({
    state: 'contacted',
    sequenceStartedAt: new Date('2025-01-13T15:00:00Z'),
    stepsDone: 3,
    nextStepAt: null,
  });

  it('is true once nurtureAfterDays have passed since the last touch was due', () => {
    expect(sequenceExhausted(done, new Date('2025-01-25T14:59:59Z'))).toBe(false);
    expect(sequenceExhausted(done, new Date('2025-01-25T15:00:00Z'))).toBe(true);
    const rules = { ...DEFAULT_CADENCE_RULES, nurtureAfterDays: 3 };
    expect(sequenceExhausted(done, new Date('2025-01-21T15:00:00Z'), rules)).toBe(true);
    expect(sequenceExhausted(done, new Date('2025-01-21T14:00:00Z'), rules)).toBe(false);
  });

  it('is false while steps remain, after a reply, or with no sequence', () => {
    const late = new Date('2025-03-01T00:00:00Z');
    expect(sequenceExhausted({ ...done, stepsDone: 2 }, late)).toBe(false);
    expect(sequenceExhausted({ ...done, state: 'replied' }, late)).toBe(false);
    expect(sequenceExhausted({ ...done, sequenceStartedAt: null }, late)).toBe(false);
    // A longer sequence is not used up after three touches.
    const four = [
      { day: 0, channel: 'email' },
      { day: 2, channel: 'call' },
      { day: 5, channel: 'email' },
      { day: 9, channel: 'social' },
    ] as const;
    expect(sequenceExhausted(done, late, DEFAULT_CADENCE_RULES, four)).toBe(false);
  });
});
