import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { formatChange, type Verdict } from '../../data/compare/metric-verdict';
import { rowGpus, type CompareRow } from '../../data/compare/align-results';
import type { MetricEntry } from '../../data/compare/compare-summary';
import { formatMetricValue, metricHeader } from '../../data/format';
import { describeMetric } from '../../data/metrics';

export type CompareColumn =
  'test' | 'gpu' | 'metric' | 'baseline' | 'candidate' | 'change' | 'verdict';

/** The table's sort: one column and a direction. Verdict ascending is the default, most harmful first. */
export interface CompareSort {
  readonly column: CompareColumn;
  readonly desc: boolean;
}

export const DEFAULT_COMPARE_SORT: CompareSort = { column: 'verdict', desc: false };

interface ColumnSpec {
  readonly id: CompareColumn;
  readonly header: string;
  readonly numeric: boolean;
  readonly description: string;
}

const COLUMNS: readonly ColumnSpec[] = [
  { id: 'test', header: 'Test', numeric: false, description: 'Test name' },
  { id: 'gpu', header: 'GPU', numeric: false, description: 'GPU of each side' },
  { id: 'metric', header: 'Metric', numeric: false, description: 'Metric and unit' },
  { id: 'baseline', header: 'Baseline', numeric: true, description: 'Value of the baseline' },
  { id: 'candidate', header: 'Candidate', numeric: true, description: 'Value of the candidate' },
  {
    id: 'change',
    header: 'Change',
    numeric: true,
    description: 'Change from baseline to candidate, in percent of the baseline',
  },
  {
    id: 'verdict',
    header: 'Verdict',
    numeric: false,
    description: 'Regression or improvement beyond the threshold, within noise, or missing',
  },
];

/** The GPU cell: one label when both sides agree, `8×H100 → 8×H200` when they differ. */
export function gpuCell(row: CompareRow): string {
  const { baseline, candidate } = rowGpus(row);
  if (baseline === null || candidate === null || baseline === candidate) {
    return baseline ?? candidate ?? '';
  }
  return `${baseline} → ${candidate}`;
}

/** The GPU cell with each side kept on one line: `8×H100 →` may wrap before `8×H200`. */
function gpuParts(row: CompareRow): ReactNode {
  const text = gpuCell(row);
  const arrow = text.indexOf(' → ');
  if (arrow === -1) return text;
  return (
    <>
      <span className="compare-nowrap">{text.slice(0, arrow)} →</span>{' '}
      <span className="compare-nowrap">{text.slice(arrow + 3)}</span>
    </>
  );
}

const collator = new Intl.Collator('en', { numeric: true });

/** Numbers ascending (or descending), a missing number last either way. */
function byNumber(a: number | null, b: number | null, desc: boolean): number {
  if (a === b) return 0;
  if (a === null || Number.isNaN(a)) return 1;
  if (b === null || Number.isNaN(b)) return -1;
  return desc ? b - a : a - b;
}

/**
 * The entries in the order a sort asks for. Entries come most harmful first; every sort is
 * stable, so ties keep that order. Verdict ascending is that order, descending its reverse.
 */
export function sortEntries(entries: readonly MetricEntry[], sort: CompareSort): MetricEntry[] {
  const { column, desc } = sort;
  if (column === 'verdict') return desc ? [...entries].reverse() : [...entries];
  const sign = desc ? -1 : 1;
  const text = (entry: MetricEntry): string => {
    if (column === 'test') return entry.row.label;
    if (column === 'gpu') return gpuCell(entry.row);
    return metricHeader(entry.metric.key);
  };
  if (column === 'test' || column === 'gpu' || column === 'metric') {
    return [...entries].sort((a, b) => sign * collator.compare(text(a), text(b)));
  }
  const value = (entry: MetricEntry): number | null =>
    column === 'baseline'
      ? entry.metric.baseline
      : column === 'candidate'
        ? entry.metric.candidate
        : entry.metric.changePct;
  return [...entries].sort((a, b) => byNumber(value(a), value(b), desc));
}

const VERDICT_CLASS: Readonly<Record<Verdict, string>> = {
  regression: 'verdict-regression',
  improvement: 'verdict-improvement',
  'within noise': 'verdict-noise',
  missing: 'verdict-missing',
  'no direction': 'verdict-neutral',
};

function verdictTitle(entry: MetricEntry): string {
  const { metric } = entry;
  const threshold = `±${String(metric.threshold)}%`;
  switch (metric.verdict) {
    case 'regression':
      return `Worse by more than ${threshold}`;
    case 'improvement':
      return `Better by more than ${threshold}`;
    case 'within noise':
      return `Changed by at most ${threshold}`;
    case 'missing':
      if (entry.row.presence === 'missing in candidate') return 'The candidate has no such test';
      if (entry.row.presence === 'missing in baseline') return 'The baseline has no such test';
      return 'One side has no value';
    case 'no direction':
      return 'A count: neither better nor worse';
  }
}

/**
 * A test name that may wrap after its underscores (`serving_llama8B_…`), so the table fits without
 * scrolling sideways on most screens. <wbr> adds no text: copying and reading see the name as is.
 */
function breakable(name: string): ReactNode {
  const parts = name.split('_');
  if (parts.length === 1) return name;
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          _<wbr />
        </>
      )}
    </Fragment>
  ));
}

/** Full precision on hover, so the two decimals shown never hide a difference. */
function fullValue(value: number | null): string | undefined {
  return value === null ? undefined : String(value);
}

const SORT_LABEL = { asc: 'ascending', desc: 'descending' } as const;

/** Rendered at once; more with `Show more`, so a huge comparison never stalls the page. */
export const PAGE_ROWS = 1000;

export interface CompareTableProps {
  /** Entries to show, most harmful first. */
  readonly entries: readonly MetricEntry[];
  readonly caption: string;
  readonly captionDetail: string;
  readonly sort: CompareSort;
  readonly onSortChange: (sort: CompareSort) => void;
  /** Rows rendered at once and added by each `Show more` (PAGE_ROWS). */
  readonly pageRows?: number;
}

/** One row per metric comparison, as a real table with sortable headers. */
export function CompareTable({
  entries,
  caption,
  captionDetail,
  sort,
  onSortChange,
  pageRows = PAGE_ROWS,
}: CompareTableProps) {
  const [limit, setLimit] = useState(pageRows);
  const sorted = useMemo(() => sortEntries(entries, sort), [entries, sort]);
  const shown = sorted.length > limit ? sorted.slice(0, limit) : sorted;

  const nextSort = (column: CompareColumn): CompareSort => {
    if (sort.column !== column) return { column, desc: false };
    if (!sort.desc) return { column, desc: true };
    return DEFAULT_COMPARE_SORT;
  };

  return (
    <>
      <div
        className="table-scroll compare-scroll"
        tabIndex={0}
        role="region"
        aria-label="Comparison table, scrollable"
      >
        <table className="compare-table" aria-rowcount={sorted.length + 1}>
          <caption>
            {caption} <span className="caption-detail">· {captionDetail}</span>
          </caption>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((column) => {
                const active = sort.column === column.id;
                const direction = sort.desc ? 'desc' : 'asc';
                return (
                  <th
                    key={column.id}
                    scope="col"
                    className={column.numeric ? 'numeric' : undefined}
                    aria-sort={active ? SORT_LABEL[direction] : 'none'}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      title={`${column.description}. Click to sort.`}
                      onClick={() => {
                        onSortChange(nextSort(column.id));
                      }}
                    >
                      {column.header}
                      <span className="sort-indicator" aria-hidden="true">
                        {active ? (sort.desc ? '▼' : '▲') : ''}
                      </span>
                      {active && (
                        <span className="visually-hidden">, sorted {SORT_LABEL[direction]}</span>
                      )}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((entry, index) => {
              const { row, metric } = entry;
              const info = describeMetric(metric.key);
              return (
                <tr
                  key={`${row.key}\u0000${metric.key}`}
                  aria-rowindex={index + 2}
                  className={`compare-row ${VERDICT_CLASS[metric.verdict]}`}
                >
                  <td className="compare-test-cell">
                    <code className="compare-test">{breakable(row.label)}</code>
                    {row.presence !== 'both' && (
                      <span className="badge badge-warning compare-presence">
                        {row.presence === 'missing in candidate'
                          ? 'only in baseline'
                          : 'only in candidate'}
                      </span>
                    )}
                  </td>
                  <td className="compare-gpu-cell">{gpuParts(row)}</td>
                  <td title={info.description}>{metricHeader(metric.key)}</td>
                  <td className="numeric" title={fullValue(metric.baseline)}>
                    {formatMetricValue(metric.key, metric.baseline)}
                  </td>
                  <td className="numeric" title={fullValue(metric.candidate)}>
                    {formatMetricValue(metric.key, metric.candidate)}
                  </td>
                  <td className="numeric compare-change">{formatChange(metric.changePct)}</td>
                  <td title={verdictTitle(entry)}>
                    <span className={`verdict ${VERDICT_CLASS[metric.verdict]}`}>
                      {metric.verdict}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sorted.length > shown.length && (
        <p className="empty-note">
          Showing {shown.length.toLocaleString('en-US')} of {sorted.length.toLocaleString('en-US')}{' '}
          rows.{' '}
          <button
            type="button"
            onClick={() => {
              setLimit((current) => current + pageRows);
            }}
          >
            Show {Math.min(pageRows, sorted.length - shown.length).toLocaleString('en-US')} more
          </button>
        </p>
      )}
    </>
  );
}
