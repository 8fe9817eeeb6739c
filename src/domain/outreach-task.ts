/**
 * Outreach tasks (DESIGN.md §3.4): one per tier-A/B prospect a weekly run decides to work, carrying its
 * drafted outreach, its rep, its SLA due time and its place in the sequence. The state machine that
 * moves a task lives in src/outreach/task-transitions.ts; these are the shapes every layer shares.
 */
import type { Equipment } from './equipment.ts';
import type { Region } from './regions.ts';

export const TASK_STATES = [
  'new',
  'assigned',
  'contacted',
  'replied',
  'quoted',
  'booked',
  'lost',
  'nurture',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** States that hold a rep's attention: they count against the rep's capacity. */
export const OPEN_TASK_STATES: readonly TaskState[] = ['assigned', 'contacted', 'replied', 'quoted'];
/** A prospect with a task in one of these is "in an active sequence": no second task is created. */
export const ACTIVE_TASK_STATES: readonly TaskState[] = ['new', 'assigned', 'contacted', 'replied', 'quoted'];

const taskStates: ReadonlySet<string> = new Set(TASK_STATES);
export const isTaskState = (value: string): value is TaskState => taskStates.has(value);

export type TaskTier = 'A' | 'B';
export type OutreachLanguage = 'en' | 'fr';
export type OutreachChannel = 'email' | 'call' | 'social';

/** One touch of a sequence: on `day` days after the sequence starts, through `channel`. */
export interface SequenceStep {
  readonly day: number;
  readonly channel: OutreachChannel;
}

/** §3.4's example sequence: email on day 0, call on day 2, email on day 5. */
export const DEFAULT_SEQUENCE: readonly SequenceStep[] = [
  { day: 0, channel: 'email' },
  { day: 2, channel: 'call' },
  { day: 5, channel: 'email' },
];

/** The lane a prospect searches most: where its task's narrative and metrics funnel sit. */
export interface ProspectLane {
  /** "Dallas, TX" (modal origin city), or the state code when no city is known. */
  readonly originLabel: string;
  readonly originRegion: Region;
  readonly destRegion: Region;
  readonly equipment: Equipment;
}

/** Drafted outreach for one prospect, in one language. Every number in it is true of the data. */
export interface OutreachDraft {
  readonly language: OutreachLanguage;
  readonly email: { readonly subject: string; readonly body: string };
  readonly callOpener: string;
  readonly socialNote: string;
}

export interface OutreachTask {
  /** "T42": stable, short, typed by reps into `northbound log`. */
  readonly taskId: string;
  readonly companyId: string;
  readonly companyName: string | null;
  readonly tier: TaskTier;
  readonly score: number;
  /** The landing zone the prospect is nearest (its label), null when none is within reach. */
  readonly zoneLabel: string | null;
  readonly lane: ProspectLane;
  readonly state: TaskState;
  readonly repId: string | null;
  readonly createdAt: Date;
  readonly dueAt: Date;
  /** The prospect's latest search when the task was created: the start of "signal to first outreach". */
  readonly signalAt: Date;
  /** The first touch (day 0 of the sequence); null until the rep makes it. */
  readonly sequenceStartedAt: Date | null;
  /** Sequence touches done so far (0 … steps). */
  readonly stepsDone: number;
  /** When the next touch is due; null once the sequence has stopped (reply, close) or run out. */
  readonly nextStepAt: Date | null;
  readonly escalations: number;
  readonly loadIds: readonly string[];
  readonly draft: OutreachDraft;
  readonly updatedAt: Date;
}

export type TaskEventKind = 'created' | 'transition' | 'touch' | 'escalation' | 'reassignment';

/** One audited change to a task: who, when, from what to what. */
export interface TaskEvent {
  readonly taskId: string;
  readonly at: Date;
  readonly kind: TaskEventKind;
  readonly fromState: TaskState | null;
  readonly toState: TaskState;
  readonly repId: string | null;
  /** "system" for the weekly run, else the rep or user who logged it. */
  readonly actor: string;
  readonly note: string | null;
  readonly loadId: string | null;
}
