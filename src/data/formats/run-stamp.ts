/**
 * What a results file's path says about its run: when it ran and at which commit. Nightlies are
 * kept as `2026-09-30/benchmark_results.md`, `nightly-20260930.json`,
 * `results_2026-09-30_18-47-20/…` or `…/a1b2c3d/…`; a file that carries no date of its own still
 * has its place in a history by its name. The file's own name is read first, then its folders
 * from the innermost out; the first date found wins, and so does the first commit.
 */
import { fileBaseName } from './file-name';

export type StampSource = 'file name' | 'folder name';

export interface RunStamp {
  /** ISO 8601 without a zone: `2026-09-30` or `2026-09-30T18:47:20`; null when none is named. */
  readonly date: string | null;
  /** Where the date was read; null with no date. */
  readonly dateFrom: StampSource | null;
  /** A commit hash (7 to 40 hex digits) the path names; null when none. */
  readonly commit: string | null;
}

const NO_STAMP: RunStamp = { date: null, dateFrom: null, commit: null };

// A date and an optional time of day, not inside a longer run of digits: `2026-09-30`,
// `2026_09_30`, `20260930`, each optionally followed by `_18-47-20`, `T18:47:20`, `-184720`.
const DATE_TIME =
  /(?<!\d)(\d{4})([-_]?)(\d{2})\2(\d{2})(?:[T_ -](\d{2})([-:]?)(\d{2})\6(\d{2}))?(?!\d)/;
// A hex token between separators, with at least one digit and one letter: a word such as
// `facade` or a number such as `2026093` is not taken for a commit.
const COMMIT = /(?:^|[^0-9a-z])([0-9a-f]{7,40})(?![0-9a-z])/gi;

const pad = (value: number): string => String(value).padStart(2, '0');

/** The date (and time) a name writes, when they are a real date and time; else null. */
function dateIn(name: string): string | null {
  const match = DATE_TIME.exec(name);
  if (match === null) return null;
  const [, y = '', , mo = '', d = '', h, , mi, s] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 2000 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // A day the calendar does not have (2026-02-30) rolls over into the next month: not a date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const day10 = `${y}-${mo}-${d}`;
  if (h === undefined || mi === undefined || s === undefined) return day10;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return day10;
  return `${day10}T${pad(Number(h))}:${pad(Number(mi))}:${pad(Number(s))}`;
}

function commitIn(name: string): string | null {
  for (const match of name.matchAll(COMMIT)) {
    const token = match[1] ?? '';
    if (/\d/.test(token) && /[a-f]/i.test(token)) return token.toLowerCase();
  }
  return null;
}

/** Reads a file's path (folders allowed, `/` or `\`). Never throws. */
export function runStampOf(path: string | undefined): RunStamp {
  if (path === undefined || path.length > 4096) return NO_STAMP;
  const base = fileBaseName(path);
  const folders = path
    .trim()
    .split(/[\\/]/)
    .slice(0, -1)
    .filter((folder) => folder !== '')
    .reverse();
  let date: string | null = null;
  let dateFrom: StampSource | null = null;
  let commit: string | null = null;
  for (const [i, name] of [base, ...folders].entries()) {
    if (date === null) {
      date = dateIn(name);
      if (date !== null) dateFrom = i === 0 ? 'file name' : 'folder name';
    }
    // A date's digits never pass for a commit: the date is taken out of the name first.
    commit ??= commitIn(name.replace(DATE_TIME, ' '));
  }
  return { date, dateFrom, commit };
}
