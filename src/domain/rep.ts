import type { RepId } from './ids.ts';

/** A sales rep: owns territories (market names) and has a capacity of open tasks. */
export interface Rep {
  readonly repId: RepId;
  readonly name: string;
  readonly email: string | null;
  readonly territories: readonly string[];
  readonly capacity: number;
}
