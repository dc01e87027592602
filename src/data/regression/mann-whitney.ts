/**
 * The Mann–Whitney U test (Wilcoxon rank-sum), two-sided, computed as R's `wilcox.test(x, y)`
 * does: the exact null distribution when both samples are smaller than 50 and there are no ties,
 * otherwise the normal approximation with the tie correction of the variance and a continuity
 * correction of 0.5.
 *
 * Why a rank test for nightly benchmarks: run-to-run noise has heavy tails (a noisy neighbour, a
 * thermal hiccup), and a rank test gives one wild night the weight of one rank, where a t test
 * lets it move the mean and the variance. The exact distribution matters here: with 3 or 4 runs
 * after a change the normal approximation overstates p many times over (U = 0 with 20 and 5
 * runs is p = 3.8e-5 exactly, 7.7e-4 by the approximation; with 20 and 3 runs, 1.1e-3 exactly
 * and 7.1e-3 by the approximation).
 */
import { normalCdf } from './distributions';

/** Exact p-values are used below this sample size on both sides, as in R. */
export const EXACT_LIMIT = 50;

export interface MannWhitneyResult {
  /** U of the first sample: the number of pairs (x, y) with x > y, ties counting one half. */
  readonly u: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly method: 'exact' | 'normal';
}

interface Ranked {
  /** Sum of the ranks of the first sample (average ranks for ties). */
  readonly rankSum: number;
  /** Σ (t³ − t) over groups of tied values, for the variance correction. */
  readonly tieTerm: number;
}

function rank(x: readonly number[], y: readonly number[]): Ranked {
  const all = [
    ...x.map((value) => ({ value, first: true })),
    ...y.map((value) => ({ value, first: false })),
  ].sort((a, b) => a.value - b.value);
  let rankSum = 0;
  let tieTerm = 0;
  let i = 0;
  while (i < all.length) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]?.value === all[i]?.value) j++;
    // Positions i..j (0-based) share the average of ranks i+1..j+1.
    const averageRank = (i + j + 2) / 2;
    const size = j - i + 1;
    tieTerm += size * size * size - size;
    for (let k = i; k <= j; k++) if (all[k]?.first === true) rankSum += averageRank;
    i = j + 1;
  }
  return { rankSum, tieTerm };
}

/**
 * How many of the C(m+n, m) equally likely arrangements give each U = 0 … m·n, as the
 * coefficients of the Gaussian binomial [m+n choose m]_q, built one factor (1 − q^(n+i)) /
 * (1 − q^i) at a time. Every step is again a Gaussian binomial, so counts stay non-negative and
 * the lower tail, the part read, is exact in double precision for the sizes used (below 50).
 */
function exactCounts(m: number, n: number): Float64Array {
  const size = m * n + 1;
  const counts = new Float64Array(size);
  counts[0] = 1;
  for (let i = 1; i <= m; i++) {
    const up = n + i;
    for (let k = size - 1; k >= up; k--) counts[k] = (counts[k] ?? 0) - (counts[k - up] ?? 0);
    for (let k = i; k < size; k++) counts[k] = (counts[k] ?? 0) + (counts[k - i] ?? 0);
  }
  return counts;
}

/**
 * Counts by "m,n". A night's scan asks for the same few sizes thousands of times (every series
 * has 20 runs before and 3..20 after), so each distribution is built once. Only sizes with
 * m·n ≤ CACHED_PAIRS are kept (every split of windows up to 30 runs): a few hundred arrays of at
 * most 901 counts in practice, and under 2,000 such arrays whatever the callers ask.
 */
const countsCache = new Map<string, Float64Array>();
const CACHED_PAIRS = 30 * 30;

function cachedCounts(m: number, n: number): Float64Array {
  if (m * n > CACHED_PAIRS) return exactCounts(m, n);
  const key = `${m},${n}`;
  let counts = countsCache.get(key);
  if (counts === undefined) {
    counts = exactCounts(m, n);
    countsCache.set(key, counts);
  }
  return counts;
}

/** Exact two-sided p: twice the smaller tail, as the null distribution of U is symmetric. */
function exactP(u: number, m: number, n: number): number {
  const counts = cachedCounts(m, n);
  let total = 0;
  for (const count of counts) total += count;
  const low = Math.min(u, m * n - u);
  let tail = 0;
  for (let k = 0; k <= low; k++) tail += counts[k] ?? 0;
  return Math.min(1, (2 * tail) / total);
}

function normalP(u: number, m: number, n: number, tieTerm: number): number {
  const total = m + n;
  const variance = ((m * n) / 12) * (total + 1 - tieTerm / (total * (total - 1)));
  const centred = u - (m * n) / 2;
  // Every value tied: no information, and a zero variance.
  if (!(variance > 0)) return 1;
  const z = (centred - Math.sign(centred) * 0.5) / Math.sqrt(variance);
  return Math.min(1, 2 * Math.min(normalCdf(z), normalCdf(-z)));
}

/**
 * Two-sided Mann–Whitney test of `x` against `y`. Both samples need at least one value; the
 * values must be finite (callers drop the others first).
 */
export function mannWhitney(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const m = x.length;
  const n = y.length;
  if (m === 0 || n === 0) throw new RangeError('Mann–Whitney needs at least one value per sample');
  const { rankSum, tieTerm } = rank(x, y);
  const u = rankSum - (m * (m + 1)) / 2;
  if (m < EXACT_LIMIT && n < EXACT_LIMIT && tieTerm === 0) {
    return { u, p: exactP(u, m, n), method: 'exact' };
  }
  return { u, p: normalP(u, m, n, tieTerm), method: 'normal' };
}
