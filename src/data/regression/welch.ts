/**
 * Welch's two-sample t test, two-sided, as R's `t.test(x, y)` computes it (unequal variances,
 * Welch–Satterthwaite degrees of freedom).
 *
 * The change-point search decides with Mann–Whitney, which shrugs off a wild night; Welch's p is
 * reported next to it as a second opinion on the same split, on the log values, so a reader who
 * knows t tests can see whether the two agree.
 */
import { studentTTwoSided } from './distributions';

export interface WelchResult {
  /** (mean x − mean y) / standard error. ±Infinity when both samples are constant and differ. */
  readonly t: number;
  /** Welch–Satterthwaite degrees of freedom; NaN when both samples are constant. */
  readonly df: number;
  /** Two-sided p-value. */
  readonly p: number;
}

function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample variance (n − 1 in the denominator). */
function varianceOf(values: readonly number[], mean: number): number {
  let sum = 0;
  for (const value of values) sum += (value - mean) * (value - mean);
  return sum / (values.length - 1);
}

/**
 * Welch's t test of `x` against `y`; each sample needs at least two finite values. When both
 * samples are constant there is no spread to test against: p is 0 if the constants differ (the
 * change is certain) and 1 if they are equal.
 */
export function welchTTest(x: readonly number[], y: readonly number[]): WelchResult {
  if (x.length < 2 || y.length < 2) {
    throw new RangeError("Welch's t test needs at least two values per sample");
  }
  const meanX = meanOf(x);
  const meanY = meanOf(y);
  const seX = varianceOf(x, meanX) / x.length;
  const seY = varianceOf(y, meanY) / y.length;
  const se2 = seX + seY;
  const difference = meanX - meanY;
  if (se2 === 0) {
    if (difference === 0) return { t: 0, df: Number.NaN, p: 1 };
    return { t: difference > 0 ? Infinity : -Infinity, df: Number.NaN, p: 0 };
  }
  const t = difference / Math.sqrt(se2);
  const df = (se2 * se2) / ((seX * seX) / (x.length - 1) + (seY * seY) / (y.length - 1));
  return { t, df, p: studentTTwoSided(t, df) };
}
