import { beforeAll, describe, expect, it } from 'vitest';
import { EQUIPMENT } from '../domain/equipment.ts';
import type { Gazetteer } from '../domain/gazetteer.ts';
import { isProvince, isUsState } from '../domain/regions.ts';
import { CREDENTIALS } from '../domain/truck.ts';
import { generateWorld, type DemoWorld } from './generate-world.ts';
import type { ReferenceData } from './reference-data.ts';
import { tinyGazetteer, tinyReferenceData } from './tiny-world.test-support.ts';
import type { SignalRow } from './world-rows.ts';
import type { TruthRecord } from './world-truth.ts';

const AS_OF = new Date('2025-06-02T12:00:00Z');
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

let reference: ReferenceData;
let gazetteer: Gazetteer;
let world: DemoWorld;
let signals: SignalRow[];
let truth: TruthRecord[];

beforeAll(() => {
  reference = tinyReferenceData();
  gazetteer = tinyGazetteer();
  world = generateWorld(reference, gazetteer, { size: 'small', seed: 11, asOf: AS_OF });
  signals = [...world.signals()];
  truth = [...world.truth()];
});

const rowsOf = (w: DemoWorld) => ({
  fleet: [...w.fleet()],
  deliveries: [...w.deliveries()],
  signals: [...w.signals()],
  loads: [...w.loads()],
  reps: [...w.reps()],
  truth: [...w.truth()],
});

describe('generateWorld (small)', () => {
  it('is deterministic for a seed, re-iterable, and different for another seed', () => {
    const again = generateWorld(reference, gazetteer, { size: 'small', seed: 11, asOf: AS_OF });
    expect(rowsOf(again)).toEqual(rowsOf(world));
    expect([...world.signals()]).toEqual(signals);
    const other = generateWorld(reference, gazetteer, { size: 'small', seed: 12, asOf: AS_OF });
    expect([...other.signals()].slice(0, 50)).not.toEqual(signals.slice(0, 50));
  });

  it('has sensible counts', () => {
    const { counts } = world.parameters;
    expect(counts.trucks).toBe(20);
    const deliveries = [...world.deliveries()].length;
    // ~1.06 trips per truck-week over 53 weeks.
    expect(deliveries).toBeGreaterThan(20 * 53 * 0.9);
    expect(deliveries).toBeLessThan(20 * 53 * 1.25);
    expect(signals.length).toBeGreaterThan(1_500);
    expect(signals.length).toBeLessThan(2_500);
    const loads = [...world.loads()].length;
    expect(loads).toBeGreaterThan(90);
    expect(loads).toBeLessThan(230);
    expect([...world.reps()]).toHaveLength(4);
    // Most shippers have no recurring northbound lane.
    const share = counts.shippersWithLanes / counts.shippers;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.2);
  });

  it('fills every required field with a valid value', () => {
    for (const truck of world.fleet()) {
      expect(EQUIPMENT).toContain(truck.equipment);
      expect(isProvince(truck.home_region)).toBe(true);
      expect(truck.home_city).not.toBe('');
      for (const credential of truck.credentials.split(';').filter(Boolean))
        expect(CREDENTIALS).toContain(credential);
    }
    for (const d of world.deliveries()) {
      expect(d.delivery_id && d.truck_id && d.dest_city).toBeTruthy();
      expect(isUsState(d.dest_region)).toBe(true);
      expect(d.delivered_at).toMatch(ISO_WITH_OFFSET);
      expect(['', 'USD', 'CAD']).toContain(d.currency);
      if (d.equipment !== '') expect(EQUIPMENT).toContain(d.equipment);
    }
    for (const s of signals) {
      expect(s.signal_id && s.company_id).toBeTruthy();
      expect(s.observed_at).toMatch(ISO_WITH_OFFSET);
      expect(new Date(s.observed_at).getTime()).toBeLessThanOrEqual(AS_OF.getTime());
      expect(isUsState(s.origin_region)).toBe(true);
      expect(isProvince(s.dest_region)).toBe(true);
      expect(EQUIPMENT).toContain(s.equipment);
    }
    for (const l of world.loads()) {
      expect(l.load_id && l.origin_city && l.dest_city).toBeTruthy();
      expect(isUsState(l.origin_region) && isProvince(l.dest_region)).toBe(true);
      expect(l.pickup_earliest).toMatch(ISO_WITH_OFFSET);
      expect(new Date(l.pickup_latest) >= new Date(l.pickup_earliest)).toBe(true);
      expect(Number(l.rate)).toBeGreaterThan(0);
      expect(['offered', 'committed']).toContain(l.status);
      expect(['true', 'false']).toContain(l.pre_arranged);
    }
  });

  it('keeps ids unique except for verbatim re-sends, and has near-duplicates seconds apart', () => {
    const byId = new Map<string, SignalRow>();
    let resends = 0;
    for (const s of signals) {
      const first = byId.get(s.signal_id);
      if (first !== undefined) {
        expect(s).toEqual(first);
        resends += 1;
      } else byId.set(s.signal_id, s);
    }
    expect(resends).toBeGreaterThan(0);
    const nearDuplicates = signals.filter((s, i) => {
      const prev = signals[i - 1];
      return (
        prev !== undefined &&
        prev.signal_id !== s.signal_id &&
        prev.company_id === s.company_id &&
        prev.dest_region === s.dest_region &&
        prev.origin_city === s.origin_city &&
        new Date(s.observed_at).getTime() - new Date(prev.observed_at).getTime() <= 120_000
      );
    });
    expect(nearDuplicates.length).toBeGreaterThan(0);
    for (const id of ['delivery_id', 'load_id'] as const) {
      const rows = id === 'delivery_id' ? [...world.deliveries()] : [...world.loads()];
      expect(new Set(rows.map((r) => (r as Record<string, string>)[id])).size).toBe(rows.length);
    }
  });

  it('records truth consistent with the signals: every lane searched, bots bursty and flagged', () => {
    const shippers = truth.filter((r) => r.kind === 'shipper');
    const bots = truth.filter((r) => r.kind === 'bot');
    expect(shippers.length).toBe(world.parameters.counts.shippersWithLanes);
    expect(bots.length).toBe(1);
    const searched = new Set(signals.map((s) => `${s.company_id}|${s.dest_region}|${s.equipment}`));
    for (const shipper of shippers) {
      for (const lane of shipper.lanes) {
        expect(
          searched.has(`${shipper.company_id}|${lane.dest_region}|${lane.equipment}`),
          lane.lane_id,
        ).toBe(true);
      }
    }
    const laneCompanies = new Set(shippers.map((s) => s.company_id));
    for (const bot of bots) {
      expect(laneCompanies.has(bot.company_id)).toBe(false);
      const times = signals
        .filter((s) => s.company_id === bot.company_id)
        .map((s) => new Date(s.observed_at).getTime())
        .sort((a, b) => a - b);
      // Dozens of searches inside one hour.
      const busiestHour = Math.max(
        ...times.map((t, i) => times.filter((u, j) => j >= i && u - t < 3_600_000).length),
      );
      expect(busiestHour).toBeGreaterThanOrEqual(20);
    }
  });

  it('flags brokers in the truth, with ids of their own and searches from many origins', () => {
    const brokers = truth.filter((r) => r.kind === 'broker');
    expect(brokers).toHaveLength(world.parameters.counts.brokers);
    expect(brokers).toHaveLength(2);
    const otherIds = new Set([
      ...world.plan.shippers.map((s) => s.companyId),
      ...world.plan.bots.map((b) => b.companyId),
    ]);
    const shipperDomains = new Set(world.plan.shippers.map((s) => s.domain));
    for (const broker of brokers) {
      expect(otherIds.has(broker.company_id)).toBe(false);
      expect(shipperDomains.has(broker.company_domain)).toBe(false);
      expect(broker.customer_origins).toBeGreaterThanOrEqual(10);
      const rows = signals.filter((s) => s.company_id === broker.company_id);
      expect(rows.length).toBeGreaterThan(10);
      expect(new Set(rows.map((s) => s.origin_region)).size).toBeGreaterThan(1);
      for (const row of rows) {
        if (row.industry !== '') expect(row.industry).toBe('logistics');
        if (row.searcher_id !== '') expect(row.searcher_id.endsWith(`@${broker.company_domain}`)).toBe(true);
      }
    }
  });

  it('lands trucks by the southbound flows of their province', () => {
    const landings = (w: DemoWorld): string[] => {
      const byState = new Map<string, number>();
      for (const d of w.deliveries()) byState.set(d.dest_region, (byState.get(d.dest_region) ?? 0) + 1);
      return [...byState].sort((a, b) => b[1] - a[1]).map(([state]) => state);
    };
    // The fixture's Ontario tonnage goes mostly to MI; Quebec's only to NY and PA.
    const ontario = generateWorld(reference, gazetteer, {
      size: 'small',
      seed: 2,
      asOf: AS_OF,
      homeProvinces: ['ON'],
    });
    expect(landings(ontario)[0]).toBe('MI');
    const quebec = generateWorld(reference, gazetteer, {
      size: 'small',
      seed: 2,
      asOf: AS_OF,
      homeProvinces: ['QC'],
    });
    expect(landings(quebec).sort()).toEqual(['NY', 'PA']);
    expect(quebec.parameters.carrier.terminals.map((t) => t.region)).toEqual(['QC']);
  });

  it('posts most loads from shippers with latent lanes', () => {
    const laneShippers = new Set(truth.flatMap((r) => (r.kind === 'shipper' ? [r.company_id] : [])));
    const loads = [...world.loads()];
    const fromLanes = loads.filter((l) => laneShippers.has(l.shipper_id)).length;
    expect(fromLanes / loads.length).toBeGreaterThan(0.6);
  });

  it('refuses a seed that is not an integer and a province with no city to put a terminal in', () => {
    expect(() => generateWorld(reference, gazetteer, { size: 'small', seed: 1.5, asOf: AS_OF })).toThrow(
      /seed 1.5 is not an integer/,
    );
    expect(() =>
      generateWorld(reference, gazetteer, { size: 'small', seed: 1, asOf: AS_OF, homeProvinces: ['NU'] }),
    ).toThrow(/no city of 50,000\+ people in NU/);
  });
});
