import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { compareResults, metricEntries } from '../../src/data/compare/compare-summary';
import { DEFAULT_COMPARE_SORT } from '../../src/data/compare/compare-sort';
import { sortEntriesByHarm } from '../../src/data/compare/harm-order';
import { CompareTable, PAGE_ROWS } from '../../src/features/compare/compare-table';
import { fiveVerdictEntries, servingAt } from '../data/compare/compare-fixtures';

describe('CompareTable', () => {
  it('marks tests one side lacks and shows every verdict as a word', () => {
    render(
      <CompareTable
        entries={fiveVerdictEntries()}
        caption="Comparison: a → b"
        captionDetail="threshold ±5%"
        sort={DEFAULT_COMPARE_SORT}
        onSortChange={() => undefined}
      />,
    );
    const table = screen.getByRole('table', { name: /^Comparison: a → b/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) => {
        const cells = within(row).getAllByRole('cell');
        return [cells[0]?.textContent, cells[5]?.textContent, cells[6]?.textContent];
      }),
    ).toEqual([
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
