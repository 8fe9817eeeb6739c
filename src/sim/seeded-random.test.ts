import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random.ts';
import { WeightedPicker } from './weighted-picker.ts';

const draws = (random: SeededRandom, n: number): number[] => Array.from({ length: n }, () => random.next());
const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('SeededRandom', () => {
  it('repeats for the same seed and keys, and differs otherwise', () => {
    expect(draws(new SeededRandom(7, 'a', 1), 5)).toEqual(draws(new SeededRandom(7, 'a', 1), 5));
    expect(draws(new SeededRandom(7, 'a', 1), 5)).not.toEqual(draws(new SeededRandom(8, 'a', 1), 5));
    expect(draws(new SeededRandom(7, 'a', 1), 5)).not.toEqual(draws(new SeededRandom(7, 'a', 2), 5));
    expect(draws(new SeededRandom(7, 'a', 1), 5)).not.toEqual(draws(new SeededRandom(7, 1, 'a'), 5));
  });

  it('draws uniformly in [0, 1)', () => {
    const values = draws(new SeededRandom(1), 100_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mean(values)).toBeCloseTo(0.5, 2);
    const deciles = new Array<number>(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)] = (deciles[Math.floor(v * 10)] ?? 0) + 1;
    for (const count of deciles) expect(count).toBeGreaterThan(9_500);
  });

  it('gives normal, lognormal and Poisson draws with the asked-for means', () => {
    const random = new SeededRandom(3);
    const normals = Array.from({ length: 50_000 }, () => random.normal(10, 2));
    expect(mean(normals)).toBeCloseTo(10, 1);
    const sd = Math.sqrt(mean(normals.map((x) => (x - 10) ** 2)));
    expect(sd).toBeCloseTo(2, 1);
    expect(mean(Array.from({ length: 50_000 }, () => random.lognormalWithMean(5, 1)))).toBeGreaterThan(4.7);
    expect(mean(Array.from({ length: 50_000 }, () => random.poisson(2.5)))).toBeCloseTo(2.5, 1);
    expect(mean(Array.from({ length: 20_000 }, () => random.poisson(80)))).toBeCloseTo(80, 0);
  });

  it('samples distinct items and picks within range', () => {
    const random = new SeededRandom(4);
    const sample = random.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
    for (let i = 0; i < 1000; i += 1) {
      const k = random.intBetween(3, 5);
      expect(k).toBeGreaterThanOrEqual(3);
      expect(k).toBeLessThanOrEqual(5);
    }
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it('shuffles in place into every order about equally often', () => {
    const random = new SeededRandom(6);
    const counts = new Map<string, number>();
    for (let t = 0; t < 24_000; t += 1) {
      const items = [1, 2, 3, 4];
      random.shuffle(items);
      const key = items.join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24); // all 4! orders
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});

describe('WeightedPicker', () => {
  it('picks in proportion to weight and never picks a zero weight', () => {
    const picker = WeightedPicker.create(['a', 'b', 'c', 'zero'], [1, 2, 7, 0]);
    expect(picker).not.toBeNull();
    const counts = new Map<string, number>();
    const random = new SeededRandom(5);
    for (let i = 0; i < 100_000; i += 1) {
      const item = picker?.pick(random) ?? '';
      counts.set(item, (counts.get(item) ?? 0) + 1);
    }
    expect((counts.get('a') ?? 0) / 100_000).toBeCloseTo(0.1, 2);
    expect((counts.get('b') ?? 0) / 100_000).toBeCloseTo(0.2, 2);
    expect((counts.get('c') ?? 0) / 100_000).toBeCloseTo(0.7, 2);
    expect(counts.has('zero')).toBe(false);
  });

  it('is null when nothing has weight', () => {
    expect(WeightedPicker.create(['a'], [0])).toBeNull();
    expect(WeightedPicker.fromMap(new Map())).toBeNull();
  });
});
