/**
 * The plan validator on hand-built plans (validate-plan.test-support.ts): cabotage (§3.8), crossings,
 * ports, the eManifest deadline, violation order and malformed input.
 */
import { describe, expect, it } from 'vitest';
import type { TruckPlan } from '../domain/backhaul-plan.ts';
import { NorthboundError } from '../domain/errors.ts';
import {
  L1,
  L2,
  T1,
  at,
  check,
  crossing,
  leg,
  leg1,
  leg2,
  load,
  rules,
} from './validate-plan.test-support.ts';

describe('validatePlan: cabotage, crossings and ports', () => {
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
