/**
 * A comparison's verdict from the series' own noise: when the runs before the candidate are enough
 * to know how much this metric of this test on this GPU moves from night to night, a change is
 * judged against that, not against a fixed percentage. The band is the regression engine's
 * (src/data/regression/noise-model.ts); this file only decides what counts as history and how a
 * candidate and its baseline are read against the band.
 *
 * - History before the candidate: the dated runs of the same GPU and test dated strictly before
 *   the candidate (so the candidate itself and anything later, or on the same date, are left out).
 *   An undated candidate has no place in time; then, when the baseline is dated, the history is
 *   the runs up to and including the baseline's date (a run set against a baseline is taken as
 *   newer than it, as a PR run set against last night's nightly is). With neither dated there is
 *   no history. Runs without a date are never history.
 * - The band's centre, not the baseline, is where "outside the noise" is measured from: the
 *   baseline is one night with noise of its own, and a z measured from a lucky (or unlucky)
 *   baseline would call a typical candidate a regression. The centre is the median of up to 20
 *   nights, which one odd night does not move.
 * - The change shown stays the candidate against the baseline, as with a threshold, and it must
 *   also be beyond the metric's relative floor, on the same side as the band says: a candidate
 *   outside the band but on the other side of the baseline (the baseline was the odd night) gets
 *   no verdict of change, since the row would contradict itself.
 * - Too little history (fewer than MIN_BAND_RUNS usable runs): the fixed threshold decides.
 */
import { compareText } from '../text-order';
import { DEFAULT_WINDOW, bandBefore, bandPosition, relativeFloor } from '../regression/noise-model';
import { runDate, usableRuns, type RunPoint, type UsableRun } from '../regression/series-input';
import type { Verdict } from './metric-verdict';

/** Which rule gave a metric its verdict. */
export type MetricRule =
  | {
      readonly kind: 'history';
      /** Runs in the band: the last DEFAULT_WINDOW runs before the candidate, or fewer. */
      readonly runs: number;
      /** The band's spread as a percentage: (e^spread − 1) × 100. */
      readonly spreadPct: number;
      /** Robust z of the candidate: (ln candidate − band centre) / spread. */
      readonly z: number;
      /** The metric's relative floor, in percent (3 for central metrics, 10 for tails). */
      readonly floorPct: number;
    }
  | {
      readonly kind: 'threshold';
      /** The threshold (percent) that applied. */
      readonly threshold: number;
      /**
       * Usable runs of history there were (0 when none): fewer than MIN_BAND_RUNS, unless history
       * could not judge this change (a candidate of 0, a baseline of 0).
       */
      readonly historyRuns: number;
    };

/** Which dated runs are history: those before a date, or those up to and including one. */
export type HistoryCutoff =
  | { readonly kind: 'before'; readonly date: string }
  | { readonly kind: 'through'; readonly date: string };

/**
 * The cutoff of a comparison from the dates of its two runs (see the file's comment): before the
 * candidate's date; through the baseline's when only the baseline is dated; null when neither is.
 */
export function historyCutoff(
  baselineDate: string | null,
  candidateDate: string | null,
): HistoryCutoff | null {
  if (candidateDate !== null) return { kind: 'before', date: candidateDate };
  if (baselineDate !== null) return { kind: 'through', date: baselineDate };
  return null;
}

/** Whether a run of this date is history under the cutoff. */
export function inHistory(date: string, cutoff: HistoryCutoff): boolean {
  const order = compareText(date, cutoff.date);
  return cutoff.kind === 'before' ? order < 0 : order <= 0;
}

/**
 * The usable runs of a series (points in date order, as `testSeries` gives them) that are history
 * under the cutoff, oldest first. Points without a date, a value, or a positive finite value are
 * not runs. Two runs of the history on one date cannot be put in order, and the engine refuses
 * such a series; then there is no history and the threshold decides.
 */
export function historyBefore(
  points: readonly RunPoint[],
  cutoff: HistoryCutoff,
): readonly UsableRun[] {
  const before = points.filter((point) => {
    const date = runDate(point);
    return date !== null && inHistory(date, cutoff);
  });
  const usable = usableRuns(before);
  return usable.ok ? usable.runs : [];
}

/** A verdict and the rule it came from. */
export interface RuledVerdict {
  readonly verdict: Verdict;
  readonly rule: MetricRule;
}

/**
 * The verdict on a change from the series' noise, or null when history cannot decide: fewer than
 * MIN_BAND_RUNS runs, a candidate that is not positive (no logarithm), or no relative change
 * (a baseline of 0). A regression or improvement needs the candidate outside the band (|z| above
 * Z_LIMIT and beyond the floor from the band's centre, as the regression engine has it) and the
 * change from the baseline beyond the floor on the same side; anything else is within noise.
 */
export function judgeByHistory(
  key: string,
  direction: 'lower' | 'higher',
  candidate: number,
  changePct: number | null,
  history: readonly UsableRun[],
): RuledVerdict | null {
  if (changePct === null || !(candidate > 0) || !Number.isFinite(candidate)) return null;
  const band = bandBefore(history, history.length, DEFAULT_WINDOW);
  if (band === null) return null;
  const floor = relativeFloor(key);
  const position = bandPosition(band, { log: Math.log(candidate) }, floor);
  const changeSide = changePct > 0 ? 1 : changePct < 0 ? -1 : 0;
  const beyond =
    position.outside && Math.abs(changePct) > floor * 100 && changeSide === position.side;
  const worseSide = direction === 'lower' ? 1 : -1;
  const verdict: Verdict = !beyond
    ? 'within noise'
    : position.side === worseSide
      ? 'regression'
      : 'improvement';
  return {
    verdict,
    rule: {
      kind: 'history',
      runs: band.window.length,
      spreadPct: (Math.exp(band.spread) - 1) * 100,
      z: position.z,
      floorPct: floor * 100,
    },
  };
}
