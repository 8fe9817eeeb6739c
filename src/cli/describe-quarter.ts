/**
 * The demo's closing: the 13 simulated weeks at a glance, the last weekly brief, and the metrics before
 * and after the programme start.
 */
import type { QuarterReport } from '../app/simulate-quarter.ts';
import { describeMetrics } from './describe-metrics.ts';
import { describeWeek } from './describe-week.ts';
import { formatTable } from './format-table.ts';

export function describeQuarter(quarter: QuarterReport): string {
  const n = (counts: Readonly<Record<string, number>>, key: string) => String(counts[key] ?? 0);
  const weeks = formatTable(
    [
      { header: 'week of' },
      { header: 'new tasks', align: 'right' },
      { header: 'touches', align: 'right' },
      { header: 'replies', align: 'right' },
      { header: 'quotes', align: 'right' },
      { header: 'booked', align: 'right' },
      { header: 'lost', align: 'right' },
      { header: 'deliveries', align: 'right' },
      { header: 'reloads spot/contract/programme', align: 'right' },
    ],
    quarter.weeks.map((w) => [
      w.weekStart.toISOString().slice(0, 10),
      String(w.tasksCreated),
      n(w.outcomes, 'contacted'),
      n(w.outcomes, 'replied'),
      n(w.outcomes, 'quoted'),
      n(w.outcomes, 'booked'),
      n(w.outcomes, 'lost'),
      String(w.deliveries),
      `${w.reloads.spot}/${w.reloads.plan}/${w.reloads.programme}`,
    ]),
  );
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const t = quarter.timings;
  const total = Object.values(t).reduce((a, b) => a + b, 0);
  return [
    `Simulated quarter: the outreach programme from ${quarter.programmeStart.toISOString().slice(0, 10)}, 13 weeks ` +
      '(each Monday: northbound week; simulated reps work the tasks; bookings commit lane loads; trucks reload)',
    weeks,
    '',
    'Closing weekly brief',
    describeWeek(quarter.lastBrief, { newTierALimit: 5 }),
    '',
    describeMetrics(quarter.metrics, { limit: 8 }),
    '',
    `(quarter simulated in ${seconds(total)} s: reads ${seconds(t.prefetch)}, baseline reloads ${seconds(t.baseline)}, ` +
      `weekly runs ${seconds(t.weeklyRuns)}, reps ${seconds(t.reps + t.logging)}, reloads ${seconds(t.dispatch)}, ` +
      `metrics ${seconds(t.metrics)})`,
    '',
  ].join('\n');
}
