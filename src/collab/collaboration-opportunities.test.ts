import { describe, expect, it } from 'vitest';
import { collaborationOpportunities } from './collaboration-opportunities.ts';
import { A, B, C, dollars, lane, place } from './hand-pool.test-support.ts';

const far1 = place('F1', 40, 60);
const far2 = place('F2', 40, 61);

describe('collaborationOpportunities by hand', () => {
  it('opposite lanes pair up; a partner on the other side of the world pairs with no one', () => {
    // p1 A→B 3/wk (alone 6d), p2 B→A 2/wk (alone 4d), pooled 6d: saving 4d. p3 runs F1→F2 alone.
    const d = dollars(A, B);
    const found = collaborationOpportunities([
      lane('p1', A, B, 3),
      lane('p2', B, A, 2),
      lane('p3', far1, far2, 1),
    ]);
    expect(found).toHaveLength(1);
    const [pair] = found;
    expect(pair!.partners).toEqual(['p1', 'p2']);
    expect(pair!.standaloneCost).toBeCloseTo(10 * d, 6);
    expect(pair!.pooledCost).toBeCloseTo(6 * d, 6);
    expect(pair!.savings).toBeCloseTo(4 * d, 6);
    expect(pair!.savingsShare).toBeCloseTo(0.4, 9);
    // p1: +3 at B, −3 at A; p2: +2 at A, −2 at B — every imbalance meets an opposite one.
    expect(pair!.complementaryImbalances.map((m) => [m.partnerId, m.place, m.trucksPerWeek])).toEqual([
      ['p1', 'A', -3],
      ['p1', 'B', 3],
      ['p2', 'B', -2],
      ['p2', 'A', 2],
    ]);
  });

  it('a triangle outranks its pairs: saving P against ab + bc − ca for the pair {ab, bc}', () => {
    // Alone each pays 2l; pooled, any two pay P = ab + bc + ca (one empty leg closes the loop) and all
    // three pay P. Pair {ab, bc}: 2ab + 2bc − P = ab + bc − ca. Triangle: 2P − P = P, more than any pair.
    const [ab, bc, ca] = [dollars(A, B), dollars(B, C), dollars(C, A)];
    const P = ab + bc + ca;
    const found = collaborationOpportunities([lane('ab', A, B, 1), lane('bc', B, C, 1), lane('ca', C, A, 1)]);
    // Pair {i, j} saves l_i + l_j − l_k: most when the left-out lane is the shortest. ab (1° of
    // longitude) is shorter than bc = ca (equal by symmetry), so {bc, ca} saves bc + ca − ab, and
    // {ab, bc} and {ab, ca} tie at ab, listed by name.
    expect(found.map((o) => o.partners.join('+'))).toEqual(['ab+bc+ca', 'bc+ca', 'ab+bc', 'ab+ca']);
    expect(found[1]!.savings).toBeCloseTo(bc + ca - ab, 6);
    expect(found[2]!.savings).toBeCloseTo(ab, 6);
    expect(found[0]!.savings).toBeCloseTo(P, 6);
    const pair = found.find((o) => o.partners.join('+') === 'ab+bc')!;
    expect(pair.savings).toBeCloseTo(ab + bc - ca, 6);
    // Sorted by savings: the pair leaving out the longest lane's partner saves least.
    for (let k = 1; k < found.length; k++)
      expect(found[k - 1]!.savings).toBeGreaterThanOrEqual(found[k]!.savings);
  });

  it('does not list a triangle that only adds a partner the best pair does not need', () => {
    // p1/p2 opposite lanes; p3 one-way far away: {p1, p2, p3} saves exactly what {p1, p2} does.
    const found = collaborationOpportunities([
      lane('p1', A, B, 2),
      lane('p2', B, A, 2),
      lane('p3', far1, far2, 1),
    ]);
    expect(found.every((o) => o.partners.length === 2)).toBe(true);
  });

  it('above the exhaustive limit only chained triangles are solved, and the triangle is still found', () => {
    const lanes = [
      lane('ab', A, B, 1),
      lane('bc', B, C, 1),
      lane('ca', C, A, 1),
      lane('x', far1, far2, 1),
      lane('y', far2, place('F3', 41, 62), 1),
    ];
    const exhaustive = collaborationOpportunities(lanes);
    const filtered = collaborationOpportunities(lanes, { exhaustiveTriangleLimit: 2 });
    expect(filtered.map((o) => o.partners.join('+'))).toEqual(exhaustive.map((o) => o.partners.join('+')));
    expect(filtered[0]!.partners).toEqual(['ab', 'bc', 'ca']);
  });

  it('refuses a negative radius', () => {
    expect(() => collaborationOpportunities([], { nearMiles: -1 })).toThrow('nearMiles is -1');
  });
});
