/**
 * Two ways a series shows a lasting change, as opposed to one bad night:
 *
 * - `latestStreak`: the latest runs sit outside the band drawn from the runs before them, all on
 *   the same side. One such run is a suspect; two or more in a row are a change that stayed (three
 *   or more against a band narrowed from ±3 to ±2 robust standard deviations).
 * - `findChangePoint`: the split of the recent runs into "before" and "after" that a Mann–Whitney
 *   test separates best. It catches changes the band misses, such as one that has lasted long
 *   enough to pull the trailing median with it, or runs that are shifted but noisy.
 */
import { mannWhitney, mannWhitneyOfU } from './mann-whitney';
import {
  LONE_Z_LIMIT,
  MIN_BAND_RUNS,
  SUSTAINED_Z_LIMIT,
  bandBefore,
  bandPosition,
  median,
  type BandPosition,
  type NoiseBand,
} from './noise-model';
import type { UsableRun } from './series-input';
import { welchTTest } from './welch';

/** A change point needs a Mann–Whitney p at or below this. */
export const CHANGE_P = 0.001;
/** Runs needed after a change point: a change seen on fewer nights is not known to last. */
export const MIN_AFTER = 3;
/** Runs needed before a change point, as for a band. */
export const MIN_BEFORE = MIN_BAND_RUNS;

/** The latest runs, outside the band of the runs before the first of them, on one side. */
export interface Streak {
  /** Position in the runs of the streak's first run. */
  readonly start: number;
  readonly band: NoiseBand;
  readonly runs: readonly UsableRun[];
  readonly positions: readonly BandPosition[];
  /** +1 when the values went up, −1 when they went down. */
  readonly side: 1 | -1;
}

/** Runs in a streak from which SUSTAINED_Z_LIMIT, not Z_LIMIT, puts each outside the band. */
export const SUSTAINED_RUNS = 3;

/**
 * The longest run of latest points outside the band drawn before the first of them, on one side;
 * null when there is none. "Outside" is |z| > LONE_Z_LIMIT (4.5) for the latest run alone,
 * |z| > Z_LIMIT (3) for each of two, and |z| > SUSTAINED_Z_LIMIT (2) for each of SUSTAINED_RUNS (3)
 * or more, always beyond the floor. Grows the
 * streak backwards from the latest run and stops at the first run that is not even beyond the
 * narrower band, so a spike two nights ago followed by a normal night is no streak, and three
 * runs each about 2.5 robust SDs high are one (where no single one of them would be a suspect).
 */
export function latestStreak(
  runs: readonly UsableRun[],
  window: number,
  floor: number,
): Streak | null {
  let best: Streak | null = null;
  for (let start = runs.length - 1; start >= MIN_BAND_RUNS; start--) {
    const band = bandBefore(runs, start, window);
    if (band === null) break;
    const streakRuns = runs.slice(start);
    const loose = streakRuns.map((run) => bandPosition(band, run, floor, SUSTAINED_Z_LIMIT));
    const side = loose[0]?.side ?? 0;
    // Beyond the narrower band is needed at every length: once a run is not, no longer streak is.
    if (side === 0 || loose.some((position) => position.side !== side)) break;
    const positions =
      streakRuns.length >= SUSTAINED_RUNS
        ? loose
        : streakRuns.map((run) =>
            bandPosition(band, run, floor, streakRuns.length === 1 ? LONE_Z_LIMIT : undefined),
          );
    if (positions.every((position) => position.side === side)) {
      best = { start, band, runs: streakRuns, positions, side };
    }
  }
  return best;
}

/** The best split of the recent runs found by the change-point scan. */
export interface ChangePoint {
  /** Position in the runs of the first run after the change. */
  readonly start: number;
  readonly before: readonly UsableRun[];
  readonly after: readonly UsableRun[];
  /** Mann–Whitney two-sided p of after against before, on ln(value). */
  readonly p: number;
  readonly method: 'exact' | 'normal';
  /** Welch's two-sided p on the same split, as a second opinion. */
  readonly welchP: number;
  /** Medians of the values (not the logs) before and after. */
  readonly medianBefore: number;
  readonly medianAfter: number;
  /** (medianAfter / medianBefore − 1) × 100. */
  readonly changePct: number;
  /** The change of the median of the last MIN_AFTER runs from medianBefore, in percent. */
  readonly recentChangePct: number;
  /** Splits tried: the p is the smallest of these many tests. */
  readonly candidates: number;
}

/** The change from `from` to `to` in percent: the difference first, so 200 → 240.5 is 20.25, not 20.2499…. */
function percent(from: number, to: number): number {
  return ((to - from) / from) * 100;
}

/** U of logs[split..] against logs[from..split): the pairs with the later run above (no ties). */
function countAbove(logs: readonly number[], from: number, split: number): number {
  let u = 0;
  for (let a = split; a < logs.length; a++) {
    const value = logs[a] ?? Number.NaN;
    for (let b = from; b < split; b++) if (value > (logs[b] ?? Number.NaN)) u += 1;
  }
  return u;
}

/**
 * The split point k that a Mann–Whitney test of runs[k..] against the up to `window` runs before
 * k separates best (smallest p), trying every k that leaves at least MIN_AFTER runs after, at most
 * `window`, and at least MIN_BEFORE before. The "after" side always runs to the latest run, so a
 * change that went away again weakens its own test. Null when no split fits.
 *
 * The p reported is the smallest of up to `window` − 2 tests, so it is optimistic as a p-value of
 * "is there a change anywhere": the strict limit (0.001), the relative floor and the correction
 * across a night's series are what keep the false alarms rare, and `candidates` says how many
 * splits were tried.
 */
export function findChangePoint(runs: readonly UsableRun[], window: number): ChangePoint | null {
  const n = runs.length;
  let best: { start: number; p: number; method: 'exact' | 'normal' } | null = null;
  let candidates = 0;
  const first = Math.max(MIN_BEFORE, n - window);
  // The logs of the runs any split looks at, read once rather than once per split.
  const offset = Math.max(0, first - window);
  const logs = runs.slice(offset).map((run) => run.log);
  // Without ties among those runs (the usual case), U is counted pair by pair, with no ranking.
  const distinct = new Set(logs).size === logs.length;
  for (let start = first; start <= n - MIN_AFTER; start++) {
    const from = Math.max(0, start - window) - offset;
    const split = start - offset;
    const test = distinct
      ? mannWhitneyOfU(countAbove(logs, from, split), logs.length - split, split - from, 0)
      : mannWhitney(logs.slice(split), logs.slice(from, split));
    candidates += 1;
    if (best === null || test.p < best.p) best = { start, p: test.p, method: test.method };
  }
  if (best === null) return null;
  const before = runs.slice(Math.max(0, best.start - window), best.start);
  const after = runs.slice(best.start);
  const medianBefore = median(before.map((run) => run.value));
  const medianAfter = median(after.map((run) => run.value));
  const recent = median(after.slice(-MIN_AFTER).map((run) => run.value));
  return {
    start: best.start,
    before,
    after,
    p: best.p,
    method: best.method,
    welchP: welchTTest(
      after.map((run) => run.log),
      before.map((run) => run.log),
    ).p,
    medianBefore,
    medianAfter,
    changePct: percent(medianBefore, medianAfter),
    recentChangePct: percent(medianBefore, recent),
    candidates,
  };
}

/**
 * Whether a change point is a lasting change worth reporting, before any correction across
 * series: p ≤ `pLimit`; the change of the medians beyond the metric's floor; and the last
 * MIN_AFTER runs still beyond the floor on the same side (a change that has since gone away is not
 * reported as current).
 */
export function changePointHolds(
  point: ChangePoint,
  floor: number,
  pLimit: number = CHANGE_P,
): boolean {
  const limit = floor * 100;
  return (
    point.p <= pLimit &&
    Math.abs(point.changePct) > limit &&
    Math.abs(point.recentChangePct) > limit &&
    Math.sign(point.recentChangePct) === Math.sign(point.changePct)
  );
}
