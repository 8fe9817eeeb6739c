import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { assignTasks, type AssignableRep, type AssignmentRequest } from './assign-tasks.ts';

const requests = (...zones: (string | null)[]): AssignmentRequest[] =>
  zones.map((zoneLabel, i) => ({ key: `T${i + 1}`, zoneLabel }));
const picks = (plan: ReturnType<typeof assignTasks>): (string | null)[] =>
  plan.assignments.map((assignment) => assignment.repId);

describe('assignTasks', () => {
  it('gives a zone to the rep who owns it, matching labels case- and accent-insensitively', () => {
    const reps: AssignableRep[] = [
      { repId: 'R1', territories: ['Dallas, TX'], capacity: 5 },
      { repId: 'R2', territories: ['Houston, TX', 'Montréal'], capacity: 5 },
      { repId: 'R3', territories: ['Dallas, GA'], capacity: 5 },
    ];
    const plan = assignTasks(
      requests('dallas, tx', 'Houston, TX', 'Montreal, QC', 'DALLAS, GA'),
      reps,
      new Map(),
      null,
    );
    expect(plan.assignments).toEqual([
      { key: 'T1', repId: 'R1', reason: 'owner' },
      { key: 'T2', repId: 'R2', reason: 'owner' },
      { key: 'T3', repId: 'R2', reason: 'owner' }, // bare "Montréal" owns "Montreal, QC"
      { key: 'T4', repId: 'R3', reason: 'owner' }, // "Dallas, GA" owns only Dallas, GA
    ]);
    expect(plan.cursor).toBeNull(); // owner assignments leave the round-robin where it was
  });

  it('balances owners by load / capacity, ties to the lower repId', () => {
    // R1 starts at 1/4 = 0.25, R2 at 2/10 = 0.2. Then: R2 (3/10), R1 (2/4), R2 (4/10), R2 (5/10),
    // and at 0.5 each the tie goes to R1.
    const reps: AssignableRep[] = [
      { repId: 'R2', territories: ['Dallas'], capacity: 10 },
      { repId: 'R1', territories: ['Dallas, TX'], capacity: 4 },
    ];
    const load = new Map([
      ['R1', 1],
      ['R2', 2],
    ]);
    const plan = assignTasks(requests(...Array<string>(5).fill('Dallas, TX')), reps, load, null);
    expect(picks(plan)).toEqual(['R2', 'R1', 'R2', 'R2', 'R1']);
    expect(load.get('R1')).toBe(1); // the caller's map is not touched
  });

  it('keeps a full territory’s prospects waiting rather than giving them to a stranger', () => {
    const reps: AssignableRep[] = [
      { repId: 'R1', territories: ['Dallas, TX'], capacity: 1 },
      { repId: 'R2', territories: [], capacity: 5 },
    ];
    const plan = assignTasks(requests('Dallas, TX', 'Dallas, TX', 'Memphis, TN'), reps, new Map(), null);
    expect(plan.assignments).toEqual([
      { key: 'T1', repId: 'R1', reason: 'owner' },
      { key: 'T2', repId: null, reason: 'territory_full' },
      { key: 'T3', repId: 'R2', reason: 'round_robin' },
    ]);
  });

  it('reports team_full when no rep has room, and never gives a task to a rep with capacity 0', () => {
    const reps: AssignableRep[] = [
      { repId: 'R1', territories: ['Dallas, TX'], capacity: 1 },
      { repId: 'R2', territories: [], capacity: 0 },
    ];
    const plan = assignTasks(requests(null, 'Dallas, TX', null), reps, new Map(), null);
    expect(plan.assignments).toEqual([
      { key: 'T1', repId: 'R1', reason: 'round_robin' },
      { key: 'T2', repId: null, reason: 'team_full' },
      { key: 'T3', repId: null, reason: 'team_full' },
    ]);
    expect(assignTasks(requests(null), [], new Map(), null).assignments[0]?.reason).toBe('team_full');
  });

  it('deals unowned prospects round-robin, skipping full reps, and carries the cursor across runs', () => {
    const reps: AssignableRep[] = [
      { repId: 'RC', territories: [], capacity: 9 },
      { repId: 'RA', territories: ['Dallas, TX'], capacity: 9 },
      { repId: 'RB', territories: [], capacity: 9 },
    ];
    const first = assignTasks(requests(null, 'Laredo, TX', null, null), reps, new Map(), null);
    expect(picks(first)).toEqual(['RA', 'RB', 'RC', 'RA']);
    expect(first.cursor).toBe('RA');
    const second = assignTasks(requests(null, null), reps, new Map(), first.cursor);
    expect(picks(second)).toEqual(['RB', 'RC']);
    expect(second.cursor).toBe('RC');
    // RB is full: the deal skips it without losing its place.
    const skip = assignTasks(requests(null, null, null), reps, new Map([['RB', 9]]), 'RA');
    expect(picks(skip)).toEqual(['RC', 'RA', 'RC']);
    // A cursor naming a rep who has left resumes at the next repId; past the last one it wraps.
    const leftTeam = reps.filter((rep) => rep.repId !== 'RB');
    expect(picks(assignTasks(requests(null), leftTeam, new Map(), 'RB'))).toEqual(['RC']);
    expect(picks(assignTasks(requests(null), leftTeam, new Map(), 'RZ'))).toEqual(['RA']);
  });

  it('refuses duplicate reps, bad capacities and duplicate request keys', () => {
    const rep: AssignableRep = { repId: 'R1', territories: [], capacity: 1 };
    const errorOf = (run: () => unknown): NorthboundError => {
      try {
        run();
      } catch (error) {
        if (error instanceof NorthboundError) return error;
        throw error;
      }
      throw new Error('expected a NorthboundError');
    };
    expect(errorOf(() => assignTasks([], [rep, rep], new Map(), null)).message).toBe(
      'Cannot assign outreach tasks: rep R1 is listed twice',
    );
    expect(errorOf(() => assignTasks([], [{ ...rep, capacity: -1 }], new Map(), null)).code).toBe(
      'invalid_input',
    );
    expect(errorOf(() => assignTasks([], [{ ...rep, capacity: 1.5 }], new Map(), null)).code).toBe(
      'invalid_input',
    );
    expect(errorOf(() => assignTasks([], [rep], new Map([['R1', -2]]), null)).code).toBe('invalid_input');
    const twice = [
      { key: 'T1', zoneLabel: null },
      { key: 'T1', zoneLabel: null },
    ];
    expect(errorOf(() => assignTasks(twice, [rep], new Map(), null)).message).toMatch(
      /request T1 is listed twice/,
    );
  });

  it('never exceeds capacity, and never gives an owned zone to a non-owner (property)', () => {
    const territoryPool = ['Dallas, TX', 'Houston, TX', 'Montréal, QC', 'Laredo', 'San José'];
    const zonePool = [
      'Dallas, TX',
      'dallas, tx',
      'Houston, TX',
      'Montreal, QC',
      'Laredo, TX',
      'San Jose, CA',
    ];
    const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
    // An independent, simpler statement of ownership for the pools above.
    const owns = (territory: string, zone: string): boolean =>
      fold(territory) === fold(zone) ||
      (!territory.includes(',') && fold(territory) === fold(zone.split(',')[0] ?? ''));
    const repArb = fc.record({
      territories: fc.subarray(territoryPool),
      capacity: fc.integer({ min: 0, max: 4 }),
      initialLoad: fc.integer({ min: 0, max: 5 }),
    });
    const zoneArb = fc.option(fc.constantFrom(...zonePool, 'Memphis, TN'), { nil: null });
    fc.assert(
      fc.property(
        fc.array(repArb, { maxLength: 6 }),
        fc.array(zoneArb, { maxLength: 30 }),
        fc.option(fc.constantFrom('R0', 'R3', 'R9'), { nil: null }),
        (repSpecs, zones, cursor) => {
          const reps = repSpecs.map((spec, i) => ({
            repId: `R${i}`,
            territories: spec.territories,
            capacity: spec.capacity,
          }));
          const initial = new Map(repSpecs.map((spec, i) => [`R${i}`, spec.initialLoad]));
          const plan = assignTasks(requests(...zones), reps, initial, cursor);
          const finalLoad = new Map(initial);
          for (const assignment of plan.assignments) {
            if (assignment.repId !== null)
              finalLoad.set(assignment.repId, (finalLoad.get(assignment.repId) ?? 0) + 1);
          }
          const isFull = (rep: AssignableRep): boolean => (finalLoad.get(rep.repId) ?? 0) >= rep.capacity;
          for (const rep of reps) {
            const assigned = (finalLoad.get(rep.repId) ?? 0) - (initial.get(rep.repId) ?? 0);
            if (assigned > 0) expect(finalLoad.get(rep.repId)).toBeLessThanOrEqual(rep.capacity);
          }
          plan.assignments.forEach((assignment, i) => {
            const zone = zones[i] ?? null;
            const owners =
              zone === null ? [] : reps.filter((rep) => rep.territories.some((t) => owns(t, zone)));
            if (assignment.repId !== null) {
              if (owners.length > 0) {
                expect(owners.map((rep) => rep.repId)).toContain(assignment.repId);
                expect(assignment.reason).toBe('owner');
              } else {
                expect(assignment.reason).toBe('round_robin');
              }
            } else if (assignment.reason === 'territory_full') {
              // Loads only grow, so owners full then are full now.
              expect(owners.length).toBeGreaterThan(0);
              expect(owners.every(isFull)).toBe(true);
            } else {
              expect(assignment.reason).toBe('team_full');
              expect(reps.every(isFull)).toBe(true);
            }
          });
        },
      ),
      { numRuns: 500, seed: 20250113 },
    );
  });
});
