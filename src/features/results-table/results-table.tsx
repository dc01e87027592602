import {
  functionalUpdate,
  useTable,
  type ColumnVisibilityState,
  type SortingState,
} from '@tanstack/react-table';
import { memo, useMemo, useRef } from 'react';
import { SUITES, type Suite } from '../../data/results/result-model';
import type { ResultsView } from '../../data/results/results-view';
import { sortPositions } from '../../data/results/sort-results';
import { describeColumn, suiteColumnIds } from '../../data/results/table-columns';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';
import { useTableViews } from '../../store/staggered-views';
import { ErrorBoundary } from '../../ui/error-boundary';
import { SortableHeader } from '../../ui/sortable-header';
import { ColumnMenu, type MenuColumn } from './column-menu';
import { downloadTableCsv } from './download-csv';
import { resultColumns, resultTableFeatures, type TableRow } from './result-columns';
import { rowWindow, useScrollBox, type ScrollScale } from './row-window';
import './results-table.css';

const SUITE_TITLES: Readonly<Record<Suite, { title: string; workload: string }>> = {
  latency: { title: 'Latency', workload: '32 input / 128 output tokens, batch 8' },
  throughput: { title: 'Throughput', workload: '200 ShareGPT prompts' },
  serving: { title: 'Serving', workload: '200 ShareGPT prompts at QPS 1, 4, 16 and inf' },
};

/** Fixed row height (px) of virtualized rows; the CSS keeps rows at this height. */
export const ROW_HEIGHT = 45;
/** Up to this many rows every row is rendered; above it only the rows in view. */
export const VIRTUALIZE_ABOVE = 100;
/**
 * Browsers cap how tall an element can be (Chromium: 33,554,430 px, ~745k rows of 45 px). Above
 * this height the scroll range is compressed: scroll positions map linearly onto rows, so the
 * last row of a million stays reachable.
 */
export const MAX_SCROLL_HEIGHT = 16_000_000;
/** Rows rendered beyond each edge of the view, so fast scrolling does not show blank rows. */
const OVERSCAN_ROWS = 10;

/** The three suites' tables, each failing on its own, new data reaching them in turn. */
export function ResultsTables() {
  const view = useDashboardStore(selectResultsView);
  const views = useTableViews(view, SUITES.length);
  return SUITES.map((suite, i) => (
    <ErrorBoundary key={suite} what={`The ${suite} table`}>
      <ResultsTable suite={suite} view={views[i] ?? view} />
    </ErrorBoundary>
  ));
}

/**
 * One suite's visible results as a real, sortable table. Filtering and sorting happen on index
 * arrays outside the table; the table is handed only the rows in view, so it stays fast at a
 * million rows, and it keeps aria-rowcount/aria-rowindex so assistive technology knows the size.
 * Behind `memo`: a table still to take new data (see `useTableViews`) is skipped.
 */
const ResultsTable = memo(function ResultsTable({
  suite,
  view,
}: {
  readonly suite: Suite;
  readonly view: ResultsView;
}) {
  const tableView = useDashboardStore((state) => state.view.tables[suite]);
  const setSorting = useDashboardStore((state) => state.setSorting);
  const setHiddenColumns = useDashboardStore((state) => state.setHiddenColumns);
  const resetFilters = useDashboardStore((state) => state.resetFilters);
  const hasData = useDashboardStore((state) => state.datasets.length > 0);

  const { index } = view;
  const columnIds = useMemo(
    () =>
      suiteColumnIds(suite, index.metricKeys[suite], {
        engine: index.groupValues.engine.length > 1,
        concurrency: index.groupValues.concurrency.length > 1,
      }),
    [suite, index.metricKeys, index.groupValues],
  );
  // A link may name columns this data does not have; sort only by columns that exist.
  const activeSorting = useMemo(
    () => tableView.sorting.filter((key) => columnIds.includes(key.id)),
    [tableView.sorting, columnIds],
  );
  const positions = useMemo(
    () => sortPositions(index, view.visible[suite], activeSorting),
    [index, view.visible, suite, activeSorting],
  );
  const columns = useMemo(() => resultColumns(columnIds), [columnIds]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const { scrollTop, viewport } = useScrollBox(scrollRef);
  const virtualize = positions.length > VIRTUALIZE_ABOVE;
  const fullHeight = positions.length * ROW_HEIGHT;
  const scale: ScrollScale = { full: fullHeight, shown: Math.min(fullHeight, MAX_SCROLL_HEIGHT) };
  const range = virtualize
    ? rowWindow(positions.length, ROW_HEIGHT, OVERSCAN_ROWS, scale, scrollTop, viewport)
    : { first: 0, last: positions.length - 1, paddingTop: 0, paddingBottom: 0 };
  const firstIndex = range.first;
  const lastIndex = range.last;

  const data = useMemo(() => {
    const rows: TableRow[] = [];
    for (let rowIndex = firstIndex; rowIndex <= lastIndex; rowIndex += 1) {
      const position = positions[rowIndex];
      if (position === undefined) continue;
      const result = index.results.at(position);
      if (result === undefined) continue;
      const dataset = index.datasets[index.datasetOf[position] ?? 0];
      rows.push({ position, rowIndex, result, dataset, datasetLabel: dataset?.label ?? '' });
    }
    return rows;
  }, [positions, index, firstIndex, lastIndex]);

  const sorting = useMemo<SortingState>(
    () => activeSorting.map((key) => ({ ...key })),
    [activeSorting],
  );
  const columnVisibility = useMemo<ColumnVisibilityState>(
    // The model column (with the test name) cannot be hidden, not even by a link.
    () =>
      Object.fromEntries(
        tableView.hiddenColumns.filter((id) => id !== 'model').map((id) => [id, false]),
      ),
    [tableView.hiddenColumns],
  );

  const table = useTable({
    features: resultTableFeatures,
    columns,
    data,
    getRowId: (row) => String(row.position),
    manualSorting: true,
    enableSortingRemoval: true,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      setSorting(suite, functionalUpdate(updater, sorting));
    },
    onColumnVisibilityChange: (updater) => {
      const next = functionalUpdate(updater, columnVisibility);
      setHiddenColumns(
        suite,
        columnIds.filter((id) => next[id] === false),
      );
    },
  });

  const { title, workload } = SUITE_TITLES[suite];
  const headingId = `${suite}-heading`;
  const visibleColumnIds = table.getVisibleLeafColumns().map((leaf) => leaf.id);
  const menuColumns: MenuColumn[] = table
    .getAllLeafColumns()
    .filter((leaf) => leaf.getCanHide())
    .map((leaf) => ({
      id: leaf.id,
      label: describeColumn(leaf.id).header,
      visible: leaf.getIsVisible(),
      toggle: leaf.getToggleVisibilityHandler(),
    }));
  // Rows in view are laid out at their natural height; the spacers above and below fill the
  // (possibly compressed) scroll area so the row at the scroll offset sits at the top.
  const { paddingTop, paddingBottom } = range;
  const rowCountText = `${positions.length.toLocaleString('en-US')} ${positions.length === 1 ? 'row' : 'rows'}`;

  return (
    <section className="panel results-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{title}</h2>
        <p className="row-count" aria-live="polite">
          {rowCountText}
        </p>
        <div className="table-actions">
          <ColumnMenu columns={menuColumns} title={title} />
          <button
            type="button"
            disabled={positions.length === 0}
            onClick={() => {
              void downloadTableCsv(
                `vllm-${suite}-results.csv`,
                index,
                positions,
                visibleColumnIds,
              );
            }}
          >
            Download CSV
          </button>
        </div>
      </div>
      <div
        ref={scrollRef}
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={`${title} results, scrollable`}
      >
        <table className="results-table" aria-rowcount={positions.length + 1}>
          <caption>
            {title} results <span className="caption-detail">· {workload}</span>
          </caption>
          <thead>
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id} aria-rowindex={1}>
                {headerGroup.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  return (
                    <SortableHeader
                      key={header.id}
                      sorted={header.column.getIsSorted()}
                      position={sorting.length > 1 ? header.column.getSortIndex() + 1 : undefined}
                      onSort={header.column.getToggleSortingHandler()}
                      title={meta?.description}
                      sortHint={`${meta?.description ?? ''}. Click to sort, shift-click to sort by several columns.`}
                      numeric={meta?.numeric === true}
                    >
                      <table.FlexRender header={header} />
                    </SortableHeader>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr className="spacer" aria-hidden="true" style={{ height: paddingTop }}>
                <td colSpan={visibleColumnIds.length} />
              </tr>
            )}
            {/* Rows keyed by place in the table and cells by column, not by result: a row holds
                no state of its own, so new data or a new sort writes new text into the rows
                already there instead of removing every row and making new ones. */}
            {table.getRowModel().rows.map((row) => (
              <tr key={row.original.rowIndex} aria-rowindex={row.original.rowIndex + 2}>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.column.id}
                    className={cell.column.columnDef.meta?.numeric === true ? 'numeric' : undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {paddingBottom > 0 && (
              <tr className="spacer" aria-hidden="true" style={{ height: paddingBottom }}>
                <td colSpan={visibleColumnIds.length} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {positions.length === 0 &&
        (hasData && index.bySuite[suite].length > 0 ? (
          <p className="empty-note">
            No {title.toLowerCase()} results match the filters.{' '}
            <button type="button" onClick={resetFilters}>
              Reset filters
            </button>
          </p>
        ) : (
          <p className="empty-note">No {title.toLowerCase()} results are loaded.</p>
        ))}
    </section>
  );
});
