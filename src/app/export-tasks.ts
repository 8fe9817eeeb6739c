/**
 * Use case: outreach tasks for the tools a sales team already uses — HubSpot or Salesforce task
 * imports (CSV), a calendar of due touches (.ics), or each draft as an email file (.eml) a rep opens,
 * checks and sends. The renderers are pure (src/outreach/export-*.ts); this gathers what they quote and
 * writes the files through the FileAccess port.
 */
import { join } from 'node:path/posix';
import type { Company } from '../domain/company.ts';
import type { TenantId } from '../domain/ids.ts';
import { ACTIVE_TASK_STATES } from '../domain/outreach-task.ts';
import type { Rep } from '../domain/rep.ts';
import { exportDraftEml } from '../outreach/export-draft-eml.ts';
import { exportHubspotTasks } from '../outreach/export-hubspot-tasks.ts';
import { exportSalesforceTasks } from '../outreach/export-salesforce-tasks.ts';
import { exportTasksIcs } from '../outreach/export-tasks-ics.ts';
import type { FileAccess, Store } from './ports.ts';

export const EXPORT_FORMATS = ['hubspot', 'salesforce', 'ics', 'eml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportTasksInput {
  readonly tenantId: TenantId;
  readonly format: ExportFormat;
  /** A file for hubspot/salesforce/ics; a directory for eml (one file per draft). */
  readonly out: string;
  readonly repId?: string | undefined;
  readonly now: Date;
}

export interface ExportTasksResult {
  readonly tasks: number;
  readonly files: readonly string[];
}

export async function exportTasks(
  deps: { readonly store: Store; readonly files: FileAccess },
  input: ExportTasksInput,
): Promise<ExportTasksResult> {
  const { store, files } = deps;
  const tasks = await store.cadence.tasks(input.tenantId, { states: ACTIVE_TASK_STATES, repId: input.repId });
  const reps = new Map<string, Rep>((await store.cadence.reps(input.tenantId)).map((r) => [r.repId, r]));
  const facts = await store.companies(input.tenantId, [...new Set(tasks.map((t) => t.companyId))]);
  const companies = new Map<string, Company>(facts.map((c) => [c.companyId, c]));
  const carrierName = (await store.cadence.carrierProfile(input.tenantId)).name;
  const context = { reps, companies, carrierName, now: input.now };
  const write = async (path: string, text: string) => {
    const sink = await files.writeText(path);
    await sink.write(text);
    await sink.close();
  };
  switch (input.format) {
    case 'hubspot':
      await write(input.out, exportHubspotTasks(tasks, context));
      return { tasks: tasks.length, files: [input.out] };
    case 'salesforce':
      await write(input.out, exportSalesforceTasks(tasks, context));
      return { tasks: tasks.length, files: [input.out] };
    case 'ics':
      await write(input.out, exportTasksIcs(tasks, context));
      return { tasks: tasks.length, files: [input.out] };
    case 'eml': {
      await files.makeDirectory(input.out);
      const written: string[] = [];
      for (const task of tasks) {
        const eml = exportDraftEml(task, context);
        const path = join(input.out, eml.fileName);
        await write(path, eml.text);
        written.push(path);
      }
      return { tasks: tasks.length, files: written };
    }
  }
}
