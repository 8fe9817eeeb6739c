import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outreachTaskFixture } from './outreach-task-fixture.test-support.ts';
import type { OutreachTask } from '../domain/outreach-task.ts';
import type { AssignableRep } from './assign-tasks.ts';
import { DEFAULT_CADENCE_RULES } from './cadence-rules.ts';
import { reviewOverdue } from './review-overdue.ts';

// Wednesday 15 January 2025, 09:00 in Texas (CST, UTC−6).
const now = new Date('2025-01-15T15:00:00Z');

const makeTask = (overrides: Partial<OutreachTask> = {}): OutreachTask =>
  outreachTaskFixture({ taskId: 'T1', dueAt: new Date('2025-01-14T23:00:00Z'), ...overrides });

const contacted = (overrides: Partial<OutreachTask>): OutreachTask =>
  makeTask({
    state: 'contacted',
    sequenceStartedAt: new Date('2025-01-13T16:00:00Z'),
    stepsDone: 1,
    ...overrides,
  });

describe('reviewOverdue', () => {
  const reps: AssignableRep[] = [
    { repId: 'R1', territories: ['Dallas, TX'], capacity: 5 },
    { repId: 'R2', territories: ['Dallas'], capacity: 5 },
    { repId: 'R3', territories: [], capacity: 5 },
  ];
  const load = new Map([
    ['R1', 3],
    ['R2', 1],
    ['R3', 1],
  ]);

  it('escalates every overdue task and reassigns missed first outreach to another rep', () => {
    const tasks = [
      makeTask({ taskId: 'T1' }), // tier A, due yesterday 17:00 CST: overdue
      makeTask({ taskId: 'T2', tier: 'B', dueAt: new Date('2025-01-16T23:00:00Z') }), // not yet due
      contacted({ taskId: 'T3', tier: 'B', nextStepAt: new Date('2025-01-14T10:00:00Z') }), // 29 h late
      contacted({ taskId: 'T4', nextStepAt: new Date('2025-01-14T16:00:00Z') }), // 23 h late: within grace
      makeTask({ taskId: 'T5', state: 'replied', dueAt: new Date('2025-01-10T00:00:00Z') }),
      makeTask({ taskId: 'T6', state: 'new', repId: null, dueAt: new Date('2025-01-10T00:00:00Z') }),
      makeTask({
        taskId: 'T7',
        tier: 'B',
        repId: 'R3',
        zoneLabel: null,
        escalations: 1,
        dueAt: new Date('2025-01-13T20:00:00Z'),
      }),
    ];
    const before = structuredClone(tasks);
    const review = reviewOverdue(tasks, now, reps, load, null);
    expect(tasks).toEqual(before);

    // Served tier A first, then by how long overdue: T1, T7 (due Mon), T3 (touch + grace Wed 10:00Z).
    expect(review.actions.map((action) => [action.task.taskId, action.missed, action.reassignment])).toEqual([
      ['T1', 'first_outreach', { fromRepId: 'R1', toRepId: 'R2' }], // the other Dallas owner
      ['T7', 'first_outreach', { fromRepId: 'R3', toRepId: 'R1' }], // unowned: round-robin, R3 excluded
      ['T3', 'sequence_touch', null],
    ]);
    expect(review.cursor).toBe('R1');

    const [t1, t7, t3] = review.actions;
    // A fresh SLA from now: stale tier A = 24 business hours, Wed 09:00 CST → Thu 09:00 CST;
    // tier B = 48 business hours → Fri 09:00 CST.
    expect(t1?.task).toMatchObject({ repId: 'R2', escalations: 1, state: 'assigned', updatedAt: now });
    expect(t1?.task.dueAt).toEqual(new Date('2025-01-16T15:00:00Z'));
    expect(t7?.task).toMatchObject({ repId: 'R1', escalations: 2 });
    expect(t7?.task.dueAt).toEqual(new Date('2025-01-17T15:00:00Z'));
    expect(t1?.events).toEqual([
      {
        taskId: 'T1',
        at: now,
        kind: 'escalation',
        fromState: 'assigned',
        toState: 'assigned',
        repId: 'R1',
        actor: 'system',
        note: 'Escalation 1: first outreach was due 2025-01-14T17:00:00-06:00',
        loadId: null,
      },
      {
        taskId: 'T1',
        at: now,
        kind: 'reassignment',
        fromState: 'assigned',
        toState: 'assigned',
        repId: 'R2',
        actor: 'system',
        note: 'Reassigned from R1 to R2 (owner); now due 2025-01-16T09:00:00-06:00',
        loadId: null,
      },
    ]);
    // A missed sequence touch stays with the rep the prospect has heard from.
    expect(t3?.task).toMatchObject({ repId: 'R1', escalations: 1, dueAt: tasks[2]?.dueAt });
    expect(t3?.events.map((event) => [event.kind, event.note])).toEqual([
      ['escalation', 'Escalation 1: touch 2 was due 2025-01-14T04:00:00-06:00'],
    ]);
  });

  it('honours the configured grace for sequence touches', () => {
    const late = contacted({ taskId: 'T4', nextStepAt: new Date('2025-01-14T16:00:00Z') });
    expect(reviewOverdue([late], now, reps, load, null).actions).toHaveLength(0);
    const strict = { ...DEFAULT_CADENCE_RULES, overdueGraceHours: 0 };
    expect(reviewOverdue([late], now, reps, load, null, strict).actions).toHaveLength(1);
  });

  it('never reassigns to the same rep: alone, a task stays with its rep, escalated', () => {
    const solo: AssignableRep[] = [
      { repId: 'R1', territories: ['Dallas, TX'], capacity: 5 },
      { repId: 'R2', territories: [], capacity: 0 },
    ];
    const review = reviewOverdue([makeTask()], now, solo, new Map([['R1', 1]]), 'R9');
    expect(review.actions).toHaveLength(1);
    expect(review.actions[0]).toMatchObject({ reassignment: null, stayedBecause: 'team_full' });
    expect(review.actions[0]?.task).toMatchObject({ repId: 'R1', escalations: 1 });
    expect(review.actions[0]?.task.dueAt).toEqual(makeTask().dueAt);
    expect(review.cursor).toBe('R9');
  });

  it('keeps a task in its territory: a full co-owner means it stays, even when a stranger has room', () => {
    const review = reviewOverdue([makeTask()], now, reps, new Map([['R2', 5]]), null);
    expect(review.actions[0]).toMatchObject({ reassignment: null, stayedBecause: 'territory_full' });
  });

  it('shares capacity across the review: a move frees a slot with the old rep', () => {
    const pair: AssignableRep[] = [
      { repId: 'R1', territories: ['Dallas, TX'], capacity: 2 },
      { repId: 'R2', territories: ['Dallas, TX'], capacity: 2 },
    ];
    const tasks = [makeTask({ taskId: 'Ta' }), makeTask({ taskId: 'Tb', tier: 'B', repId: 'R2' })];
    // R2 has one slot: Ta moves R1 → R2, which frees a slot with R1 for Tb (R2 → R1).
    const swapped = reviewOverdue(
      tasks,
      now,
      pair,
      new Map([
        ['R1', 2],
        ['R2', 1],
      ]),
      null,
    );
    expect(swapped.actions.map((action) => action.reassignment)).toEqual([
      { fromRepId: 'R1', toRepId: 'R2' },
      { fromRepId: 'R2', toRepId: 'R1' },
    ]);
    // Both full: nobody moves (and as nobody else has room at all, the team is the limit).
    const stuck = reviewOverdue(
      tasks,
      now,
      pair,
      new Map([
        ['R1', 2],
        ['R2', 2],
      ]),
      null,
    );
    expect(stuck.actions.map((action) => action.stayedBecause)).toEqual(['team_full', 'team_full']);
    expect(stuck.actions.map((action) => action.task.repId)).toEqual(['R1', 'R2']);
  });

  it('never moves a task to its own rep and never overfills a rep (property)', () => {
    const repIds = ['R0', 'R1', 'R2', 'R3'];
    const zones = ['Dallas, TX', 'Houston, TX', null];
    const taskArb = fc.record({
      repId: fc.constantFrom(...repIds),
      zoneLabel: fc.constantFrom(...zones),
      tier: fc.constantFrom('A' as const, 'B' as const),
      overdueHours: fc.integer({ min: -10, max: 60 }),
      contacted: fc.boolean(),
    });
    const repArb = fc.record({
      territories: fc.subarray(['Dallas, TX', 'Houston, TX']),
      capacity: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(
        fc.array(repArb, { minLength: 4, maxLength: 4 }),
        fc.array(taskArb, { maxLength: 12 }),
        (repSpecs, taskSpecs) => {
          const team = repSpecs.map((spec, i) => ({ repId: `R${i}`, ...spec }));
          const tasks = taskSpecs.map((spec, i) => {
            const missed = new Date(now.getTime() - spec.overdueHours * 3_600_000);
            return spec.contacted
              ? contacted({
                  taskId: `T${i}`,
                  repId: spec.repId,
                  zoneLabel: spec.zoneLabel,
                  nextStepAt: missed,
                })
              : makeTask({
                  taskId: `T${i}`,
                  repId: spec.repId,
                  zoneLabel: spec.zoneLabel,
                  tier: spec.tier,
                  dueAt: missed,
                });
          });
          const initial = new Map(repIds.map((id) => [id, tasks.filter((task) => task.repId === id).length]));
          const review = reviewOverdue(tasks, now, team, initial, null);
          const moves = review.actions.flatMap((action) =>
            action.reassignment ? [action.reassignment] : [],
          );
          for (const move of moves) expect(move.toRepId).not.toBe(move.fromRepId);
          for (const rep of team) {
            const moved = (direction: 'fromRepId' | 'toRepId'): number =>
              moves.filter((move) => move[direction] === rep.repId).length;
            const final = (initial.get(rep.repId) ?? 0) - moved('fromRepId') + moved('toRepId');
            if (moved('toRepId') > 0) expect(final).toBeLessThanOrEqual(rep.capacity);
          }
          for (const action of review.actions) {
            const original = tasks.find((task) => task.taskId === action.task.taskId);
            expect(action.task.escalations).toBe((original?.escalations ?? 0) + 1);
            if (action.missed === 'sequence_touch') expect(action.reassignment).toBeNull();
          }
        },
      ),
      { numRuns: 300, seed: 20250115 },
    );
  });
});
