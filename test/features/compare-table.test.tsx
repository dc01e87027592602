import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  compareResults,
  metricEntries,
  type MetricEntry,
} from '../../src/data/compare/compare-summary';
import { sortEntriesByHarm } from '../../src/data/compare/harm-order';
import type { BenchmarkResult } from '../../src/data/results/result-model';
import {
  CompareTable,
  DEFAULT_COMPARE_SORT,
  PAGE_ROWS,
  sortEntries,
} from '../../src/features/compare/compare-table';

/** A serving result at one QPS with one mean TTFT. */
function serving(
  qps: number,
  ttft: number | null,
  testName = `serving_qps_${qps}`,
): BenchmarkResult {
  return {
    suite: 'serving',
    testName,
    model: 'llama8B',
    tp: 1,
    pp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: 'sharegpt',
    variant: null,
    qps,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    metrics: { ttft_mean: ttft },
    attributes: {},
  };
}

/**
 * QPS 1: 100 → 150 ms (+50%, regression); QPS 2: 100 → 90 (-10%, improvement); QPS 3: 100 →
 * 102 (+2%, within noise); QPS 4: 100 → missing; QPS 5 only in the candidate (200 ms).
 */
function smallEntries(): MetricEntry[] {
  const comparison = compareResults(
    [serving(1, 100), serving(2, 100), serving(3, 100), serving(4, 100)],
    [serving(1, 150), serving(2, 90), serving(3, 102), serving(4, null), serving(5, 200)],
  );
  return sortEntriesByHarm(metricEntries(comparison.rows));
}

const label = (entries: readonly MetricEntry[]) => entries.map((entry) => entry.row.label);

describe('sortEntries', () => {
  it('keeps the most harmful first by default and reverses it by Verdict descending', () => {
    const entries = smallEntries();
    expect(label(entries)).toEqual([
      'serving_qps_1',
      'serving_qps_4',
      'serving_qps_5',
      'serving_qps_3',
      'serving_qps_2',
    ]);
    expect(label(sortEntries(entries, DEFAULT_COMPARE_SORT))).toEqual(label(entries));
    expect(label(sortEntries(entries, { column: 'verdict', desc: true }))).toEqual(
      label(entries).reverse(),
    );
  });

  it('sorts numbers both ways with a missing number last either way', () => {
    const entries = smallEntries();
    // Changes: +50, missing, missing, +2, -10.
    expect(label(sortEntries(entries, { column: 'change', desc: false }))).toEqual([
      'serving_qps_2',
      'serving_qps_3',
      'serving_qps_1',
      'serving_qps_4',
      'serving_qps_5',
    ]);
    expect(label(sortEntries(entries, { column: 'change', desc: true }))).toEqual([
      'serving_qps_1',
      'serving_qps_3',
      'serving_qps_2',
      'serving_qps_4',
      'serving_qps_5',
    ]);
    // Candidates: 150, missing, 200, 102, 90.
    expect(label(sortEntries(entries, { column: 'candidate', desc: true }))).toEqual([
      'serving_qps_5',
      'serving_qps_1',
      'serving_qps_3',
      'serving_qps_2',
      'serving_qps_4',
    ]);
  });

  it('sorts test names in natural order', () => {
    const entries = smallEntries();
    expect(label(sortEntries(entries, { column: 'test', desc: true }))).toEqual([
      'serving_qps_5',
      'serving_qps_4',
      'serving_qps_3',
      'serving_qps_2',
      'serving_qps_1',
    ]);
  });
});

describe('CompareTable', () => {
  it('marks tests one side lacks and shows every verdict as a word', () => {
    render(
      <CompareTable
        entries={smallEntries()}
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
    const base = Array.from({ length: count }, (_, i) => serving(i + 1, 100));
    const cand = Array.from({ length: count }, (_, i) => serving(i + 1, 100 + (i % 7)));
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
