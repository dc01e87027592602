/**
 * Runs a person has marked in a GPU's history, and what the regression engine does with them.
 *
 * - An **outlier** (a night on a broken machine, a run cut short) is left out of every series of
 *   its GPU: it moves no band and counts as no evidence, before or after a change.
 * - A **known change** (a deliberate one: a new default, a model revision, a driver upgrade) starts
 *   the GPU's history again at that run: the runs before it no longer set the noise band or test
 *   for a change, so the step it made is not reported night after night. Until enough runs follow
 *   it, its series say so ("insufficient history") rather than judge on the old level.
 *
 * A mark names a run by its GPU and its date (as the run gives it), so it finds the same run when
 * the same files are loaded again, and it is kept in the browser, not in the files.
 */
import { compareText } from '../text-order';

export type RunMarkKind = 'outlier' | 'known change';

export const RUN_MARK_KINDS: readonly RunMarkKind[] = ['outlier', 'known change'];

export interface RunMark {
  readonly gpu: string;
  /** The run's date as its file or path gives it (`2026-09-17`, `2026-09-17T03:15:00`). */
  readonly date: string;
  readonly kind: RunMarkKind;
}

/** The most marks kept: far more than anyone sets by hand, and a bound on hostile storage. */
export const MAX_RUN_MARKS = 1000;
/** The longest GPU name or date a mark keeps. */
const MAX_TEXT = 200;

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
}

function isKind(value: unknown): value is RunMarkKind {
  return typeof value === 'string' && (RUN_MARK_KINDS as readonly string[]).includes(value);
}

/**
 * The marks in remembered JSON, checked one by one: anything that is not a mark (another shape,
 * another kind, text too long, a repeat of a run already marked) is dropped, never trusted.
 */
export function readRunMarks(json: string | null): RunMark[] {
  if (json === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  let marks: RunMark[] = [];
  for (const item of parsed.slice(0, MAX_RUN_MARKS) as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { gpu, date, kind } = item as Record<string, unknown>;
    if (!isText(gpu) || !isText(date) || !isKind(kind)) continue;
    marks = withRunMark(marks, { gpu, date, kind });
  }
  return marks;
}

/** The mark of a run, or null. */
export function runMarkOf(
  marks: readonly RunMark[],
  gpu: string,
  date: string,
): RunMarkKind | null {
  return marks.find((mark) => mark.gpu === gpu && mark.date === date)?.kind ?? null;
}

/** The marks with this run's mark set (replacing the one it had), or removed when `kind` is null. */
export function withRunMark(
  marks: readonly RunMark[],
  mark: { readonly gpu: string; readonly date: string; readonly kind: RunMarkKind | null },
): RunMark[] {
  const others = marks.filter((other) => other.gpu !== mark.gpu || other.date !== mark.date);
  if (mark.kind === null) return others;
  return [...others, { gpu: mark.gpu, date: mark.date, kind: mark.kind }];
}

/** The date of the latest run of the GPU marked as a known change, or null. */
export function knownChangeOf(marks: readonly RunMark[], gpu: string): string | null {
  let latest: string | null = null;
  for (const mark of marks) {
    if (mark.gpu !== gpu || mark.kind !== 'known change') continue;
    if (latest === null || mark.date > latest) latest = mark.date;
  }
  return latest;
}

/** What the marks of one GPU did to its dated runs. */
export interface MarkedRuns<T> {
  /** The runs the engine reads: outliers out, and nothing from before a known change. */
  readonly kept: readonly T[];
  /** Dated runs left out as outliers. */
  readonly outliers: number;
  /** The known change the history starts at, and the runs before it left out. */
  readonly knownChange: string | null;
  readonly beforeKnownChange: number;
}

/**
 * Applies one GPU's marks to its dated runs (`dateOf` gives a run's date). Runs without a date are
 * the caller's: they are never marked.
 */
export function applyRunMarks<T>(
  runs: readonly T[],
  dateOf: (run: T) => string,
  marks: readonly RunMark[],
  gpu: string,
): MarkedRuns<T> {
  const knownChange = knownChangeOf(marks, gpu);
  const outlierDates = new Set(
    marks.filter((mark) => mark.gpu === gpu && mark.kind === 'outlier').map((mark) => mark.date),
  );
  const kept: T[] = [];
  let outliers = 0;
  let beforeKnownChange = 0;
  for (const run of runs) {
    const date = dateOf(run);
    if (knownChange !== null && date < knownChange) beforeKnownChange += 1;
    else if (outlierDates.has(date)) outliers += 1;
    else kept.push(run);
  }
  return { kept, outliers, knownChange, beforeKnownChange };
}

/** The marks as lines of the exported report, GPU and date order: `8×H100 2026-09-17: outlier`. */
export function runMarkLines(marks: readonly RunMark[]): string[] {
  return [...marks]
    .sort((a, b) => compareText(a.gpu, b.gpu) || compareText(a.date, b.date))
    .map((mark) => `${mark.gpu} ${mark.date}: ${mark.kind}`);
}
