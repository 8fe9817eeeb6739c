/**
 * Writing the cadence tables: tasks upserted (identity and creation facts never move), events appended,
 * the run recorded and booked loads marked, as batched multi-row statements on one session — so a weekly
 * run of a few hundred tasks is a handful of round trips inside the caller's transaction.
 */
import type { CadenceRun, Dispatch, TaskChanges } from '../app/cadence-store.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { OutreachTask } from '../domain/outreach-task.ts';
import type { SqlSession } from './sql-database.ts';

/** Rows per INSERT: keeps bind parameters far below PostgreSQL's 65,535. */
const BATCH = 400;

const TASK_COLUMNS = [
  'tenant_id',
  'task_id',
  'task_no',
  'company_id',
  'company_name',
  'tier',
  'score',
  'zone_label',
  'origin_label',
  'origin_region',
  'dest_region',
  'equipment',
  'state',
  'rep_id',
  'created_at',
  'due_at',
  'signal_at',
  'sequence_started_at',
  'steps_done',
  'next_step_at',
  'escalations',
  'load_ids',
  'draft',
  'updated_at',
] as const;

/** Columns a later save may change; identity and creation facts never move. */
const MUTABLE = [
  'state',
  'rep_id',
  'due_at',
  'sequence_started_at',
  'steps_done',
  'next_step_at',
  'escalations',
  'load_ids',
  'updated_at',
];

const taskNumber = (taskId: string): number => {
  const n = Number(taskId.replace(/^T/i, ''));
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new NorthboundError('invalid_input', `Cannot save task "${taskId}": expected an id like T42`, {
      taskId,
    });
  }
  return n;
};

function taskValues(tenantId: string, t: OutreachTask): unknown[] {
  return [
    tenantId,
    t.taskId,
    taskNumber(t.taskId),
    t.companyId,
    t.companyName,
    t.tier,
    t.score,
    t.zoneLabel,
    t.lane.originLabel,
    t.lane.originRegion,
    t.lane.destRegion,
    t.lane.equipment,
    t.state,
    t.repId,
    t.createdAt,
    t.dueAt,
    t.signalAt,
    t.sequenceStartedAt,
    t.stepsDone,
    t.nextStepAt,
    t.escalations,
    t.loadIds,
    JSON.stringify(t.draft),
    t.updatedAt,
  ];
}

/** One multi-row INSERT: `$1, $2 …` placeholders for rows × columns. */
export async function insertRows(
  session: SqlSession,
  head: string,
  columns: number,
  rows: readonly unknown[][],
  tail = '',
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const chunk = rows.slice(start, start + BATCH);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      if (marks.length !== columns) throw new Error(`expected ${columns} values, got ${marks.length}`);
      return `(${marks.join(', ')})`;
    });
    await session.query(`${head} VALUES ${tuples.join(', ')} ${tail}`, params);
  }
}

export async function saveTaskChanges(
  session: SqlSession,
  tenantId: string,
  changes: TaskChanges,
): Promise<void> {
  await insertRows(
    session,
    `INSERT INTO outreach_tasks (${TASK_COLUMNS.join(', ')})`,
    TASK_COLUMNS.length,
    changes.tasks.map((t) => taskValues(tenantId, t)),
    `ON CONFLICT (tenant_id, task_id) DO UPDATE SET ${MUTABLE.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
  );
  await insertRows(
    session,
    'INSERT INTO task_events (tenant_id, task_id, at, kind, from_state, to_state, rep_id, actor, note, load_id)',
    10,
    changes.events.map((e) => [
      tenantId,
      e.taskId,
      e.at,
      e.kind,
      e.fromState,
      e.toState,
      e.repId,
      e.actor,
      e.note,
      e.loadId,
    ]),
  );
  if (changes.run !== undefined) await insertRun(session, tenantId, changes.run);
  for (const booking of changes.bookings ?? []) {
    // A booking makes the load the shipper's: keep a shipper the load already named.
    await session.query(
      `UPDATE loads SET status = 'booked', shipper_id = coalesce(shipper_id, $3)
       WHERE tenant_id = $1 AND load_id = ANY($2::text[])`,
      [tenantId, booking.loadIds, booking.shipperId],
    );
  }
}

async function insertRun(session: SqlSession, tenantId: string, run: CadenceRun): Promise<void> {
  await session.query(
    `INSERT INTO cadence_runs (tenant_id, as_of, ran_at, tasks_created, prospects_waiting, escalated,
       reassigned, nurtured, round_robin_cursor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      tenantId,
      run.asOf,
      run.ranAt,
      run.tasksCreated,
      run.prospectsWaiting,
      run.escalated,
      run.reassigned,
      run.nurtured,
      run.roundRobinCursor,
    ],
  );
}

export function dispatchValues(tenantId: string, d: Dispatch, now: Date): unknown[] {
  return [tenantId, d.deliveryId, d.truckId, d.loadId, d.pickedUpAt, d.deadheadMiles, d.source, now];
}
