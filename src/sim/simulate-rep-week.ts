/**
 * Simulated sales reps for the demo's quarter (DESIGN.md §3.10): a week of work on the open tasks,
 * with realistic delays and outcomes drawn from the world's latent truth.
 *
 * - First touch: most reps email inside the SLA (tier A within hours, tier B within two days); some are
 *   late, and a few do not get to it this week — the overdue review catches those on Monday.
 * - Sequence touches follow the sequence days, usually on time, sometimes a day late.
 * - Replies, quotes and bookings depend on the truth: a shipper with a lane active now (a recurring
 *   northbound need) replies to a touch far more often than a one-off searcher, and only a shipper with
 *   an active lane can book — there is freight to commit. Everything else ends lost or in nurture.
 *
 * Each task's week is played forward through the real state machine (transitionTask), so the outcomes
 * returned are legal in order; the caller logs them through the same use case a rep's `log` uses.
 * Deterministic: one seeded stream per (task, state, touch, escalation).
 */
import type { OutreachTask, SequenceStep } from '../domain/outreach-task.ts';
import { transitionTask, type TaskOutcome } from '../outreach/task-transitions.ts';
import { SeededRandom } from './seeded-random.ts';
import type { LatentLane } from './world-model.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The chances a simulated rep and prospect act on; defaults below, each a demo assumption. */
export interface RepBehaviour {
  /** Share of first touches made inside the SLA; of the rest, half are late and half wait a week. */
  readonly onTimeFirstTouch: number;
  /** Chance a touch gets a reply: from a shipper with an active lane, and from anyone else. */
  readonly replyRecurring: number;
  readonly replyOther: number;
  /** After a reply: chance of a quote (recurring / other). */
  readonly quoteRecurring: number;
  readonly quoteOther: number;
  /** After a quote: chance of a booking when the shipper has an active lane on the rep's equipment. */
  readonly bookRecurring: number;
}

export const DEFAULT_REP_BEHAVIOUR: RepBehaviour = {
  onTimeFirstTouch: 0.8,
  replyRecurring: 0.3,
  replyOther: 0.04,
  quoteRecurring: 0.75,
  quoteOther: 0.25,
  bookRecurring: 0.6,
};

export interface SimulatedOutcome {
  readonly taskId: string;
  readonly outcome: TaskOutcome;
  readonly at: Date;
  readonly actor: string;
  readonly note: string;
  /** For a booking: the lane the shipper commits (the caller creates its loads and links them). */
  readonly lane?: LatentLane | undefined;
}

/** What the truth says about a company: its lanes active at the time (empty for one-off searchers). */
export type ActiveLanesOf = (companyId: string, at: Date) => readonly LatentLane[];

interface Step {
  readonly outcome: TaskOutcome;
  readonly at: number;
  readonly note: string;
  readonly lane?: LatentLane;
}

export function simulateRepWeek(
  tasks: readonly OutreachTask[],
  weekStart: Date,
  weekEnd: Date,
  activeLanes: ActiveLanesOf,
  seed: number,
  steps: readonly SequenceStep[],
  behaviour: RepBehaviour = DEFAULT_REP_BEHAVIOUR,
): SimulatedOutcome[] {
  const out: SimulatedOutcome[] = [];
  const endMs = weekEnd.getTime();
  for (const original of tasks) {
    if (original.repId === null) continue;
    let task = original;
    let clock = Math.max(weekStart.getTime(), task.updatedAt.getTime());
    for (let guard = 0; guard < 12; guard++) {
      // One stream per (task, state, touch, escalation): a decision deferred to next week is the same
      // decision, so a prospect does not get a fresh chance to reply each time the week turns.
      const random = new SeededRandom(seed, 'rep', task.taskId, task.state, task.stepsDone, task.escalations);
      const step = nextStep(task, clock, random, activeLanes, behaviour);
      if (step === null || step.at >= endMs) break;
      const at = new Date(step.at);
      task = transitionTask(task, step.outcome, {
        at,
        actor: task.repId ?? 'rep',
        note: step.note,
        steps,
        ...(step.outcome === 'booked' ? { loadIds: ['(simulated)'] } : {}),
      }).task;
      out.push({
        taskId: task.taskId,
        outcome: step.outcome,
        at,
        actor: original.repId,
        note: step.note,
        ...(step.lane === undefined ? {} : { lane: step.lane }),
      });
      clock = step.at;
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || a.taskId.localeCompare(b.taskId));
}

/** The next thing that happens to a task after `clock`, or null when nothing will. */
function nextStep(
  task: OutreachTask,
  clock: number,
  random: SeededRandom,
  activeLanes: ActiveLanesOf,
  b: RepBehaviour,
): Step | null {
  const lanes = activeLanes(task.companyId, new Date(clock));
  const recurring = lanes.length > 0;
  switch (task.state) {
    case 'assigned': {
      // Measured from now, not from creation: a reassigned task carries a fresh due time.
      const slaMs = task.dueAt.getTime() - clock;
      const roll = random.next();
      if (roll < b.onTimeFirstTouch) {
        return {
          outcome: 'contacted',
          at: clock + random.between(0.1, 0.9) * Math.max(slaMs, HOUR_MS),
          note: 'email sent',
        };
      }
      if (roll < b.onTimeFirstTouch + (1 - b.onTimeFirstTouch) / 2) {
        return {
          outcome: 'contacted',
          at: task.dueAt.getTime() + random.between(2, 48) * HOUR_MS,
          note: 'email sent late',
        };
      }
      return null;
    }
    case 'contacted': {
      // Did the last touch get a reply? Decided once per touch, at the touch.
      if (random.chance(recurring ? b.replyRecurring : b.replyOther)) {
        return { outcome: 'replied', at: clock + random.between(2, 48) * HOUR_MS, note: 'prospect replied' };
      }
      if (task.nextStepAt === null) return null;
      const late = random.chance(0.15) ? random.between(26, 60) : random.between(0, 6);
      return { outcome: 'contacted', at: task.nextStepAt.getTime() + late * HOUR_MS, note: 'sequence touch' };
    }
    case 'replied':
      if (random.chance(recurring ? b.quoteRecurring : b.quoteOther)) {
        return { outcome: 'quoted', at: clock + random.between(1, 3) * DAY_MS, note: 'rate quoted' };
      }
      return {
        outcome: random.chance(0.5) ? 'nurture' : 'lost',
        at: clock + random.between(1, 4) * DAY_MS,
        note: 'no northbound need now',
      };
    case 'quoted': {
      const lane = lanes.find((l) => l.equipment === task.lane.equipment) ?? lanes[0];
      if (lane !== undefined && random.chance(b.bookRecurring)) {
        return {
          outcome: 'booked',
          at: clock + random.between(2, 7) * DAY_MS,
          note: `committed ${lane.loadsPerWeek >= 1 ? Math.round(lane.loadsPerWeek) : 'occasional'} loads a week`,
          lane,
        };
      }
      return {
        outcome: 'lost',
        at: clock + random.between(2, 10) * DAY_MS,
        note: 'went with another carrier',
      };
    }
    default:
      return null;
  }
}
