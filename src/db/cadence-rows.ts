/**
 * Row → record readers for the cadence tables. PGlite and pg both return timestamptz as Date and
 * jsonb as parsed JSON; float8 casts come back as numbers.
 */
import type { TaskMilestones, TripFacts } from '../app/cadence-store.ts';
import type { Equipment } from '../domain/equipment.ts';
import type {
  OutreachDraft,
  OutreachTask,
  TaskEvent,
  TaskEventKind,
  TaskState,
  TaskTier,
} from '../domain/outreach-task.ts';
import type { Region } from '../domain/regions.ts';
import type { Currency } from '../domain/units.ts';

type Row = Record<string, unknown>;

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const dateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : date(value);
const text = (value: unknown): string => String(value);
const textOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const num = (value: unknown): number => Number(value);

export function readTaskRow(r: Row): OutreachTask {
  const draft = (typeof r.draft === 'string' ? JSON.parse(r.draft) : r.draft) as OutreachDraft;
  return {
    taskId: text(r.task_id),
    companyId: text(r.company_id),
    companyName: textOrNull(r.company_name),
    tier: text(r.tier) as TaskTier,
    score: num(r.score),
    zoneLabel: textOrNull(r.zone_label),
    lane: {
      originLabel: text(r.origin_label),
      originRegion: text(r.origin_region) as Region,
      destRegion: text(r.dest_region) as Region,
      equipment: text(r.equipment) as Equipment,
    },
    state: text(r.state) as TaskState,
    repId: textOrNull(r.rep_id),
    createdAt: date(r.created_at),
    dueAt: date(r.due_at),
    signalAt: date(r.signal_at),
    sequenceStartedAt: dateOrNull(r.sequence_started_at),
    stepsDone: num(r.steps_done),
    nextStepAt: dateOrNull(r.next_step_at),
    escalations: num(r.escalations),
    loadIds: (r.load_ids as string[] | null) ?? [],
    draft,
    updatedAt: date(r.updated_at),
  };
}

export function readEventRow(r: Row): TaskEvent {
  return {
    taskId: text(r.task_id),
    at: date(r.at),
    kind: text(r.kind) as TaskEventKind,
    fromState: textOrNull(r.from_state) as TaskState | null,
    toState: text(r.to_state) as TaskState,
    repId: textOrNull(r.rep_id),
    actor: text(r.actor),
    note: textOrNull(r.note),
    loadId: textOrNull(r.load_id),
  };
}

export function readTripRow(r: Row): TripFacts {
  return {
    deliveryId: text(r.delivery_id),
    truckId: text(r.truck_id),
    deliveredAt: date(r.delivered_at),
    destLat: num(r.dest_lat),
    destLon: num(r.dest_lon),
    destMarketId: textOrNull(r.dest_market_id),
    destCity: text(r.dest_city),
    destRegion: text(r.dest_region) as Region,
    equipment: text(r.equipment) as Equipment,
    loadedMiles: r.loaded_miles === null ? null : num(r.loaded_miles),
    revenue: r.revenue === null ? null : num(r.revenue),
    currency: text(r.currency) as Currency,
    home: { lat: num(r.home_lat), lon: num(r.home_lon), region: text(r.home_region) as Region },
    reload:
      r.load_id === null || r.origin_lat === null
        ? null
        : {
            loadId: text(r.load_id),
            pickedUpAt: date(r.picked_up_at),
            deadheadMiles: num(r.deadhead_miles),
            source: text(r.source) as 'spot' | 'programme' | 'plan',
            originLat: num(r.origin_lat),
            originLon: num(r.origin_lon),
            destLat: num(r.load_dest_lat),
            destLon: num(r.load_dest_lon),
            rate: num(r.rate),
            currency: text(r.load_currency) as Currency,
          },
  };
}

export function readMilestoneRow(r: Row): TaskMilestones {
  return {
    taskId: text(r.task_id),
    tier: text(r.tier) as 'A' | 'B',
    repId: textOrNull(r.rep_id),
    zoneLabel: textOrNull(r.zone_label),
    destRegion: text(r.dest_region) as Region,
    equipment: text(r.equipment) as Equipment,
    signalAt: date(r.signal_at),
    createdAt: date(r.created_at),
    firstContactAt: dateOrNull(r.first_contact_at),
    quotedAt: dateOrNull(r.quoted_at),
    bookedAt: dateOrNull(r.booked_at),
    lostAt: dateOrNull(r.lost_at),
  };
}
