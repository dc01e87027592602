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

/** The first position in `sorted` whose value is not below `value` (`upper`: above). */
function searchSorted(sorted: Float64Array, value: number, upper: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const probe = sorted[middle] ?? Number.NaN;
    if (probe < value || (upper && probe === value)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Average ranks without building and sorting a record per value (the change-point scan ranks
 * thousands of small samples a night): the pooled values sorted as numbers, then each value of
 * `x` found by binary search. A value's group of ties occupies positions lo … hi − 1, ranks
 * lo + 1 … hi, average (lo + 1 + hi) / 2. Sums of halves of small integers are exact, so the
 * order of the additions does not matter.
 */
function rank(x: readonly number[], y: readonly number[]): Ranked {
  const sorted = new Float64Array(x.length + y.length);
  sorted.set(x);
  sorted.set(y, x.length);
  sorted.sort();
  let rankSum = 0;
  for (const value of x) {
    const low = searchSorted(sorted, value, false);
    const high = searchSorted(sorted, value, true);
    rankSum += (low + 1 + high) / 2;
  }
  let tieTerm = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[i]) j++;
    const size = j - i + 1;
    tieTerm += size * size * size - size;
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
const countsCache = new Map<string, Distribution>();
const CACHED_PAIRS = 30 * 30;

/**
 * The distribution of U: `tails[k]` is the number of arrangements with U ≤ k, summed from k = 0 up
 * once (the same additions, in the same order, that summing the tail on every call made), and the
 * total C(m+n, m).
 */
interface Distribution {
  readonly tails: Float64Array;
  readonly total: number;
}

function distribution(m: number, n: number): Distribution {
  const counts = exactCounts(m, n);
  const tails = new Float64Array(counts.length);
  let tail = 0;
  for (let k = 0; k < counts.length; k++) {
    tail += counts[k] ?? 0;
    tails[k] = tail;
  }
  let total = 0;
  for (const count of counts) total += count;
  return { tails, total };
}

function cachedDistribution(m: number, n: number): Distribution {
  if (m * n > CACHED_PAIRS) return distribution(m, n);
  const key = `${m},${n}`;
  let cached = countsCache.get(key);
  if (cached === undefined) {
    cached = distribution(m, n);
    countsCache.set(key, cached);
  }
  return cached;
}

/** Exact two-sided p: twice the smaller tail, as the null distribution of U is symmetric. */
function exactP(u: number, m: number, n: number): number {
  const { tails, total } = cachedDistribution(m, n);
  const low = Math.min(u, m * n - u);
  // U is a whole number without ties, the only case this is used for.
  return Math.min(1, (2 * (tails[Math.floor(low)] ?? 0)) / total);
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
  return mannWhitneyOfU(u, m, n, tieTerm);
}

/**
 * The test from U of a sample of `m` against one of `n` and the pooled sample's Σ (t³ − t) over
 * groups of ties (0 without ties): for callers that count U themselves, such as the change-point
 * scan over many overlapping splits. Exact below EXACT_LIMIT without ties, normal otherwise.
 */
export function mannWhitneyOfU(
  u: number,
  m: number,
  n: number,
  tieTerm: number,
): MannWhitneyResult {
  if (m < EXACT_LIMIT && n < EXACT_LIMIT && tieTerm === 0) {
    return { u, p: exactP(u, m, n), method: 'exact' };
  }
  return { u, p: normalP(u, m, n, tieTerm), method: 'normal' };
}
