/**
 * Who works which prospect (DESIGN.md §3.4: "reps own landing zones (territories) and have a capacity of
 * open tasks; balance by load").
 *
 * Requests come in priority order and are served one by one, loads updated as they go, so the best
 * prospects get the reps with the most room. For each request:
 * (a) the zone has owners (reps whose territories name it) with room → the owner with the lowest
 *     load / capacity, ties by repId: balancing by ratio, not count, so a half-time rep is not buried;
 * (b) nobody owns the zone (or it has none) → round-robin over every rep with room, in repId order,
 *     starting after the cursor: unowned prospects are spread evenly across runs, not piled on "R1";
 * (c) owners exist but all are full → the request waits ('territory_full'). A rep who owns Dallas knows
 *     its shippers; giving them to a stranger to meet a timer would undo the territory. The planner sees
 *     the queue and can move capacity;
 * (d) no rep has room at all → 'team_full' (checked first: the team, not the territory, is the limit).
 * Invariant: a rep never ends above its capacity; a rep with capacity 0 never gets a task.
 *
 * The cursor is the repId of the last round-robin assignment (null before the first), not a list
 * index, so it stays meaningful when reps join or leave between runs.
 *
 * Complexity: O(R log R + N·R) for N requests and R reps; owners are found once per distinct zone.
 */
import { NorthboundError } from '../domain/errors.ts';
import { territoryOwners } from './territory-owners.ts';

export interface AssignmentRequest {
  /** The caller's handle for the request (a task or company id), echoed back. */
  readonly key: string;
  /** The prospect's landing zone ("Dallas, TX"), null when it is near none. */
  readonly zoneLabel: string | null;
}

/** What assignment needs of a rep (a domain Rep fits). */
export interface AssignableRep {
  readonly repId: string;
  /** Market labels ("Dallas, TX") or city names ("Dallas"). */
  readonly territories: readonly string[];
  /** Open tasks the rep can hold. */
  readonly capacity: number;
}

export type AssignmentReason = 'owner' | 'round_robin' | 'territory_full' | 'team_full';

export interface Assignment {
  readonly key: string;
  /** null when the request waits (territory_full, team_full). */
  readonly repId: string | null;
  readonly reason: AssignmentReason;
}

export interface AssignmentPlan {
  /** One per request, in request order. */
  readonly assignments: readonly Assignment[];
  readonly cursor: string | null;
}

const byRepId = (a: AssignableRep, b: AssignableRep): number =>
  a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0;

function checkInputs(
  requests: readonly AssignmentRequest[],
  reps: readonly AssignableRep[],
  openLoad: ReadonlyMap<string, number>,
): void {
  const fail = (why: string, details: Record<string, unknown>): never => {
    throw new NorthboundError('invalid_input', `Cannot assign outreach tasks: ${why}`, details);
  };
  const seen = new Set<string>();
  for (const rep of reps) {
    if (rep.repId.trim() === '') fail('a rep has an empty id', {});
    if (seen.has(rep.repId)) fail(`rep ${rep.repId} is listed twice`, { repId: rep.repId });
    seen.add(rep.repId);
    if (!Number.isInteger(rep.capacity) || rep.capacity < 0) {
      fail(`rep ${rep.repId} has capacity ${rep.capacity}, not a whole number ≥ 0`, { repId: rep.repId });
    }
    const load = openLoad.get(rep.repId) ?? 0;
    if (!Number.isInteger(load) || load < 0) {
      fail(`rep ${rep.repId} has ${load} open tasks, not a whole number ≥ 0`, { repId: rep.repId });
    }
  }
  const keys = new Set<string>();
  for (const request of requests) {
    if (keys.has(request.key)) fail(`request ${request.key} is listed twice`, { key: request.key });
    keys.add(request.key);
  }
}

export function assignTasks(
  requests: readonly AssignmentRequest[],
  reps: readonly AssignableRep[],
  openLoad: ReadonlyMap<string, number>,
  cursor: string | null,
): AssignmentPlan {
  checkInputs(requests, reps, openLoad);
  const ordered = [...reps].sort(byRepId);
  const load = new Map(ordered.map((rep) => [rep.repId, openLoad.get(rep.repId) ?? 0]));
  const loadOf = (rep: AssignableRep): number => load.get(rep.repId) ?? 0;
  const hasRoom = (rep: AssignableRep): boolean => loadOf(rep) < rep.capacity;
  const ownersOf = territoryOwners(ordered);

  let lastRoundRobin = cursor;
  const assignments = requests.map((request): Assignment => {
    const give = (rep: AssignableRep, reason: AssignmentReason): Assignment => {
      load.set(rep.repId, loadOf(rep) + 1);
      return { key: request.key, repId: rep.repId, reason };
    };
    if (!ordered.some(hasRoom)) return { key: request.key, repId: null, reason: 'team_full' };

    const owners = request.zoneLabel === null ? [] : ownersOf(request.zoneLabel);
    if (owners.length > 0) {
      let best: AssignableRep | null = null;
      for (const rep of owners) {
        // load/capacity compared by cross-multiplying: exact on integers; owners are in repId order,
        // so keeping the first of equals breaks ties by repId.
        if (hasRoom(rep) && (best === null || loadOf(rep) * best.capacity < loadOf(best) * rep.capacity)) {
          best = rep;
        }
      }
      return best === null
        ? { key: request.key, repId: null, reason: 'territory_full' }
        : give(best, 'owner');
    }

    // Start after the last rep served; when it was the last in order (or left the team), wrap to the first.
    const after = lastRoundRobin;
    const found = after === null ? 0 : ordered.findIndex((rep) => rep.repId > after);
    const start = found < 0 ? 0 : found;
    for (let i = 0; i < ordered.length; i++) {
      const rep = ordered[(start + i) % ordered.length];
      if (rep !== undefined && hasRoom(rep)) {
        lastRoundRobin = rep.repId;
        return give(rep, 'round_robin');
      }
    }
    // Unreachable: some rep had room above.
    throw new NorthboundError(
      'internal',
      `Cannot assign ${request.key}: no rep with room found after one did`,
    );
  });
  return { assignments, cursor: lastRoundRobin };
}
