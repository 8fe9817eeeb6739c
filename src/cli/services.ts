/**
 * What the composition root (src/main.ts) hands the CLI: factories for the store and the
 * gazetteer, file access and the clock. The CLI never imports adapters itself.
 */
import type { FileAccess, Store } from '../app/ports.ts';
import type { Config } from '../config.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { BorderPort } from '../domain/border-port.ts';
import type { DemoWorldPort } from '../app/run-demo.ts';
import type { SolveLinearProgram } from '../collab/linear-program.ts';
import type { ProspectScorer } from '../intent/score-prospects.ts';

export interface CliServices {
  readonly config: Config;
  openStore(dataDir: string): Promise<Store>;
  gazetteer(): Gazetteer;
  /** US–Canada border ports (data/border-ports.csv), loaded on first use. */
  borderPorts(): ReadonlyMap<string, BorderPort>;
  /** HiGHS for the pool's side LPs (nucleolus, equal-profit), loaded on first use. */
  linearProgramSolver(): Promise<SolveLinearProgram>;
  /** Intent scoring on two threads; its worker starts loading on the first call. */
  prospectScorer(): ProspectScorer;
  readonly files: FileAccess;
  readonly world: DemoWorldPort;
  now(): Date;
}
