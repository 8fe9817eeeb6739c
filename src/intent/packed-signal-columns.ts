/**
 * Signal columns from the store's packed scoring days (migrations/0004_signal_scoring.sql): each
 * signal is a 24-byte big-endian record — int8 observed ms | int4 company key | int4 searcher key
 * (−1: none) | int4 origin key | int4 kind key — and the keys index per-tenant dictionaries. Building
 * the columns is integer work only: no string is split or interned per row.
 *
 * The columns equal what SignalColumnsBuilder makes of the same signals, up to the numbering of
 * companies, searchers and places (ascending dictionary key here, first seen there):
 * - companies and searchers are renumbered densely over those present in the window;
 * - origins sharing coordinates are one place (the builder keys places by coordinates); its label is
 *   "city, region" of the lowest-keyed such origin that names a city, else the coordinates;
 * - an origin without coordinates is no place (−1) but still gives the row its region and market.
 * Company, searcher and place ids/labels are materialised on first read (ranking needs a few, the
 * scoring core none), from the resolvers the store passes.
 *
 * Requires records in time order (days ascending, each day ordered by time), which the store's packing
 * guarantees; a stable counting sort by company then leaves each company's rows in time order.
 * O(records + keys).
 */
import { EQUIPMENT } from '../domain/equipment.ts';
import { NorthboundError } from '../domain/errors.ts';
import { REGIONS, type SignalColumns } from './signal-columns.ts';

export const PACKED_SIGNAL_BYTES = 24;

const REGION_INDEX = new Map<string, number>(REGIONS.map((region, index) => [region, index]));
const EQUIPMENT_INDEX = new Map<string, number>(EQUIPMENT.map((equipment, index) => [equipment, index]));
const TWO_32 = 2 ** 32;

/** Everything the store knows about each origin key, indexed by key. */
export interface PackedOrigins {
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** 0 where the origin gives no coordinates. */
  readonly located: Uint8Array;
  readonly city: readonly (string | null)[];
  readonly region: readonly string[];
  readonly marketId: readonly (string | null)[];
}

/** Destination region, equipment and industry of each kind key. */
export interface PackedKinds {
  readonly destRegion: readonly string[];
  readonly equipment: readonly string[];
  readonly industry: readonly (string | null)[];
}

export interface PackedSignals {
  /** Packed records, in time order across and within buffers; each a multiple of 24 bytes. */
  readonly days: readonly Uint8Array[];
  /** Only records with fromMs ≤ observed < toMs are kept (the first and last day are partial). */
  readonly fromMs: number;
  readonly toMs: number;
  readonly origins: PackedOrigins;
  readonly kinds: PackedKinds;
  /** Ids of the given company keys, in order (called once, on first read of companyIds). */
  readonly companyIds: (keys: Int32Array) => readonly string[];
  readonly searcherIds: (keys: Int32Array) => readonly string[];
}

/** Dense numbering of the keys present, in key order: key → index (−1 absent) and index → key. */
function renumber(
  keys: Int32Array,
  n: number,
  skipNegative: boolean,
): { index: Int32Array; keyOf: Int32Array } {
  let max = -1;
  for (let i = 0; i < n; i++) if (keys[i]! > max) max = keys[i]!;
  const index = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k >= 0) index[k] = 0;
    else if (!skipNegative) throw new RangeError(`negative key ${k} in packed signals`);
  }
  let count = 0;
  for (let k = 0; k <= max; k++) if (index[k] === 0) index[k] = count++;
  const keyOf = new Int32Array(count);
  for (let k = 0; k <= max; k++) if (index[k]! >= 0) keyOf[index[k]!] = k;
  return { index, keyOf };
}

function unknownKey(what: string, key: number, size: number): NorthboundError {
  return new NorthboundError(
    'internal',
    `Cannot read the packed scoring signals: ${what} key ${key} is not in its dictionary (${size} keys); the scoring tables are out of step with the signals`,
    { what, key },
  );
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** The fields sorted by company, one array each. */
interface RowColumns {
  readonly company: Int32Array;
  readonly observed: Float64Array;
  readonly searcherKey: Int32Array;
  readonly originKey: Int32Array;
  readonly kindKey: Int32Array;
}

/** One stable counting pass: rows of `from` into `to`, ordered by bits [shift, shift + width) of company. */
function countingPass(from: RowColumns, to: RowColumns, n: number, shift: number, width: number): void {
  const mask = (1 << width) - 1;
  const start = new Int32Array(mask + 2);
  for (let i = 0; i < n; i++) start[((from.company[i]! >>> shift) & mask) + 1]!++;
  for (let b = 0; b <= mask; b++) start[b + 1]! += start[b]!;
  const { company, observed, searcherKey, originKey, kindKey } = from;
  for (let i = 0; i < n; i++) {
    const c = company[i]!;
    const at = start[(c >>> shift) & mask]!++;
    to.company[at] = c;
    to.observed[at] = observed[i]!;
    to.searcherKey[at] = searcherKey[i]!;
    to.originKey[at] = originKey[i]!;
    to.kindKey[at] = kindKey[i]!;
  }
}

export function packedSignalColumns(packed: PackedSignals): SignalColumns {
  const { fromMs, toMs, origins, kinds } = packed;
  let total = 0;
  for (const day of packed.days) total += day.byteLength / PACKED_SIGNAL_BYTES;
  const observed = new Float64Array(total);
  const companyKey = new Int32Array(total);
  const searcherKey = new Int32Array(total);
  const originKey = new Int32Array(total);
  const kindKey = new Int32Array(total);
  let n = 0;
  let previousMs = Number.NEGATIVE_INFINITY;
  for (const day of packed.days) {
    const view = new DataView(day.buffer, day.byteOffset, day.byteLength);
    for (let at = 0; at + PACKED_SIGNAL_BYTES <= day.byteLength; at += PACKED_SIGNAL_BYTES) {
      const ms = view.getInt32(at) * TWO_32 + view.getUint32(at + 4);
      if (ms < fromMs || ms >= toMs) continue;
      if (ms < previousMs) {
        throw new NorthboundError(
          'internal',
          `Cannot read the packed scoring signals: observed ms ${ms} follows ${previousMs}; expected time order`,
          { ms, previousMs },
        );
      }
      previousMs = ms;
      observed[n] = ms;
      companyKey[n] = view.getInt32(at + 8);
      searcherKey[n] = view.getInt32(at + 12);
      originKey[n] = view.getInt32(at + 16);
      kindKey[n] = view.getInt32(at + 20);
      n++;
    }
  }

  const companies = renumber(companyKey, n, false);
  const searchers = renumber(searcherKey, n, true);
  const companyCount = companies.keyOf.length;

  // Origins present → places (deduplicated by coordinates), regions and markets.
  const originCount = origins.region.length;
  const originUsed = new Uint8Array(originCount);
  for (let i = 0; i < n; i++) {
    const o = originKey[i]!;
    if (o < 0 || o >= originCount) throw unknownKey('origin', o, originCount);
    originUsed[o] = 1;
  }
  const originPlaceOf = new Int32Array(originCount).fill(-1);
  const originRegionOf = new Uint8Array(originCount);
  const originMarketOf = new Int32Array(originCount).fill(-1);
  const placeByPoint = new Map<number, Map<number, number>>();
  const placeLat: number[] = [];
  const placeLon: number[] = [];
  /** Per place: the origin key naming it (a city if any origin there gives one). */
  const placeOrigin: number[] = [];
  const marketIds: string[] = [];
  const marketIndex = new Map<string, number>();
  for (let o = 0; o < originCount; o++) {
    if (originUsed[o] === 0) continue;
    const region = REGION_INDEX.get(origins.region[o]!);
    if (region === undefined) {
      throw new NorthboundError(
        'invalid_input',
        `Cannot score signals from origin "${origins.city[o] ?? ''}": origin region "${origins.region[o]}" is not a known region`,
        { region: origins.region[o] },
      );
    }
    originRegionOf[o] = region;
    const market = origins.marketId[o] ?? null;
    if (market !== null) {
      let m = marketIndex.get(market);
      if (m === undefined) {
        m = marketIds.length;
        marketIndex.set(market, m);
        marketIds.push(market);
      }
      originMarketOf[o] = m;
    }
    if (origins.located[o] === 0) continue;
    const lat = origins.lat[o]!;
    const lon = origins.lon[o]!;
    let byLon = placeByPoint.get(lat);
    if (byLon === undefined) placeByPoint.set(lat, (byLon = new Map()));
    let place = byLon.get(lon);
    if (place === undefined) {
      place = placeLat.length;
      byLon.set(lon, place);
      placeLat.push(lat);
      placeLon.push(lon);
      placeOrigin.push(o);
    } else if (origins.city[placeOrigin[place]!] === null && origins.city[o] !== null) {
      placeOrigin[place] = o;
    }
    originPlaceOf[o] = place;
  }

  // Kinds present → destination, equipment, industry.
  const kindCount = kinds.destRegion.length;
  const kindDest = new Uint8Array(kindCount);
  const kindEquipment = new Uint8Array(kindCount);
  const kindIndustry = new Int32Array(kindCount).fill(-1);
  const kindUsed = new Uint8Array(kindCount);
  for (let i = 0; i < n; i++) {
    const k = kindKey[i]!;
    if (k < 0 || k >= kindCount) throw unknownKey('kind', k, kindCount);
    kindUsed[k] = 1;
  }
  const industries: string[] = [];
  const industryIndex = new Map<string, number>();
  for (let k = 0; k < kindCount; k++) {
    if (kindUsed[k] === 0) continue;
    const dest = REGION_INDEX.get(kinds.destRegion[k]!);
    const equipment = EQUIPMENT_INDEX.get(kinds.equipment[k]!);
    if (dest === undefined || equipment === undefined) {
      const bad =
        dest === undefined
          ? `destination region "${kinds.destRegion[k]}"`
          : `equipment "${kinds.equipment[k]}"`;
      throw new NorthboundError(
        'invalid_input',
        `Cannot score signals: ${bad} is not a known region or equipment`,
        {
          destRegion: kinds.destRegion[k],
          equipment: kinds.equipment[k],
        },
      );
    }
    kindDest[k] = dest;
    kindEquipment[k] = equipment;
    const industry = kinds.industry[k] ?? null;
    if (industry !== null) {
      let at = industryIndex.get(industry);
      if (at === undefined) {
        at = industries.length;
        industryIndex.set(industry, at);
        industries.push(industry);
      }
      kindIndustry[k] = at;
    }
  }

  // Stable sort by company: rows arrive in time order, so each company stays in time order. Two
  // stable counting passes (least significant digit first) over ≤ 2¹¹ buckets each, instead of one
  // over every company: one pass scatters each row to a random place in every column (a cache miss
  // per row and column, seconds at 3M rows), a pass over 2¹¹ buckets writes 2¹¹ sequential runs.
  const companyStart = new Int32Array(new SharedArrayBuffer(4 * (companyCount + 1)));
  const companyOfRow = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = companies.index[companyKey[i]!]!;
    companyOfRow[i] = c;
    companyStart[c + 1]!++;
  }
  for (let c = 0; c < companyCount; c++) companyStart[c + 1]! += companyStart[c]!;
  const bits = Math.ceil(Math.log2(Math.max(2, companyCount)));
  const lowBits = Math.ceil(bits / 2);
  const sortRows: RowColumns = { company: companyOfRow, observed, searcherKey, originKey, kindKey };
  const scratch: RowColumns = {
    company: new Int32Array(n),
    observed: new Float64Array(n),
    searcherKey: new Int32Array(n),
    originKey: new Int32Array(n),
    kindKey: new Int32Array(n),
  };
  countingPass(sortRows, scratch, n, 0, lowBits);
  countingPass(scratch, sortRows, n, lowBits, bits - lowBits);

  // The columns scoring reads live in shared memory, so ScoringThreads (src/threads) hands them to
  // its worker without copying tens of megabytes per run.
  const company = companyOfRow;
  const searcher = new Int32Array(new SharedArrayBuffer(4 * n));
  const observedAtMs = new Float64Array(new SharedArrayBuffer(8 * n));
  observedAtMs.set(observed.subarray(0, n));
  const originPlace = new Int32Array(new SharedArrayBuffer(4 * n));
  const originRegion = new Uint8Array(new SharedArrayBuffer(n));
  const originMarket = new Int32Array(n);
  const destRegion = new Uint8Array(new SharedArrayBuffer(n));
  const equipment = new Uint8Array(new SharedArrayBuffer(n));
  const industry = new Int32Array(new SharedArrayBuffer(4 * n));
  const searcherIndex = searchers.index;
  for (let at = 0; at < n; at++) {
    const s = searcherKey[at]!;
    const o = originKey[at]!;
    const k = kindKey[at]!;
    searcher[at] = s >= 0 ? searcherIndex[s]! : -1;
    originPlace[at] = originPlaceOf[o]!;
    originRegion[at] = originRegionOf[o]!;
    originMarket[at] = originMarketOf[o]!;
    destRegion[at] = kindDest[k]!;
    equipment[at] = kindEquipment[k]!;
    industry[at] = kindIndustry[k]!;
  }

  // Searchers and places renumbered in order of first use by the grouped rows: the scoring core's
  // per-row tallies (searcherStamp, placeCount, placeFit) then walk memory nearly in order instead of
  // jumping across megabytes once per row.
  const searcherKeys = new Int32Array(searchers.keyOf.length);
  const searcherRank = new Int32Array(searchers.keyOf.length).fill(-1);
  const placeRank = new Int32Array(placeLat.length).fill(-1);
  const placeOrder = new Int32Array(placeLat.length);
  let searcherNext = 0;
  let placeNext = 0;
  for (let i = 0; i < n; i++) {
    const s = searcher[i]!;
    if (s >= 0) {
      let r = searcherRank[s]!;
      if (r < 0) {
        r = searcherRank[s] = searcherNext++;
        searcherKeys[r] = searchers.keyOf[s]!;
      }
      searcher[i] = r;
    }
    const p = originPlace[i]!;
    if (p >= 0) {
      let r = placeRank[p]!;
      if (r < 0) {
        r = placeRank[p] = placeNext++;
        placeOrder[r] = p;
      }
      originPlace[i] = r;
    }
  }
  const orderedLat = new Float64Array(new SharedArrayBuffer(8 * placeOrder.length));
  const orderedLon = new Float64Array(new SharedArrayBuffer(8 * placeOrder.length));
  for (let r = 0; r < placeOrder.length; r++) {
    orderedLat[r] = placeLat[placeOrder[r]!]!;
    orderedLon[r] = placeLon[placeOrder[r]!]!;
  }
  const orderedOrigin = Array.from(placeOrder, (p) => placeOrigin[p]!);

  const companyIds = lazy(() => packed.companyIds(companies.keyOf));
  const searcherIds = lazy(() => packed.searcherIds(searcherKeys));
  const placeLabel = lazy(() =>
    orderedOrigin.map((o, place) => {
      const city = origins.city[o] ?? null;
      const region = origins.region[o]!;
      return city === null
        ? `${orderedLat[place]!.toFixed(2)}, ${orderedLon[place]!.toFixed(2)} (${region})`
        : `${city}, ${region}`;
    }),
  );
  return {
    length: n,
    company,
    searcher,
    searcherCount: searchers.keyOf.length,
    observedAtMs,
    originPlace,
    originRegion,
    originMarket,
    destRegion,
    equipment,
    industry,
    companyStart,
    get companyIds() {
      return companyIds();
    },
    get searcherIds() {
      return searcherIds();
    },
    marketIds,
    industries,
    placeLat: orderedLat,
    placeLon: orderedLon,
    get placeLabel() {
      return placeLabel();
    },
  };
}
