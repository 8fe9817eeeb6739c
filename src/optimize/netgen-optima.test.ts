import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDimacsMinCostFlow } from '../ingest/read-dimacs-min-cost-flow.ts';
import { checkFlowCertificate } from './check-flow-certificate.ts';
import { solveMinCostFlow } from './solve-min-cost-flow.ts';

const NETGEN_DIR = fileURLToPath(new URL('../../data/benchmarks/netgen/', import.meta.url));

/** optima.csv: file,nodes,arcs,optimal_cost — published values (Gurobi .sol files, LEMON, OR-Tools). */
const optima = readFileSync(`${NETGEN_DIR}optima.csv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [file, nodes, arcs, optimalCost] = line.split(',');
    return { file: file!, nodes: Number(nodes), arcs: Number(arcs), optimalCost: Number(optimalCost) };
  });

describe('NETGEN-8 benchmarks (DIMACS, published optima)', () => {
  it('lists every .min file in the folder in optima.csv, and only those', () => {
    const files = readdirSync(NETGEN_DIR)
      .filter((name) => name.endsWith('.min'))
      .sort();
    expect(optima.map((row) => row.file).sort()).toEqual(files);
    expect(files.length).toBe(4);
  });

  for (const { file, nodes, arcs, optimalCost } of optima) {
    it(`${file}: ${nodes} nodes, ${arcs} arcs hits the published optimum ${optimalCost} exactly`, () => {
      const network = readDimacsMinCostFlow(readFileSync(`${NETGEN_DIR}${file}`, 'utf8'), file);
      expect(network.nodes).toBe(nodes);
      expect(network.tail.length).toBe(arcs);

      const solution = solveMinCostFlow(network);

      expect(solution.status).toBe('optimal');
      expect(solution.totalCost === optimalCost).toBe(true);
      // Integer data: the certificate holds exactly, with no tolerance.
      expect(checkFlowCertificate(network, solution, 0)).toEqual({ ok: true, violations: [] });
      expect(solution.flow.every((x) => Number.isInteger(x))).toBe(true);
    });
  }
});
