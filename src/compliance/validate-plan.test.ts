/**
 * The plan validator on hand-built plans (fixtures and the worked example: validate-plan.test-support.ts):
 * the lawful plan, load and credential rules, timing and reachability.
 */
import { describe, expect, it } from 'vitest';
import { CABOTAGE_RULE_CODES, type TruckPlan } from '../domain/backhaul-plan.ts';
import { CABOTAGE_RULES } from './cabotage-rules.ts';
import { L1, L2, T1, at, check, crossing, leg, leg1, leg2, rules } from './validate-plan.test-support.ts';

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
});
