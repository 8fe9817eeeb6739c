/**
 * Weighted choice by Walker's alias method (Vose's stable construction): O(n) to build, O(1) per draw,
 * which matters when ten million signals each draw a shipper, a state and a weekday.
 */
import type { SeededRandom } from './seeded-random.ts';

export class WeightedPicker<T> {
  readonly items: readonly T[];
  readonly totalWeight: number;
  private readonly probability: Float64Array;
  private readonly alias: Uint32Array;

  /** Null when no item has positive weight (the caller decides what an empty choice means). */
  static create<T>(items: readonly T[], weights: readonly number[]): WeightedPicker<T> | null {
    const positive: T[] = [];
    const positiveWeights: number[] = [];
    items.forEach((item, i) => {
      const weight = weights[i] ?? 0;
      if (Number.isFinite(weight) && weight > 0) {
        positive.push(item);
        positiveWeights.push(weight);
      }
    });
    return positive.length === 0 ? null : new WeightedPicker(positive, positiveWeights);
  }

  /** From a map of item → weight (iteration order of the map is kept, so results repeat). */
  static fromMap<T>(weights: ReadonlyMap<T, number>): WeightedPicker<T> | null {
    return WeightedPicker.create([...weights.keys()], [...weights.values()]);
  }

  private constructor(items: readonly T[], weights: readonly number[]) {
    const n = items.length;
    this.items = items;
    this.totalWeight = weights.reduce((sum, w) => sum + w, 0);
    this.probability = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const scaled = weights.map((w) => (w * n) / this.totalWeight);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const less = small.pop() as number;
      const more = large.pop() as number;
      this.probability[less] = scaled[less] as number;
      this.alias[less] = more;
      const remaining = (scaled[more] as number) + (scaled[less] as number) - 1;
      scaled[more] = remaining;
      (remaining < 1 ? small : large).push(more);
    }
    // Leftovers are 1 up to rounding error.
    for (const i of [...small, ...large]) this.probability[i] = 1;
  }

  get size(): number {
    return this.items.length;
  }

  pick(random: SeededRandom): T {
    const column = random.int(this.items.length);
    const index =
      random.next() < (this.probability[column] as number) ? column : (this.alias[column] as number);
    return this.items[index] as T;
  }
}
