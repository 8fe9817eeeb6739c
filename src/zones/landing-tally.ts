/**
 * The running counts of one market (or city zone) while findLandingZones reads the arrivals, and the
 * summary it turns into. Counting is O(1) per arrival (hash sets of numeric keys, typed-array
 * counters); summarising is O(weeks · log weeks + equipment · weeks).
 */
import { EQUIPMENT } from '../domain/equipment.ts';
import type { MarketId } from '../domain/ids.ts';
import { utcOffsetMinutes } from '../domain/local-time.ts';
import { marketLabel, type Market } from '../domain/market.ts';
import type { Region } from '../domain/regions.ts';
import type { EquipmentLanding, LandingArrival, LandingMarket, LandingTrend } from './landing-zone.ts';
import type { ResolvedLandingZoneOptions } from './resolve-landing-zone-options.ts';

/** A market's facts before ranking: rank and primary depend on every other market. */
export type LandingMarketFacts = Omit<LandingMarket, 'rank' | 'primary'>;

const EQUIPMENT_COUNT = EQUIPMENT.length;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** 1970-01-01 (epoch day 0) was a Thursday: weekday 3 counting Monday as 0. */
const EPOCH_WEEKDAY = 3;

/** Monday = 0 … Sunday = 6, on the destination's wall clock (a 21:00 CST Tuesday drop is 03:00Z Wednesday). */
export function localWeekday(instantMs: number, region: Region): number {
  const localDay = Math.floor((instantMs + utcOffsetMinutes(region, instantMs) * MINUTE_MS) / DAY_MS);
  return (((localDay + EPOCH_WEEKDAY) % 7) + 7) % 7;
}

const increment = (counts: Int32Array, index: number): void => {
  counts[index] = (counts[index] ?? 0) + 1;
};

export class LandingTally {
  /** Deliveries in the lookback (previous-period deliveries only feed the trend). */
  private arrivals = 0;
  private latSum = 0;
  private lonSum = 0;
  private readonly trucks = new Set<number>();
  /**
   * Distinct trucks per week slot: slots 0 … weeks−1 are the trend's previous period, weeks … 2·weeks−1
   * the lookback. A truck counts once per slot however often it delivers (key truck · 2·weeks + slot).
   */
  private readonly slotTrucks: Int32Array;
  private readonly truckSlots = new Set<number>();
  private readonly equipmentArrivals = new Int32Array(EQUIPMENT_COUNT);
  /** Distinct trucks per lookback week and equipment, at equipment · weeks + week. */
  private readonly equipmentWeekTrucks: Int32Array;
  private readonly truckEquipmentWeeks = new Set<number>();
  private readonly weekdays = new Int32Array(7);
  /** City zones only: each spelling of the city seen in the lookback, and how often. */
  private readonly spellings: Map<string, number> | null;

  constructor(
    readonly key: string,
    readonly marketId: MarketId | null,
    readonly region: Region,
    /** The gazetteer market, or null for a city zone (named and placed by its arrivals). */
    private readonly market: Market | null,
    private readonly weeks: number,
  ) {
    this.slotTrucks = new Int32Array(2 * weeks);
    this.equipmentWeekTrucks = new Int32Array(EQUIPMENT_COUNT * weeks);
    this.spellings = market === null ? new Map() : null;
  }

  /**
   * Counts one arrival. `truck` is the truck's dense index, `equipment` its index in EQUIPMENT, `slot`
   * its week slot (see slotTrucks).
   */
  record(arrival: LandingArrival, truck: number, equipment: number, slot: number): void {
    const { weeks } = this;
    const truckSlot = truck * 2 * weeks + slot;
    if (!this.truckSlots.has(truckSlot)) {
      this.truckSlots.add(truckSlot);
      increment(this.slotTrucks, slot);
    }
    if (slot < weeks) return;
    const week = slot - weeks;
    this.arrivals += 1;
    this.latSum += arrival.lat;
    this.lonSum += arrival.lon;
    this.trucks.add(truck);
    increment(this.equipmentArrivals, equipment);
    const truckEquipmentWeek = (truck * EQUIPMENT_COUNT + equipment) * weeks + week;
    if (!this.truckEquipmentWeeks.has(truckEquipmentWeek)) {
      this.truckEquipmentWeeks.add(truckEquipmentWeek);
      increment(this.equipmentWeekTrucks, equipment * weeks + week);
    }
    increment(this.weekdays, localWeekday(arrival.deliveredAtMs, arrival.region));
    if (this.spellings !== null) {
      const spelling = arrival.city.trim().replace(/\s+/g, ' ');
      this.spellings.set(spelling, (this.spellings.get(spelling) ?? 0) + 1);
    }
  }

  /** True when the market had an arrival in the lookback (markets seen only in the trend period are dropped). */
  get landedInLookback(): boolean {
    return this.arrivals > 0;
  }

  summarize(options: ResolvedLandingZoneOptions): LandingMarketFacts {
    const { weeks, arrivals } = this;
    const weeklyTrucks = Array.from(this.slotTrucks.subarray(weeks));
    const truckWeeks = sum(weeklyTrucks);
    const mean = truckWeeks / weeks;
    const consistency = weeklyTrucks.filter((n) => n > 0).length / weeks;
    const strength = mean * consistency;
    return {
      key: this.key,
      label: this.label(),
      marketId: this.marketId,
      region: this.region,
      lat: this.market?.lat ?? this.latSum / arrivals,
      lon: this.market?.lon ?? this.lonSum / arrivals,
      arrivals,
      trucks: this.trucks.size,
      weeklyTrucks,
      trucksPerWeek: { mean, median: median(weeklyTrucks) },
      consistency,
      equipment: this.equipmentLandings(),
      weekdays: Array.from(this.weekdays),
      busiestWeekdays: this.busiestWeekdays(options.busiestWeekdayShare),
      trend: this.trend(truckWeeks, options),
      strength,
      isLandingZone: consistency >= options.minConsistency && mean >= options.minTrucksPerWeek,
      reloadRadiusMiles: options.reloadRadiusMiles,
    };
  }

  /** A market's own name; a city zone's commonest spelling (ties: the first in code-point order). */
  private label(): string {
    if (this.market !== null) return marketLabel(this.market);
    let best = '';
    let bestCount = 0;
    for (const [spelling, count] of this.spellings ?? []) {
      if (count > bestCount || (count === bestCount && spelling < best)) {
        best = spelling;
        bestCount = count;
      }
    }
    return marketLabel({ name: best, region: this.region });
  }

  /** Busiest first; Array.prototype.sort is stable, so ties keep EQUIPMENT order. */
  private equipmentLandings(): EquipmentLanding[] {
    const { weeks, arrivals } = this;
    const landings: EquipmentLanding[] = [];
    EQUIPMENT.forEach((equipment, e) => {
      const count = this.equipmentArrivals[e] ?? 0;
      if (count === 0) return;
      const weekly = this.equipmentWeekTrucks.subarray(e * weeks, (e + 1) * weeks);
      landings.push({
        equipment,
        arrivals: count,
        share: count / arrivals,
        trucksPerWeek: sum(weekly) / weeks,
        consistency: weekly.filter((n) => n > 0).length / weeks,
      });
    });
    return landings.sort((a, b) => b.arrivals - a.arrivals);
  }

  /** The fewest weekdays, busiest first (ties: earlier in the week), holding ≥ `share` of arrivals. */
  private busiestWeekdays(share: number): number[] {
    const order = [0, 1, 2, 3, 4, 5, 6].sort(
      (a, b) => (this.weekdays[b] ?? 0) - (this.weekdays[a] ?? 0) || a - b,
    );
    const busiest: number[] = [];
    let covered = 0;
    for (const day of order) {
      if (covered >= share * this.arrivals) break;
      busiest.push(day);
      covered += this.weekdays[day] ?? 0;
    }
    return busiest;
  }

  /**
   * Lookback against the `weeks` weeks before it. The ratio is taken on truck-week sums (same number of
   * weeks both sides) so 6 against 5 is exactly 1.2 and lands on the threshold as a planner expects.
   */
  private trend(truckWeeks: number, options: ResolvedLandingZoneOptions): LandingTrend {
    const previousTruckWeeks = sum(this.slotTrucks.subarray(0, this.weeks));
    const previousMean = previousTruckWeeks / this.weeks;
    if (previousTruckWeeks === 0) return { previousMean, ratio: null, direction: 'new' };
    const ratio = truckWeeks / previousTruckWeeks;
    const direction =
      ratio >= options.trendUpRatio ? 'up' : ratio <= options.trendDownRatio ? 'down' : 'flat';
    return { previousMean, ratio, direction };
  }
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i += 1) total += values[i] ?? 0;
  return total;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
