/**
 * How surprising is a count, given what a week usually looks like? Upper-tail probabilities of the negative
 * binomial (over-dispersed counts) and of the Poisson it tends to as the variance falls to the mean.
 *
 * The distribution is fixed by the method of moments: mean m, variance v > m give
 *   shape r = m² / (v − m),  success odds c = (v − m) / v,  P(k) = Γ(k + r) / (Γ(r) k!) · (1 − c)^r · c^k,
 * and v ≤ m·(1 + 1e-9) is read as Poisson(m). Both obey one recurrence,
 *   P(k + 1) = P(k) · (growth·k + start) / (k + 1),
 * with growth = c, start = r·c = m²/v for the negative binomial and growth = 0, start = m for the Poisson.
 *
 * Speed: this is called per company hundreds of thousands of times with counts mostly 0–10, so the usual path
 * is the recurrence from P(0) — one log1p, one exp and `observed` multiply-adds, no log-gamma. Large counts
 * (> 1000) or an underflowing P(0) (means beyond ~700) take a log-gamma start at P(observed) instead.
 *
 * Precision: P(X ≥ n) = 1 − P(X < n) cancels when the answer is tiny, so below 1e-4 the upper tail is summed
 * directly from P(n) outwards (past the mean the terms only shrink). That keeps p-values near 0 accurate
 * relatively, not just to ~1e-16 absolutely, so Benjamini–Hochberg still orders them.
 */
import { NorthboundError } from '../domain/errors.ts';

export interface UpperTail {
  /** P(X ≥ observed). */
  pValue: number;
  /** P(X > observed) + ½·P(X = observed): the discrete tail's midpoint, ½ for a typical week. */
  midP: number;
}

export interface BaselineFit {
  mean: number;
  /** Unbiased (n − 1) sample variance. */
  variance: number;
}

/**
 * A mean of 0 (or less) would make every count ≥ 1 impossible and its p-value 0. A count nobody has ever
 * seen is instead read as a one-in-a-million-weeks event; callers with a prior (detect-surges) floor first.
 */
export const MIN_MEAN = 1e-6;

/** Variance within this relative margin of the mean is Poisson: the shape r = m²/(v − m) would overflow. */
const POISSON_TOLERANCE = 1e-9;
/** Below this, 1 − P(X < n) has lost too many digits: sum the upper tail itself. */
const DIRECT_UPPER_BELOW = 1e-4;
/** Above this count the recurrence from 0 costs more than a log-gamma start at the count itself. */
const FAST_PATH_MAX_COUNT = 1000;
/** exp(−700) ≈ 1e-304: P(0) below this would underflow (and subnormals lose precision). */
const UNDERFLOW_LOG = -700;
/** A tail is summed until the rest is provably below this fraction of it. */
const SUM_EPSILON = 1e-17;
/**
 * Worst-case cap on a tail sum (only extreme dispersion, v/m in the thousands, gets near it). When hit, an
 * upper sum adds its geometric bound on the rest and a lower sum stops short: both err toward a larger p.
 */
const MAX_TERMS = 200_000;

/** Where negativeBinomialUpperTail has the in-place version write; calls are synchronous, one suffices. */
const scratch = new Float64Array(2);

/**
 * P(X ≥ observed) and the mid-p for X with the given mean and variance (method of moments, see the file
 * comment). `observed` must be an integer; below 0 it is certain (p = 1, mid-p = 1).
 * O(observed) for observed ≤ 1000, else O(terms until the tail converges), at most 200,000.
 */
export function negativeBinomialUpperTail(observed: number, mean: number, variance: number): UpperTail {
  negativeBinomialUpperTailInto(scratch, observed, mean, variance);
  return { pValue: scratch[0] as number, midP: scratch[1] as number };
}

/**
 * The same, written into out[0] (p-value) and out[1] (mid-p) instead of a new object: for loops that
 * evaluate millions of tails (detect-surges averages over the variance), where the objects cost more in
 * garbage collection than the arithmetic.
 */
export function negativeBinomialUpperTailInto(
  out: Float64Array,
  observed: number,
  mean: number,
  variance: number,
): void {
  // One combined check, the message built in a cold helper: this runs millions of times per report.
  if (!(Number.isInteger(observed) && Number.isFinite(mean) && variance >= 0 && variance < Infinity)) {
    invalidArguments(observed, mean, variance);
  }
  if (observed < 0) {
    out[0] = 1;
    out[1] = 1;
    return;
  }

  const m = mean > MIN_MEAN ? mean : MIN_MEAN;
  const poisson = variance <= m * (1 + POISSON_TOLERANCE);
  // (variance − m)/variance rather than 1 − m/variance: exact digits when the variance is barely above m.
  const growth = poisson ? 0 : (variance - m) / variance;
  const start = poisson ? m : (m * m) / variance;
  // r·ln(1 − c) = −r·ln(v/m) with r = m²/(v − m), through log1p so a near-Poisson shape (r → ∞) tends to
  // −m without cancelling.
  const logP0 = poisson ? -m : ((-m * m) / (variance - m)) * Math.log1p((variance - m) / m);
  if (observed > FAST_PATH_MAX_COUNT || logP0 <= UNDERFLOW_LOG) {
    largeCountTail(out, observed, m, variance, poisson, growth, start, logP0);
    return;
  }

  let term = Math.exp(logP0);
  let lower = 0;
  for (let k = 0; k < observed; k += 1) {
    lower += term;
    term *= (growth * k + start) / (k + 1);
  }
  // term = P(observed); lower = P(X < observed).
  const pValue = 1 - lower;
  tail(out, pValue >= DIRECT_UPPER_BELOW ? pValue : sumUpward(observed, term, growth, start), term);
}

/** The log-gamma start at P(observed) itself, for counts past the fast path or an underflowing P(0). */
function largeCountTail(
  out: Float64Array,
  observed: number,
  m: number,
  variance: number,
  poisson: boolean,
  growth: number,
  start: number,
  logP0: number,
): void {
  const logAtObserved = poisson
    ? observed * Math.log(m) - m - logGamma(observed + 1)
    : logRising((m * m) / (variance - m), observed) -
      logGamma(observed + 1) +
      logP0 +
      observed * Math.log(growth);
  const atObserved = Math.exp(logAtObserved);
  const pValue =
    observed > m
      ? sumUpward(observed, atObserved, growth, start)
      : 1 - sumDownward(observed, atObserved, growth, start);
  tail(out, pValue, atObserved);
}

function invalidArguments(observed: number, mean: number, variance: number): never {
  throw new NorthboundError(
    'invalid_input',
    Number.isInteger(observed)
      ? `Expected a finite mean and a finite variance ≥ 0, saw mean ${mean} and variance ${variance}`
      : `Observed count must be an integer, saw ${observed}`,
    { observed, mean, variance },
  );
}

/** Clamps rounding and stores the pair; the mid-p removes half the atom at the observed count. */
function tail(out: Float64Array, pValue: number, atObserved: number): void {
  const p = pValue < 0 ? 0 : pValue > 1 ? 1 : pValue;
  const midP = p - atObserved / 2;
  out[0] = p;
  out[1] = midP < 0 ? 0 : midP;
}

/**
 * Σ_{k ≥ n} P(k) from P(n). After adding P(k), the rest is at most P(k)·ρ/(1 − ρ) with ρ the largest
 * later ratio P(j+1)/P(j): the current ratio when ratios fall (Poisson, shape ≥ 1), else their limit
 * `growth` (shape < 1, where ratios rise toward it). Stops once that bound is negligible.
 */
function sumUpward(n: number, atN: number, growth: number, start: number): number {
  let sum = 0;
  let term = atN;
  let bound = 1;
  for (let k = n; k < n + MAX_TERMS; k += 1) {
    sum += term;
    const ratio = (growth * k + start) / (k + 1);
    bound = ratio > growth ? ratio : growth;
    term *= ratio;
    if (bound < 1 && term <= SUM_EPSILON * sum * (1 - bound)) return sum;
  }
  return bound < 1 ? sum + term / (1 - bound) : sum;
}

/**
 * Σ_{k < n} P(k) from P(n), walking down with P(k − 1) = P(k)·k / (growth·(k − 1) + start). Below the mode
 * the downward ratio falls with k, so once it is < 1 the rest is a shrinking geometric series.
 */
function sumDownward(n: number, atN: number, growth: number, start: number): number {
  let sum = 0;
  let term = atN;
  const stop = Math.max(0, n - MAX_TERMS);
  for (let k = n; k > stop; k -= 1) {
    const ratio = k / (growth * (k - 1) + start);
    term *= ratio;
    sum += term;
    if (ratio < 1 && term * ratio <= SUM_EPSILON * sum * (1 - ratio)) return sum;
  }
  return sum;
}

/**
 * ln Γ(r + k) − ln Γ(r). For r ≥ 10 by the difference of Stirling series, with log1p, so a near-Poisson
 * shape (r ~ 1e12) does not cancel two huge log-gammas; the series' truncation error there is < 1e-13.
 */
function logRising(shape: number, k: number): number {
  if (shape < 10) return logGamma(shape + k) - logGamma(shape);
  return (
    (shape - 0.5) * Math.log1p(k / shape) +
    k * Math.log(shape + k) -
    k +
    stirlingCorrection(shape + k) -
    stirlingCorrection(shape)
  );
}

/** ln Γ(z) − [(z − ½)·ln z − z + ½·ln 2π], asymptotic series to z⁻⁹ (for z ≥ 10). */
function stirlingCorrection(z: number): number {
  const w = 1 / (z * z);
  return (1 / 12 - w * (1 / 360 - w * (1 / 1260 - w * (1 / 1680 - w / 1188)))) / z;
}

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0: Lanczos (g = 7, 9 terms), ~15 significant digits; Γ(x + 1) = x·Γ(x) below ½. */
export function logGamma(x: number): number {
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i += 1) series += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/**
 * Sample mean and unbiased variance of counts[from..to) — the baseline weeks. Two passes, so a large mean
 * does not swamp a small variance. Needs at least 2 weeks; every count must be finite and ≥ 0.
 */
export function fitBaseline(counts: ArrayLike<number>, from: number, to: number): BaselineFit {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > counts.length || to - from < 2) {
    throw new NorthboundError(
      'invalid_input',
      `Baseline needs at least 2 weeks inside the ${counts.length} given, saw weeks [${from}, ${to})`,
      { from, to, length: counts.length },
    );
  }
  let sum = 0;
  for (let i = from; i < to; i += 1) {
    const count = counts[i] as number;
    if (!(count >= 0 && count < Infinity)) {
      throw new NorthboundError('invalid_input', `Week ${i} count must be finite and ≥ 0, saw ${count}`, {
        index: i,
        count,
      });
    }
    sum += count;
  }
  const weeks = to - from;
  const mean = sum / weeks;
  let squares = 0;
  for (let i = from; i < to; i += 1) {
    const deviation = (counts[i] as number) - mean;
    squares += deviation * deviation;
  }
  return { mean, variance: squares / (weeks - 1) };
}
