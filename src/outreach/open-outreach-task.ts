/**
 * A new outreach task for a ranked prospect and the rep chosen for it: the lane it searches, its
 * drafted outreach (in French when the prospect ships to Quebec or the rep works there), its SLA due
 * time in the prospect's local business day, and the two audit events of its birth (created → new,
 * then new → assigned).
 */
import type { Company } from '../domain/company.ts';
import type { OutreachTask, ProspectLane, TaskEvent } from '../domain/outreach-task.ts';
import type { Rep } from '../domain/rep.ts';
import type { RankedProspect } from '../intent/rank-prospects.ts';
import type { LandingMarket } from '../zones/landing-zone.ts';
import { DEFAULT_CADENCE_RULES, type CadenceRules } from './cadence-rules.ts';
import { draftOutreach } from './draft-outreach.ts';
import { narrativeFacts, type HomeTerminal } from './narrative-facts.ts';
import { outreachLanguage } from './outreach-language.ts';
import type { TaskChange } from './record-touch.ts';
import { slaDueAt } from './sla-due-at.ts';
import { assignTask } from './task-transitions.ts';

export interface OpenTaskInput {
  readonly taskId: string;
  readonly prospect: RankedProspect;
  readonly company: Company | null;
  /** The prospect's landing zone when it is within reach of one. */
  readonly zone: LandingMarket | null;
  readonly rep: Rep;
  readonly carrier: { readonly name: string; readonly terminals: readonly HomeTerminal[] };
  readonly at: Date;
  readonly rules?: CadenceRules | undefined;
  readonly actor?: string | undefined;
}

export function openOutreachTask(input: OpenTaskInput): TaskChange {
  const { prospect: p, rep, at } = input;
  if (p.tier === 'C') throw new Error(`openOutreachTask: ${p.companyId} is tier C; only A and B get tasks`);
  const lane: ProspectLane = {
    originLabel: p.origin ?? p.originRegion,
    originRegion: p.originRegion,
    destRegion: p.destRegion,
    equipment: p.equipment,
  };
  const companyName = input.company?.name ?? null;
  const language = outreachLanguage({ laneDestRegion: lane.destRegion, repRegion: rep.region });
  const facts = narrativeFacts({
    carrierName: input.carrier.name,
    terminals: input.carrier.terminals,
    zone: input.zone,
    prospect: {
      companyName,
      lane,
      searches90: p.components.searches.d90,
      weeks90: p.components.distinctWeeks.d90,
      lastSearchAt: p.lastSearchAt,
    },
    rep: { name: rep.name, email: rep.email },
    language,
  });
  const fresh: OutreachTask = {
    taskId: input.taskId,
    companyId: p.companyId,
    companyName,
    tier: p.tier,
    score: p.score,
    zoneLabel: input.zone?.label ?? null,
    lane,
    state: 'new',
    repId: null,
    createdAt: at,
    dueAt: slaDueAt(p.tier, at, p.lastSearchAt, lane.originRegion, input.rules ?? DEFAULT_CADENCE_RULES),
    signalAt: p.lastSearchAt,
    sequenceStartedAt: null,
    stepsDone: 0,
    nextStepAt: null,
    escalations: 0,
    loadIds: [],
    draft: draftOutreach(facts),
    updatedAt: at,
  };
  const actor = input.actor ?? 'system';
  const created: TaskEvent = {
    taskId: fresh.taskId,
    at,
    kind: 'created',
    fromState: null,
    toState: 'new',
    repId: null,
    actor,
    note: `tier ${p.tier}, score ${p.score}: ${p.explanation}`,
    loadId: null,
  };
  const assigned = assignTask(fresh, rep.repId, at, actor);
  return { task: assigned.task, events: [created, ...assigned.events] };
}
