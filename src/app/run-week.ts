/**
 * Use case: the weekly run (DESIGN.md §1, §3.4) — what a sales team gets every Monday.
 *
 * 1. Rescore every company as of the run (landing zones, intent, tiers).
 * 2. Tidy the open tasks: sequences that ran out without a reply go to nurture; overdue tasks are
 *    escalated and, when the first outreach was missed, reassigned to a rep with room.
 * 3. For each tier-A/B prospect not already in the cadence (an active task, or one closed within the
 *    cool-off), in rank order: choose the rep (territory owner with the most room, round-robin when the
 *    zone has no owner), draft the outreach in the rep's or prospect's language, set the SLA due time,
 *    and create the task. Prospects whose territory owners (or the whole team) are at capacity are not
 *    given tasks nobody can work: they wait, counted in the brief, and come back next week.
 * 4. Save tasks, events and the run in one transaction; the brief adds the week's surging corridors.
 */
import type { Company } from '../domain/company.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { TenantId } from '../domain/ids.ts';
import {
  DEFAULT_SEQUENCE,
  OPEN_TASK_STATES,
  type OutreachTask,
  type SequenceStep,
  type TaskEvent,
} from '../domain/outreach-task.ts';
import type { Rep } from '../domain/rep.ts';
import type { ProspectScorer } from '../intent/score-prospects.ts';
import type { ProspectScores } from '../intent/prospect-scores.ts';
import { TIER_B } from '../intent/prospect-tier.ts';
import { rankProspects, type RankedProspect } from '../intent/rank-prospects.ts';
import { assignTasks } from '../outreach/assign-tasks.ts';
import { DEFAULT_CADENCE_RULES, type CadenceRules } from '../outreach/cadence-rules.ts';
import { sequenceExhausted } from '../outreach/record-touch.ts';
import { reviewOverdue, type MissedStep } from '../outreach/review-overdue.ts';
import { transitionTask } from '../outreach/task-transitions.ts';
import type { LandingMarket } from '../zones/landing-zone.ts';
import type { CarrierProfile } from './cadence-store.ts';
import { findCorridorSurges, type CorridorFinding } from './find-corridor-surges.ts';
import { openOutreachTask } from '../outreach/open-outreach-task.ts';
import type { IntentReads, Store } from './ports.ts';
import { scoreIntent } from './score-intent.ts';
import { prefetchIntentReads } from './prefetch-intent-reads.ts';
import { SCORING_LOOKBACK_DAYS } from '../intent/scoring-options.ts';
import { DEFAULT_LANDING_ZONE_OPTIONS } from '../zones/landing-zone.ts';

const DAY_MS = 86_400_000;

export interface RunWeekDeps {
  readonly store: Store;
  readonly gazetteer: Pick<Gazetteer, 'market'>;
  /** Where scoring reads from; the store unless a caller prefetched (the demo's 13 weeks). */
  readonly intent?: IntentReads | undefined;
  /** Scores the signals (scoreProspects on this thread by default). */
  readonly scorer?: ProspectScorer | undefined;
}

export interface RunWeekInput {
  readonly tenantId: TenantId;
  /** The run's instant: scoring is as of it, and tasks are created at it. */
  readonly asOf: Date;
  readonly strengths?: readonly string[] | undefined;
  readonly rules?: CadenceRules | undefined;
  readonly steps?: readonly SequenceStep[] | undefined;
  /** A company whose task closed (lost, nurture, booked) within this many days gets no new task (56). */
  readonly coolOffDays?: number | undefined;
  /** Whether to detect surging corridors for the brief (true). */
  readonly corridors?: boolean | undefined;
}

export interface RepWeek {
  readonly rep: Rep;
  readonly open: number;
  readonly created: number;
  readonly overdue: number;
}

export interface OverdueFinding {
  readonly task: OutreachTask;
  readonly missed: MissedStep;
  readonly fromRepId: string | null;
  readonly reassigned: boolean;
}

export interface WeekReport {
  readonly asOf: Date;
  readonly carrier: CarrierProfile;
  readonly topZones: readonly LandingMarket[];
  readonly prospects: { readonly A: number; readonly B: number; readonly C: number };
  /** The new tier-A tasks with the prospect's reason (the brief's "why now"). */
  readonly newTierA: readonly { readonly task: OutreachTask; readonly explanation: string }[];
  readonly created: readonly OutreachTask[];
  readonly waiting: {
    readonly territoryFull: number;
    readonly teamFull: number;
    readonly top: readonly RankedProspect[];
  };
  readonly alreadyInCadence: number;
  readonly overdue: readonly OverdueFinding[];
  readonly nurtured: readonly OutreachTask[];
  readonly byRep: readonly RepWeek[];
  readonly surges: readonly CorridorFinding[];
}

export const DEFAULT_COOL_OFF_DAYS = 56;

export async function runWeek(deps: RunWeekDeps, input: RunWeekInput): Promise<WeekReport> {
  const { store } = deps;
  const cadence = store.cadence;
  const { tenantId, asOf } = input;
  const rules = input.rules ?? DEFAULT_CADENCE_RULES;
  const steps = input.steps ?? DEFAULT_SEQUENCE;
  // Scoring (105 days) and the surge test (14 weeks) read overlapping signals: read them once.
  const intent =
    deps.intent ??
    (await prefetchIntentReads(store, tenantId, {
      signalsFrom: new Date(asOf.getTime() - SCORING_LOOKBACK_DAYS * DAY_MS),
      arrivalsFrom: new Date(asOf.getTime() - 2 * DEFAULT_LANDING_ZONE_OPTIONS.weeks * 7 * DAY_MS),
      to: asOf,
    }));
  const scoring = await scoreIntent(intent, deps.gazetteer, tenantId, {
    asOf,
    strengths: input.strengths,
    scorer: deps.scorer,
  });
  const counts = rankProspects(scoring.scores, { limit: 0 }).byTier;

  const carrier = await cadence.carrierProfile(tenantId);
  const reps = await cadence.reps(tenantId);
  const repsById = new Map(reps.map((r) => [r.repId as string, r]));
  const lastRun = await cadence.lastRun(tenantId);
  const coolOff = (input.coolOffDays ?? DEFAULT_COOL_OFF_DAYS) * DAY_MS;
  const inCadence = await cadence.companiesInCadence(tenantId, new Date(asOf.getTime() - coolOff));
  const open = await cadence.tasks(tenantId, { states: OPEN_TASK_STATES });

  const changed = new Map<string, OutreachTask>();
  const events: TaskEvent[] = [];
  const keep = (task: OutreachTask, taskEvents: readonly TaskEvent[]) => {
    changed.set(task.taskId, task);
    events.push(...taskEvents);
  };

  // Sequences that ran out without a reply: to nurture, freeing the rep.
  const nurtured: OutreachTask[] = [];
  const stillOpen: OutreachTask[] = [];
  for (const task of open) {
    if (sequenceExhausted(task, asOf, rules, steps)) {
      const change = transitionTask(task, 'nurture', {
        at: asOf,
        actor: 'system',
        note: `no reply ${rules.nurtureAfterDays} days after the last touch of the sequence`,
      });
      keep(change.task, change.events);
      nurtured.push(change.task);
    } else {
      stillOpen.push(task);
    }
  }

  const openLoad = new Map<string, number>();
  for (const task of stillOpen) {
    if (task.repId !== null) openLoad.set(task.repId, (openLoad.get(task.repId) ?? 0) + 1);
  }
  const review = reviewOverdue(stillOpen, asOf, reps, openLoad, lastRun?.roundRobinCursor ?? null, rules);
  const overdue: OverdueFinding[] = review.actions.map((action) => {
    keep(action.task, action.events);
    const moved = action.reassignment;
    if (moved !== null) {
      if (moved.fromRepId !== null) openLoad.set(moved.fromRepId, (openLoad.get(moved.fromRepId) ?? 1) - 1);
      openLoad.set(moved.toRepId, (openLoad.get(moved.toRepId) ?? 0) + 1);
    }
    return {
      task: action.task,
      missed: action.missed,
      fromRepId: moved?.fromRepId ?? action.task.repId,
      reassigned: moved !== null,
    };
  });

  // New tasks for prospects not already in the cadence, best first. Ranking builds an object and an
  // explanation per prospect, and thousands of A/B prospects wait once the team is full: rank a
  // window that can fill the free capacity, and widen it only while capacity is left.
  const abTotal = counts.A + counts.B;
  const inCadenceAB = countInCadence(scoring.scores, inCadence);
  const free = reps.reduce((n, r) => n + Math.max(0, r.capacity - (openLoad.get(r.repId) ?? 0)), 0);
  const zoneOf = (p: RankedProspect): string | null =>
    p.zone !== null && p.components.proximity > 0 ? p.zone.label : null;
  let window = Math.min(abTotal, inCadenceAB + 2 * free + 100);
  let candidates: RankedProspect[];
  let plan: ReturnType<typeof assignTasks>;
  for (;;) {
    candidates = rankProspects(scoring.scores, { limit: window }).prospects.filter(
      (p) => p.tier !== 'C' && !inCadence.has(p.companyId),
    );
    plan = assignTasks(
      candidates.map((p) => ({ key: p.companyId, zoneLabel: zoneOf(p) })),
      reps,
      openLoad,
      review.cursor,
    );
    const assigned = plan.assignments.filter((a) => a.repId !== null).length;
    if (window >= abTotal || assigned >= free) break;
    window = Math.min(abTotal, window * 2);
  }
  // Prospects beyond the window were not examined because the team ran out of room: they wait too.
  const unexamined = abTotal - window - (inCadenceAB - (window - candidates.length));
  const chosen = plan.assignments.flatMap((a, i) => (a.repId === null ? [] : [{ p: candidates[i]!, a }]));
  const companies = await store.companies(
    tenantId,
    chosen.map(({ p }) => p.companyId),
  );
  const companyById = new Map<string, Company>(companies.map((c) => [c.companyId as string, c]));
  const marketsByKey = new Map(scoring.report.markets.map((m) => [m.key, m]));
  let taskNo = await cadence.nextTaskNumber(tenantId);
  const created: OutreachTask[] = [];
  const newTierA: { task: OutreachTask; explanation: string }[] = [];
  for (const { p, a } of chosen) {
    const opened = openOutreachTask({
      taskId: `T${taskNo++}`,
      prospect: p,
      company: companyById.get(p.companyId) ?? null,
      zone: zoneOf(p) === null || p.zone === null ? null : (marketsByKey.get(p.zone.key) ?? null),
      rep: repsById.get(a.repId!)!,
      carrier,
      at: asOf,
      rules,
    });
    keep(opened.task, opened.events);
    created.push(opened.task);
    if (opened.task.tier === 'A') newTierA.push({ task: opened.task, explanation: p.explanation });
  }
  const waiting = plan.assignments.filter((a) => a.repId === null);
  const waitingKeys = new Set(waiting.map((a) => a.key));

  await cadence.saveTaskChanges(tenantId, {
    tasks: [...changed.values()],
    events,
    run: {
      asOf,
      ranAt: asOf,
      tasksCreated: created.length,
      prospectsWaiting: waiting.length + Math.max(0, unexamined),
      escalated: overdue.length,
      reassigned: overdue.filter((o) => o.reassigned).length,
      nurtured: nurtured.length,
      roundRobinCursor: plan.cursor,
    },
  });

  const finalOpen = [...stillOpen.map((t) => changed.get(t.taskId) ?? t), ...created];
  const overdueIds = new Set(overdue.map((o) => o.task.taskId));
  const byRep = reps.map((rep) => ({
    rep,
    open: finalOpen.filter((t) => t.repId === rep.repId).length,
    created: created.filter((t) => t.repId === rep.repId).length,
    overdue: finalOpen.filter((t) => t.repId === rep.repId && overdueIds.has(t.taskId)).length,
  }));
  const surges =
    input.corridors === false
      ? []
      : (await findCorridorSurges(intent, deps.gazetteer, tenantId, { asOf })).flagged;
  return {
    asOf,
    carrier,
    topZones: scoring.report.zones.slice(0, 5),
    prospects: counts,
    newTierA,
    created,
    waiting: {
      territoryFull: waiting.filter((a) => a.reason === 'territory_full').length,
      teamFull: waiting.filter((a) => a.reason === 'team_full').length + Math.max(0, unexamined),
      top: candidates.filter((p) => waitingKeys.has(p.companyId)).slice(0, 5),
    },
    alreadyInCadence: inCadenceAB,
    overdue,
    nurtured,
    byRep,
    surges,
  };
}

/** Tier-A/B companies that already have a task (active, or closed within the cool-off). */
function countInCadence(scores: ProspectScores, inCadence: ReadonlySet<string>): number {
  let n = 0;
  for (let c = 0; c < scores.companies; c++) {
    if (scores.active[c] === 1 && scores.tier[c]! <= TIER_B && inCadence.has(scores.columns.companyIds[c]!))
      n++;
  }
  return n;
}
