import type { RepId } from './ids.ts';
import type { Region } from './regions.ts';

/** A sales rep: owns territories (market names) and has a capacity of open tasks. */
export interface Rep {
  readonly repId: RepId;
  readonly name: string;
  readonly email: string | null;
  readonly territories: readonly string[];
  readonly capacity: number;
  /** Where the rep works (state/province code); a rep in Quebec gets French drafts. Null when unknown. */
  readonly region: Region | null;
}
