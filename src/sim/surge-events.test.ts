import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../domain/gazetteer.ts';
import { greatCircleMiles } from '../domain/geo.ts';
import { asId, type MarketId } from '../domain/ids.ts';
import { corridorWeeks } from '../intent/corridor-weeks.ts';
import { detectSurges } from '../intent/detect-surges.ts';
import { generateWorld, type DemoWorld } from './generate-world.ts';
import type { ReferenceData } from './reference-data.ts';
import { tinyGazetteer, tinyReferenceData } from './tiny-world.test-support.ts';
import { worldIntentInputs } from './world-intent-inputs.ts';
import type { SignalRow } from './world-rows.ts';
import { WORLD_SCALES } from './world-size.ts';
import type { TruthRecord } from './world-truth.ts';

const AS_OF = new Date('2025-06-02T12:00:00Z');
const DAY_MS = 86_400_000;
const WEEK_T_START = new Date(AS_OF.getTime() - 7 * DAY_MS).toISOString().slice(0, 10);

type SurgeRecord = Extract<TruthRecord, { kind: 'surge' }>;

let reference: ReferenceData;
let gazetteer: Gazetteer;
let world: DemoWorld;
let signals: SignalRow[];
let truth: TruthRecord[];
let surges: SurgeRecord[];

const surgesOf = (records: Iterable<TruthRecord>): SurgeRecord[] =>
  [...records].filter((r): r is SurgeRecord => r.kind === 'surge');

/** The 7-day corridor week a record names: [start, start + 7 days) at asOf's time of day. */
const weekWindow = (surge: SurgeRecord): [number, number] => {
  const weeksBack = Math.round(
    (AS_OF.getTime() - Date.parse(`${surge.week_start}T00:00:00Z`)) / (7 * DAY_MS),
  );
  const end = AS_OF.getTime() - (weeksBack - 1) * 7 * DAY_MS;
  return [end - 7 * DAY_MS, end];
};

beforeAll(() => {
  reference = tinyReferenceData();
  gazetteer = tinyGazetteer();
  world = generateWorld(reference, gazetteer, { size: 'default', seed: 11, asOf: AS_OF });
  signals = [...world.signals()];
  truth = [...world.truth()];
  surges = surgesOf(truth);
});

describe('corridor surge events', () => {
  it('records the size’s surges in the truth, from markets near the landing markets, in week t', () => {
    expect(surges).toHaveLength(WORLD_SCALES.default.surges);
    expect(world.parameters.counts.surges).toBe(surges.length);
    expect(world.parameters.generatorVersion).toBe('1.5.0');
    const landing = truth.flatMap((r) => (r.kind === 'landing_market' ? [r] : []));
    const corridors = new Set(surges.map((s) => `${s.origin_market_id}|${s.dest_region}|${s.equipment}`));
    expect(corridors.size).toBe(surges.length);
    for (const surge of surges) {
      expect(surge.week_start).toBe(WEEK_T_START);
      expect(surge.searches).toBeGreaterThanOrEqual(12);
      expect(surge.searches).toBeGreaterThanOrEqual(3 * surge.usual_per_week - 1);
      expect(surge.company_ids.length).toBeGreaterThanOrEqual(3);
      const market = gazetteer.market(asId<MarketId>(surge.origin_market_id));
      expect(market).toBeDefined();
      expect(`${market?.name}, ${market?.region}`).toBe(surge.origin_market);
      const nearest = Math.min(...landing.map((l) => greatCircleMiles(l, market!)));
      expect(nearest).toBeLessThanOrEqual(100);
    }
  });

  it('puts each surge’s searches in the signals: its week, province and equipment, ≥ 3 companies', () => {
    for (const surge of surges) {
      const [from, to] = weekWindow(surge);
      const ids = new Set(surge.company_ids);
      const rows = signals.filter((s) => {
        const at = Date.parse(s.observed_at);
        return (
          ids.has(s.company_id) &&
          s.dest_region === surge.dest_region &&
          s.equipment === surge.equipment &&
          at >= from &&
          at < to
        );
      });
      expect(rows.length).toBeGreaterThanOrEqual(surge.searches);
      expect(new Set(rows.map((s) => s.company_id)).size).toBeGreaterThanOrEqual(3);
      expect(new Set(rows.map((s) => s.origin_region))).toEqual(new Set([surge.origin_market.slice(-2)]));
      // The surge's searches fall on business days (the companies' other searches may not).
      const businessDays = rows.filter((s) => {
        const weekday = new Date(s.observed_at.slice(0, 10)).getUTCDay();
        return weekday >= 1 && weekday <= 5;
      });
      expect(businessDays.length).toBeGreaterThanOrEqual(surge.searches);
    }
  });

  it('keeps the signal total on target (the one-off budget gives way to the surges)', () => {
    expect(Math.abs(signals.length / world.parameters.targets.signals - 1)).toBeLessThan(0.08);
  });

  it('is deterministic, and the small world has its one surge in week t', () => {
    const again = generateWorld(reference, gazetteer, { size: 'default', seed: 11, asOf: AS_OF });
    expect(surgesOf(again.truth())).toEqual(surges);
    const small = generateWorld(reference, gazetteer, { size: 'small', seed: 11, asOf: AS_OF });
    const smallAgain = generateWorld(reference, gazetteer, { size: 'small', seed: 11, asOf: AS_OF });
    const smallSurges = surgesOf(small.truth());
    expect(smallSurges).toHaveLength(WORLD_SCALES.small.surges);
    expect(smallSurges[0]?.week_start).toBe(WEEK_T_START);
    expect(surgesOf(smallAgain.truth())).toEqual(smallSurges);
    expect([...smallAgain.signals()]).toEqual([...small.signals()]);
  });

  it('is flagged by the corridor surge test as of asOf', () => {
    const { columns } = worldIntentInputs(world, gazetteer, AS_OF, { deliveryWeeks: 26 });
    const series = corridorWeeks(columns, AS_OF, 14, 10);
    const tests = detectSurges(series.map((s) => s.counts));
    const inWeekT = surges.filter((s) => s.week_start === WEEK_T_START);
    expect(inWeekT.length).toBeGreaterThan(0);
    for (const surge of inWeekT) {
      const at = series.findIndex(
        (s) =>
          s.origin.marketId === surge.origin_market_id &&
          s.destRegion === surge.dest_region &&
          s.equipment === surge.equipment,
      );
      expect(at).toBeGreaterThanOrEqual(0);
      expect(tests[at]?.flagged, `${surge.origin_market} → ${surge.dest_region} ${surge.equipment}`).toBe(
        true,
      );
    }
  });
});
