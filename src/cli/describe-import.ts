/** The human wording of an import report ("signals.csv: 0 new, 1,234 unchanged …"). */
import type { ImportReport } from '../app/import-file.ts';

const n = (value: number) => value.toLocaleString('en-US');

export function describeImport(report: ImportReport): string {
  const lines: string[] = [];
  const counts = `${n(report.rowsNew)} new, ${n(report.rowsUnchanged)} unchanged, ${n(report.rowsUpdated)} updated, ${n(report.rowsRejected)} rejected`;
  if (report.committed) {
    // Verbatim repeats of an id inside the file collapse into one row; say so, or the sums look off.
    const repeats =
      report.rowsRead - report.rowsRejected - report.rowsNew - report.rowsUpdated - report.rowsUnchanged;
    const repeated = repeats > 0 ? `, ${n(repeats)} verbatim repeats collapsed` : '';
    lines.push(
      `${report.file} (${report.kind}): ${counts}${repeated} — ${n(report.rowsRead)} rows in ${report.seconds.toFixed(1)} s`,
    );
  } else if (report.fileRefused) {
    lines.push(
      `${report.file} (${report.kind}): NOT imported — the file was refused; nothing from it was stored`,
    );
  } else {
    lines.push(
      `${report.file} (${report.kind}): NOT imported — ${n(report.rowsRejected)} of ${n(report.rowsRead)} rows rejected; ` +
        'nothing from this file was stored (use --skip-invalid to store the good rows)',
    );
  }
  for (const error of report.errors) lines.push(`  ${error.message}`);
  if (report.rowsRejected > report.errors.length) {
    lines.push(`  … and ${n(report.rowsRejected - report.errors.length)} more`);
  }
  if (report.rejectsFile !== null) lines.push(`  rejected rows written to ${report.rejectsFile}`);
  return lines.join('\n');
}
