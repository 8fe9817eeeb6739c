/** A progress bar on stderr when it is a terminal (and output is not --json); silent otherwise. */
import cliProgress from 'cli-progress';
import { silentProgress, type Progress } from '../app/ports.ts';

export function ttyProgress(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return silentProgress;
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(label, total) {
      bar = new cliProgress.SingleBar(
        { format: `${label.padEnd(28)} {bar} {percentage}% | {eta_formatted} left`, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(total, 1), 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
