/**
 * A task as the cadence tests start from: tier A, assigned to R1, Dallas → ON dry van, created Monday
 * 13 January 2025 14:00 UTC; each test overrides what it is about.
 */
import type { OutreachTask } from '../domain/outreach-task.ts';

export const TASK_CREATED_AT = new Date('2025-01-13T14:00:00Z');

export function outreachTaskFixture(overrides: Partial<OutreachTask> = {}): OutreachTask {
  return {
    taskId: 'T7',
    companyId: 'C1',
    companyName: 'Acme Foods',
    tier: 'A',
    score: 82,
    zoneLabel: 'Dallas, TX',
    lane: { originLabel: 'Dallas, TX', originRegion: 'TX', destRegion: 'ON', equipment: 'dry_van' },
    state: 'assigned',
    repId: 'R1',
    createdAt: TASK_CREATED_AT,
    dueAt: new Date('2025-01-13T23:00:00Z'),
    signalAt: new Date('2025-01-13T12:00:00Z'),
    sequenceStartedAt: null,
    stepsDone: 0,
    nextStepAt: null,
    escalations: 0,
    loadIds: [],
    draft: {
      language: 'en',
      email: { subject: 'Northbound capacity', body: 'We land six dry vans a week in Dallas.' },
      callOpener: 'We land in Dallas Tuesdays.',
      socialNote: 'Heading home to Ontario.',
    },
    updatedAt: TASK_CREATED_AT,
    ...overrides,
  };
}
