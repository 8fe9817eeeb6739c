import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportHubspotTasks, HUBSPOT_TASK_COLUMNS } from './export-hubspot-tasks.ts';
import {
  CONTEXT,
  ENGLISH_DRAFT,
  factLines,
  FRENCH_DRAFT,
  makeTask,
  WEEK_TASKS,
} from './task-export-fixtures.test-support.ts';

const englishEmail = `Email subject: ${ENGLISH_DRAFT.email.subject}\n\n${ENGLISH_DRAFT.email.body}`;

describe('exportHubspotTasks', () => {
  const text = exportHubspotTasks(WEEK_TASKS, CONTEXT);
  const records: Record<string, string>[] = parse(text, { columns: true });

  it('writes the declared header, one CRLF-ended row per open or new task', () => {
    expect(parse(text, { to_line: 1 })).toEqual([[...HUBSPOT_TASK_COLUMNS]]);
    expect(text.startsWith(`${HUBSPOT_TASK_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(records.map((r) => r['Northbound Task ID'])).toEqual(['T5', 'T1', 'T3', 'T2', 'T10']);
  });

  it('fills each column in HubSpot task conventions', () => {
    expect(records[1]).toEqual({
      'Task Title': 'Email (touch 1 of 3): Acme Foods',
      'Task Notes': `${englishEmail}\n\n${factLines('T1', 'A')}`,
      'Due Date': '2024-06-11T22:00:00.000Z',
      'Task Type': 'EMAIL',
      Priority: 'HIGH',
      'Task Status': 'NOT_STARTED',
      'Assigned To': 'jane@northstar.example',
      'Company Name': 'Acme Foods',
      'Company Domain Name': 'acmefoods.example',
      'Northbound Task ID': 'T1',
    });
  });

  it('writes a call touch with its opener, and a rep without email as an empty owner', () => {
    expect(records[3]).toMatchObject({
      'Task Title': 'Call (touch 2 of 3): Épicerie Côté',
      'Task Notes': `Call opener:\n${FRENCH_DRAFT.callOpener}\n\n${factLines('T2', 'B')}`,
      'Due Date': '2024-06-13T15:00:00.000Z',
      'Task Type': 'CALL',
      Priority: 'MEDIUM',
      'Assigned To': '',
      'Company Domain Name': 'epicerie-cote.example',
    });
    expect(records[4]).toMatchObject({
      'Task Title': 'Email (touch 3 of 3): Acme Foods',
      'Task Type': 'EMAIL',
    });
  });

  it('writes a replied task as a follow-up to-do', () => {
    expect(records[0]).toMatchObject({
      'Task Title': 'Follow up on reply: Acme Foods',
      'Task Notes': `The prospect replied; the sequence has stopped. Answer them.\n\n${factLines('T5', 'A')}`,
      'Due Date': '2024-06-11T20:00:00.000Z',
      'Task Type': 'TODO',
      'Assigned To': 'emilie@northstar.example',
    });
  });

  it('round-trips a field with a comma, a quote and a newline; a new task has no owner', () => {
    expect(records[2]).toMatchObject({
      'Task Title': 'Email (touch 1 of 3): Widgets, "Best" Inc.\nTexas',
      'Company Name': 'Widgets, "Best" Inc.\nTexas',
      'Company Domain Name': '',
      'Assigned To': '',
      'Task Notes': `${englishEmail}\n\n${factLines('T3', 'B', false)}`,
      'Due Date': '2024-06-12T03:30:00.000Z',
    });
  });

  it('writes the header alone when no task is open', () => {
    expect(exportHubspotTasks([makeTask({ state: 'booked' })], CONTEXT)).toBe(
      `${HUBSPOT_TASK_COLUMNS.join(',')}\r\n`,
    );
  });

  it('refuses a task whose rep is unknown rather than drop its owner', () => {
    expect(() => exportHubspotTasks([makeTask({ taskId: 'T8', repId: 'R9' })], CONTEXT)).toThrow(
      expect.objectContaining({
        code: 'not_found',
        message: 'Cannot export task T8: its rep "R9" is not among the 3 reps given',
      }),
    );
  });

  it('names the touch from the configured sequence', () => {
    const sequence = [
      { day: 0, channel: 'call' as const },
      { day: 1, channel: 'social' as const },
    ];
    const rows: Record<string, string>[] = parse(
      exportHubspotTasks(
        [
          makeTask({ taskId: 'T1' }),
          makeTask({
            taskId: 'T2',
            state: 'contacted',
            stepsDone: 1,
            nextStepAt: new Date('2024-06-12T15:00:00Z'),
          }),
        ],
        { ...CONTEXT, sequence },
      ),
      { columns: true },
    );
    expect(rows.map((r) => [r['Task Title'], r['Task Type']])).toEqual([
      ['Call (touch 1 of 2): Acme Foods', 'CALL'],
      ['Social note (touch 2 of 2): Acme Foods', 'TODO'],
    ]);
    expect(rows[1]?.['Task Notes']).toBe(
      `Social note:\n${ENGLISH_DRAFT.socialNote}\n\n${factLines('T2', 'A')}`,
    );
  });

  it('writes a contacted task whose sequence has run out as a follow-up at its SLA due time', () => {
    const rows: Record<string, string>[] = parse(
      exportHubspotTasks(
        [makeTask({ taskId: 'T1', state: 'contacted', stepsDone: 3, nextStepAt: null })],
        CONTEXT,
      ),
      { columns: true },
    );
    expect(rows[0]).toMatchObject({
      'Task Title': 'Follow up: Acme Foods',
      'Task Type': 'TODO',
      'Due Date': '2024-06-11T22:00:00.000Z',
    });
  });
});
