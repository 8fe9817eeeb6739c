import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportSalesforceTasks, SALESFORCE_TASK_COLUMNS } from './export-salesforce-tasks.ts';
import {
  CONTEXT,
  ENGLISH_DRAFT,
  factLines,
  FRENCH_DRAFT,
  makeTask,
  WEEK_TASKS,
} from './task-export-fixtures.test-support.ts';

describe('exportSalesforceTasks', () => {
  const text = exportSalesforceTasks(WEEK_TASKS, CONTEXT);
  const records: Record<string, string>[] = parse(text, { columns: true });

  it('writes the declared header, one row per open or new task, soonest due first', () => {
    expect(parse(text, { to_line: 1 })).toEqual([[...SALESFORCE_TASK_COLUMNS]]);
    expect(text.split('\r\n')[0]).toBe(SALESFORCE_TASK_COLUMNS.join(','));
    expect(records.map((r) => r['Northbound Task ID'])).toEqual(['T5', 'T1', 'T3', 'T2', 'T10']);
  });

  it('fills Task fields by API name, with the rep and company in columns to map', () => {
    expect(records[1]).toEqual({
      Subject: 'Email (touch 1 of 3): Acme Foods',
      Description: `Email subject: ${ENGLISH_DRAFT.email.subject}\n\n${ENGLISH_DRAFT.email.body}\n\n${factLines('T1', 'A')}`,
      // 22:00Z is 17:00 in Dallas (CDT, UTC−5).
      ActivityDate: '2024-06-11',
      Status: 'Not Started',
      Priority: 'High',
      Type: 'Email',
      'Owner Email': 'jane@northstar.example',
      'Account Name': 'Acme Foods',
      'Account Website': 'acmefoods.example',
      'Northbound Task ID': 'T1',
    });
    expect(records[3]).toMatchObject({
      Subject: 'Call (touch 2 of 3): Épicerie Côté',
      Description: `Call opener:\n${FRENCH_DRAFT.callOpener}\n\n${factLines('T2', 'B')}`,
      ActivityDate: '2024-06-13',
      Priority: 'Normal',
      Type: 'Call',
      'Owner Email': '',
    });
    expect(records[0]).toMatchObject({
      Subject: 'Follow up on reply: Acme Foods',
      Type: 'Other',
      ActivityDate: '2024-06-11',
    });
  });

  it('dates a task by the prospect’s local calendar: 03:30Z on the 12th is the 11th in Dallas', () => {
    expect(records[2]).toMatchObject({
      Subject: 'Email (touch 1 of 3): Widgets, "Best" Inc.\nTexas',
      'Account Name': 'Widgets, "Best" Inc.\nTexas',
      ActivityDate: '2024-06-11',
      'Owner Email': '',
    });
    const montreal = makeTask({
      lane: { originLabel: 'Montréal, QC', originRegion: 'QC', destRegion: 'ON', equipment: 'reefer' },
      dueAt: new Date('2024-06-12T03:30:00.000Z'),
    });
    const rows: Record<string, string>[] = parse(exportSalesforceTasks([montreal], CONTEXT), {
      columns: true,
    });
    // 03:30Z is 23:30 EDT (UTC−4) on the 11th; at 04:30Z it would be the 12th.
    expect(rows[0]?.['ActivityDate']).toBe('2024-06-11');
    const later = makeTask({ ...montreal, dueAt: new Date('2024-06-12T04:30:00.000Z') });
    const laterRows: Record<string, string>[] = parse(exportSalesforceTasks([later], CONTEXT), {
      columns: true,
    });
    expect(laterRows[0]?.['ActivityDate']).toBe('2024-06-12');
    expect(laterRows[0]?.['Description']).toContain('Lane: Montréal, QC → ON, reefer');
  });

  it('cuts a Subject to Salesforce’s 255 characters, never inside a character', () => {
    // The prefix is 22 characters, so the cut keeps 232 of the name: the emoji (2 UTF-16 units) is the last.
    const name = `${'é'.repeat(231)}😀${'x'.repeat(40)}`;
    const rows: Record<string, string>[] = parse(
      exportSalesforceTasks([makeTask({ companyName: name })], CONTEXT),
      {
        columns: true,
      },
    );
    const subject = rows[0]?.['Subject'] ?? '';
    const prefix = 'Email (touch 1 of 3): ';
    expect(Array.from(subject)).toHaveLength(255);
    expect(subject).toBe(
      `${prefix}${Array.from(name)
        .slice(0, 254 - prefix.length)
        .join('')}…`,
    );
    expect(rows[0]?.['Account Name']).toBe(name);
  });
});
