/**
 * The weekly cadence from the command line, on PGlite and (when DATABASE_URL is set) PostgreSQL: the
 * small demo plays its 13 simulated weeks, then a user works the tasks — log outcomes through the state
 * machine, see an illegal move refused with nothing changed, read the metrics before and after, and
 * export tasks for HubSpot, Salesforce, a calendar and a mail client, each parsed by a real parser.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEngines, cliRunner } from './support/cli-engines.ts';
import { HUBSPOT_TASK_COLUMNS } from '../src/outreach/export-hubspot-tasks.ts';
import { SALESFORCE_TASK_COLUMNS } from '../src/outreach/export-salesforce-tasks.ts';

interface TaskJson {
  task_id: string;
  state: string;
  rep_id: string | null;
  next_step_at: string | null;
  load_ids: string[];
  draft: { language: string; email_body: string };
}

describe.each(cliEngines('nb_cadence'))('the weekly cadence on $name', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'nb-cadence-'));
  const db = join(dir, 'db');
  const run = cliRunner(engine, db, 180_000);
  const tasks = (...args: string[]): TaskJson[] => JSON.parse(run('tasks', '--json', ...args).stdout).tasks;
  let demo: {
    quarter: {
      weeks: { tasksCreated: number; bookings: number }[];
      metrics: { periods: { name: string }[]; delta: unknown };
      last_brief: { by_rep: { open: number; capacity: number }[] };
    };
  };

  beforeAll(() => {
    const result = run(
      'demo',
      '--size',
      'small',
      '--seed',
      '11',
      '--as-of',
      '2026-11-16',
      '--out',
      join(dir, 'world'),
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    demo = JSON.parse(result.stdout);
  }, 240_000);
  afterAll(() => engine.cleanup());

  it('plays 13 weeks: tasks every week, reps never over capacity, metrics before and after', () => {
    expect(demo.quarter.weeks).toHaveLength(13);
    expect(demo.quarter.weeks.reduce((n, w) => n + w.tasksCreated, 0)).toBeGreaterThan(0);
    for (const rep of demo.quarter.last_brief.by_rep) expect(rep.open).toBeLessThanOrEqual(rep.capacity);
    expect(demo.quarter.metrics.periods.map((p) => p.name)).toEqual(['before', 'after']);
    expect(demo.quarter.metrics.delta).not.toBeNull();
  }, 240_000);

  it('logs outcomes through the state machine; a reply stops the sequence; booked → contacted changes nothing', () => {
    const assigned = tasks('--state', 'assigned');
    expect(assigned.length).toBeGreaterThan(0);
    const task = assigned[0]!;
    const at = '2026-11-16T15:00:00Z';
    const contacted = run('log', task.task_id, 'contacted', '--at', at, '--json');
    expect(contacted.code).toBe(0);
    expect(JSON.parse(contacted.stdout).task).toMatchObject({ state: 'contacted', steps_done: 1 });
    expect(JSON.parse(contacted.stdout).task.next_step_at).toBe('2026-11-18T15:00:00.000Z');
    const replied = JSON.parse(
      run('log', task.task_id, 'replied', '--at', '2026-11-17T09:00:00Z', '--note', 'call me', '--json')
        .stdout,
    );
    expect(replied.task).toMatchObject({ state: 'replied', next_step_at: null });

    const noLoad = run('log', task.task_id, 'booked', '--at', '2026-11-17T10:00:00Z');
    expect(noLoad.code).not.toBe(0);
    expect(noLoad.stderr).toContain('booking needs at least one');
    const unknownLoad = run(
      'log',
      task.task_id,
      'booked',
      '--load',
      'NO-SUCH-LOAD',
      '--at',
      '2026-11-17T10:00:00Z',
    );
    expect(unknownLoad.code).not.toBe(0);
    expect(unknownLoad.stderr).toContain('NO-SUCH-LOAD');

    // Book it on a real load from the imported world, then try to go back: refused, nothing changes.
    const loadId = readFileSync(join(dir, 'world', 'loads.csv'), 'utf8')
      .split('\n')[1]!
      .split(',')[0]!;
    expect(run('log', task.task_id, 'quoted', '--at', '2026-11-17T11:00:00Z').code).toBe(0);
    const booking = run(
      'log',
      task.task_id,
      'booked',
      '--load',
      loadId,
      '--at',
      '2026-11-17T12:00:00Z',
      '--json',
    );
    expect(booking.code).toBe(0);
    expect(JSON.parse(booking.stdout).task).toMatchObject({ state: 'booked', load_ids: [loadId] });
    const before = tasks('--state', 'booked').find((t) => t.task_id === task.task_id);
    const history = () =>
      JSON.parse(run('task', task.task_id, '--json').stdout).events as { kind: string; to_state: string }[];
    const trail = history();
    // Escalations and reassignments from the simulated weeks may sit between; the moves are these.
    const moves = trail.filter((e) => e.kind !== 'escalation' && e.kind !== 'reassignment');
    expect(moves.map((e) => e.to_state)).toEqual([
      'new',
      'assigned',
      'contacted',
      'replied',
      'quoted',
      'booked',
    ]);
    const illegal = run('log', task.task_id, 'contacted', '--at', '2026-11-17T13:00:00Z');
    expect(illegal.code).not.toBe(0);
    expect(illegal.stderr).toContain(`Cannot log "contacted" on task ${task.task_id}: it is booked`);
    expect(tasks('--state', 'booked').find((t) => t.task_id === task.task_id)).toEqual(before);
    expect(history()).toEqual(trail);
  }, 240_000);

  it('plans backhauls for the scheduled week and the last history week: optimal, certified, 0 violations', () => {
    for (const args of [
      ['--week', '2026-W47'],
      ['--week', '2026-W45', '--chains'],
    ]) {
      const result = run('plan', ...args, '--json');
      expect(result.code).toBe(0);
      const plan = JSON.parse(result.stdout);
      expect(plan.trucks_read).toBeGreaterThan(0);
      expect(plan.violations).toEqual([]);
      expect(plan.proof.ok).toBe(true);
      expect(plan.totals.matched).toBe(
        plan.recommendations.filter((r: { loadIds: string[] }) => r.loadIds.length > 0).length,
      );
      expect(plan.totals.valueCad).toBeCloseTo(plan.totals.valueUsd * 1.37, 6);
    }
    const bad = run('plan', '--week', '2026-46');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('is not an ISO week');
  }, 240_000);

  it('prints the metrics by zone with a baseline', () => {
    const result = run(
      'metrics',
      '--from',
      '2026-05-18',
      '--to',
      '2026-11-16',
      '--baseline-until',
      '2026-08-17',
      '--by',
      'zone',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('empty-mile share');
    expect(result.stdout).toContain('By zone');
    const bad = run('metrics', '--from', '2026-11-16', '--to', '2026-05-18');
    expect(bad.code).not.toBe(0);
  }, 240_000);

  it('exports tasks that HubSpot, Salesforce, a calendar and a mail client can read', async () => {
    const open = tasks();
    expect(open.length).toBeGreaterThan(0);
    for (const [format, columns] of [
      ['hubspot', HUBSPOT_TASK_COLUMNS],
      ['salesforce', SALESFORCE_TASK_COLUMNS],
    ] as const) {
      const out = join(dir, `${format}.csv`);
      expect(run('export', format, '--out', out).code).toBe(0);
      const rows: Record<string, string>[] = parse(readFileSync(out, 'utf8'), { columns: true, bom: true });
      expect(Object.keys(rows[0]!)).toEqual([...columns]);
      expect(rows).toHaveLength(open.length);
    }
    const ics = join(dir, 'tasks.ics');
    expect(run('export', 'ics', '--out', ics).code).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(ics, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(open.length);
    expect(events.map((e) => e.uid).sort()).toEqual(open.map((t) => `${t.task_id}@northbound`).sort());

    const drafts = join(dir, 'drafts');
    expect(run('export', 'eml', '--out', drafts).code).toBe(0);
    const files = readdirSync(drafts);
    expect(files).toHaveLength(open.length);
    const mail = await simpleParser(readFileSync(join(drafts, files[0]!)));
    const task = open.find((t) => files[0]!.startsWith(`${t.task_id}-`))!;
    expect(mail.text?.trim()).toBe(task.draft.email_body.trim());
  }, 240_000);
});
