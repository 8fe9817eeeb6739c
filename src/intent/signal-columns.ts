/**
 * Intent signals as columns: the shape the scoring and surge cores read. Millions of signals do not
 * fit the budget as objects (≥ 20M signals/s scored), so each field is a typed array and every string
 * is interned once into a dictionary (company, searcher, market, industry, origin place).
 *
 * Invariant after `build()`: rows are grouped by company (each company's rows contiguous, companies in
 * first-seen order) and, inside a company, in time order — what the single-pass scorer relies on.
 * Stores read signals in time order, so a stable counting sort by company gives both in O(n).
 */
import { EQUIPMENT, type Equipment } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import { CA_PROVINCES, US_STATES, isRegion, type Region } from '../domain/regions.ts';

/** Every region, in a fixed order: a region's index in the columns. */
export const REGIONS: readonly Region[] = [...US_STATES, ...CA_PROVINCES];
const REGION_INDEX = new Map<string, number>(REGIONS.map((region, index) => [region, index]));
const EQUIPMENT_INDEX = new Map<string, number>(EQUIPMENT.map((equipment, index) => [equipment, index]));

export interface SignalColumns {
  readonly length: number;
  /** Index into companyIds. */
  readonly company: Int32Array;
  /** Index into searcherIds; −1 when the row names no searcher. */
  readonly searcher: Int32Array;
  /** searcherIds.length, known without materialising the ids (stores resolve them lazily). */
  readonly searcherCount: number;
  readonly observedAtMs: Float64Array;
  /** Index into placeLat/placeLon; −1 when the row gives only the origin state. */
  readonly originPlace: Int32Array;
  /** Index into REGIONS. */
  readonly originRegion: Uint8Array;
  /** Index into marketIds; −1 when the origin is not within a market. */
  readonly originMarket: Int32Array;
  /** Index into REGIONS. */
  readonly destRegion: Uint8Array;
  /** Index into EQUIPMENT. */
  readonly equipment: Uint8Array;
  /** Index into industries; −1 when absent. */
  readonly industry: Int32Array;
  /** Row range of company c: [companyStart[c], companyStart[c + 1]). */
  readonly companyStart: Int32Array;
  readonly companyIds: readonly string[];
  readonly searcherIds: readonly string[];
  readonly marketIds: readonly string[];
  readonly industries: readonly string[];
  readonly placeLat: Float64Array;
  readonly placeLon: Float64Array;
  /** "Laredo, TX" when a row named the city, else the coordinates: how explanations name an origin. */
  readonly placeLabel: readonly string[];
}

/** One signal as the store or a file gives it; strings are interned by the builder. */
export interface SignalFacts {
  readonly companyId: string;
  readonly searcherId: string | null;
  readonly observedAtMs: number;
  readonly originLat: number | null;
  readonly originLon: number | null;
  readonly originMarketId: string | null;
  readonly originCity: string | null;
  readonly originRegion: Region;
  readonly destRegion: Region;
  readonly equipment: Equipment;
  readonly industry: string | null;
}

class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  intern(value: string): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.values.length;
      this.index.set(value, at);
      this.values.push(value);
    }
    return at;
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/** Accumulates signals (any order of companies, time order preferred) and builds grouped columns. */
export class SignalColumnsBuilder {
  private size = 0;
  private capacity: number;
  private company: Int32Array;
  private searcher: Int32Array;
  private observedAtMs: Float64Array;
  private originPlace: Int32Array;
  private originRegion: Uint8Array;
  private originMarket: Int32Array;
  private destRegion: Uint8Array;
  private equipment: Uint8Array;
  private industry: Int32Array;
  private readonly companies = new Interner();
  private readonly searchers = new Interner();
  private readonly markets = new Interner();
  private readonly industries = new Interner();
  private readonly placeIndex = new Map<string, number>();
  private readonly placeLat: number[] = [];
  private readonly placeLon: number[] = [];
  private readonly placeLabel: string[] = [];
  private readonly placeNamed: boolean[] = [];

  constructor(initialCapacity = 1 << 16) {
    this.capacity = Math.max(16, initialCapacity);
    this.company = new Int32Array(this.capacity);
    this.searcher = new Int32Array(this.capacity);
    this.observedAtMs = new Float64Array(this.capacity);
    this.originPlace = new Int32Array(this.capacity);
    this.originRegion = new Uint8Array(this.capacity);
    this.originMarket = new Int32Array(this.capacity);
    this.destRegion = new Uint8Array(this.capacity);
    this.equipment = new Uint8Array(this.capacity);
    this.industry = new Int32Array(this.capacity);
  }

  get length(): number {
    return this.size;
  }

  private ensureRoom(): void {
    if (this.size < this.capacity) return;
    this.capacity *= 2;
    this.company = grow(this.company, this.capacity);
    this.searcher = grow(this.searcher, this.capacity);
    this.observedAtMs = grow(this.observedAtMs, this.capacity);
    this.originPlace = grow(this.originPlace, this.capacity);
    this.originRegion = grow(this.originRegion, this.capacity);
    this.originMarket = grow(this.originMarket, this.capacity);
    this.destRegion = grow(this.destRegion, this.capacity);
    this.equipment = grow(this.equipment, this.capacity);
    this.industry = grow(this.industry, this.capacity);
  }

  /** An origin point's index; `key` identifies it (the store passes the coordinates' text). */
  private place(key: string, lat: number, lon: number, city: string | null, region: Region): number {
    let at = this.placeIndex.get(key);
    if (at === undefined) {
      at = this.placeLat.length;
      this.placeIndex.set(key, at);
      this.placeLat.push(lat);
      this.placeLon.push(lon);
      this.placeLabel.push(
        city === null ? `${lat.toFixed(2)}, ${lon.toFixed(2)} (${region})` : `${city}, ${region}`,
      );
      this.placeNamed.push(city !== null);
    } else if (city !== null && !this.placeNamed[at]) {
      this.placeLabel[at] = `${city}, ${region}`;
      this.placeNamed[at] = true;
    }
    return at;
  }

  add(facts: SignalFacts): void {
    const { originLat, originLon } = facts;
    const place =
      originLat === null || originLon === null
        ? -1
        : this.place(`${originLat},${originLon}`, originLat, originLon, facts.originCity, facts.originRegion);
    this.push(facts, place);
  }

  /**
   * The store's fast path: coordinates arrive as text, so the text is the place key and parsing
   * happens once per distinct place rather than once per row.
   */
  addWithPlaceText(
    facts: Omit<SignalFacts, 'originLat' | 'originLon'>,
    latText: string,
    lonText: string,
  ): void {
    let place = -1;
    if (latText !== '' && lonText !== '') {
      const key = `${latText},${lonText}`;
      const known = this.placeIndex.get(key);
      place =
        known !== undefined && (facts.originCity === null || this.placeNamed[known])
          ? known
          : this.place(key, Number(latText), Number(lonText), facts.originCity, facts.originRegion);
    }
    this.push(facts, place);
  }

  private push(facts: Omit<SignalFacts, 'originLat' | 'originLon'>, place: number): void {
    const originRegion = REGION_INDEX.get(facts.originRegion);
    const destRegion = REGION_INDEX.get(facts.destRegion);
    const equipment = EQUIPMENT_INDEX.get(facts.equipment);
    if (originRegion === undefined || destRegion === undefined || equipment === undefined) {
      const bad = !isRegion(facts.originRegion)
        ? `origin region "${facts.originRegion}"`
        : !isRegion(facts.destRegion)
          ? `destination region "${facts.destRegion}"`
          : `equipment "${facts.equipment}"`;
      throw new NorthboundError(
        'invalid_input',
        `Cannot score signal of company "${facts.companyId}": ${bad} is not a known region or equipment`,
        { companyId: facts.companyId },
      );
    }
    if (!Number.isFinite(facts.observedAtMs)) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot score signal of company "${facts.companyId}": observed time ${facts.observedAtMs} is not a time`,
        { companyId: facts.companyId },
      );
    }
    this.ensureRoom();
    const i = this.size++;
    this.company[i] = this.companies.intern(facts.companyId);
    this.searcher[i] = facts.searcherId === null ? -1 : this.searchers.intern(facts.searcherId);
    this.observedAtMs[i] = facts.observedAtMs;
    this.originPlace[i] = place;
    this.originRegion[i] = originRegion;
    this.originMarket[i] = facts.originMarketId === null ? -1 : this.markets.intern(facts.originMarketId);
    this.destRegion[i] = destRegion;
    this.equipment[i] = equipment;
    this.industry[i] = facts.industry === null ? -1 : this.industries.intern(facts.industry);
  }

  /** Groups rows by company (stable counting sort), then time-orders any company that is not. O(n). */
  build(): SignalColumns {
    const n = this.size;
    const companyCount = this.companies.values.length;
    const companyStart = new Int32Array(companyCount + 1);
    for (let i = 0; i < n; i++) companyStart[this.company[i]! + 1]!++;
    for (let c = 0; c < companyCount; c++) companyStart[c + 1]! += companyStart[c]!;
    const next = companyStart.slice(0, companyCount);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[next[this.company[i]!]!++] = i;
    for (let c = 0; c < companyCount; c++)
      sortSegmentByTime(order, this.observedAtMs, companyStart[c]!, companyStart[c + 1]!);

    const permute = <T extends Int32Array | Float64Array | Uint8Array>(source: T): T => {
      const target = new (source.constructor as new (n: number) => T)(n);
      for (let i = 0; i < n; i++) target[i] = source[order[i]!]!;
      return target;
    };
    return {
      length: n,
      company: permute(this.company),
      searcher: permute(this.searcher),
      searcherCount: this.searchers.values.length,
      observedAtMs: permute(this.observedAtMs),
      originPlace: permute(this.originPlace),
      originRegion: permute(this.originRegion),
      originMarket: permute(this.originMarket),
      destRegion: permute(this.destRegion),
      equipment: permute(this.equipment),
      industry: permute(this.industry),
      companyStart,
      companyIds: this.companies.values,
      searcherIds: this.searchers.values,
      marketIds: this.markets.values,
      industries: this.industries.values,
      placeLat: Float64Array.from(this.placeLat),
      placeLon: Float64Array.from(this.placeLon),
      placeLabel: this.placeLabel,
    };
  }
}

/** Time-orders order[from, to); segments arrive sorted (the store reads in time order), so check first. */
function sortSegmentByTime(order: Int32Array, time: Float64Array, from: number, to: number): void {
  let sorted = true;
  for (let i = from + 1; i < to && sorted; i++) sorted = time[order[i - 1]!]! <= time[order[i]!]!;
  if (sorted) return;
  const segment = Array.from(order.subarray(from, to)).sort((a, b) => time[a]! - time[b]! || a - b);
  order.set(segment, from);
}

export const regionAt = (index: number): Region => REGIONS[index]!;
export const equipmentAt = (index: number): Equipment => EQUIPMENT[index]!;
