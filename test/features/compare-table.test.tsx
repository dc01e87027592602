import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  compareResults,
  metricEntries,
  type MetricEntry,
} from '../../src/data/compare/compare-summary';
import { DEFAULT_COMPARE_SORT } from '../../src/data/compare/compare-sort';
import { sortEntriesByHarm } from '../../src/data/compare/harm-order';
import { CompareTable, PAGE_ROWS } from '../../src/features/compare/compare-table';
import { fiveVerdictEntries, servingAt } from '../data/compare/compare-fixtures';
import { alternating, historyByQps, usableNights } from '../helpers/compare-history';

/** Renders the table of these entries (`Comparison: a → b`); its body rows. */
function renderRows(entries: readonly MetricEntry[]): HTMLElement[] {
  render(
    <CompareTable
      entries={entries}
      caption="Comparison: a → b"
      captionDetail="threshold ±5%"
      sort={DEFAULT_COMPARE_SORT}
      onSortChange={() => undefined}
    />,
  );
  const table = screen.getByRole('table', { name: /^Comparison: a → b/ });
  return within(table).getAllByRole('row').slice(1);
}

/** The text of some cells of a row, by column index. */
function cellTexts(row: HTMLElement, columns: readonly number[]): (string | undefined)[] {
  const cells = within(row).getAllByRole('cell');
  return columns.map((column) => cells[column]?.textContent);
}

describe('CompareTable', () => {
  it('says per row which rule decided: the noise of its history or the fixed threshold', () => {
    // QPS 1 has 20 nights of 100 and 101 (spread ±0.74%, see history-rule.test.ts): +4% is
    // outside them. QPS 2 has 10 nights, too few: the fixed 5% decides. QPS 3 has none.
    const history = historyByQps(
      new Map([
        [1, usableNights(alternating([100, 101], 20))],
        [2, usableNights(alternating([100, 101], 10))],
      ]),
    );
    const comparison = compareResults(
      [servingAt(1, 100), servingAt(2, 100), servingAt(3, 100), servingAt(4, 100)],
      [servingAt(1, 104), servingAt(2, 104), servingAt(3, 106), servingAt(4, null)],
      { history },
    );
    const rows = renderRows(sortEntriesByHarm(metricEntries(comparison.rows)));
    const table = screen.getByRole('table', { name: /^Comparison: a → b/ });
    expect(within(table).getByRole('columnheader', { name: /^Decided by/ })).toBeTruthy();
    expect(rows.map((row) => cellTexts(row, [0, 6, 7]))).toEqual([
      ['serving_qps_3', 'regression', 'fixed ±5% threshold'],
      ['serving_qps_1', 'regression', 'noise of 20 runs (±0.7%)'],
      ['serving_qps_4', 'missing', '—'],
      ['serving_qps_2', 'within noise', 'fixed ±5% threshold (10 runs of history, 14 needed)'],
    ]);
    // The verdict's title gives the band's reasons.
    const qps1 = rows[1];
    if (qps1 === undefined) throw new Error('no QPS 1 row');
    expect(within(qps1).getAllByRole('cell')[6]).toHaveAttribute(
      'title',
      'Worse: outside the noise of 20 runs (z = 4.6, limit ±3) and by more than the 3% floor',
    );
  });

  it('marks tests one side lacks and shows every verdict as a word', () => {
    const rows = renderRows(fiveVerdictEntries());
    expect(rows.map((row) => cellTexts(row, [0, 5, 6]))).toEqual([
      ['serving_qps_1', '+50.0%', 'regression'],
      ['serving_qps_4', '—', 'missing'],
      ['serving_qps_5only in candidate', '—', 'missing'],
      ['serving_qps_3', '+2.0%', 'within noise'],
      ['serving_qps_2', '-10.0%', 'improvement'],
    ]);
  });

  it('renders a page of rows at once and the rest on request', async () => {
    expect(PAGE_ROWS).toBe(1000);
    const page = 40;
    const count = 100;
    const base = Array.from({ length: count }, (_, i) => servingAt(i + 1, 100));
    const cand = Array.from({ length: count }, (_, i) => servingAt(i + 1, 100 + (i % 7)));
    const entries = sortEntriesByHarm(metricEntries(compareResults(base, cand).rows));
    render(
      <CompareTable
        entries={entries}
        caption="Comparison: big"
        captionDetail=""
        sort={DEFAULT_COMPARE_SORT}
        onSortChange={() => undefined}
        pageRows={page}
      />,
    );
    const table = screen.getByRole('table', { name: /^Comparison: big/ });
    expect(table).toHaveAttribute('aria-rowcount', String(count + 1));
    expect(within(table).getAllByRole('row')).toHaveLength(page + 1);
    expect(screen.getByText(/Showing 40 of 100 rows/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show 40 more' }));
    expect(within(table).getAllByRole('row')).toHaveLength(2 * page + 1);
    await user.click(screen.getByRole('button', { name: 'Show 20 more' }));
    expect(within(table).getAllByRole('row')).toHaveLength(count + 1);
    expect(screen.queryByRole('button', { name: /more$/ })).toBeNull();
  });
});
