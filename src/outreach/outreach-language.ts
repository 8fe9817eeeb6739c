/**
 * Which language a prospect's outreach is drafted in (DESIGN.md §3.5: English, and French for Quebec).
 *
 * Rule: French when the prospect ships to Quebec or the rep works from Quebec; English otherwise.
 * Prospects are US shippers, so none is itself "in Quebec": a prospect in Quebec is one whose
 * consignee is, and its lane's destination says so. A Quebec rep writes and speaks in French, so
 * the draft they send or read aloud is French too.
 */
import type { OutreachLanguage } from '../domain/outreach-task.ts';
import type { Region } from '../domain/regions.ts';

export interface OutreachLanguageInput {
  /** The destination region of the prospect's lane. */
  readonly laneDestRegion: Region;
  /** Where the assigned rep works; null when the task has no rep yet. */
  readonly repRegion: Region | null;
}

export function outreachLanguage({ laneDestRegion, repRegion }: OutreachLanguageInput): OutreachLanguage {
  return laneDestRegion === 'QC' || repRegion === 'QC' ? 'fr' : 'en';
}
