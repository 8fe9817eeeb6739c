/**
 * The optimize bench's verdicts and report (bench/optimize.ts): each result checked against the published
 * optimum or the first anchor that solved the instance, then a table (or JSON) with every time as a
 * ratio to the fastest correct anchor in the same run, and a non-zero exit on any mismatch or error.
 */
import { cpus } from 'node:os';
import type { FlowNetwork } from '../src/optimize/flow-network.ts';
import type { SparseAssignmentProblem } from '../src/optimize/sparse-assignment.ts';
import type { Anchors } from './anchors/ensure-anchors.ts';
import type { OptimizeResult } from './optimize-result.ts';

export interface Summary {
  readonly name: string;
  readonly size: string;
  /** "optimum = …", "agreement = …" or "no reference". */
  readonly reference: string;
}

/** What the report states about the run itself. */
export interface OptimizeRun {
  readonly size: string;
  readonly runs: number;
  readonly json: boolean;
  /** How ours was warmed up, e.g. "≥ 5 solves and ≥ 500 ms". */
  readonly warmUp: string;
}

export function describe(input: SparseAssignmentProblem | FlowNetwork): string {
  const count = (n: number) => n.toLocaleString('en-US');
  return 'rows' in input
    ? `${count(input.rows)}×${count(input.cols)}, ${count(input.colIndex.length)} arcs${input.unmatchedCost === undefined ? '' : ', unmatched option'}`
    : `${count(input.nodes)} nodes, ${count(input.tail.length)} arcs`;
}

/** Sets every result's check: against the published optimum, else against the first anchor that solved it. */
export function checkObjectives(results: OptimizeResult[], optimum: number | null): string {
  const reference = optimum ?? results.find((r) => r.anchor && r.status === 'optimal')?.objective ?? null;
  for (const r of results) {
    if (r.check === 'MISMATCH') continue; // ours, already caught by the re-check
    if (r.status === 'skipped' || r.status === 'timeLimit') r.check = 'n/a';
    else if (reference === null) r.check = 'unchecked';
    else if (r.status === 'optimal' && r.objective === reference) r.check = 'ok';
    else {
      r.check = 'MISMATCH';
      r.note ||= `${r.status === 'optimal' ? `got ${r.objective}` : r.status}, expected ${reference}`;
    }
  }
  return reference === null
    ? 'no reference'
    : optimum === null
      ? `agreement = ${reference}`
      : `optimum = ${reference}`;
}

export function optimizeReport(
  run: OptimizeRun,
  anchors: Anchors,
  summaries: readonly Summary[],
  results: readonly OptimizeResult[],
): void {
  const bestAnchor = new Map<string, number>();
  for (const r of results)
    if (r.anchor && r.check === 'ok' && r.ms !== null)
      bestAnchor.set(r.instance, Math.min(r.ms, bestAnchor.get(r.instance) ?? Infinity));
  const ratio = (r: OptimizeResult) => {
    const best = bestAnchor.get(r.instance);
    return r.ms === null || best === undefined ? null : r.ms / best;
  };
  const oursRatios = results
    .filter((r) => r.solver === 'ours')
    .map(ratio)
    .filter((x): x is number => x !== null);
  const geometricMean =
    oursRatios.length === 0
      ? null
      : Math.exp(oursRatios.reduce((s, x) => s + Math.log(x), 0) / oursRatios.length);
  const failures = results.filter((r) => r.check === 'MISMATCH' || r.status === 'error');
  const cpuList = cpus();
  const machine = `Node ${process.version}, ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? 'unknown'}), ${process.platform} ${process.arch}`;
  const anchorLine = `anchors: LEMON ${anchors.lemonVersion ?? 'missing'}, SciPy ${anchors.scipyVersion ?? 'missing'}, HiGHS (npm highs, WASM)`;
  if (run.json) {
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine,
          anchors,
          size: run.size,
          runs: run.runs,
          instances: summaries,
          results: results.map((r) => ({ ...r, ratio: ratio(r) })),
          oursGeometricMeanRatio: geometricMean,
          failures: failures.length,
        },
        null,
        2,
      ),
    );
  } else {
    const lines = [
      `Northbound optimize bench — ${new Date().toISOString()}`,
      machine,
      anchorLine,
      ...anchors.missing.map((line) => `anchor missing, run without it: ${line}`),
      `size ${run.size}; ours warmed up ${run.warmUp}, anchors 1 solve; median of ${run.runs} timed solves (parsing not timed)`,
      '',
      ...summaries.map((s) => `${s.name.padEnd(20)} ${s.size.padEnd(50)} ${s.reference}`),
      '',
      'instance             solver        ms (median)  ÷ best anchor       objective  check',
      '-------------------  ------------  -----------  -------------  --------------  -----',
    ];
    for (const r of results) {
      const x = ratio(r);
      lines.push(
        `${r.instance.padEnd(19)}  ${r.solver.padEnd(12)}  ${(r.ms === null ? '—' : r.ms.toFixed(2)).padStart(11)}  ` +
          `${(x === null ? '—' : x.toFixed(2)).padStart(13)}  ${String(r.objective ?? r.status).padStart(14)}  ${r.check}${r.note ? ` (${r.note})` : ''}`,
      );
    }
    lines.push(
      '',
      '÷ best anchor: the time over the fastest anchor (LEMON, SciPy, HiGHS) that solved the same instance correctly in this run.',
      `ours ÷ best anchor, geometric mean over ${oursRatios.length} instances: ${geometricMean === null ? '—' : geometricMean.toFixed(2)}`,
    );
    console.log(lines.join('\n'));
  }
  if (failures.length > 0) {
    console.error(`\n!!! ${failures.length} MISMATCH/ERROR result(s):`);
    for (const r of failures) console.error(`!!!   ${r.instance} ${r.solver}: ${r.note}`);
    process.exitCode = 1;
  }
}
