import { describe, expect, it } from 'vitest';
import { outreachTaskFixture } from './outreach-task-fixture.test-support.ts';
import { NorthboundError } from '../domain/errors.ts';
import { TASK_STATES, type OutreachTask, type TaskState } from '../domain/outreach-task.ts';
import { assignTask, TASK_OUTCOMES, transitionTask, type TaskOutcome } from './task-transitions.ts';

const at = new Date('2025-01-14T16:00:00Z');

const makeTask = (overrides: Partial<OutreachTask> = {}): OutreachTask =>
  outreachTaskFixture({ taskId: 'T7', dueAt: new Date('2025-01-13T23:00:00Z'), ...overrides });

/** A task sitting in `state` the way the machine would have left it. */
function taskIn(state: TaskState): OutreachTask {
  const inSequence = state === 'contacted';
  return makeTask({
    state,
    repId: state === 'new' ? null : 'R1',
    sequenceStartedAt: state === 'new' || state === 'assigned' ? null : new Date('2025-01-13T15:00:00Z'),
    stepsDone: state === 'new' || state === 'assigned' ? 0 : 1,
    nextStepAt: inSequence ? new Date('2025-01-15T15:00:00Z') : null,
  });
}

const errorOf = (run: () => unknown): NorthboundError => {
  try {
    run();
  } catch (error) {
    if (error instanceof NorthboundError) return error;
    throw error;
  }
  throw new Error('expected a NorthboundError');
};

// The machine of DESIGN.md §3.4, written out by hand (not read back from TASK_TRANSITIONS).
const ALLOWED = new Set([
  'assigned>contacted',
  'assigned>lost',
  'assigned>nurture',
  'contacted>contacted',
  'contacted>replied',
  'contacted>lost',
  'contacted>nurture',
  'replied>quoted',
  'replied>booked',
  'replied>lost',
  'replied>nurture',
  'quoted>booked',
  'quoted>lost',
  'quoted>nurture',
  'nurture>contacted',
  'nurture>lost',
]);

describe('transitionTask', () => {
  it('allows exactly the edges of the machine and leaves the input untouched either way', () => {
    for (const state of TASK_STATES) {
      for (const outcome of TASK_OUTCOMES) {
        const task = taskIn(state);
        const before = structuredClone(task);
        const context = { at, actor: 'R1', ...(outcome === 'booked' ? { loadIds: ['L1'] } : {}) };
        if (ALLOWED.has(`${state}>${outcome}`)) {
          const change = transitionTask(task, outcome, context);
          expect(change.task.state, `${state} → ${outcome}`).toBe(outcome);
          expect(change.task.updatedAt).toEqual(at);
          expect(change.events.length).toBeGreaterThan(0);
        } else {
          const error = errorOf(() => transitionTask(task, outcome, context));
          expect(error.code, `${state} → ${outcome}`).toBe('conflict');
        }
        expect(task).toEqual(before);
      }
    }
  });

  it('says what was attempted, why it failed and what would have been allowed', () => {
    expect(errorOf(() => transitionTask(taskIn('booked'), 'contacted', { at, actor: 'R1' })).message).toBe(
      'Cannot log "contacted" on task T7: it is booked; from booked nothing follows',
    );
    expect(errorOf(() => transitionTask(taskIn('assigned'), 'quoted', { at, actor: 'R1' })).message).toBe(
      'Cannot log "quoted" on task T7: it is assigned; from assigned only contacted, lost, nurture follow',
    );
    expect(errorOf(() => transitionTask(taskIn('new'), 'contacted', { at, actor: 'R1' })).message).toBe(
      'Cannot log "contacted" on task T7: it is new; from new only assignment follows',
    );
  });

  it('stops the sequence on reply and audits who, when and from what', () => {
    const change = transitionTask(taskIn('contacted'), 'replied', { at, actor: 'R1', note: 'wants rates' });
    expect(change.task.nextStepAt).toBeNull();
    expect(change.task.stepsDone).toBe(1);
    expect(change.events).toEqual([
      {
        taskId: 'T7',
        at,
        kind: 'transition',
        fromState: 'contacted',
        toState: 'replied',
        repId: 'R1',
        actor: 'R1',
        note: 'wants rates',
        loadId: null,
      },
    ]);
  });

  it('moves a contacted task with a pending step to nurture with the sequence stopped', () => {
    const change = transitionTask(taskIn('contacted'), 'nurture', { at, actor: 'system' });
    expect(change.task).toMatchObject({ state: 'nurture', nextStepAt: null });
    expect(change.events[0]).toMatchObject({ fromState: 'contacted', toState: 'nurture', actor: 'system' });
  });

  it('logs "contacted" as a sequence touch', () => {
    const first = transitionTask(taskIn('assigned'), 'contacted', { at, actor: 'R1' });
    expect(first.task).toMatchObject({ stepsDone: 1, sequenceStartedAt: at });
    expect(first.task.nextStepAt).toEqual(new Date('2025-01-16T16:00:00Z'));
    expect(first.events[0]?.kind).toBe('touch');
    const again = transitionTask(first.task, 'contacted', {
      at: new Date('2025-01-16T17:00:00Z'),
      actor: 'R1',
      steps: [
        { day: 0, channel: 'email' },
        { day: 2, channel: 'call' },
      ],
    });
    expect(again.task).toMatchObject({ stepsDone: 2, nextStepAt: null });
  });

  it('links a booking to its loads, one event per load', () => {
    const quoted = taskIn('quoted');
    const change = transitionTask({ ...quoted, loadIds: ['L0'] }, 'booked', {
      at,
      actor: 'R1',
      loadIds: ['L1', 'L2', 'L1'],
    });
    expect(change.task.loadIds).toEqual(['L0', 'L1', 'L2']);
    expect(change.events.map((event) => [event.kind, event.fromState, event.toState, event.loadId])).toEqual([
      ['transition', 'quoted', 'booked', 'L1'],
      ['transition', 'quoted', 'booked', 'L2'],
    ]);
  });

  it('refuses a booking without loads, and loads on anything but a booking', () => {
    const replied = taskIn('replied');
    const before = structuredClone(replied);
    const none = errorOf(() => transitionTask(replied, 'booked', { at, actor: 'R1' }));
    expect(none.code).toBe('invalid_input');
    expect(none.message).toBe(
      'Cannot log "booked" on task T7: a booking needs at least one non-empty load id, saw []',
    );
    expect(errorOf(() => transitionTask(replied, 'booked', { at, actor: 'R1', loadIds: [' '] })).code).toBe(
      'invalid_input',
    );
    const stray = errorOf(() => transitionTask(replied, 'quoted', { at, actor: 'R1', loadIds: ['L9'] }));
    expect(stray.code).toBe('invalid_input');
    expect(stray.message).toMatch(/loads link only to a booking/);
    expect(replied).toEqual(before);
  });

  it('refuses an outcome dated before the task was created', () => {
    const error = errorOf(() =>
      transitionTask(taskIn('contacted'), 'replied', { at: new Date('2025-01-01T00:00:00Z'), actor: 'R1' }),
    );
    expect(error.code).toBe('invalid_input');
  });

  it('runs a whole life: new → assigned → 3 touches → replied → quoted → booked', () => {
    let task = taskIn('new');
    const kinds: string[] = [];
    const step = (change: {
      task: OutreachTask;
      events: readonly { kind: string; toState: TaskState }[];
    }) => {
      task = change.task;
      kinds.push(...change.events.map((event) => `${event.kind}:${event.toState}`));
    };
    step(assignTask(task, 'R1', new Date('2025-01-13T14:05:00Z'), 'system'));
    const log = (outcome: TaskOutcome, iso: string, loadIds: string[] = []) =>
      step(transitionTask(task, outcome, { at: new Date(iso), actor: 'R1', loadIds }));
    log('contacted', '2025-01-13T15:00:00Z');
    log('contacted', '2025-01-15T15:00:00Z');
    log('contacted', '2025-01-18T15:00:00Z');
    log('replied', '2025-01-19T10:00:00Z');
    log('quoted', '2025-01-20T10:00:00Z');
    log('booked', '2025-01-21T10:00:00Z', ['L42']);
    expect(kinds).toEqual([
      'transition:assigned',
      'touch:contacted',
      'touch:contacted',
      'touch:contacted',
      'transition:replied',
      'transition:quoted',
      'transition:booked',
    ]);
    expect(task).toMatchObject({ state: 'booked', stepsDone: 3, loadIds: ['L42'], nextStepAt: null });
  });
});

describe('assignTask', () => {
  it('moves new → assigned with the rep, audited', () => {
    const task = taskIn('new');
    const before = structuredClone(task);
    const change = assignTask(task, 'R2', at, 'system');
    expect(task).toEqual(before);
    expect(change.task).toMatchObject({ state: 'assigned', repId: 'R2', updatedAt: at });
    expect(change.events).toEqual([
      {
        taskId: 'T7',
        at,
        kind: 'transition',
        fromState: 'new',
        toState: 'assigned',
        repId: 'R2',
        actor: 'system',
        note: null,
        loadId: null,
      },
    ]);
  });

  it('assigns only new tasks', () => {
    const error = errorOf(() => assignTask(taskIn('contacted'), 'R2', at, 'system'));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'Cannot assign task T7 to R2: it is contacted (held by R1); only a new task is assigned',
    );
    expect(errorOf(() => assignTask(taskIn('new'), ' ', at, 'system')).code).toBe('invalid_input');
  });
});
