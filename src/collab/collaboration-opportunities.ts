import { NorthboundError } from '../domain/errors.ts';
import type { Equipment } from '../domain/equipment.ts';
import { DEFAULT_ROAD_FACTOR, greatCircleMiles } from '../domain/geo.ts';
import { coalitionCost } from './coalition-cost.ts';
import type { CoverLanesOptions } from './cover-lanes.ts';
import type { PoolLane, PoolPlace } from './pool-lane.ts';

export interface CollaborationOpportunitiesOptions extends CoverLanesOptions {
  /** Two imbalances complement each other when their places are at most this many road miles apart. */
  readonly nearMiles?: number;
  /**
   * Up to this many partners every triangle is evaluated (n³/6 coverings); above it only triangles
   * whose members are chained by complementary imbalances (see below). Default 40.
   */
  readonly exhaustiveTriangleLimit?: number;
}

/** Where a partner ends the week with trucks to spare (surplus > 0) or short of trucks (< 0). */
export interface PartnerImbalance {
  readonly partnerId: string;
  readonly equipment: Equipment;
  readonly place: string;
  /** Loaded trucks arriving minus leaving, per week. */
  readonly trucksPerWeek: number;
}

/** A pair or triangle of partners and what pooling their lanes would save per week. */
export interface CollaborationOpportunity {
  readonly partners: readonly string[];
  /** Σ of the members' stand-alone costs. */
  readonly standaloneCost: number;
  /** The members' lanes covered by one shared fleet. */
  readonly pooledCost: number;
  readonly savings: number;
  /** savings ÷ standaloneCost. */
  readonly savingsShare: number;
  /** Each member's imbalances that another member's opposite imbalance (same equipment, near) meets. */
  readonly complementaryImbalances: readonly PartnerImbalance[];
}

/**
 * Broker tool (DESIGN.md §3.7): which partners should pool. Ranks pairs by v(i) + v(j) − v(ij) and
 * triangles by v(i) + v(j) + v(k) − v(ijk), keeping a triangle only when its saving beats every pair
 * inside it (else the pair is the better pitch), largest saving first, each with its members'
 * complementary imbalances: a surplus of trucks at a place (per equipment) near another member's deficit
 * is the empty return the pool fills.
 *
 * Work: n stand-alone coverings, n(n−1)/2 pair coverings, and triangles. Up to exhaustiveTriangleLimit
 * partners all n(n−1)(n−2)/6 triangles are solved. Above it, a triangle is solved only when at least
 * two of its three pairs are complementary (share an opposite imbalance within nearMiles): Σ_v deg(v)²
 * triangles instead of n³/6. That prefilter is a heuristic: pooling saves when one member's freed trucks
 * serve another's loads, which with road distances almost always means near places, but a triangle
 * whose savings run through far-apart places can be missed. Each covering is one coverLanes over the
 * members' lanes.
 */
export function collaborationOpportunities(
  lanes: readonly PoolLane[],
  options: CollaborationOpportunitiesOptions = {},
): readonly CollaborationOpportunity[] {
  const nearMiles = options.nearMiles ?? 150;
  const limit = options.exhaustiveTriangleLimit ?? 40;
  if (!(nearMiles >= 0) || !Number.isFinite(nearMiles)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot find collaboration opportunities: nearMiles is ${nearMiles}, expected a finite number ≥ 0`,
      { nearMiles },
    );
  }
  const roadFactor = options.roadFactor ?? DEFAULT_ROAD_FACTOR;
  const partners = [...new Set(lanes.map((lane) => lane.partnerId))].sort();
  const n = partners.length;
  const lanesOf = new Map<string, PoolLane[]>(partners.map((p) => [p, []]));
  for (const lane of lanes) lanesOf.get(lane.partnerId)!.push(lane);
  const costOf = (members: readonly string[]): number =>
    coalitionCost(
      members.flatMap((p) => lanesOf.get(p)!),
      new Set(members),
      options,
    );
  const standalone = partners.map((p) => costOf([p]));
  const imbalances = partners.map((p) => imbalancesOf(lanesOf.get(p)!));

  /** The imbalances of `member` met by an opposite one of some other member of the group. */
  const complementing = (member: number, group: readonly number[]): PartnerImbalance[] =>
    imbalances[member]!.filter(({ imbalance, at }) =>
      group.some(
        (other) =>
          other !== member &&
          imbalances[other]!.some(
            (theirs) =>
              theirs.imbalance.equipment === imbalance.equipment &&
              Math.sign(theirs.imbalance.trucksPerWeek) === -Math.sign(imbalance.trucksPerWeek) &&
              greatCircleMiles(theirs.at, at) * roadFactor <= nearMiles,
          ),
      ),
    ).map(({ imbalance }) => imbalance);

  const opportunities: CollaborationOpportunity[] = [];
  const pairSavings = new Float64Array(n * n);
  const complementary: boolean[] = new Array<boolean>(n * n).fill(false);
  const evaluate = (group: readonly number[]): CollaborationOpportunity => {
    const members = group.map((i) => partners[i]!);
    const standaloneCost = group.reduce((sum, i) => sum + standalone[i]!, 0);
    const pooledCost = costOf(members);
    const savings = standaloneCost - pooledCost;
    return {
      partners: members,
      standaloneCost,
      pooledCost,
      savings,
      savingsShare: standaloneCost > 0 ? savings / standaloneCost : 0,
      complementaryImbalances: group.flatMap((i) => complementing(i, group)),
    };
  };
  // Savings below this are float noise, not an opportunity.
  const noise = (cost: number): number => 1e-9 * Math.max(1, cost);

  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const pair = evaluate([i, j]);
      pairSavings[i * n + j] = pairSavings[j * n + i] = pair.savings;
      complementary[i * n + j] = complementary[j * n + i] = pair.complementaryImbalances.length > 0;
      if (pair.savings > noise(pair.standaloneCost)) opportunities.push(pair);
    }
  }
  const triangle = (i: number, j: number, k: number): void => {
    const best = Math.max(pairSavings[i * n + j]!, pairSavings[i * n + k]!, pairSavings[j * n + k]!);
    const group = evaluate([i, j, k]);
    if (group.savings > best + noise(group.standaloneCost)) opportunities.push(group);
  };
  if (n <= limit) {
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) for (let k = j + 1; k < n; k++) triangle(i, j, k);
  } else {
    // Chains j – i – k through a middle member i complementary to both; each triangle once (sorted key).
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const neighbours: number[] = [];
      for (let j = 0; j < n; j++) if (j !== i && complementary[i * n + j]) neighbours.push(j);
      for (let a = 0; a < neighbours.length; a++) {
        for (let b = a + 1; b < neighbours.length; b++) {
          const [x, y, z] = [i, neighbours[a]!, neighbours[b]!].sort((p, q) => p - q) as [
            number,
            number,
            number,
          ];
          const key = (x * n + y) * n + z;
          if (seen.has(key)) continue;
          seen.add(key);
          triangle(x, y, z);
        }
      }
    }
  }
  return opportunities.sort(
    (a, b) => b.savings - a.savings || a.partners.join().localeCompare(b.partners.join()),
  );
}

/** A partner's non-zero truck balances per (equipment, place), with the place for distances. */
function imbalancesOf(lanes: readonly PoolLane[]): { imbalance: PartnerImbalance; at: PoolPlace }[] {
  const balance = new Map<string, { equipment: Equipment; place: PoolPlace; trucks: number }>();
  const add = (equipment: Equipment, place: PoolPlace, trucks: number): void => {
    const key = `${equipment}|${place.key}`;
    const seen = balance.get(key);
    if (seen === undefined) balance.set(key, { equipment, place, trucks });
    else seen.trucks += trucks;
  };
  let largest = 1;
  for (const lane of lanes) {
    add(lane.equipment, lane.origin, -lane.loadsPerWeek);
    add(lane.equipment, lane.dest, lane.loadsPerWeek);
    largest = Math.max(largest, lane.loadsPerWeek);
  }
  return [...balance.values()]
    .filter(({ trucks }) => Math.abs(trucks) > 1e-9 * largest)
    .map(({ equipment, place, trucks }) => ({
      imbalance: { partnerId: lanes[0]!.partnerId, equipment, place: place.key, trucksPerWeek: trucks },
      at: place,
    }));
}
