/** Use case: one task with its draft and its audit trail (every change: when, who, from what to what). */
import { NorthboundError } from '../domain/errors.ts';
import type { TenantId } from '../domain/ids.ts';
import type { OutreachTask, TaskEvent } from '../domain/outreach-task.ts';
import type { Store } from './ports.ts';

export async function showTask(
  store: Store,
  tenantId: TenantId,
  taskId: string,
): Promise<{ readonly task: OutreachTask; readonly events: readonly TaskEvent[] }> {
  const [task] = await store.cadence.tasks(tenantId, { taskIds: [taskId.trim()] });
  if (task === undefined) {
    throw new NorthboundError(
      'not_found',
      `Cannot show task ${taskId}: no such task for tenant "${tenantId}" (ids look like T42; see \`northbound tasks\`)`,
      { taskId },
    );
  }
  return { task, events: await store.cadence.taskEvents(tenantId, task.taskId) };
}
