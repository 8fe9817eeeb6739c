/**
 * Outreach tasks as a CSV file for Salesforce's Task object, loaded with Data Loader (or dataloader.io;
 * the Data Import Wizard does not import tasks).
 *
 * Conventions followed (Salesforce Object Reference, "Task"): the headers that are Task fields are their
 * API names, so Data Loader's "Auto-Match Fields to Columns" maps them: Subject (string, ≤ 255),
 * Description (textarea, ≤ 32 000, shown as "Comments"), ActivityDate (date, YYYY-MM-DD), Status
 * (picklist, "Not Started"), Priority (picklist: High, Normal, Low), Type (picklist: Call, Email,
 * Other among its default values).
 *
 * What the user maps by hand: Salesforce links a task to its owner and its account by record id
 * (OwnerId → User, WhatId → Account), ids Northbound cannot know. So the rep's email and the company's
 * name and website come in clearly named columns that are not Task fields (Owner Email, Account Name,
 * Account Website); before loading, replace them with OwnerId and WhatId (a lookup against a User and
 * an Account export), or leave OwnerId out and every task is owned by the user who loads the file.
 * Northbound Task ID maps to a custom field if the org has one, else is left unmapped.
 *
 * ActivityDate is a date with no time zone, so it is the due instant's date on the prospect's local
 * clock (its lane's origin region): the business day the touch belongs to (§3.4's SLA is counted on
 * that clock too).
 */
import { utcOffsetMinutes } from '../domain/local-time.ts';
import type { OutreachChannel, OutreachTask } from '../domain/outreach-task.ts';
import type { Region } from '../domain/regions.ts';
import { csvText } from './csv-text.ts';
import { exportedTaskFacts, type TaskExportContext } from './export-hubspot-tasks.ts';

export const SALESFORCE_TASK_COLUMNS = [
  'Subject',
  'Description',
  'ActivityDate',
  'Status',
  'Priority',
  'Type',
  'Owner Email',
  'Account Name',
  'Account Website',
  'Northbound Task ID',
] as const;

const SUBJECT_MAX_CHARS = 255;
const DESCRIPTION_MAX_CHARS = 32_000;
const MINUTE_MS = 60_000;

const SALESFORCE_TYPES: Readonly<Record<OutreachChannel, string>> = {
  email: 'Email',
  call: 'Call',
  social: 'Other',
};

/** Cuts to at most `max` characters (code points, never half a surrogate pair), marking the cut with "…". */
function fitTo(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The calendar date (YYYY-MM-DD) an instant falls on in a region's local time. */
function localDate(instant: Date, region: Region): string {
  const local = new Date(instant.getTime() + utcOffsetMinutes(region, instant.getTime()) * MINUTE_MS);
  return `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
}

/** One row per open or new task, in SALESFORCE_TASK_COLUMNS order. */
export function exportSalesforceTasks(tasks: readonly OutreachTask[], context: TaskExportContext): string {
  const rows = exportedTaskFacts(tasks, context).map((facts) => [
    fitTo(facts.title, SUBJECT_MAX_CHARS),
    fitTo(facts.notes, DESCRIPTION_MAX_CHARS),
    localDate(facts.dueAt, facts.task.lane.originRegion),
    'Not Started',
    facts.task.tier === 'A' ? 'High' : 'Normal',
    facts.nextTouch === null ? 'Other' : SALESFORCE_TYPES[facts.nextTouch.channel],
    facts.rep?.email ?? '',
    facts.companyLabel,
    facts.companyDomain ?? '',
    facts.task.taskId,
  ]);
  return csvText(SALESFORCE_TASK_COLUMNS, rows);
}
