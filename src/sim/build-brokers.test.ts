import { beforeAll, describe, expect, it } from 'vitest';
import { buildBrokers } from './build-brokers.ts';
import { calibrateSignals } from './calibrate-signals.ts';
import { CompanyNamer } from './company-names.ts';
import { generateWorld, type DemoWorld } from './generate-world.ts';
import { PlaceCatalog } from './place-catalog.ts';
import { companyIdOf } from './place-shippers.ts';
import { brokerSearchesPerWeekday } from './signal-noise.ts';
import { tinyGazetteer, tinyReferenceData } from './tiny-world.test-support.ts';
import { TradeFlows } from './trade-flows.ts';
import { WorldCalendar } from './world-calendar.ts';
import type { SignalRow } from './world-rows.ts';
import type { TruthRecord } from './world-truth.ts';
import { WORLD_SCALES } from './world-size.ts';

const AS_OF = new Date('2025-06-02T12:00:00Z');
const DAY_MS = 86_400_000;

function context() {
  const reference = tinyReferenceData();
  return {
    flows: new TradeFlows(reference),
    places: new PlaceCatalog(tinyGazetteer(), reference.zipCentroids),
    namer: new CompanyNamer(),
    searchesPerWeek: 8,
  };
}

describe('buildBrokers', () => {
  it('builds brokers with ids after firstIndex, 3–8 searchers, 20–400 employees, many customer towns', () => {
    const brokers = buildBrokers(7, 12, 500, context());
    expect(brokers).toHaveLength(12);
    const exportStates = new Set(['MI', 'OH', 'NY', 'PA', 'IL']);
    brokers.forEach((broker, i) => {
      expect(broker.companyId).toBe(companyIdOf(7, 500 + i));
      expect(broker.name).toMatch(/ (Inc\.|LLC|Corp\.)$/);
      expect(broker.searcherIds.length).toBeGreaterThanOrEqual(3);
      expect(broker.searcherIds.length).toBeLessThanOrEqual(8);
      expect(new Set(broker.searcherIds).size).toBe(broker.searcherIds.length);
      for (const id of broker.searcherIds) expect(id.endsWith(`@${broker.domain}`)).toBe(true);
      expect(broker.employees).toBeGreaterThanOrEqual(20);
      expect(broker.employees).toBeLessThanOrEqual(400);
      expect(broker.searchesPerWeek).toBeGreaterThan(0);
      expect(exportStates.has(broker.homeState)).toBe(true);
      // The miniature gazetteer has 22 US towns: at least 15 customers, all in distinct towns.
      expect(broker.origins.length).toBeGreaterThanOrEqual(15);
      expect(new Set(broker.origins.map((o) => o.city.id)).size).toBe(broker.origins.length);
      for (const origin of broker.origins) expect(origin.city.region).toBe(origin.state);
      expect(new Set(broker.origins.map((o) => o.state)).size).toBeGreaterThan(1);
    });
    expect(new Set(brokers.map((b) => b.domain)).size).toBe(brokers.length);
    expect(new Set(brokers.map((b) => b.homeState)).size).toBeGreaterThan(1);
    const mean = brokers.reduce((sum, b) => sum + b.searchesPerWeek, 0) / brokers.length;
    expect(mean).toBeGreaterThan(4);
    expect(mean).toBeLessThan(16);
  });

  it('is deterministic for a seed', () => {
    const strip = (seed: number) =>
      buildBrokers(seed, 5, 100, context()).map((b) => ({ ...b, origins: b.origins.map((o) => o.city.id) }));
    expect(strip(3)).toEqual(strip(3));
    expect(strip(4)).not.toEqual(strip(3));
  });

  it('takes the brokers’ expected searches out of the one-off budget', () => {
    const calendar = new WorldCalendar(AS_OF);
    const brokers = buildBrokers(7, 40, 500, context());
    const input = { calendar, lanes: [], bots: [], targetSignals: 200_000 };
    const without = calibrateSignals({ ...input, brokers: [] });
    const withBrokers = calibrateSignals({ ...input, brokers });
    const perWeekday = brokers.reduce((sum, b) => sum + brokerSearchesPerWeekday(b), 0);
    expect(without.oneOffsPerWeekday - withBrokers.oneOffsPerWeekday).toBeCloseTo(perWeekday, 6);
  });
});

describe('brokers in a default-size world (miniature data)', () => {
  let world: DemoWorld;
  let signals: SignalRow[];
  let brokerIds: Set<string>;

  beforeAll(() => {
    world = generateWorld(tinyReferenceData(), tinyGazetteer(), { size: 'default', seed: 11, asOf: AS_OF });
    signals = [...world.signals()];
    const truth: TruthRecord[] = [...world.truth()];
    brokerIds = new Set(truth.flatMap((r) => (r.kind === 'broker' ? [r.company_id] : [])));
    // Brokers are never shippers with lanes: the evaluation counts them as not relevant.
    for (const record of truth) {
      if (record.kind === 'shipper') expect(brokerIds.has(record.company_id)).toBe(false);
    }
  });

  it('has the size’s brokers, with ids no shipper or bot has', () => {
    expect(brokerIds.size).toBe(WORLD_SCALES.default.brokers);
    const shipperIds = new Set(world.plan.shippers.map((s) => s.companyId));
    const botIds = new Set(world.plan.bots.map((b) => b.companyId));
    for (const id of brokerIds) expect(shipperIds.has(id) || botIds.has(id)).toBe(false);
  });

  it('makes brokers a few percent of the signals, on target, mostly on business days', () => {
    const rows = signals.filter((s) => brokerIds.has(s.company_id));
    const share = rows.length / signals.length;
    expect(share).toBeGreaterThan(0.025);
    expect(share).toBeLessThan(0.06);
    // Their weekly volumes over the 52 history weeks, plus the feed's ~4% duplicates.
    const expected = world.plan.brokers.reduce((sum, b) => sum + b.searchesPerWeek * 52, 0) * 1.04;
    expect(Math.abs(rows.length / expected - 1)).toBeLessThan(0.05);
    const weekend = rows.filter((s) => [0, 6].includes(new Date(s.observed_at.slice(0, 10)).getUTCDay()));
    expect(weekend.length / rows.length).toBeLessThan(0.12);
    // The one-off budget gave way to the brokers: the total stays near the target (the miniature
    // world lands ~6% short with or without brokers; the shipped data lands within 1%).
    expect(Math.abs(signals.length / world.parameters.targets.signals - 1)).toBeLessThan(0.08);
  });

  it('spreads each broker’s searches over at least 10 origin towns', () => {
    const towns = new Map<string, Set<string>>();
    for (const s of signals) {
      if (!brokerIds.has(s.company_id) || s.origin_city === '') continue;
      const set = towns.get(s.company_id) ?? new Set<string>();
      towns.set(s.company_id, set.add(`${s.origin_city}|${s.origin_region}`));
    }
    expect(towns.size).toBe(WORLD_SCALES.default.brokers);
    for (const set of towns.values()) expect(set.size).toBeGreaterThanOrEqual(10);
  });

  it('puts brokers among the heaviest raw searchers of the last 90 days', () => {
    const from = AS_OF.getTime() - 90 * DAY_MS;
    const counts = new Map<string, number>();
    for (const s of signals) {
      if (Date.parse(s.observed_at) >= from) counts.set(s.company_id, (counts.get(s.company_id) ?? 0) + 1);
    }
    const top20 = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 20);
    expect(top20.filter(([id]) => brokerIds.has(id)).length).toBeGreaterThanOrEqual(5);
  });
});
