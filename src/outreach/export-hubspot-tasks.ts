/**
 * Outreach tasks as a CSV file for HubSpot's import tool (Contacts › Import › "Tasks"), and the facts
 * every task export shares (the Salesforce CSV and the calendar read them from here too, so a task says
 * the same thing in every tool).
 *
 * Conventions followed (HubSpot knowledge base, "Set up your import files"; developer docs, CRM tasks):
 * - one header row whose names HubSpot maps to task properties in the import's mapping step; UTF-8.
 *   The headers are the task properties' labels: Task Title (hs_task_subject), Task Notes
 *   (hs_task_body), Due Date (hs_timestamp), Task Type (hs_task_type: EMAIL, CALL, TODO), Priority
 *   (hs_task_priority: HIGH, MEDIUM, LOW), Task Status (hs_task_status: NOT_STARTED, COMPLETED),
 *   Assigned To (hubspot_owner_id). Any header the tool does not match on its own is picked by hand
 *   in that step.
 * - Due Date is an ISO 8601 UTC instant ("2024-06-12T14:00:00.000Z"): hs_timestamp is a datetime, and
 *   HubSpot shows it in each user's time zone.
 * - Assigned To holds the rep's email: HubSpot matches owners by the user's email. Empty for tasks not
 *   yet assigned (state "new") and for reps with no email.
 * - Company Name and Company Domain Name: HubSpot associates a task with a company only in a
 *   two-object import (tasks + companies), where Company Domain Name is the company's unique
 *   identifier. In a tasks-only import choose "Don't import column" for them.
 * - Northbound Task ID is not a HubSpot property: map it to a custom task property (to find the task
 *   again when its outcome is logged with `northbound log`) or do not import it.
 */
import type { Company } from '../domain/company.ts';
import { NorthboundError } from '../domain/errors.ts';
import {
  DEFAULT_SEQUENCE,
  OPEN_TASK_STATES,
  type OutreachChannel,
  type OutreachTask,
  type SequenceStep,
  type TaskState,
} from '../domain/outreach-task.ts';
import type { Rep } from '../domain/rep.ts';
import { csvText } from './csv-text.ts';
import { nextTouch, type NextTouch } from './next-touch.ts';
import { equipmentWords } from '../intent/explain-prospect.ts';

/** What an export needs besides the tasks. Maps are keyed by repId and companyId. */
export interface TaskExportContext {
  readonly reps: ReadonlyMap<string, Rep>;
  readonly companies: ReadonlyMap<string, Company>;
  /** The carrier's name: the sender of drafts no rep owns yet. */
  readonly carrierName: string;
  /** The sequence the tasks run (to name their next touch); §3.4's example unless configured. */
  readonly sequence?: readonly SequenceStep[];
}

/** What every export says about one task. */
export interface TaskExportFacts {
  readonly task: OutreachTask;
  /** The company's name, else its domain, else its id: never empty. */
  readonly companyLabel: string;
  readonly companyDomain: string | null;
  readonly rep: Rep | null;
  /** Null once the sequence has stopped (reply, quote) or run out: the work is then a follow-up. */
  readonly nextTouch: NextTouch | null;
  /** "Email (touch 1 of 3): Acme Foods", "Follow up on reply: Acme Foods". */
  readonly title: string;
  /** The next touch, else the SLA due time. */
  readonly dueAt: Date;
  /** The draft for the next touch, then the task's id, tier, score and lane. */
  readonly notes: string;
}

/** The states worth a row: the open states, and "new" tasks no rep holds yet (their owner is empty). */
const EXPORTED_STATES: ReadonlySet<TaskState> = new Set<TaskState>(['new', ...OPEN_TASK_STATES]);

const CHANNEL_TITLES: Readonly<Record<OutreachChannel, string>> = {
  email: 'Email',
  call: 'Call',
  social: 'Social note',
};

/** "Dallas, TX → ON, dry van". */
export const laneText = (task: OutreachTask): string =>
  `${task.lane.originLabel} → ${task.lane.destRegion}, ${equipmentWords(task.lane.equipment)}`;

function draftText(task: OutreachTask, touch: NextTouch | null): string {
  const { draft } = task;
  if (touch === null) {
    if (task.state === 'replied') return 'The prospect replied; the sequence has stopped. Answer them.';
    if (task.state === 'quoted') return 'A quote is out; follow up on it.';
    return 'The sequence has run its touches; follow up or close the task.';
  }
  switch (touch.channel) {
    case 'email':
      return `Email subject: ${draft.email.subject}\n\n${draft.email.body}`;
    case 'call':
      return `Call opener:\n${draft.callOpener}`;
    case 'social':
      return `Social note:\n${draft.socialNote}`;
  }
}

function titleOf(task: OutreachTask, touch: NextTouch | null, company: string): string {
  if (touch !== null)
    return `${CHANNEL_TITLES[touch.channel]} (touch ${touch.number} of ${touch.of}): ${company}`;
  if (task.state === 'replied') return `Follow up on reply: ${company}`;
  if (task.state === 'quoted') return `Follow up on quote: ${company}`;
  return `Follow up: ${company}`;
}

/**
 * The facts of one task. Throws not_found when the task names a rep the context does not hold: an
 * export that silently dropped the owner would hand the task to whoever runs the import.
 */
export function taskExportFacts(task: OutreachTask, context: TaskExportContext): TaskExportFacts {
  const company = context.companies.get(task.companyId);
  const companyLabel = task.companyName ?? company?.name ?? company?.domain ?? task.companyId;
  let rep: Rep | null = null;
  if (task.repId !== null) {
    rep = context.reps.get(task.repId) ?? null;
    if (rep === null) {
      throw new NorthboundError(
        'not_found',
        `Cannot export task ${task.taskId}: its rep "${task.repId}" is not among the ${context.reps.size} reps given`,
        { taskId: task.taskId, repId: task.repId },
      );
    }
  }
  const touch = nextTouch(task, context.sequence ?? DEFAULT_SEQUENCE);
  const zoneLine = task.zoneLabel === null ? '' : `\nLanding zone: ${task.zoneLabel}`;
  const notes =
    `${draftText(task, touch)}\n\n` +
    `Northbound task ${task.taskId} · tier ${task.tier} · score ${task.score.toFixed(1)}\n` +
    `Lane: ${laneText(task)}${zoneLine}`;
  return {
    task,
    companyLabel,
    companyDomain: company?.domain ?? null,
    rep,
    nextTouch: touch,
    title: titleOf(task, touch, companyLabel),
    dueAt: task.nextStepAt ?? task.dueAt,
    notes,
  };
}

/**
 * The tasks worth exporting (open, or new and unassigned), with their facts, soonest due first and
 * then by task id (T2 before T10) so that the same tasks always export to the same bytes.
 */
export function exportedTaskFacts(
  tasks: readonly OutreachTask[],
  context: TaskExportContext,
): TaskExportFacts[] {
  return tasks
    .filter((task) => EXPORTED_STATES.has(task.state))
    .map((task) => taskExportFacts(task, context))
    .sort(
      (a, b) =>
        a.dueAt.getTime() - b.dueAt.getTime() ||
        a.task.taskId.localeCompare(b.task.taskId, 'en', { numeric: true }),
    );
}

export const HUBSPOT_TASK_COLUMNS = [
  'Task Title',
  'Task Notes',
  'Due Date',
  'Task Type',
  'Priority',
  'Task Status',
  'Assigned To',
  'Company Name',
  'Company Domain Name',
  'Northbound Task ID',
] as const;

const HUBSPOT_TASK_TYPES: Readonly<Record<OutreachChannel, string>> = {
  email: 'EMAIL',
  call: 'CALL',
  social: 'TODO',
};

/** One row per open or new task, in HUBSPOT_TASK_COLUMNS order. */
export function exportHubspotTasks(tasks: readonly OutreachTask[], context: TaskExportContext): string {
  const rows = exportedTaskFacts(tasks, context).map((facts) => [
    facts.title,
    facts.notes,
    facts.dueAt.toISOString(),
    facts.nextTouch === null ? 'TODO' : HUBSPOT_TASK_TYPES[facts.nextTouch.channel],
    facts.task.tier === 'A' ? 'HIGH' : 'MEDIUM',
    // Each row is the next piece of work on the task, and an export holds only work not yet done.
    'NOT_STARTED',
    facts.rep?.email ?? '',
    facts.companyLabel,
    facts.companyDomain ?? '',
    facts.task.taskId,
  ]);
  return csvText(HUBSPOT_TASK_COLUMNS, rows);
}
