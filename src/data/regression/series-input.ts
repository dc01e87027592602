/**
 * What the regression engine reads: one series per (GPU, test, metric), one point per nightly run,
 * in date order. The shape is small on purpose, so any source (the loaded datasets, a CI export)
 * can feed it without knowing the app's result model.
 *
 * Points that cannot be judged are not silently dropped: runs without a date are counted, and
 * values that are missing, not finite or not positive (the engine works on logarithms) are listed
 * with the reason, so the UI can say what it left out.
 */

import { compareText } from '../text-order';

export interface SeriesKey {
  readonly gpu: string;
  readonly testName: string;
  /** A metric key of `src/data/metrics.ts` (`ttft_p99`, `request_throughput`, …). */
  readonly metric: string;
}

export interface RunPoint {
  /** ISO 8601 date of the run (`2026-01-21` or `2026-01-21T03:15:00`), or null when unknown. */
  readonly date: string | null;
  readonly commit?: string;
  /** The measured value; null, NaN and ±Infinity are skipped and reported. */
  readonly value: number | null;
}

export interface SeriesInput {
  readonly key: SeriesKey;
  /** In date order (see `orderPoints` to get there). */
  readonly points: readonly RunPoint[];
}

/** A run the engine uses: dated, with a finite positive value. */
export interface UsableRun {
  /** Its index in the input's `points`, so the UI can point at it. */
  readonly index: number;
  readonly date: string;
  readonly commit: string | null;
  readonly value: number;
  /** ln(value): changes in performance are ratios, so the engine measures in log space. */
  readonly log: number;
}

export interface SkippedPoint {
  readonly index: number;
  readonly date: string;
  readonly reason: 'missing' | 'not finite' | 'not positive';
}

/** Two or more runs of one series on the same date. */
export interface DuplicateDate {
  readonly date: string;
  /** Indexes in the input's `points`. */
  readonly indexes: readonly number[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** True for a digit's character code. */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Where `YYYY-MM-DD` has its digits. */
const DAY_DIGITS: readonly number[] = [0, 1, 2, 3, 5, 6, 8, 9];

/** `YYYY-MM-DD`, checked by character: most runs' dates, read without a regular expression. */
function isPlainDay(date: string): boolean {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return false;
  for (const at of DAY_DIGITS) if (!isDigit(date.charCodeAt(at))) return false;
  return true;
}

/** The date when it is a usable ISO 8601 date (no zone), else null: an unreadable date is none. */
export function runDate(point: Pick<RunPoint, 'date'>): string | null {
  const { date } = point;
  return date !== null && (isPlainDay(date) || ISO_DATE.test(date)) ? date : null;
}

export type OrderedPoints =
  | {
      readonly ok: true;
      /** The dated points, earliest first. */
      readonly points: readonly RunPoint[];
      /** Points left out for having no (readable) date. */
      readonly undated: number;
    }
  | {
      readonly ok: false;
      /** Says which dates repeat, for the UI to show as is. */
      readonly message: string;
      readonly duplicates: readonly DuplicateDate[];
      readonly undated: number;
    };

function duplicateMessage(duplicates: readonly DuplicateDate[]): string {
  const list = duplicates
    .map((duplicate) => `${duplicate.indexes.length} runs on ${duplicate.date}`)
    .join(', ');
  return `runs share a date (${list}): one run per date is needed to put them in order`;
}

/** Dates repeated among the dated points, in date order. */
export function duplicateDates(points: readonly RunPoint[]): DuplicateDate[] {
  const byDate = new Map<string, number[]>();
  points.forEach((point, index) => {
    const date = runDate(point);
    if (date === null) return;
    const indexes = byDate.get(date);
    if (indexes === undefined) byDate.set(date, [index]);
    else indexes.push(index);
  });
  return [...byDate.entries()]
    .filter(([, indexes]) => indexes.length > 1)
    .map(([date, indexes]) => ({ date, indexes }))
    .sort((a, b) => compareText(a.date, b.date));
}

/**
 * The points in date order, runs without a date left out and counted. Two runs with the same date
 * (the same text: `2026-01-21` and `2026-01-21T03:00` are different dates) cannot be ordered, and
 * a re-run on the same night would count twice as evidence; they are refused with a message
 * rather than ordered arbitrarily.
 */
export function orderPoints(points: readonly RunPoint[]): OrderedPoints {
  const dated = points.filter((point) => runDate(point) !== null);
  const undated = points.length - dated.length;
  const duplicates = duplicateDates(points);
  if (duplicates.length > 0) {
    return { ok: false, message: duplicateMessage(duplicates), duplicates, undated };
  }
  // Dates are ISO 8601 without zone, so text order is time order.
  const sorted = [...dated].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1));
  return { ok: true, points: sorted, undated };
}

export type UsableSeries =
  | {
      readonly ok: true;
      readonly runs: readonly UsableRun[];
      readonly undated: number;
      readonly skipped: readonly SkippedPoint[];
      /** True when usable runs older than `runs` were left unread (`latest` was given). */
      readonly truncated: boolean;
    }
  | { readonly ok: false; readonly message: string; readonly undated: number };

function usableValue(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value > 0;
}

/** The index of the first point from which `latest` points have a usable value (0 when fewer). */
function tailStart(points: readonly RunPoint[], latest: number): number {
  let count = 0;
  for (let index = points.length - 1; index >= 0; index--) {
    const point = points[index];
    if (point === undefined || point.date === null || !usableValue(point.value)) continue;
    count += 1;
    if (count === latest) return index;
  }
  return 0;
}

/**
 * The runs of an input already in date order that the engine can use. Refuses (with a message)
 * points out of date order or sharing a date, instead of judging a series in the wrong order.
 *
 * With `latest`, only the last `latest` usable runs are made (a year of nightlies is hundreds of
 * points per series, and the rules look back a few windows): every point is still checked for its
 * date and order, and every point without a usable value is still listed.
 */
export function usableRuns(
  points: readonly RunPoint[],
  latest: number = Number.POSITIVE_INFINITY,
): UsableSeries {
  const from = Number.isFinite(latest) ? tailStart(points, latest) : 0;
  const runs: UsableRun[] = [];
  const skipped: SkippedPoint[] = [];
  let undated = 0;
  let previous: string | null = null;
  let truncated = false;
  for (let index = 0; index < points.length; index++) {
    const point = points[index];
    const date = point === undefined ? null : runDate(point);
    if (point === undefined || date === null) {
      undated += 1;
      continue;
    }
    if (previous !== null && date <= previous) {
      const duplicates = duplicateDates(points);
      const message =
        duplicates.length > 0
          ? duplicateMessage(duplicates)
          : `runs are not in date order (${date} comes after ${previous})`;
      return { ok: false, message, undated };
    }
    previous = date;
    const value = point.value;
    if (value === null) skipped.push({ index, date, reason: 'missing' });
    else if (!Number.isFinite(value)) skipped.push({ index, date, reason: 'not finite' });
    else if (value <= 0) skipped.push({ index, date, reason: 'not positive' });
    else if (index < from) truncated = true;
    else runs.push({ index, date, commit: point.commit ?? null, value, log: Math.log(value) });
  }
  return { ok: true, runs, undated, skipped, truncated };
}
