/**
 * Hand-built plans on a flat test map (100 road miles per degree, straight lines) so every distance and
 * time below can be checked with a calculator. Home is Toronto-ish at (10, 0), the border port at (8, 0).
 *
 * The good plan, truck T1 (Canadian, dry van, FAST), free at (0, 0) TX on 2025-03-03 08:00Z:
 *   L1 domestic TX → OK: empty 50 mi (1 h) to (0, 0.5), picked up 10:00; loaded 304.1 mi (6.08 h) to (3, 0),
 *      delivered 16:30. Home distance falls from 1001.2 mi to 700 mi.
 *   L2 northbound MO → ON: empty 50 mi (1 h) to (3.5, 0), picked up 18:00; 450 mi to the port (9 h),
 *      arriving 03:00 on the 4th (eManifest deadline 02:00); 200 mi on (4 h); 650 mi in all = 13 h
 *      driving + one 10 h rest = 23 h, delivered 17:00 on the 4th.
 */
import { describe, expect, it } from 'vitest';
import {
  CABOTAGE_RULE_CODES,
  type BackhaulPlan,
  type PlannedLeg,
  type TruckPlan,
} from '../domain/backhaul-plan.ts';
import type { BorderPort } from '../domain/border-port.ts';
import { NorthboundError } from '../domain/errors.ts';
import type { DistanceProvider, LatLon } from '../domain/geo.ts';
import type { CompanyId, LoadId } from '../domain/ids.ts';
import type { Load } from '../domain/load.ts';
import type { Region } from '../domain/regions.ts';
import { miles } from '../domain/units.ts';
import { CABOTAGE_RULES } from './cabotage-rules.ts';
import { validatePlan, type PlanValidationContext } from './validate-plan.ts';

const flat: DistanceProvider = {
  roadMiles: (a: LatLon, b: LatLon) => miles(100 * Math.hypot(a.lat - b.lat, a.lon - b.lon)),
};
const at = (iso: string): Date => new Date(iso);

function load(
  id: string,
  origin: [number, number, Region],
  dest: [number, number, Region],
  window: [string, string],
  extra: Partial<Load> = {},
): Load {
  const place = ([lat, lon, region]: [number, number, Region]) => ({
    lat,
    lon,
    region,
    city: `${region} city`,
    marketId: null,
    resolvedBy: 'latlon' as const,
  });
  return {
    loadId: id as LoadId,
    shipperId: 'S1' as CompanyId,
    shipperName: 'Shipper',
    origin: place(origin),
    dest: place(dest),
    pickupEarliest: at(window[0]),
    pickupLatest: at(window[1]),
    deliveryLatest: null,
    equipment: 'dry_van',
    weightLb: 40_000,
    rate: 2000,
    currency: 'USD',
    status: 'committed',
    requirements: [],
    preArranged: true,
    ...extra,
  };
}

function leg(l: Load, pickupAt: string, deliverAt: string, extra: Partial<PlannedLeg> = {}): PlannedLeg {
  return {
    loadId: l.loadId,
    origin: { lat: l.origin.lat, lon: l.origin.lon, region: l.origin.region },
    dest: { lat: l.dest.lat, lon: l.dest.lon, region: l.dest.region },
    pickupAt: at(pickupAt),
    deliverAt: at(deliverAt),
    deadheadMiles: 50,
    preArranged: l.preArranged,
    requirements: l.requirements,
    equipment: l.equipment,
    ...extra,
  };
}

function port(portCode: string, portName: string, trucks: number, lon = 0): BorderPort {
  return {
    portCode,
    portName,
    crossingName: portName,
    state: 'NY',
    cbpDistrict: 'Buffalo, NY',
    lat: 8,
    lon,
    trucksInbound2018: trucks,
    monthsReported2018: trucks > 0 ? 12 : 0,
    handlesTrucks: trucks > 0,
  };
}

const L1 = load('L1', [0, 0.5, 'TX'], [3, 0, 'OK'], ['2025-03-03T09:00Z', '2025-03-03T12:00Z']);
const L2 = load('L2', [3.5, 0, 'MO'], [10, 0, 'ON'], ['2025-03-03T17:00Z', '2025-03-03T20:00Z']);
const leg1 = leg(L1, '2025-03-03T10:00Z', '2025-03-03T16:30Z');
const leg2 = leg(L2, '2025-03-03T18:00Z', '2025-03-04T17:00Z');
const crossing = {
  portCode: '0901',
  portName: 'Buffalo-Niagara Falls',
  arriveAt: at('2025-03-04T03:00Z'),
  emanifestDeadline: at('2025-03-04T02:00Z'),
};
const T1: TruckPlan = {
  truckId: 'T1',
  domicile: 'CA',
  equipment: 'dry_van',
  credentials: ['fast'],
  start: { lat: 0, lon: 0, region: 'TX', at: at('2025-03-03T08:00Z') },
  home: { lat: 10, lon: 0, region: 'ON' },
  legs: [leg1, leg2],
  crossing,
};
const PORTS = [
  port('0901', 'Buffalo-Niagara Falls', 941_574),
  port('0101', 'Portland', 0),
  port('0902', 'Lewiston', 1000, 1),
];

function check(trucks: TruckPlan[], loads: Load[] = [L1, L2], extra: Partial<PlanValidationContext> = {}) {
  const plan: BackhaulPlan = { trucks, createdAt: at('2025-03-03T06:00Z') };
  const context: PlanValidationContext = {
    loads: new Map(loads.map((l) => [l.loadId, l])),
    ports: new Map(PORTS.map((p) => [p.portCode, p])),
    distance: flat,
    ...extra,
  };
  return validatePlan(plan, context);
}
const rules = (violations: ReturnType<typeof check>) => violations.map((v) => `${v.loadId}:${v.rule}`);

describe('validatePlan', () => {
  it('passes a lawful plan: one incidental domestic move, then the northbound load with its crossing', () => {
    const homeEmpty: TruckPlan = { ...T1, truckId: 'T2', legs: [], crossing: null };
    expect(check([T1, homeEmpty])).toEqual([]);
  });

  it('documents every rule code', () => {
    expect(Object.keys(CABOTAGE_RULES).sort()).toEqual([...CABOTAGE_RULE_CODES].sort());
  });

  it('unknown_load: a leg naming a load it was not given', () => {
    const violations = check([T1], [L2]);
    expect(violations).toEqual([
      {
        truckId: 'T1',
        loadId: 'L1',
        rule: 'unknown_load',
        message: 'Truck T1 leg 1 (load L1): no such load among the 1 loads given',
      },
    ]);
  });

  it('load_assigned_twice: the same load on two trucks', () => {
    // T2 is US-domiciled, so its lone domestic leg is no cabotage problem.
    const t2: TruckPlan = { ...T1, truckId: 'T2', domicile: 'US', legs: [leg1], crossing: null };
    expect(rules(check([T1, t2]))).toEqual(['L1:load_assigned_twice', 'L1:load_assigned_twice']);
    expect(check([T1, t2])[1]).toMatchObject({ truckId: 'T2', message: expect.stringMatching(/on 2 legs/) });
  });

  it('leg_differs_from_load: the rules judge the load record, not the copy in the leg', () => {
    const hazmat = { ...L1, requirements: ['hazmat'] };
    const violations = check([T1], [hazmat, L2]);
    expect(rules(violations)).toEqual(['L1:leg_differs_from_load', 'L1:missing_credential']);
    expect(violations[0]?.message).toBe(
      "Truck T1 leg 1 (load L1) does not match the load record: requirements [], the load's are [hazmat]",
    );
  });

  it('equipment_mismatch: a reefer load for a dry van', () => {
    const reefer = { ...L1, equipment: 'reefer' as const };
    const t1 = { ...T1, legs: [leg(reefer, '2025-03-03T10:00Z', '2025-03-03T16:30Z'), leg2] };
    expect(check([t1], [reefer, L2])).toEqual([
      {
        truckId: 'T1',
        loadId: 'L1',
        rule: 'equipment_mismatch',
        message: 'Truck T1 leg 1 (load L1) needs a reefer; the truck pulls a dry_van',
      },
    ]);
  });

  it('missing_credential: hazmat required, the truck has FAST only; "tarps" is not a credential', () => {
    const hazmat = { ...L2, requirements: ['hazmat', 'fast', 'tarps'] };
    const t1 = { ...T1, legs: [leg1, leg(hazmat, '2025-03-03T18:00Z', '2025-03-04T17:00Z')] };
    expect(check([t1], [L1, hazmat])).toEqual([
      {
        truckId: 'T1',
        loadId: 'L2',
        rule: 'missing_credential',
        message: 'Truck T1 leg 2 (load L2) requires hazmat; the truck holds fast',
      },
    ]);
  });

  it('pickup_outside_window: picked up at 10:00, the window closed at 09:45', () => {
    const early = { ...L1, pickupLatest: at('2025-03-03T09:45Z') };
    expect(check([T1], [early, L2]).map((v) => v.message)).toEqual([
      'Truck T1 leg 1 (load L1) is picked up at 2025-03-03T10:00Z, outside its window 2025-03-03T09:00Z – 2025-03-03T09:45Z',
    ]);
  });

  it('delivery_late: delivered 17:00, due by 16:00', () => {
    const due = { ...L2, deliveryLatest: at('2025-03-04T16:00Z') };
    expect(rules(check([T1], [L1, due]))).toEqual(['L2:delivery_late']);
  });

  it('legs_overlap: a pickup before the previous delivery, a delivery before its pickup', () => {
    const late = { ...T1, legs: [{ ...leg1, deliverAt: at('2025-03-03T18:30Z') }, leg2] };
    const violations = check([late]);
    expect(rules(violations)).toEqual(['L2:legs_overlap']);
    expect(violations[0]?.message).toBe(
      'Truck T1 leg 2 (load L2) is picked up at 2025-03-03T18:00Z, before the truck is free at 2025-03-03T18:30Z (delivery of load L1)',
    );
    const backwards = { ...T1, legs: [{ ...leg1, deliverAt: at('2025-03-03T09:30Z') }, leg2] };
    expect(rules(check([backwards]))).toEqual(['L1:legs_overlap']);
  });

  it('unreachable_in_time: 50 mi empty in 30 min; 650 mi loaded in 13 h with no time to rest', () => {
    const rushed = { ...T1, legs: [leg1, { ...leg2, pickupAt: at('2025-03-03T17:00Z') }] };
    expect(check([rushed]).map((v) => v.message)).toEqual([
      'Truck T1 cannot reach the pickup of load L2 empty: 50.0 mi need 1.00 h under hours of service, the plan allows 0.50 h (2025-03-03T16:30Z → 2025-03-03T17:00Z)',
    ]);
    // 13 h is enough driving at 50 mph but not the 10 h rest after 11 h: 23 h are needed.
    const noRest = { ...T1, legs: [leg1, { ...leg2, deliverAt: at('2025-03-04T07:00Z') }] };
    const violations = check([noRest]);
    expect(rules(violations)).toEqual(['L2:unreachable_in_time']);
    expect(violations[0]?.message).toMatch(
      /deliver load L2 \(MO → ON\): 650\.0 mi need 23\.00 h .* allows 13\.00 h/,
    );
  });

  it('unreachable_in_time: the border arrival comes before the truck can reach the port', () => {
    const early = {
      ...T1,
      crossing: {
        ...crossing,
        arriveAt: at('2025-03-04T01:00Z'),
        emanifestDeadline: at('2025-03-04T00:00Z'),
      },
    };
    expect(check([early]).map((v) => v.message)).toEqual([
      'Truck T1 cannot reach the border at Buffalo-Niagara Falls: 450.0 mi need 9.00 h under hours of service, the plan allows 7.00 h (2025-03-03T18:00Z → 2025-03-04T01:00Z)',
    ]);
  });

  it('unreachable_in_time: the detour through an off-line port counts in the loaded time', () => {
    // Via (8, 1): 461.0 + 223.6 = 684.6 mi = 13.69 h driving + one rest = 23.69 h; the plan allows the
    // 23 h the straight 650 mi would need. The border (9.22 h out) and the run on (4.47 h) both fit.
    const detour = {
      ...T1,
      crossing: {
        portCode: '0902',
        portName: 'Lewiston',
        arriveAt: at('2025-03-04T03:30Z'),
        emanifestDeadline: at('2025-03-04T02:30Z'),
      },
    };
    const violations = check([detour]);
    expect(rules(violations)).toEqual(['L2:unreachable_in_time']);
    expect(violations[0]?.message).toMatch(
      /deliver load L2 \(MO → ON\): 684\.6 mi need 23\.69 h .* allows 23\.00 h/,
    );
  });

  it('not_pre_arranged: a northbound load found after the truck entered the US', () => {
    const solicited = { ...L2, preArranged: false };
    const t1 = { ...T1, legs: [leg1, leg(solicited, '2025-03-03T18:00Z', '2025-03-04T17:00Z')] };
    expect(check([t1], [L1, solicited])).toEqual([
      {
        truckId: 'T1',
        loadId: 'L2',
        rule: 'not_pre_arranged',
        message:
          'Truck T1 leg 2 (load L2) is picked up in MO but was not pre-arranged: a Canadian driver may not solicit freight in the US',
      },
    ]);
  });

  it('load_not_northbound: a southbound CA → US load in a backhaul plan', () => {
    const south = load('L9', [9.5, 0, 'ON'], [5, 0, 'NY'], ['2025-03-03T08:00Z', '2025-03-03T12:00Z']);
    const t9: TruckPlan = {
      ...T1,
      start: { lat: 9, lon: 0, region: 'ON', at: at('2025-03-03T08:00Z') },
      legs: [leg(south, '2025-03-03T10:00Z', '2025-03-03T20:00Z')],
      crossing: null,
    };
    expect(rules(check([t9], [south]))).toEqual(['L9:load_not_northbound']);
  });

  it('domestic_not_incidental: a US-domestic leg with no northbound load after it', () => {
    const violations = check([{ ...T1, legs: [leg1], crossing: null }]);
    expect(violations).toEqual([
      {
        truckId: 'T1',
        loadId: 'L1',
        rule: 'domestic_not_incidental',
        message:
          'Truck T1 leg 1 (load L1) runs TX → OK inside the US and no US → Canada load follows it in the plan: cabotage for a Canadian truck',
      },
    ]);
    // The same plan is lawful for a US-domiciled truck.
    expect(check([{ ...T1, domicile: 'US', legs: [leg1], crossing: null }])).toEqual([]);
  });

  it('domestic_wrong_direction: 60 mi farther from home breaks the 50 mi tolerance', () => {
    // Start (4, 0.3); L3 runs (4, 0) → (3.4, 0): home distance 600 → 660 mi. 30 mi empty, 60 mi loaded.
    const away = load('L3', [4, 0, 'OH'], [3.4, 0, 'KY'], ['2025-03-03T09:00Z', '2025-03-03T12:00Z']);
    const t1: TruckPlan = {
      ...T1,
      start: { lat: 4, lon: 0.3, region: 'OH', at: at('2025-03-03T08:00Z') },
      legs: [leg(away, '2025-03-03T10:00Z', '2025-03-03T16:30Z'), leg2],
    };
    const violations = check([t1], [away, L2]);
    expect(rules(violations)).toEqual(['L3:domestic_wrong_direction']);
    expect(violations[0]?.message).toBe(
      'Truck T1 leg 1 (load L3) runs OH → KY away from home (ON): it ends 660.0 mi from home against 600.0 mi at pickup, more than 50.0 mi farther',
    );
    expect(check([t1], [away, L2], { limits: { homewardToleranceMiles: 61 } })).toEqual([]);
  });

  it('empty_repositioning_for_us_customer: a second domestic move before the northbound load', () => {
    // L3 (3, 0) → (3.5, 0), 50 mi: picked up where L1 ends, delivered where L2 starts.
    const second = load('L3', [3, 0, 'OK'], [3.5, 0, 'MO'], ['2025-03-03T16:30Z', '2025-03-03T17:30Z']);
    const t1 = {
      ...T1,
      legs: [leg1, leg(second, '2025-03-03T16:45Z', '2025-03-03T17:50Z'), leg2],
    };
    const violations = check([t1], [L1, second, L2]);
    expect(rules(violations)).toEqual(['L3:empty_repositioning_for_us_customer']);
    expect(violations[0]?.message).toBe(
      'Truck T1 leg 2 (load L3) is domestic move 2 before the next northbound load; at most 1 is incidental',
    );
  });

  it('empty_repositioning_for_us_customer: too far empty to a domestic pickup', () => {
    const violations = check([T1], [L1, L2], { limits: { maxDomesticDeadheadMiles: 40 } });
    expect(violations.map((v) => v.message)).toEqual([
      'Truck T1 leg 1 (load L1): the truck runs 50.0 mi empty to a US-domestic pickup, more than the 40.0 mi allowed',
    ]);
  });

  it('empty_repositioning_for_us_customer: empty from Canada into the US for a domestic load', () => {
    // Free at (8.2, 0) ON; 70 mi empty back to (7.5, 0) NY; L4 to (7.9, 0) NY; L5 north via the port.
    const domestic = load('L4', [7.5, 0, 'NY'], [7.9, 0, 'NY'], ['2025-03-03T09:00Z', '2025-03-03T12:00Z']);
    const north = load('L5', [7.9, 0, 'NY'], [10, 0, 'ON'], ['2025-03-03T12:00Z', '2025-03-03T14:00Z']);
    const t1: TruckPlan = {
      ...T1,
      start: { lat: 8.2, lon: 0, region: 'ON', at: at('2025-03-03T08:00Z') },
      legs: [
        leg(domestic, '2025-03-03T10:00Z', '2025-03-03T11:00Z'),
        leg(north, '2025-03-03T12:00Z', '2025-03-03T17:00Z'),
      ],
      crossing: {
        ...crossing,
        arriveAt: at('2025-03-03T13:00Z'),
        emanifestDeadline: at('2025-03-03T12:00Z'),
      },
    };
    const violations = check([t1], [domestic, north]);
    expect(rules(violations)).toEqual(['L4:empty_repositioning_for_us_customer']);
    expect(violations[0]?.message).toBe(
      'Truck T1 leg 1 (load L4): the truck runs empty from ON into the US to serve a US-domestic load',
    );
  });

  it('missing_crossing: the plan ends in Canada with no crossing recorded', () => {
    expect(check([{ ...T1, crossing: null }]).map((v) => v.message)).toEqual([
      'Truck T1 enters Canada with load L2 (MO → ON) but the plan records no border crossing or eManifest deadline',
    ]);
  });

  it('missing_crossing: an empty run into Canada for a Canadian load also needs the crossing recorded', () => {
    // Free at (7.9, 0) NY; 60 mi empty to (8.5, 0) ON; L6 stays in Ontario, 150 mi.
    const local = load('L6', [8.5, 0, 'ON'], [10, 0, 'ON'], ['2025-03-03T09:00Z', '2025-03-03T12:00Z']);
    const t1: TruckPlan = {
      ...T1,
      start: { lat: 7.9, lon: 0, region: 'NY', at: at('2025-03-03T08:00Z') },
      legs: [leg(local, '2025-03-03T10:00Z', '2025-03-03T14:00Z')],
      crossing: null,
    };
    expect(check([t1], [local]).map((v) => `${v.loadId}:${v.rule}: ${v.message}`)).toEqual([
      'L6:missing_crossing: Truck T1 enters Canada empty to load L6 (NY → ON) but the plan records no border crossing or eManifest deadline',
    ]);
  });

  it('reports a crossing the path never makes last, with no load', () => {
    const stray = { ...T1, legs: [], crossing: { ...crossing, portCode: '9999' } };
    expect(check([stray])).toEqual([
      {
        truckId: 'T1',
        loadId: null,
        rule: 'unknown_port',
        message:
          'Truck T1 crossing at port 9999 "Buffalo-Niagara Falls": no such port code among the 3 ports',
      },
    ]);
  });

  it('unknown_port: a code not on the list, and a name that is not the code’s', () => {
    const unknown = { ...T1, crossing: { ...crossing, portCode: '9999' } };
    expect(rules(check([unknown]))).toEqual(['L2:unknown_port']);
    const misnamed = { ...T1, crossing: { ...crossing, portName: 'Detroit' } };
    expect(check([misnamed]).map((v) => v.message)).toEqual([
      'Truck T1 crossing at port 0901 "Detroit": port 0901 is "Buffalo-Niagara Falls"',
    ]);
  });

  it('port_without_truck_traffic: routed through a port that handled no trucks in 2018', () => {
    const closed = { ...T1, crossing: { ...crossing, portCode: '0101', portName: 'Portland' } };
    expect(check([closed]).map((v) => `${v.rule}: ${v.message}`)).toEqual([
      'port_without_truck_traffic: Truck T1 crossing at port 0101 "Portland": the port handled no trucks in 2018',
    ]);
  });

  it('emanifest_late: 30 min before arrival, and a deadline already past when the plan was made', () => {
    const late = { ...T1, crossing: { ...crossing, emanifestDeadline: at('2025-03-04T02:30Z') } };
    expect(check([late]).map((v) => v.message)).toEqual([
      'Truck T1 crossing at port 0901 "Buffalo-Niagara Falls": the eManifest deadline 2025-03-04T02:30Z is 0.50 h before arrival at 2025-03-04T03:00Z; CBSA needs at least 1.00 h',
    ]);
    const past = { ...T1, crossing: { ...crossing, emanifestDeadline: at('2025-03-03T05:00Z') } };
    expect(rules(check([past]))).toEqual(['L2:emanifest_late']);
  });

  it('orders violations by truck, then leg, then rule', () => {
    // T1: L1 reefer + not followed (no L2); T2: L2 solicited and no crossing. Rule order inside a leg.
    const reefer = { ...L1, equipment: 'reefer' as const, preArranged: false };
    const t1 = { ...T1, legs: [leg(reefer, '2025-03-03T10:00Z', '2025-03-03T16:30Z')], crossing: null };
    const solicited = { ...L2, preArranged: false };
    const t2 = {
      ...T1,
      truckId: 'T2',
      legs: [leg(solicited, '2025-03-03T18:00Z', '2025-03-04T17:00Z')],
      crossing: null,
    };
    expect(check([t1, t2], [reefer, solicited]).map((v) => `${v.truckId}/${v.loadId}:${v.rule}`)).toEqual([
      'T1/L1:equipment_mismatch',
      'T1/L1:not_pre_arranged',
      'T1/L1:domestic_not_incidental',
      'T2/L2:not_pre_arranged',
      'T2/L2:missing_crossing',
    ]);
  });

  it('refuses malformed input instead of passing it', () => {
    const broken = { ...T1, legs: [{ ...leg1, pickupAt: new Date('nope') }, leg2] };
    expect(() => check([broken])).toThrow(NorthboundError);
    expect(() => check([broken])).toThrow(/truck T1 leg 1 \(load L1\) pickupAt is not a valid date/);
    expect(() => check([T1], [L1, L2], { limits: { maxDomesticLegsPerNorthboundLoad: 1.5 } })).toThrow(
      /limit maxDomesticLegsPerNorthboundLoad is out of range, saw 1.5/,
    );
  });
});
