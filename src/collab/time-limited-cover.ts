import { NorthboundError } from '../domain/errors.ts';
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import { coverLanes, resolveCoverCosts, type CoverLanesOptions, type EmptyMove } from './cover-lanes.ts';
import type { PoolLane, PoolPlace } from './pool-lane.ts';

export interface TimeLimitedCoverOptions extends CoverLanesOptions {
  /** K: no truck's cycle may take longer than this many days (> 0). */
  readonly maxCycleDays: number;
  /** Average road speed, including stops; default 50 mph. */
  readonly milesPerHour?: number;
  /** Loading and unloading time per loaded leg; default 2 h. Empty legs have none. */
  readonly dwellHoursPerLoad?: number;
}

/** One leg of a truck cycle: a lane's load, or an empty move (laneId null). */
export interface CycleLeg {
  readonly from: string;
  readonly to: string;
  readonly laneId: string | null;
  readonly partnerId: string | null;
  readonly miles: number;
  readonly hours: number;
}

/** A closed tour some trucks repeat: trucksPerWeek trips a week around it, each taking `days`. */
export interface TruckCycle {
  readonly equipment: Equipment;
  readonly trucksPerWeek: number;
  readonly legs: readonly CycleLeg[];
  readonly days: number;
  /** Cost of one trip around the cycle. */
  readonly cost: number;
}

/** A lane that cannot be served within K days even alone: loaded out, empty straight back. */
export interface InfeasibleLane {
  readonly laneId: string;
  readonly partnerId: string;
  readonly outAndBackDays: number;
}

export interface TimeLimitedCovering {
  readonly maxCycleDays: number;
  /** Per week, over the lanes that fit: loadedCost + emptyCost. */
  readonly totalCost: number;
  readonly loadedCost: number;
  readonly emptyCost: number;
  readonly emptyMoves: readonly EmptyMove[];
  readonly cycles: readonly TruckCycle[];
  /** The unconstrained optimum over the same lanes: no plan within K days can cost less. */
  readonly lowerBound: number;
  /** totalCost − lowerBound (≥ 0), and that as a share of the bound. */
  readonly gap: number;
  readonly gapShare: number;
  /** Left out of everything above. */
  readonly infeasibleLanes: readonly InfeasibleLane[];
}

/**
 * Lane covering with every truck's cycle at most K days (DESIGN.md §3.7 "time-limited variants"), by a
 * heuristic beside a lower bound.
 *
 * Durations: a leg takes road miles ÷ milesPerHour hours, plus dwellHoursPerLoad when loaded; a cycle's
 * days are its hours ÷ 24 (the speed is an average that already includes stops).
 *
 * Heuristic: (1) a lane whose loaded trip plus the empty trip straight back exceeds K days fits no cycle:
 * it is reported and left out. (2) coverLanes solves the rest without the limit. (3) That circulation is
 * decomposed into cycles (walk arcs with flow left, preferring loaded ones, until a place repeats; take
 * the cycle off at its smallest flow). Each cycle is rewritten as its loaded legs joined by direct empty
 * moves — by the triangle inequality of road miles, no costlier and no slower than the empties it had.
 * (4) A cycle within K days is kept. A longer one is cut into consecutive runs of its loaded legs, each
 * closed by an empty return from its last drop to its first pickup: greedily, extending a run while it
 * stays within K with its return, from each possible starting leg, keeping the cheapest cut. Every run
 * is feasible because each single lane is (step 1), so the heuristic always returns a plan.
 *
 * Why the bound is valid: trucks' cycles, each carrying some trucks a week, add up to a weekly
 * circulation that carries every lane's volume — a feasible point of the unconstrained covering problem
 * over the same lanes. So every plan obeying K costs at least the unconstrained optimum. When no cycle
 * is cut, the plan is the optimum itself (gap 0).
 *
 * Complexity: one coverLanes; decomposition O(A²) over A = lanes + empty moves; cutting a cycle of m
 * loaded legs O(m²).
 */
export function timeLimitedCover(
  lanes: readonly PoolLane[],
  options: TimeLimitedCoverOptions,
): TimeLimitedCovering {
  const { costPerMile, roadFactor } = resolveCoverCosts(options);
  const speed = options.milesPerHour ?? 50;
  const dwell = options.dwellHoursPerLoad ?? 2;
  const K = options.maxCycleDays;
  const check = (name: string, value: number, ok: boolean) => {
    if (!ok) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot plan time-limited cycles: ${name} is ${value}, expected a finite number ${name === 'dwellHoursPerLoad' ? '≥ 0' : '> 0'}`,
        { [name]: value },
      );
    }
  };
  check('maxCycleDays', K, Number.isFinite(K) && K > 0);
  check('milesPerHour', speed, Number.isFinite(speed) && speed > 0);
  check('dwellHoursPerLoad', dwell, Number.isFinite(dwell) && dwell >= 0);

  const miles = (a: PoolPlace, b: PoolPlace): number => greatCircleMiles(a, b) * roadFactor;
  const hoursOf = (legMiles: number, loaded: boolean): number => legMiles / speed + (loaded ? dwell : 0);
  const kHours = K * 24;

  const infeasibleLanes: InfeasibleLane[] = [];
  const fitting: PoolLane[] = [];
  for (const lane of lanes) {
    const m = miles(lane.origin, lane.dest);
    const outAndBack = hoursOf(m, true) + hoursOf(m, false);
    if (outAndBack > kHours) {
      infeasibleLanes.push({
        laneId: lane.laneId,
        partnerId: lane.partnerId,
        outAndBackDays: outAndBack / 24,
      });
    } else fitting.push(lane);
  }
  const unconstrained = coverLanes(fitting, { costPerMile, roadFactor });

  const cycles: TruckCycle[] = [];
  for (const equipment of EQUIPMENT) {
    const group = fitting.filter((lane) => lane.equipment === equipment && lane.loadsPerWeek > 0);
    if (group.length === 0) continue;
    const places = new Map<string, PoolPlace>();
    for (const lane of group) places.set(lane.origin.key, lane.origin).set(lane.dest.key, lane.dest);
    const moves = unconstrained.emptyMoves.filter((move) => move.equipment === equipment);
    for (const loop of decompose(group, moves)) {
      const legs = (run: readonly PoolLane[]): CycleLeg[] => {
        const out: CycleLeg[] = [];
        run.forEach((lane, i) => {
          const m = miles(lane.origin, lane.dest);
          out.push({
            from: lane.origin.key,
            to: lane.dest.key,
            laneId: lane.laneId,
            partnerId: lane.partnerId,
            miles: m,
            hours: hoursOf(m, true),
          });
          const next = run[(i + 1) % run.length]!;
          if (next.origin.key !== lane.dest.key) {
            const e = miles(lane.dest, next.origin);
            out.push({
              from: lane.dest.key,
              to: next.origin.key,
              laneId: null,
              partnerId: null,
              miles: e,
              hours: hoursOf(e, false),
            });
          }
        });
        return out;
      };
      const hoursOfRun = (run: readonly PoolLane[]) => legs(run).reduce((sum, leg) => sum + leg.hours, 0);
      const runs =
        hoursOfRun(loop.lanes) <= kHours
          ? [loop.lanes]
          : cutCycle(loop.lanes, kHours, hoursOfRun, (run) => legs(run).reduce((s, l) => s + l.miles, 0));
      for (const run of runs) {
        const runLegs = legs(run);
        const hours = runLegs.reduce((sum, leg) => sum + leg.hours, 0);
        const runMiles = runLegs.reduce((sum, leg) => sum + leg.miles, 0);
        cycles.push({
          equipment,
          trucksPerWeek: loop.trucks,
          legs: runLegs,
          days: hours / 24,
          cost: runMiles * costPerMile,
        });
      }
    }
  }

  let loadedCost = 0;
  let emptyCost = 0;
  const emptyByPair = new Map<string, EmptyMove>();
  for (const cycle of cycles) {
    for (const leg of cycle.legs) {
      const cost = leg.miles * costPerMile * cycle.trucksPerWeek;
      if (leg.laneId !== null) {
        loadedCost += cost;
        continue;
      }
      emptyCost += cost;
      const key = `${cycle.equipment}|${leg.from}|${leg.to}`;
      const seen = emptyByPair.get(key);
      emptyByPair.set(key, {
        equipment: cycle.equipment,
        from: leg.from,
        to: leg.to,
        trucksPerWeek: (seen?.trucksPerWeek ?? 0) + cycle.trucksPerWeek,
        miles: leg.miles,
      });
    }
  }
  const totalCost = loadedCost + emptyCost;
  const lowerBound = unconstrained.totalCost;
  // The plan can only tie the bound up to float noise; never report a negative gap.
  const gap = Math.max(0, totalCost - lowerBound);
  return {
    maxCycleDays: K,
    totalCost,
    loadedCost,
    emptyCost,
    emptyMoves: [...emptyByPair.values()],
    cycles,
    lowerBound,
    gap,
    gapShare: lowerBound > 0 ? gap / lowerBound : 0,
    infeasibleLanes,
  };
}

/**
 * The circulation (each lane at its volume, plus the empty moves) as cycles of loaded lanes with a
 * weight in trucks per week. Empty arcs only connect loaded ones here, so they are dropped from the
 * cycles (the caller joins consecutive lanes directly).
 */
function decompose(
  lanes: readonly PoolLane[],
  moves: readonly EmptyMove[],
): { lanes: PoolLane[]; trucks: number }[] {
  interface Arc {
    from: string;
    to: string;
    lane: PoolLane | null;
    flow: number;
  }
  const arcs: Arc[] = [
    ...lanes.map((lane) => ({ from: lane.origin.key, to: lane.dest.key, lane, flow: lane.loadsPerWeek })),
    ...moves.map((move) => ({ from: move.from, to: move.to, lane: null, flow: move.trucksPerWeek })),
  ];
  let largest = 1;
  for (const arc of arcs) largest = Math.max(largest, arc.flow);
  const dust = 1e-9 * largest;
  const out = new Map<string, Arc[]>();
  for (const arc of arcs) {
    const list = out.get(arc.from);
    if (list === undefined) out.set(arc.from, [arc]);
    else list.push(arc);
  }
  // Loaded arcs first at every place: cycles then carry as many loads as the walk can find.
  for (const list of out.values()) list.sort((a, b) => Number(b.lane !== null) - Number(a.lane !== null));
  const nextArc = (place: string): Arc | undefined => out.get(place)?.find((arc) => arc.flow > dust);

  const cycles: { lanes: PoolLane[]; trucks: number }[] = [];
  for (const start of arcs) {
    while (start.lane !== null && start.flow > dust) {
      const path: Arc[] = [];
      const seenAt = new Map<string, number>([[start.from, 0]]);
      let arc: Arc | undefined = start;
      for (;;) {
        if (arc === undefined) {
          // Conservation holds up to dust, so a walk can only stall on dust: drop what is left of it.
          const stuck = path.find((a) => a.flow > dust * 1e3);
          if (stuck !== undefined) {
            throw new NorthboundError(
              'internal',
              `Cannot decompose the covering into cycles: ${stuck.flow} trucks a week reach ${stuck.to} and cannot leave`,
              { place: stuck.to },
            );
          }
          for (const a of path) a.flow = 0;
          break;
        }
        path.push(arc);
        const at = seenAt.get(arc.to);
        if (at !== undefined) {
          const loop = path.slice(at);
          const trucks = Math.min(...loop.map((a) => a.flow));
          for (const a of loop) a.flow -= trucks;
          const loaded = loop.flatMap((a) => (a.lane === null ? [] : [a.lane]));
          if (loaded.length > 0) cycles.push({ lanes: loaded, trucks });
          break;
        }
        seenAt.set(arc.to, path.length);
        arc = nextArc(arc.to);
      }
    }
  }
  return cycles;
}

/**
 * Cuts a cycle's loaded legs into consecutive runs, each within `limit` hours with its empty return,
 * greedily from every starting leg; keeps the cut with the fewest miles. Each single leg fits (the
 * caller left out lanes that do not), so every cut exists.
 */
function cutCycle(
  cycle: readonly PoolLane[],
  limit: number,
  hoursOf: (run: readonly PoolLane[]) => number,
  milesOf: (run: readonly PoolLane[]) => number,
): PoolLane[][] {
  let best: { runs: PoolLane[][]; miles: number } | null = null;
  for (let start = 0; start < cycle.length; start++) {
    const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
    const runs: PoolLane[][] = [];
    let run: PoolLane[] = [];
    for (const lane of rotated) {
      if (run.length > 0 && hoursOf([...run, lane]) > limit) {
        runs.push(run);
        run = [];
      }
      run.push(lane);
    }
    runs.push(run);
    const total = runs.reduce((sum, r) => sum + milesOf(r), 0);
    if (best === null || total < best.miles) best = { runs, miles: total };
  }
  return best!.runs;
}
