// The one table `npm run bench` ends with: each figure (median of its repetitions, with min–max),
// the baseline measured beside it where there is one, its target and stretch, PASS or FAIL.
import type { Stats } from './format.ts';
import { fmtMs } from './format.ts';

export type Unit = 'ms' | 's' | 'MB' | '×' | 'count';

export interface Shown {
  label: string;
  unit: Unit;
  value: Stats;
}

export interface SummaryRow {
  figure: string;
  unit: Unit;
  /** The figure held against the target; null when it was not measured (`why` says why). */
  value: Stats | null;
  /** What the value was worked out from, shown beside it (the ingest time for its ratio). */
  detail?: Shown;
  /** The same work done the plainest way, in the same run. */
  baseline?: Shown;
  /** Passing is at most this (and at most `stretch` for the stretch goal). */
  target: number;
  stretch?: number;
  why?: string;
}

export type Verdict = 'PASS' | 'FAIL' | 'n/a';

/** PASS when the median is at most `limit`; n/a without a value. */
export function verdictOf(value: Stats | null, limit: number): Verdict {
  if (value === null) return 'n/a';
  return value.median <= limit ? 'PASS' : 'FAIL';
}

const SUFFIX: Readonly<Record<Unit, string>> = {
  ms: ' ms',
  s: ' s',
  MB: ' MB',
  '×': '×',
  count: '',
};

/** One number in its unit's format, without the unit. */
export function formatNumber(n: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return fmtMs(n);
    case 's':
    case '×':
      return n.toFixed(2);
    case 'MB':
      return n.toFixed(1);
    case 'count':
      return Math.round(n).toLocaleString('en-US');
  }
}

/** `median unit (min–max)`; the median alone for a single measurement. */
export function formatStats(value: Stats, unit: Unit): string {
  const shown = `${formatNumber(value.median, unit)}${SUFFIX[unit]}`;
  if (value.n === 1 || value.min === value.max) return shown;
  return `${shown} (${formatNumber(value.min, unit)}–${formatNumber(value.max, unit)})`;
}

/** A target as written: `≤ 3×`, `≤ 0.6 s`, `≤ 50 ms`. */
const limit = (n: number, unit: Unit): string => `≤ ${n.toLocaleString('en-US')}${SUFFIX[unit]}`;

/** The cells of one row: figure, measured, baseline, target, stretch, verdict. */
export function summaryCells(row: SummaryRow): string[] {
  const measured =
    row.value === null
      ? `n/a: ${row.why ?? 'not measured'}`
      : formatStats(row.value, row.unit) +
        (row.detail
          ? `; ${row.detail.label} ${formatStats(row.detail.value, row.detail.unit)}`
          : '');
  const baseline = row.baseline
    ? `${row.baseline.label} ${formatStats(row.baseline.value, row.baseline.unit)}`
    : '—';
  const stretch =
    row.stretch === undefined
      ? '—'
      : `${limit(row.stretch, row.unit)} ${verdictOf(row.value, row.stretch)}`;
  return [
    row.figure,
    measured,
    baseline,
    limit(row.target, row.unit),
    stretch,
    verdictOf(row.value, row.target),
  ];
}

const HEADER = [
  'figure',
  'measured: median (min–max)',
  'baseline, same run',
  'target',
  'stretch',
  'verdict',
];

/** The table as Markdown, its columns padded to line up in a terminal. */
export function formatSummary(rows: readonly SummaryRow[]): string[] {
  const lines = [HEADER, ...rows.map(summaryCells)];
  const widths = HEADER.map((_, i) => Math.max(...lines.map((line) => (line[i] ?? '').length)));
  const format = (line: readonly string[]): string =>
    `| ${line.map((text, i) => text.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    format(HEADER),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map((row) => format(summaryCells(row))),
  ];
}
