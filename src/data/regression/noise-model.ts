/**
 * The noise model of one series: where a run is expected to land, from the runs before it.
 *
 * - Log space: a change in performance is a ratio (10% slower is the same news at 20 ms and at
 *   2 s), and nightly timings spread multiplicatively, so the band is symmetric in ln(value).
 * - A trailing window of the last W runs (default 20): long enough for a stable median, short
 *   enough to follow slow drifts (driver updates, a new model revision) without flagging them.
 * - Median and 1.4826 × MAD: the robust counterparts of mean and standard deviation (1.4826 makes
 *   MAD estimate σ for normal noise). One bad night in the window moves neither, where it would
 *   inflate a standard deviation and hide the next real regression.
 * - A spread floor: a history with identical values has MAD 0, and any change would be infinitely
 *   many MADs away. Nightly serving benchmarks rarely repeat closer than about 0.5%, so the
 *   spread is at least that (0.005 in log units).
 * - A band of ±3 robust standard deviations for one run, narrowed to ±2 for three or more latest
 *   runs in a row on one side: each run is evidence, and three runs beyond ±2 together are rarer
 *   under noise than one beyond ±3, while a real step meets the narrower band far more reliably.
 * - A relative floor per metric: a change smaller than this is not worth anyone's time even when
 *   it is statistically clear. Tail percentiles move much more from night to night than means.
 */
import type { UsableRun } from './series-input';

/** Runs in the trailing window unless configured. */
export const DEFAULT_WINDOW = 20;
/** The window may be configured within these bounds; fewer runs give a MAD one run can move. */
export const MIN_WINDOW = 14;
export const MAX_WINDOW = 30;
/** Runs needed before a point to draw its band: the smallest window allowed. */
export const MIN_BAND_RUNS = MIN_WINDOW;
/** Makes MAD a consistent estimator of σ for normally distributed noise. */
export const MAD_TO_SIGMA = 1.4826;
/** The smallest spread, in log units (≈ 0.5%). */
export const MIN_SPREAD = 0.005;
/** A run is outside its band beyond this many robust standard deviations. */
export const Z_LIMIT = 3;
/**
 * The latest run alone (a `suspect`) must be beyond this many. A spread measured as the MAD of
 * 20 runs is itself uncertain, so under noise alone a run lands beyond 3 of them 2.1% of the time
 * (200,000 seeded normal windows), not the 0.27% a known σ gives: about ten false suspects a night
 * in 500 series. Beyond 4.5 it is 0.25%, about one. Two or more runs in a row (a confirmed change)
 * need less each, and their chance under noise is the product.
 */
export const LONE_Z_LIMIT = 4.5;
/**
 * Three or more latest runs in a row are outside a narrower band: beyond this many robust standard
 * deviations each, on one side (and beyond the floor). Under noise alone a run is beyond +2 with
 * chance 2.3%, so three in a row on one side happen about 2 · 0.023³ ≈ 2.4e-5 of the time; the
 * three runs after a real step of 5σ are all beyond it 99.6% of the time (Φ(3)³), where the first
 * two are both beyond ±3 only 95% of the time (Φ(2)²). The Western Electric and Nelson "2 of 3
 * beyond 2σ" rule, kept stricter: all of them.
 */
export const SUSTAINED_Z_LIMIT = 2;
/** Relative floor for means, medians, throughputs and other central metrics. */
export const CENTRAL_FLOOR = 0.03;
/** Relative floor for high percentiles (P90 and above) and standard deviations. */
export const TAIL_FLOOR = 0.1;
/** Percentiles from this one up are tail metrics. */
const TAIL_PERCENTILE = 90;

/** Throws unless the window is an integer within MIN_WINDOW..MAX_WINDOW. */
export function checkWindow(window: number): number {
  if (!Number.isInteger(window) || window < MIN_WINDOW || window > MAX_WINDOW) {
    throw new RangeError(
      `window must be a whole number of runs from ${MIN_WINDOW} to ${MAX_WINDOW}`,
    );
  }
  return window;
}

/**
 * The smallest relative change worth reporting for a metric, from its key: 10% for percentiles of
 * 90 and above (`ttft_p99`, `itl_p99.9`) and for standard deviations, which are as noisy; 3% for
 * everything else (means, medians, lower percentiles, throughputs, elapsed time).
 */
export function relativeFloor(metricKey: string): number {
  const stat = /_(std|p(\d{1,2}(?:\.\d+)?))$/.exec(metricKey);
  if (stat === null) return CENTRAL_FLOOR;
  if (stat[1] === 'std') return TAIL_FLOOR;
  return Number(stat[2]) >= TAIL_PERCENTILE ? TAIL_FLOOR : CENTRAL_FLOOR;
}

/** The median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  // A typed copy sorts numerically without a comparator, several times faster for the short
  // windows read thousands of times a night; the values are finite, so the order is the same.
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Median absolute deviation from the median. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const centre = median(values);
  return median(values.map((value) => Math.abs(value - centre)));
}

/** Where the next run is expected, from the runs of a window (in log space). */
export interface NoiseBand {
  /** Median of the window's ln(value). */
  readonly centre: number;
  /** max(1.4826 × MAD, MIN_SPREAD), in log units. */
  readonly spread: number;
  /** The window's runs, oldest first. */
  readonly window: readonly UsableRun[];
}

/** The band from a window of runs (at least one). */
export function noiseBand(window: readonly UsableRun[]): NoiseBand {
  const logs = window.map((run) => run.log);
  const spread = Math.max(MAD_TO_SIGMA * medianAbsoluteDeviation(logs), MIN_SPREAD);
  return { centre: median(logs), spread, window };
}

/**
 * The band for the run at `position` in `runs`: from the up to `window` runs before it; null with
 * fewer than MIN_BAND_RUNS of them.
 */
export function bandBefore(
  runs: readonly UsableRun[],
  position: number,
  window: number,
): NoiseBand | null {
  const from = Math.max(0, position - window);
  if (position - from < MIN_BAND_RUNS) return null;
  return noiseBand(runs.slice(from, position));
}

/** How a run stands against a band. */
export interface BandPosition {
  /** Robust z: (ln value − centre) / spread. */
  readonly z: number;
  /** Change from the band's centre, in percent: (value / e^centre − 1) × 100. */
  readonly changePct: number;
  /** |z| > the z limit (Z_LIMIT unless given) and |changePct| > the floor. */
  readonly outside: boolean;
  /** +1 above the band, −1 below, 0 inside. */
  readonly side: -1 | 0 | 1;
}

/**
 * Where a run (or any value, by its logarithm) stands against a band: outside beyond `zLimit`
 * robust SDs and the metric's floor.
 */
export function bandPosition(
  band: NoiseBand,
  run: Pick<UsableRun, 'log'>,
  floor: number,
  zLimit: number = Z_LIMIT,
): BandPosition {
  const z = (run.log - band.centre) / band.spread;
  const changePct = (Math.exp(run.log - band.centre) - 1) * 100;
  const outside = Math.abs(z) > zLimit && Math.abs(changePct) > floor * 100;
  const side = !outside ? 0 : z > 0 ? 1 : -1;
  return { z, changePct, outside, side };
}
