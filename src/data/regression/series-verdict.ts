/**
 * The verdict on one series: is its latest state a regression, an improvement, a suspect or
 * nothing, and on what evidence.
 *
 * The order of the rules, and why:
 * 1. A series that cannot be ordered (runs sharing a date) or whose metric has no better direction
 *    (request counts, unknown columns) gets no verdict, with the reason.
 * 2. Fewer than MIN_BAND_RUNS + 1 usable runs: no band can be drawn, so `insufficient`, saying how
 *    many runs there are and how many are needed.
 * 3. `confirmed` when the change lasted: a change point (Mann–Whitney p ≤ 0.001, the change beyond
 *    the floor and still there in the last 3 runs) or the latest 2+ runs outside the band on the
 *    same side (3+ runs against the band narrowed to ±2 robust SDs). A one-night spike followed
 *    by a normal night meets neither. The band carries a fresh change: with 20 runs before, a
 *    change point needs 4 runs after (3 runs above all 20 is p = 2/C(23, 3) = 1.1e-3 at best),
 *    and one series' p among a night's 500 needs far more to survive the correction.
 * 4. `suspect` when only the latest run is outside its band: beyond LONE_Z_LIMIT (4.5) robust SDs,
 *    wider than the band's 3 since one run alone is judged against a spread itself estimated,
 *    and beyond the floor.
 * 5. `ok` otherwise.
 */
import { describeMetric, type MetricDirection } from '../metrics';
import {
  CHANGE_P,
  changePointHolds,
  findChangePoint,
  latestStreak,
  type ChangePoint,
  type Streak,
} from './change-point';
import {
  DEFAULT_WINDOW,
  MAX_WINDOW,
  MIN_BAND_RUNS,
  bandBefore,
  bandPosition,
  checkWindow,
  median,
  relativeFloor,
} from './noise-model';
import {
  usableRuns,
  type SeriesInput,
  type SeriesKey,
  type SkippedPoint,
  type UsableRun,
} from './series-input';

export interface SeriesOptions {
  /** Runs in the trailing window, MIN_WINDOW..MAX_WINDOW (default DEFAULT_WINDOW). */
  readonly window?: number;
  /** The latest usable runs read (default RUNS_READ; Infinity for all, as the chart draws them). */
  readonly runsRead?: number;
}

export type ChangeKind = 'regression' | 'improvement';

/** A run as the UI points at it. */
export interface RunRef {
  /** Index in the input's `points`. */
  readonly index: number;
  readonly date: string;
  readonly commit: string | null;
}

export type Evidence =
  | {
      readonly test: 'mann-whitney';
      readonly p: number;
      readonly method: 'exact' | 'normal';
      /** Benjamini–Hochberg adjusted p across the night's series; null for one series alone. */
      readonly adjustedP: number | null;
      readonly welchP: number;
      /** Split points tried: p is the smallest of this many tests. */
      readonly candidates: number;
      readonly nBefore: number;
      readonly nAfter: number;
      /** First and last run the test looked at. */
      readonly from: RunRef;
      readonly to: RunRef;
    }
  | {
      readonly test: 'band';
      /** The robust z of the changed run closest to its band (every one is at least this far). */
      readonly z: number;
      /** Runs in the band's window, and runs outside it. */
      readonly nBefore: number;
      readonly nAfter: number;
      readonly from: RunRef;
      readonly to: RunRef;
    };

export interface Finding {
  readonly kind: ChangeKind;
  readonly firstChanged: RunRef;
  readonly lastGood: RunRef;
  readonly medianBefore: number;
  readonly medianAfter: number;
  /** Signed change of the medians in percent (+ is up, whatever the direction). */
  readonly changePct: number;
  readonly evidence: Evidence;
}

export type SeriesVerdict =
  | { readonly status: 'invalid'; readonly reason: string }
  | { readonly status: 'neutral'; readonly reason: string }
  | {
      readonly status: 'insufficient';
      readonly reason: string;
      readonly runs: number;
      readonly needed: number;
    }
  | { readonly status: 'ok'; readonly reason: string }
  | { readonly status: 'suspect'; readonly reason: string; readonly finding: Finding }
  | { readonly status: 'confirmed'; readonly reason: string; readonly finding: Finding };

export type VerdictStatus = SeriesVerdict['status'];

/** Everything worked out for one series, so a verdict can be reconsidered across series. */
export interface SeriesAnalysis {
  readonly key: SeriesKey;
  readonly direction: MetricDirection;
  /** The metric's relative floor (0.03 = 3%). */
  readonly floor: number;
  readonly window: number;
  /** Why the runs cannot be judged at all (runs sharing a date, out of order), or null. */
  readonly problem: string | null;
  readonly runs: readonly UsableRun[];
  readonly undated: number;
  readonly skipped: readonly SkippedPoint[];
  readonly streak: Streak | null;
  /** The best split of the scan, whether or not it holds; null when no split fits. */
  readonly changePoint: ChangePoint | null;
  readonly verdict: SeriesVerdict;
}

/** Usable runs needed for any verdict. */
export const MIN_RUNS = MIN_BAND_RUNS + 1;
/**
 * Latest runs outside the band, on one side, that confirm a change without a change point (from
 * SUSTAINED_RUNS in a row, against the narrower band of change-point.ts's `latestStreak`).
 */
export const MIN_STREAK = 2;

function ref(run: UsableRun): RunRef {
  return { index: run.index, date: run.date, commit: run.commit };
}

function kindOf(direction: 'lower' | 'higher', wentUp: boolean): ChangeKind {
  return (direction === 'lower') === wentUp ? 'regression' : 'improvement';
}

/** `+10.0`, `−3.2`, `0.0`: a signed number with a true minus sign, as the UI prints changes. */
function signed(value: number): string {
  const text = Math.abs(value).toFixed(1);
  if (text === '0.0') return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

function runText(run: RunRef): string {
  return run.commit === null ? `the run of ${run.date}` : `the run of ${run.date} (${run.commit})`;
}

function pText(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toPrecision(2);
}

function changePointFinding(
  point: ChangePoint,
  direction: 'lower' | 'higher',
  adjustedP: number | null,
): Finding {
  const first = point.after[0];
  const last = point.before[point.before.length - 1];
  const from = point.before[0];
  const to = point.after[point.after.length - 1];
  if (first === undefined || last === undefined || from === undefined || to === undefined) {
    throw new Error('a change point has runs on both sides');
  }
  return {
    kind: kindOf(direction, point.changePct > 0),
    firstChanged: ref(first),
    lastGood: ref(last),
    medianBefore: point.medianBefore,
    medianAfter: point.medianAfter,
    changePct: point.changePct,
    evidence: {
      test: 'mann-whitney',
      p: point.p,
      method: point.method,
      adjustedP,
      welchP: point.welchP,
      candidates: point.candidates,
      nBefore: point.before.length,
      nAfter: point.after.length,
      from: ref(from),
      to: ref(to),
    },
  };
}

function streakFinding(streak: Streak, direction: 'lower' | 'higher'): Finding {
  const first = streak.runs[0];
  const last = streak.band.window[streak.band.window.length - 1];
  const from = streak.band.window[0];
  const to = streak.runs[streak.runs.length - 1];
  if (first === undefined || last === undefined || from === undefined || to === undefined) {
    throw new Error('a streak has runs and a band');
  }
  const medianBefore = median(streak.band.window.map((run) => run.value));
  const medianAfter = median(streak.runs.map((run) => run.value));
  const closest = streak.positions.reduce((a, b) => (Math.abs(b.z) < Math.abs(a.z) ? b : a));
  return {
    kind: kindOf(direction, streak.side > 0),
    firstChanged: ref(first),
    lastGood: ref(last),
    medianBefore,
    medianAfter,
    changePct: ((medianAfter - medianBefore) / medianBefore) * 100,
    evidence: {
      test: 'band',
      z: closest.z,
      nBefore: streak.band.window.length,
      nAfter: streak.runs.length,
      from: ref(from),
      to: ref(to),
    },
  };
}

function findingText(finding: Finding): string {
  const evidence = finding.evidence;
  const change = `${signed(finding.changePct)}% (median ${finding.medianBefore.toPrecision(4)} → ${finding.medianAfter.toPrecision(4)})`;
  if (evidence.test === 'mann-whitney') {
    const adjusted =
      evidence.adjustedP === null ? '' : `, ${pText(evidence.adjustedP)} adjusted across series`;
    return `${finding.kind} from ${runText(finding.firstChanged)}: ${change}; Mann–Whitney p = ${pText(evidence.p)}${adjusted} (${evidence.nBefore} runs before, ${evidence.nAfter} after)`;
  }
  const runs =
    evidence.nAfter === 1 ? 'the latest run is' : `the latest ${evidence.nAfter} runs are`;
  return `${finding.kind} from ${runText(finding.firstChanged)}: ${change}; ${runs} outside the band of the ${evidence.nBefore} runs before (|z| ≥ ${Math.abs(evidence.z).toFixed(1)})`;
}

/** `; 2 runs left out (1 without a value, 1 without a date)`, or nothing when none was. */
function leftOutText(analysis: Pick<SeriesAnalysis, 'skipped' | 'undated'>): string {
  const parts: string[] = [];
  if (analysis.skipped.length > 0) parts.push(`${analysis.skipped.length} without a usable value`);
  if (analysis.undated > 0) parts.push(`${analysis.undated} without a date`);
  if (parts.length === 0) return '';
  const total = analysis.skipped.length + analysis.undated;
  return `; ${total} ${total === 1 ? 'run' : 'runs'} left out (${parts.join(', ')})`;
}

/** How a change point is judged: by its own p, or by a p adjusted across series. */
export interface ChangePointRule {
  /** The adjusted p of this series' change point, when adjusted across series. */
  readonly adjustedP: number | null;
  /** The limit the adjusted p must meet (the q of the correction). */
  readonly q: number | null;
}

const NO_ADJUSTMENT: ChangePointRule = { adjustedP: null, q: null };

/**
 * The verdict from an analysis, with a change point accepted when it holds on its own and, when
 * adjusted across series, its adjusted p is at most q. Used by `analyzeSeries` and again by the
 * night's analysis once the adjusted p-values are known.
 */
export function decideVerdict(
  analysis: Omit<SeriesAnalysis, 'verdict'>,
  rule: ChangePointRule = NO_ADJUSTMENT,
): SeriesVerdict {
  if (analysis.problem !== null) return { status: 'invalid', reason: analysis.problem };
  const direction = analysis.direction;
  if (direction === 'neutral') {
    const label = describeMetric(analysis.key.metric).label;
    return { status: 'neutral', reason: `no verdict: ${label} is neither better up nor down` };
  }
  const n = analysis.runs.length;
  if (n < MIN_RUNS) {
    return {
      status: 'insufficient',
      reason: `insufficient history (${n} runs, needs ${MIN_RUNS})${leftOutText(analysis)}`,
      runs: n,
      needed: MIN_RUNS,
    };
  }
  const point = analysis.changePoint;
  const accepted =
    point !== null &&
    changePointHolds(point, analysis.floor, CHANGE_P) &&
    (rule.q === null || (rule.adjustedP !== null && rule.adjustedP <= rule.q));
  if (point !== null && accepted) {
    const finding = changePointFinding(point, direction, rule.adjustedP);
    return { status: 'confirmed', reason: findingText(finding), finding };
  }
  const streak = analysis.streak;
  if (streak !== null) {
    const finding = streakFinding(streak, direction);
    const status = streak.runs.length >= MIN_STREAK ? 'confirmed' : 'suspect';
    const prefix = status === 'suspect' ? 'suspect ' : '';
    return { status, reason: `${prefix}${findingText(finding)}`, finding };
  }
  const latest = analysis.runs[n - 1];
  const band = bandBefore(analysis.runs, n - 1, analysis.window);
  if (latest === undefined || band === null) throw new Error('enough runs have a band');
  const position = bandPosition(band, latest, analysis.floor);
  return {
    status: 'ok',
    reason: `within noise: the latest run is ${signed(position.changePct)}% from the median of the ${band.window.length} runs before (z = ${signed(position.z)})`,
  };
}

/**
 * Usable runs an analysis reads unless told otherwise: the latest 3 × MAX_WINDOW. No rule looks
 * further back than two windows: a change point's split has at most a window after it and a
 * window before; a streak is judged against the window before its first run, and it can only be
 * a streak while that band is still the old level, less than half a window after the change (past
 * that, the latest run is inside the band of the runs before it, and the streak ends there).
 * The third window is margin. A year of nightlies is 365 points per series: reading them all is
 * most of the engine's time, for the same verdicts.
 */
export const RUNS_READ = 3 * MAX_WINDOW;

/** Analyses one series (points in date order) and gives its verdict, as if it were alone. */
export function analyzeSeries(input: SeriesInput, options: SeriesOptions = {}): SeriesAnalysis {
  const window = checkWindow(options.window ?? DEFAULT_WINDOW);
  const usable = usableRuns(input.points, options.runsRead ?? RUNS_READ);
  const direction = describeMetric(input.key.metric).direction;
  const floor = relativeFloor(input.key.metric);
  if (!usable.ok) {
    return {
      key: input.key,
      direction,
      floor,
      window,
      problem: usable.message,
      runs: [],
      undated: usable.undated,
      skipped: [],
      streak: null,
      changePoint: null,
      verdict: { status: 'invalid', reason: usable.message },
    };
  }
  const runs = usable.runs;
  const judged = direction !== 'neutral' && runs.length >= MIN_RUNS;
  const parts = {
    key: input.key,
    direction,
    floor,
    window,
    problem: null,
    runs,
    undated: usable.undated,
    skipped: usable.skipped,
    streak: judged ? latestStreak(runs, window, floor) : null,
    changePoint: judged ? findChangePoint(runs, window) : null,
  };
  return { ...parts, verdict: decideVerdict(parts) };
}
