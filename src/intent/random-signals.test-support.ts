/**
 * Random signals and landing pictures for comparing scorers bit for bit: the fast core with the plain
 * reference (score-prospects.reference.test.ts), and two threads with one (scoring-threads.test.ts).
 */
import { EQUIPMENT } from '../domain/equipment.ts';
import type { Province, Region } from '../domain/regions.ts';
import type { LandingSnapshot } from '../zones/price-origins.ts';
import {
  AS_OF,
  AUSTIN,
  DALLAS,
  DAY,
  DENVER,
  FORT_WORTH,
  scoringOptions,
} from './intent-fixtures.test-support.ts';
import type { ScoringOptions } from './scoring-options.ts';
import { SignalColumnsBuilder, type SignalColumns } from './signal-columns.ts';

/** mulberry32: seeded, so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POINTS = [DALLAS, FORT_WORTH, AUSTIN, DENVER, { lat: 33.1, lon: -96.6 }, { lat: 29.76, lon: -95.37 }];
const REGIONS_USED: readonly Region[] = ['TX', 'OK', 'CO', 'ON', 'QC', 'AB', 'BC'];
/** Ages that sit exactly on a boundary the core tests: an hour, a week, 30/60/90 days, the lookback. */
const EDGE_DAYS = [0, 1 / 24, 7, 14, 21, 30, 60, 90, 105, 106, -1];

/**
 * Random signals that exercise every branch: duplicate bursts, state-only origins, rows without a
 * searcher, searchers shared across companies, rows outside the window, ages on the boundaries, many
 * weeks (momentum beyond the small cases) and companies with only old or future rows.
 */
export function randomColumns(seed: number): SignalColumns {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const rows: { company: string; ms: number; spec: number[] }[] = [];
  const companies = 5 + Math.floor(next() * 60);
  for (let c = 0; c < companies; c++) {
    const n = next() < 0.4 ? 1 : 1 + Math.floor(next() ** 2 * 80);
    const home = Math.floor(next() * POINTS.length);
    for (let k = 0; k < n; k++) {
      const days = next() < 0.1 ? pick(EDGE_DAYS) : next() * 110 - 2;
      const spec = [
        next() < 0.7 ? home : next() < 0.5 ? -1 : Math.floor(next() * POINTS.length),
        next() < 0.1 ? -1 : Math.floor(next() * 4) + (next() < 0.2 ? 100 : c * 10),
        Math.floor(next() * REGIONS_USED.length),
        Math.floor(next() * REGIONS_USED.length),
        next() < 0.6 ? 0 : Math.floor(next() * EQUIPMENT.length),
        next() < 0.2 ? -1 : Math.floor(next() * 4),
      ];
      const ms = AS_OF.getTime() - Math.round(days * DAY);
      rows.push({ company: `C${c}`, ms, spec });
      // Echoes of the same search seconds to minutes later (duplicates unless past the window).
      const echoes = next() < 0.15 ? Math.floor(next() * 6) : 0;
      for (let e = 1; e <= echoes; e++)
        rows.push({ company: `C${c}`, ms: ms + e * Math.floor(next() * 300_000), spec });
    }
  }
  rows.sort((a, b) => a.ms - b.ms);
  const builder = new SignalColumnsBuilder(16);
  const industries = ['food', 'Retail', 'metals', 'industrial machinery'];
  for (const { company, ms, spec } of rows) {
    const [place, searcher, origin, dest, equipment, industry] = spec as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const at = place >= 0 ? POINTS[place]! : null;
    builder.add({
      companyId: company,
      searcherId: searcher < 0 ? null : `s${searcher}`,
      observedAtMs: ms,
      originLat: at?.lat ?? null,
      originLon: at?.lon ?? null,
      originMarketId: null,
      originCity: at === null ? null : `P${place}`,
      originRegion: REGIONS_USED[origin]!,
      destRegion: REGIONS_USED[dest]!,
      equipment: EQUIPMENT[equipment]!,
      industry: industry < 0 ? null : industries[industry]!,
    });
  }
  return builder.build();
}

export function randomLanding(seed: number): LandingSnapshot {
  const next = random(seed ^ 0x5bd1e995);
  const zones = POINTS.filter(() => next() < 0.6).map((p, i) => ({
    key: `z${i}`,
    label: `Z${i}`,
    lat: p.lat + (next() - 0.5),
    lon: p.lon + (next() - 0.5),
    reloadRadiusMiles: 50 + Math.floor(next() * 150),
  }));
  const markets = [...zones, ...POINTS.filter(() => next() < 0.5)].map((p) => ({
    lat: p.lat + (next() - 0.5) * 0.2,
    lon: p.lon + (next() - 0.5) * 0.2,
    reloadRadiusMiles: 50 + Math.floor(next() * 150),
    equipment: EQUIPMENT.filter(() => next() < 0.6).map((equipment) => ({
      equipment,
      trucksPerWeek: Math.floor(next() * 40) / 8,
    })),
  }));
  return { zones, markets, proximityZeroMiles: 300 };
}

/** The options seed `seed` scores with: served provinces, strengths and half-life vary with it. */
export function randomOptions(seed: number): ScoringOptions {
  const servedProvinces: Province[] = seed % 3 === 0 ? ['ON'] : ['ON', 'QC', 'BC'];
  const strengths = seed % 2 === 0 ? [] : ['food', 'industrial'];
  return scoringOptions({ servedProvinces, strengths, halfLifeDays: seed % 5 === 0 ? 10 : 14 });
}

/** The first column entry where two sets of score columns differ (NaN equals NaN), or null. */
export function firstDifference(
  actual: object,
  expected: object,
): { column: string; company: number; actual: number; expected: number } | null {
  const got = actual as Record<string, unknown>;
  for (const [column, want] of Object.entries(expected)) {
    if (!ArrayBuffer.isView(want)) continue;
    const expectedColumn = want as unknown as ArrayLike<number>;
    const actualColumn = got[column] as ArrayLike<number>;
    for (let company = 0; company < expectedColumn.length; company++) {
      if (!Object.is(actualColumn[company], expectedColumn[company]))
        return { column, company, actual: actualColumn[company]!, expected: expectedColumn[company]! };
    }
  }
  return null;
}
