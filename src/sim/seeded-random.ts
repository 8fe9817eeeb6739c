/**
 * A small, fast, seeded pseudo-random generator (sfc32, from PractRand: 128-bit state, period ≥ 2^32,
 * passes BigCrush) with the distributions the world generator needs.
 *
 * Why not one global stream: the world is generated lazily, file by file, and the writer may consume
 * the streams in any order. Every independent piece (a truck's week, a lane's week, the noise of a day)
 * therefore draws from its own stream, derived from the world seed and a few keys by hashing. The same
 * (seed, keys) always yields the same numbers, whatever was generated before.
 */

const UINT32 = 0x1_0000_0000;

/** Murmur3's 32-bit finaliser: a cheap bijective mix, good enough to decorrelate derived seeds. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units; keys are short ASCII labels. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type StreamKey = string | number;

/** Folds a seed and keys into one 32-bit value; order matters, so ('a', 1) ≠ (1, 'a'). */
export function hashKeys(seed: number, keys: readonly StreamKey[]): number {
  let h = mix32((seed >>> 0) ^ 0x9e3779b9) ^ mix32(Math.floor(seed / UINT32));
  for (const key of keys) {
    const k = typeof key === 'number' ? mix32((key >>> 0) ^ Math.floor(key / UINT32)) : hashString(key);
    h = mix32(h ^ k) + 0x9e3779b9;
  }
  return mix32(h);
}

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  /** A stream for `seed`, optionally split by keys (see the file comment). */
  constructor(seed: number, ...keys: readonly StreamKey[]) {
    const h = hashKeys(seed, keys);
    this.a = mix32(h ^ 0x243f6a88);
    this.b = mix32(h ^ 0x85a308d3);
    this.c = mix32(h ^ 0x13198a2e);
    this.d = 1;
    // sfc32 needs a few rounds before the state is well mixed.
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /** A child stream: independent of how much this stream has been used. */
  fork(...keys: readonly StreamKey[]): SeededRandom {
    return new SeededRandom(this.a ^ this.c, ...keys);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / UINT32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max] (both inclusive). */
  intBetween(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal by the polar Box–Muller method (keeps the spare). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * spare;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return mean + sd * u * factor;
  }

  /** Lognormal with the given arithmetic mean: spread without shifting the average. */
  lognormalWithMean(mean: number, sigma: number): number {
    return mean * Math.exp(this.normal(-(sigma * sigma) / 2, sigma));
  }

  /** Poisson: Knuth's product method for small means, a rounded normal above 30 (error < 1%). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count += 1;
      product *= this.next();
    }
    return count;
  }

  /** Geometric number of failures before the first success, capped. */
  geometric(successProbability: number, cap: number): number {
    let count = 0;
    while (count < cap && !this.chance(successProbability)) count += 1;
    return count;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Puts the items in uniformly random order, in place (Fisher–Yates), for loops that reuse one array. */
  shuffle<T>(items: T[]): void {
    for (let k = items.length - 1; k > 0; k -= 1) {
      const j = this.int(k + 1);
      const kept = items[k] as T;
      items[k] = items[j] as T;
      items[j] = kept;
    }
  }

  /** k distinct items (k ≤ n) in random order: a partial Fisher–Yates on a copy. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const count = Math.min(k, copy.length);
    for (let i = 0; i < count; i += 1) {
      const j = i + this.int(copy.length - i);
      const chosen = copy[j] as T;
      copy[j] = copy[i] as T;
      copy[i] = chosen;
    }
    return copy.slice(0, count);
  }
}
