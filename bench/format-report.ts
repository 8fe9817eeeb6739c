/**
 * The bench's report for people: the run's context (date, Node, CPUs, world size), one line per
 * measurement with its ratio to its anchor, and where each import's time went. `--json` prints the
 * BenchReport itself instead.
 */
import type { Measurement } from './measurement.ts';

export interface BenchReport {
  readonly date: string;
  readonly node: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly platform: string;
  readonly size: string;
  readonly runsPerCheapStage: number;
  readonly batchRows: number;
  readonly world: { readonly dir: string; readonly generatedSeconds: number | null };
  readonly postgres: string | null;
  readonly measurements: readonly Measurement[];
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fixed = (value: number, digits: number) => value.toFixed(digits);

function table(header: readonly string[], rows: readonly (readonly string[])[], rightFrom: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i >= rightFrom ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const PHASES = [
  ['readParse', 'read+parse'],
  ['serialize', 'to COPY text'],
  ['stageCopy', 'COPY stage'],
  ['conflicts', 'dup check'],
  ['merge', 'merge'],
  ['companies', 'companies'],
  ['otherSql', 'other SQL'],
  ['commit', 'commit'],
  ['outside', 'outside tx'],
] as const;

/** One line per import, one column per phase: seconds and share of the import's time. */
function phaseTable(imports: readonly Measurement[]): string {
  const header = ['file', 'engine', 'stage', 'total s', ...PHASES.map(([, label]) => label)];
  const rows = imports.map((m) => [
    m.file,
    m.engine,
    m.stage,
    fixed(m.seconds, 2),
    ...PHASES.map(([key]) => {
      const seconds = m.import?.phases[key] ?? 0;
      return `${fixed(seconds, 2)} ${fixed((100 * seconds) / m.seconds, 0).padStart(2)}%`;
    }),
  ]);
  return table(header, rows, 3);
}

export function formatReport(report: BenchReport): string {
  const rows = report.measurements.map((m) => [
    m.file,
    m.engine,
    m.stage,
    m.label,
    int.format(m.rows),
    fixed(m.seconds, 3),
    int.format(m.rowsPerSecond),
    fixed(m.mbPerSecond, 1),
    m.ratio === null ? 'anchor' : `${m.stage}/${m.anchor} = ${fixed(m.ratio, 2)}`,
  ]);
  const imports = report.measurements.filter((m) => m.import !== undefined);
  const counts = imports.map(
    (m) =>
      `  ${m.file} ${m.stage} ${m.engine}: ${int.format(m.import?.rowsNew ?? 0)} new, ` +
      `${int.format(m.import?.rowsUpdated ?? 0)} updated, ${int.format(m.import?.rowsUnchanged ?? 0)} unchanged`,
  );
  return [
    `Northbound import bench — ${report.date}`,
    `Node ${report.node}, ${report.cpus} CPUs (${report.cpuModel}), ${report.platform}`,
    `world: ${report.size} (seed 42, as of 2026-11-16), files in ${report.world.dir}` +
      (report.world.generatedSeconds === null
        ? ' (reused)'
        : ` (generated in ${fixed(report.world.generatedSeconds, 1)} s)`),
    `A, B, C: median of ${report.runsPerCheapStage} runs; D, E, E2: one run each on a fresh database; ` +
      `import batches of ${report.batchRows} rows` +
      (report.postgres === null ? '; PostgreSQL: not measured (DATABASE_URL unset)' : ''),
    '',
    table(['file', 'engine', 'stage', 'what', 'rows', 'seconds', 'rows/s', 'MB/s', 'time ÷ anchor'], rows, 4),
    '',
    'time ÷ anchor: 1.00 = as fast as the anchor; 3.00 = a third of its throughput.',
    'A = csv-parse alone; D = raw COPY of the same file into text columns on the same engine.',
    'pglite-mem = PGlite in memory (as the tests run it); pglite-disk = PGlite in a fresh data directory',
    '(as the CLI runs it); postgres = the DATABASE_URL server, a fresh schema per measurement.',
    '',
    'Where the import time goes, seconds and share (E = into an empty store, E2 = the same file again):',
    'read+parse = stream + CSV + validation + place resolution; to COPY text = records → CSV for the',
    'staging COPY; dup check = duplicate-id window query; merge = INSERT … ON CONFLICT by hash;',
    'companies = company upsert (signals); commit = transaction minus its work.',
    '',
    phaseTable(imports),
    '',
    'Import counts:',
    ...counts,
  ].join('\n');
}
