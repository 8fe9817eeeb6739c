/** The JSON contract of a task (snake_case like the import files): what `tasks --json` and `week --json` give. */
import type { OutreachTask } from '../domain/outreach-task.ts';

export function taskJson(t: OutreachTask, overdue?: boolean) {
  return {
    task_id: t.taskId,
    company_id: t.companyId,
    company_name: t.companyName,
    tier: t.tier,
    score: t.score,
    zone: t.zoneLabel,
    lane: {
      origin: t.lane.originLabel,
      origin_region: t.lane.originRegion,
      dest_region: t.lane.destRegion,
      equipment: t.lane.equipment,
    },
    state: t.state,
    rep_id: t.repId,
    created_at: t.createdAt.toISOString(),
    due_at: t.dueAt.toISOString(),
    signal_at: t.signalAt.toISOString(),
    sequence_started_at: t.sequenceStartedAt?.toISOString() ?? null,
    steps_done: t.stepsDone,
    next_step_at: t.nextStepAt?.toISOString() ?? null,
    escalations: t.escalations,
    ...(overdue === undefined ? {} : { overdue }),
    load_ids: t.loadIds,
    draft: {
      language: t.draft.language,
      email_subject: t.draft.email.subject,
      email_body: t.draft.email.body,
      call_opener: t.draft.callOpener,
      social_note: t.draft.socialNote,
    },
    updated_at: t.updatedAt.toISOString(),
  };
}
