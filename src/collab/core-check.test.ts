import { describe, expect, it } from 'vitest';
import type { CoalitionCostOf } from './coalition-cost.ts';
import { coreViolations } from './core-check.ts';
import { exactShapley } from './shapley.ts';

/** A cost game from a table keyed by sorted member ids joined with '+'. */
const tableGame =
  (table: Record<string, number>): CoalitionCostOf =>
  (coalition) => {
    const key = [...coalition].sort().join('+');
    return key === '' ? 0 : table[key]!;
  };

describe('coreViolations', () => {
  // The opposite-lanes pool in units of one trip: v1 = 6, v2 = 4, v12 = 6.
  const pair = tableGame({ p1: 6, p2: 4, 'p1+p2': 6 });

  it('finds none for the Shapley split (4, 2)', () => {
    expect(coreViolations(exactShapley(['p1', 'p2'], pair), ['p1', 'p2'], pair)).toEqual([]);
  });

  it('names the partner charged above its stand-alone cost', () => {
    const violations = coreViolations(
      new Map([
        ['p1', 6.5],
        ['p2', -0.5],
      ]),
      ['p1', 'p2'],
      pair,
    );
    expect(violations).toEqual([{ members: ['p1'], standaloneCost: 6, allocatedCost: 6.5, excess: 0.5 }]);
  });

  it('names a pair that would leave together, and the grand coalition when overcharged, largest first', () => {
    // {a, b} alone costs 2 but is charged 3 (excess 1); c is charged 3.5 against 3 alone (0.5); all three
    // are charged 6.5 against 6 pooled (0.5). {a}, {b} (1.5 ≤ 3), {a, c}, {b, c} (5 ≤ 5) are fine.
    // Ties keep enumeration order (bitmask: c = 4 before abc = 7).
    const game = tableGame({ a: 3, b: 3, c: 3, 'a+b': 2, 'a+c': 5, 'b+c': 5, 'a+b+c': 6 });
    const allocation = new Map([
      ['a', 1.5],
      ['b', 1.5],
      ['c', 3.5],
    ]);
    const violations = coreViolations(allocation, ['a', 'b', 'c'], game);
    expect(violations.map((v) => [v.members, v.excess])).toEqual([
      [['a', 'b'], 1],
      [['c'], 0.5],
      [['a', 'b', 'c'], 0.5],
    ]);
  });

  it('treats float noise as no violation and refuses a partner missing from the allocation', () => {
    const game = tableGame({ a: 0.1 + 0.2 });
    expect(coreViolations(new Map([['a', 0.3]]), ['a'], game)).toEqual([]);
    expect(() => coreViolations(new Map(), ['a'], game)).toThrow(
      'Cannot check the core: partner "a" has allocation undefined, expected a finite number',
    );
  });
});
