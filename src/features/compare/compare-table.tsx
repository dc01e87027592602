import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { formatChange, type Verdict } from '../../data/compare/metric-verdict';
import { rowGpuText, type CompareRow } from '../../data/compare/align-results';
import type { MetricEntry } from '../../data/compare/compare-summary';
import {
  nextCompareSort,
  sortEntries,
  type CompareColumn,
  type CompareSort,
} from '../../data/compare/compare-sort';
import { presenceText, ruleText, verdictTitle } from '../../data/compare/compare-text';
import { formatMetricValue, metricHeader } from '../../data/format';
import { describeMetric } from '../../data/metrics';

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
    description:
      "Regression or improvement beyond the series' noise or the threshold, within noise, or missing",
  },
  {
    id: 'rule',
    header: 'Decided by',
    numeric: false,
    description:
      "What decided the verdict: the noise of the series' own history when it has enough runs, else the fixed threshold",
  },
];

/** The GPU cell with each side kept on one line: `8×H100 →` may wrap before `8×H200`. */
function gpuParts(row: CompareRow): ReactNode {
  const text = rowGpuText(row);
  const arrow = text.indexOf(' → ');
  if (arrow === -1) return text;
  return (
    <>
      <span className="compare-nowrap">{text.slice(0, arrow)} →</span>{' '}
      <span className="compare-nowrap">{text.slice(arrow + 3)}</span>
    </>
  );
}

const VERDICT_CLASS: Readonly<Record<Verdict, string>> = {
  regression: 'verdict-regression',
  improvement: 'verdict-improvement',
  'within noise': 'verdict-noise',
  missing: 'verdict-missing',
  'no direction': 'verdict-neutral',
};

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
                        onSortChange(nextCompareSort(sort, column.id));
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
              const presence = presenceText(row);
              return (
                <tr
                  key={`${row.key}\u0000${metric.key}`}
                  aria-rowindex={index + 2}
                  className={`compare-row ${VERDICT_CLASS[metric.verdict]}`}
                >
                  <td className="compare-test-cell">
                    <code className="compare-test">{breakable(row.label)}</code>
                    {presence !== null && (
                      <span className="badge badge-warning compare-presence">{presence}</span>
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
                  <td className="compare-rule">{ruleText(metric.rule)}</td>
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
