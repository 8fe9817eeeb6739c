/**
 * The weekly brief (DESIGN.md §1): top landing zones, new tier-A prospects with their reasons, surging
 * corridors, tasks by rep, and what is overdue — what a sales manager reads on Monday morning.
 */
import type { WeekReport } from '../app/run-week.ts';
import { equipmentWords } from '../intent/explain-prospect.ts';
import { fixed, formatTable, percent, WEEKDAY_NAMES } from './format-table.ts';

const day = (d: Date): string => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

export function describeWeek(report: WeekReport, options: { readonly newTierALimit?: number } = {}): string {
  const limit = options.newTierALimit ?? 10;
  const lines: string[] = [
    `Weekly brief for ${report.carrier.name}, as of ${day(report.asOf)}`,
    `Prospects: A ${report.prospects.A}, B ${report.prospects.B}, C ${report.prospects.C}; ` +
      `${report.created.length} new tasks, ${report.alreadyInCadence} A/B prospects already in the cadence, ` +
      `${report.waiting.territoryFull + report.waiting.teamFull} waiting for a rep with room ` +
      `(${report.waiting.territoryFull} territory full, ${report.waiting.teamFull} team full)`,
    '',
    'Top landing zones',
    formatTable(
      [
        { header: '#', align: 'right' },
        { header: 'zone' },
        { header: 'trucks/wk', align: 'right' },
        { header: 'consistency', align: 'right' },
        { header: 'busiest days' },
        { header: 'trend' },
      ],
      report.topZones.map((z) => [
        String(z.rank ?? ''),
        z.label,
        fixed(z.trucksPerWeek.mean, 1),
        percent(z.consistency),
        z.busiestWeekdays.map((d) => WEEKDAY_NAMES[d]).join(' '),
        z.trend.direction,
      ]),
    ),
    '',
    `New tier-A prospects (${report.newTierA.length})`,
  ];
  if (report.newTierA.length === 0) lines.push('  none this week');
  for (const { task, explanation } of report.newTierA.slice(0, limit)) {
    lines.push(
      `  ${task.taskId} ${task.companyName ?? task.companyId} → ${task.repId ?? 'unassigned'}, due ${day(task.dueAt)}`,
    );
    lines.push(`      ${explanation}`);
  }
  if (report.newTierA.length > limit)
    lines.push(`  … and ${report.newTierA.length - limit} more (northbound tasks)`);
  lines.push('', `Surging corridors (${report.surges.length})`);
  if (report.surges.length === 0) lines.push('  none flagged this week');
  for (const s of report.surges) {
    lines.push(
      `  ${s.origin} → ${s.destRegion} ${equipmentWords(s.equipment)}: ${s.observed} searches vs ${fixed(s.baselineMean, 1)}/wk (score ${Math.round(s.score)})`,
    );
  }
  lines.push(
    '',
    'Tasks by rep',
    formatTable(
      [
        { header: 'rep' },
        { header: 'name' },
        { header: 'territories' },
        { header: 'open', align: 'right' },
        { header: 'capacity', align: 'right' },
        { header: 'new', align: 'right' },
        { header: 'overdue', align: 'right' },
      ],
      report.byRep.map((r) => [
        r.rep.repId,
        r.rep.name,
        r.rep.territories.slice(0, 3).join('; ') + (r.rep.territories.length > 3 ? ' …' : ''),
        String(r.open),
        String(r.rep.capacity),
        String(r.created),
        String(r.overdue),
      ]),
    ),
    '',
    `Overdue (${report.overdue.length}: escalated; ${report.overdue.filter((o) => o.reassigned).length} reassigned)`,
  );
  if (report.overdue.length === 0) lines.push('  nothing overdue');
  for (const o of report.overdue.slice(0, 10)) {
    const what = o.missed === 'first_outreach' ? 'first outreach' : 'sequence touch';
    const move = o.reassigned
      ? `reassigned ${o.fromRepId ?? '—'} → ${o.task.repId}`
      : `stays with ${o.task.repId}`;
    lines.push(`  ${o.task.taskId} ${o.task.companyName ?? o.task.companyId}: ${what} missed; ${move}`);
  }
  if (report.nurtured.length > 0) {
    lines.push('', `${report.nurtured.length} sequences ended without a reply: moved to nurture`);
  }
  return lines.join('\n');
}
