import type { Equipment } from '../domain/equipment.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import { solveMinCostFlow } from '../optimize/solve-min-cost-flow.ts';
import { NorthboundError } from '../domain/errors.ts';
import { coverLanes, resolveCoverCosts, type CoverLanesOptions } from './cover-lanes.ts';
import type { PoolLane } from './pool-lane.ts';

/** Above this many partners with one equipment, that equipment's coalition costs are not all cached. */
const MAX_CACHED_PARTNERS = 20;

interface EquipmentGame {
  readonly equipment: Equipment;
  /** Road miles between places p and q at [p · places + q]. */
  readonly miles: Float64Array;
  readonly places: number;
  /** Per partner (global index): its truck balance per place, as (place, trucks) pairs; absent = no lanes. */
  readonly imbalance: Map<number, { place: Int32Array; trucks: Float64Array }>;
  /** Partner global index → bit in this equipment's cache key (partners with this equipment only). */
  readonly bit: Map<number, number>;
  readonly cache: Map<number, number> | null;
  /** The last coalition solved (its members' global indices, ascending) and its empty miles. */
  lastMembers: number[];
  lastEmptyMiles: number;
  /** Scratch for the coalition's balance per place. */
  readonly balance: Float64Array;
  /** Reused arc and supply buffers (places² arcs at most); each solve passes views of its length. */
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly cost: Float64Array;
  readonly capacity: Float64Array;
  readonly supply: Float64Array;
  readonly dust: number;
}

/**
 * The lane-covering cost game of one pool, built once and asked many coalitions (coalitionCost's engine;
 * DESIGN.md §3.7). Same answer as coverLanes over the coalition's lanes — loaded miles are fixed, and the
 * empty miles are the cheapest way to move every place's surplus of trucks to the places short of them
 * (coverLanes explains why surplus → deficit arcs suffice) — but each coalition costs much less:
 * - loaded miles are summed per partner once;
 * - each equipment is its own game: a coalition's cost per equipment depends only on its members that
 *   have that equipment, so a partner without reefers leaves the reefer covering as it was;
 * - road miles between the pool's places are computed once, not per coalition;
 * - the last coalition solved per equipment is remembered (join-order sampling adds one partner at a
 *   time, so most equipments are unchanged), and with ≤ MAX_CACHED_PARTNERS partners holding an
 *   equipment every sub-coalition's empty miles are cached by bitmask (enumeration meets each 2^(n−k)
 *   times).
 * Time per new coalition and changed equipment: one transportation problem over that equipment's
 * surplus × deficit places. The lanes are read once: later changes to the array are not seen (it is
 * readonly by type; the length is checked).
 */
export class PoolGame {
  readonly costPerMile: number;
  private readonly partnerIndex = new Map<string, number>();
  private readonly loadedMiles: number[] = [];
  private readonly games: EquipmentGame[] = [];
  private readonly partnerEquipment: number[][] = [];
  readonly laneCount: number;

  constructor(lanes: readonly PoolLane[], options: CoverLanesOptions = {}) {
    const { costPerMile, roadFactor } = resolveCoverCosts(options);
    this.costPerMile = costPerMile;
    this.laneCount = lanes.length;
    // One full covering validates every lane and place key with coverLanes' own messages.
    coverLanes(lanes, { costPerMile, roadFactor });
    const byEquipment = new Map<Equipment, PoolLane[]>();
    for (const lane of lanes) {
      if (!this.partnerIndex.has(lane.partnerId)) {
        this.partnerIndex.set(lane.partnerId, this.loadedMiles.length);
        this.loadedMiles.push(0);
        this.partnerEquipment.push([]);
      }
      const k = this.partnerIndex.get(lane.partnerId)!;
      this.loadedMiles[k] =
        this.loadedMiles[k]! + greatCircleMiles(lane.origin, lane.dest) * roadFactor * lane.loadsPerWeek;
      const group = byEquipment.get(lane.equipment);
      if (group === undefined) byEquipment.set(lane.equipment, [lane]);
      else group.push(lane);
    }
    for (const [equipment, group] of byEquipment) {
      const placeIndex = new Map<string, number>();
      const points: PoolLane['origin'][] = [];
      const at = (place: PoolLane['origin']): number => {
        let p = placeIndex.get(place.key);
        if (p === undefined) {
          p = points.length;
          placeIndex.set(place.key, p);
          points.push(place);
        }
        return p;
      };
      const balances = new Map<number, Map<number, number>>();
      let largest = 1;
      for (const lane of group) {
        const k = this.partnerIndex.get(lane.partnerId)!;
        let balance = balances.get(k);
        if (balance === undefined) balances.set(k, (balance = new Map()));
        const o = at(lane.origin);
        const d = at(lane.dest);
        balance.set(o, (balance.get(o) ?? 0) - lane.loadsPerWeek);
        balance.set(d, (balance.get(d) ?? 0) + lane.loadsPerWeek);
        largest = Math.max(largest, lane.loadsPerWeek);
      }
      const places = points.length;
      const miles = new Float64Array(places * places);
      for (let p = 0; p < places; p++) {
        for (let q = 0; q < places; q++)
          miles[p * places + q] = greatCircleMiles(points[p]!, points[q]!) * roadFactor;
      }
      const imbalance = new Map<number, { place: Int32Array; trucks: Float64Array }>();
      const bit = new Map<number, number>();
      const gameIndex = this.games.length;
      for (const [k, balance] of balances) {
        const entries = [...balance];
        imbalance.set(k, {
          place: Int32Array.from(entries, ([p]) => p),
          trucks: Float64Array.from(entries, ([, t]) => t),
        });
        bit.set(k, bit.size);
        this.partnerEquipment[k]!.push(gameIndex);
      }
      this.games.push({
        equipment,
        miles,
        places,
        imbalance,
        bit,
        cache: bit.size <= MAX_CACHED_PARTNERS ? new Map() : null,
        lastMembers: [],
        lastEmptyMiles: 0,
        balance: new Float64Array(places),
        tail: new Int32Array(places * places),
        head: new Int32Array(places * places),
        cost: new Float64Array(places * places),
        capacity: new Float64Array(places * places).fill(Infinity),
        supply: new Float64Array(places),
        // As in coverLanes: balances below this are rounding dust of fractional volumes.
        dust: 1e-9 * largest,
      });
    }
  }

  /** What the coalition pays per week; members without lanes (or unknown to the pool) add nothing. */
  cost(members: ReadonlySet<string>): number {
    const indices = this.indicesOf(members);
    const perGame: number[][] = this.games.map(() => []);
    let loaded = 0;
    for (const k of indices) {
      loaded += this.loadedMiles[k]!;
      for (const g of this.partnerEquipment[k]!) perGame[g]!.push(k);
    }
    let empty = 0;
    this.games.forEach((game, g) => (empty += emptyMilesOf(game, perGame[g]!)));
    return (loaded + empty) * this.costPerMile;
  }

  /**
   * cost(members ∪ {partner}) − cost(members), solving only the partner's equipments: the others'
   * coverings are the same on both sides. Equal to the difference of the two costs up to rounding
   * (the sums run in another order); exactly 0 for a partner without lanes or already a member.
   */
  marginalCost(members: ReadonlySet<string>, partner: string): number {
    const k = this.partnerIndex.get(partner);
    if (k === undefined || members.has(partner)) return 0;
    const indices = this.indicesOf(members);
    let change = this.loadedMiles[k]!;
    for (const g of this.partnerEquipment[k]!) {
      const game = this.games[g]!;
      const without = indices.filter((j) => game.imbalance.has(j));
      const withPartner = [...without, k].sort((a, b) => a - b);
      const before = emptyMilesOf(game, without);
      change += emptyMilesOf(game, withPartner) - before;
    }
    return change * this.costPerMile;
  }

  /**
   * The members' pool indices in ascending order, those without lanes left out. Costs are summed in
   * this order, not the set's insertion order, so one coalition always gets the same float.
   */
  private indicesOf(members: ReadonlySet<string>): number[] {
    const indices: number[] = [];
    for (const member of members) {
      const k = this.partnerIndex.get(member);
      if (k !== undefined) indices.push(k);
    }
    return indices.sort((a, b) => a - b);
  }

  /** The pool's index of a partner (the order partners first appear in the lanes), if it has lanes. */
  partnerIndexOf(partner: string): number | undefined {
    return this.partnerIndex.get(partner);
  }

  /** How many equipment games the pool splits into (one per equipment type with lanes). */
  get equipmentCount(): number {
    return this.games.length;
  }

  /** Equipment g's places, and a partner's truck balance per place there (null: no lanes with it). */
  balanceOf(
    g: number,
    partner: number,
  ): { readonly place: Int32Array; readonly trucks: Float64Array } | null {
    return this.games[g]!.imbalance.get(partner) ?? null;
  }

  placesOf(g: number): number {
    return this.games[g]!.places;
  }

  equipmentOf(g: number): Equipment {
    return this.games[g]!.equipment;
  }

  /**
   * An optimal dual of equipment g's covering for one truck balance per place, as a price per place
   * for every place of the game: Σ price · balance is the balance's empty miles, and because the price
   * moves by at most the road miles between any two places (1-Lipschitz; road miles are great-circle
   * miles times a constant, a metric), Σ price · balance' ≤ the empty miles of any other balance'
   * (Kantorovich–Rubinstein duality). Made from the transportation potentials π (surplus places ship on
   * arcs where π_surplus − π_deficit = miles) by price(x) = min over deficit places q of π_q + miles(x, q),
   * which equals π on the surplus places and can only raise the objective on the deficit ones.
   * Returns all zeros for a balance with nothing to move.
   */
  dualPrices(g: number, balance: Float64Array): Float64Array {
    const game = this.games[g]!;
    const { places, miles } = game;
    const price = new Float64Array(places);
    const { surplus, deficit, potential } = moveSurplus(game, balance);
    if (surplus.length === 0 || deficit.length === 0) return price;
    // Deficit potentials; a forced plan (one place on a side) has them in closed form.
    const pi = new Float64Array(deficit.length);
    if (potential !== null) {
      for (let t = 0; t < deficit.length; t++) pi[t] = potential[surplus.length + t]!;
    } else if (surplus.length === 1) {
      for (let t = 0; t < deficit.length; t++) pi[t] = -miles[surplus[0]! * places + deficit[t]!]!;
    } // else one deficit place: its potential is 0 and every surplus ships straight to it.
    for (let x = 0; x < places; x++) {
      let best = Infinity;
      for (let t = 0; t < deficit.length; t++)
        best = Math.min(best, pi[t]! + miles[x * places + deficit[t]!]!);
      price[x] = best;
    }
    return price;
  }
}

function emptyMilesOf(game: EquipmentGame, members: number[]): number {
  if (members.length === 0) return 0;
  if (sameMembers(members, game.lastMembers)) return game.lastEmptyMiles;
  let key = -1;
  if (game.cache !== null) {
    key = 0;
    for (const k of members) key += 2 ** game.bit.get(k)!;
    const known = game.cache.get(key);
    if (known !== undefined) return remember(game, members, known);
  }
  const { balance } = game;
  balance.fill(0);
  for (const k of members) {
    const { place, trucks } = game.imbalance.get(k)!;
    for (let e = 0; e < place.length; e++) balance[place[e]!] = balance[place[e]!]! + trucks[e]!;
  }
  const emptyMiles = moveSurplus(game, balance).emptyMiles;
  if (game.cache !== null) game.cache.set(key, emptyMiles);
  return remember(game, members, emptyMiles);
}

/**
 * The empty moves that cover one balance: every place's surplus of trucks to the places short of them,
 * the cheapest way. With the network's potentials (surplus places first, then deficit places) when a
 * transportation problem had to be solved, or null when the plan was forced.
 */
function moveSurplus(
  game: EquipmentGame,
  balance: Float64Array,
): { emptyMiles: number; surplus: number[]; deficit: number[]; potential: Float64Array | null } {
  const { places, miles, dust } = game;
  const surplus: number[] = [];
  const deficit: number[] = [];
  for (let p = 0; p < places; p++) {
    if (balance[p]! > dust) surplus.push(p);
    else if (balance[p]! < -dust) deficit.push(p);
  }
  let emptyMiles = 0;
  if (surplus.length === 1 || deficit.length === 1) {
    // One place on a side: every truck goes straight from (or to) it, so the plan is forced.
    const hub = surplus.length === 1 ? surplus[0]! : deficit[0]!;
    for (const p of surplus.length === 1 ? deficit : surplus) {
      emptyMiles +=
        Math.abs(balance[p]!) * miles[surplus.length === 1 ? hub * places + p : p * places + hub]!;
    }
    return { emptyMiles, surplus, deficit, potential: null };
  }
  if (surplus.length === 0) return { emptyMiles, surplus, deficit, potential: null };
  const s = surplus.length;
  const nodes = s + deficit.length;
  const supply = game.supply.subarray(0, nodes);
  let total = 0;
  for (let v = 0; v < nodes; v++) total += supply[v] = balance[v < s ? surplus[v]! : deficit[v - s]!]!;
  // Dust left out above can unbalance the total by a hair; the last deficit absorbs it.
  supply[nodes - 1] = supply[nodes - 1]! - total;
  const arcs = s * deficit.length;
  const { tail, head, cost } = game;
  let a = 0;
  for (let i = 0; i < s; i++) {
    const row = surplus[i]! * places;
    for (let t = 0; t < deficit.length; t++, a++) {
      tail[a] = i;
      head[a] = s + t;
      cost[a] = miles[row + deficit[t]!]!;
    }
  }
  // No warm start: a cold solve is a pure function of the coalition, so a coalition's cost is the same
  // float however it is reached (a null partner's marginal is exactly 0, not rounding noise).
  const solution = solveMinCostFlow({
    nodes,
    supply,
    tail: tail.subarray(0, arcs),
    head: head.subarray(0, arcs),
    capacity: game.capacity.subarray(0, arcs),
    cost: cost.subarray(0, arcs),
  });
  if (solution.status !== 'optimal') {
    throw new NorthboundError(
      'internal',
      `Cannot cost a coalition's ${game.equipment} lanes: the transportation solve answered ${solution.status}`,
      { equipment: game.equipment, status: solution.status },
    );
  }
  return { emptyMiles: solution.totalCost, surplus, deficit, potential: solution.potential };
}

function remember(game: EquipmentGame, members: number[], emptyMiles: number): number {
  game.lastMembers = members;
  game.lastEmptyMiles = emptyMiles;
  return emptyMiles;
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
