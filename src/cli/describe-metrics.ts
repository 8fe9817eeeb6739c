/**
 * The metrics tables (DESIGN.md §3.9): the headline KPIs per period side by side (before, after, the
 * change), then the groups (corridors, zones or reps) busiest first. Shares print as percents, hours
 * with one decimal, money in whole dollars; a dash where a figure is undefined.
 */
import type { KpiHeadlines, KpiPeriod, KpiReport } from '../metrics/compute-kpis.ts';
import { formatTable } from './format-table.ts';

type Kind = 'share' | 'hours' | 'usd' | 'count' | 'ratio';

const HEADLINES: readonly { key: keyof KpiHeadlines; label: string; kind: Kind }[] = [
  { key: 'emptyMileShare', label: 'empty-mile share', kind: 'share' },
  { key: 'reloadRate', label: 'reload rate (≤ 48 h, in radius)', kind: 'share' },
  { key: 'reloadWaitMedianHours', label: 'reload wait, median h', kind: 'hours' },
  { key: 'signalToOutreachMedianHours', label: 'signal → first outreach, median h', kind: 'hours' },
  { key: 'signalToOutreachP90Hours', label: 'signal → first outreach, p90 h', kind: 'hours' },
  { key: 'tierAMedianHours', label: '  tier A median h', kind: 'hours' },
  { key: 'tierBMedianHours', label: '  tier B median h', kind: 'hours' },
  { key: 'contactedRate', label: 'funnel: signalling → contacted', kind: 'share' },
  { key: 'quotedRate', label: 'funnel: contacted → quoted', kind: 'share' },
  { key: 'bookedRate', label: 'funnel: quoted → booked', kind: 'share' },
  { key: 'signalToBookedRate', label: 'funnel: signalling → booked', kind: 'share' },
  { key: 'revenuePerTruckPerWeekUsd', label: 'revenue per truck per week', kind: 'usd' },
  { key: 'weeklyRevenueCv', label: 'weekly revenue CV (stability)', kind: 'ratio' },
];

function show(value: number | null, kind: Kind, signed = false): string {
  if (value === null) return '—';
  const sign = signed && value > 0 ? '+' : '';
  switch (kind) {
    case 'share':
      return `${sign}${(value * 100).toFixed(1)}${signed ? ' pt' : '%'}`;
    case 'hours':
      return `${sign}${value.toFixed(1)}`;
    case 'usd':
      return `${sign}$${Math.round(value).toLocaleString('en-US')}`;
    case 'count':
      return `${sign}${Math.round(value)}`;
    case 'ratio':
      return `${sign}${value.toFixed(3)}`;
  }
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function overallTable(report: KpiReport): string {
  const periods = report.periods;
  const columns = [
    { header: 'metric' },
    ...periods.map((p) => ({ header: `${p.name} (${day(p.from)}–${day(p.to)})`, align: 'right' as const })),
    ...(report.delta === null ? [] : [{ header: 'change', align: 'right' as const }]),
  ];
  const counts = [
    {
      label: 'southbound deliveries',
      values: periods.map((p) => String(p.overall.emptyMiles.trips)),
    },
    { label: 'reloads', values: periods.map((p) => String(p.overall.reload.reloads)) },
    {
      label: 'tasks → contacted → quoted → booked',
      values: periods.map(
        (p) =>
          `${p.overall.funnel.tasks} → ${p.overall.funnel.contacted} → ${p.overall.funnel.quoted} → ${p.overall.funnel.booked}`,
      ),
    },
  ];
  const rows = [
    ...counts.map((c) => [c.label, ...c.values, ...(report.delta === null ? [] : [''])]),
    ...HEADLINES.map((h) => [
      h.label,
      ...periods.map((p) => show(p.overall.headlines[h.key], h.kind)),
      ...(report.delta === null ? [] : [show(report.delta.overall[h.key], h.kind, true)]),
    ]),
  ];
  return formatTable(columns, rows);
}

function groupTable(report: KpiReport, limit: number): string {
  const last = report.periods[report.periods.length - 1]!;
  const first = report.periods[0]!;
  const byKey = (p: KpiPeriod) => new Map(p.rows.map((r) => [r.key, r]));
  const before = byKey(first);
  const rows = [...last.rows]
    .filter((r) => r.emptyMiles.trips > 0 || r.funnel.tasks > 0)
    .sort((a, b) => b.emptyMiles.trips - a.emptyMiles.trips || b.funnel.tasks - a.funnel.tasks)
    .slice(0, limit);
  const twoPeriods = report.periods.length === 2;
  return formatTable(
    [
      { header: report.by },
      { header: 'trips', align: 'right' },
      ...(twoPeriods ? [{ header: 'empty before', align: 'right' as const }] : []),
      { header: twoPeriods ? 'empty after' : 'empty', align: 'right' },
      ...(twoPeriods ? [{ header: 'reload before', align: 'right' as const }] : []),
      { header: twoPeriods ? 'reload after' : 'reload', align: 'right' },
      { header: 'signalling→contacted→quoted→booked' },
    ],
    rows.map((r) => {
      const b = before.get(r.key);
      const f = r.funnel;
      return [
        r.key ?? '(none)',
        String(r.emptyMiles.trips),
        ...(twoPeriods ? [show(b?.headlines.emptyMileShare ?? null, 'share')] : []),
        show(r.headlines.emptyMileShare, 'share'),
        ...(twoPeriods ? [show(b?.headlines.reloadRate ?? null, 'share')] : []),
        show(r.headlines.reloadRate, 'share'),
        `${f.signallingCompanies ?? '—'}→${f.contacted}→${f.quoted}→${f.booked}`,
      ];
    }),
  );
}

export function describeMetrics(report: KpiReport, options: { readonly limit?: number } = {}): string {
  const limit = options.limit ?? 12;
  const lines = [
    `Metrics ${day(report.from)} to ${day(report.to)}` +
      (report.baselineUntil === null ? '' : `, programme from ${day(report.baselineUntil)}`) +
      ` — fleet of ${report.fleetSize} trucks`,
    '',
    overallTable(report),
    '',
    `By ${report.by} (${report.periods.length === 2 ? 'after the programme start' : 'the period'}, busiest first, top ${limit})`,
    groupTable(report, limit),
  ];
  return lines.join('\n');
}
