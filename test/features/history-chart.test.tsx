import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDataset } from '../../src/data/results/dataset';
import { parseResultsText } from '../../src/data/formats/parse-results';
import {
  plainResult,
  type BenchmarkResult,
  type Dataset,
} from '../../src/data/results/result-model';
import { HistoryChart } from '../../src/features/history/history-chart';
import { useDashboardStore } from '../../src/store/dashboard-store';
import { SEED_GPUS, readFixture, seedDataset } from '../helpers/seed';
import { bodyCells } from '../helpers/table-cells';

const QPS_INF = 'serving_llama8B_tp1_sharegpt_qps_inf';

/** The 8×H100 nightly page as another run: Mean TTFT of qps_inf set to `ttft`. */
function h100Run(id: string, label: string, ttft: number, date?: string): Dataset {
  const text = readFixture('nightly/nightly-8xH100.md');
  const outcome = parseResultsText(text, 'nightly-8xH100.md');
  if (!outcome.ok) throw new Error(outcome.error.message);
  const base = createDataset(outcome.value, { kind: 'file', name: 'nightly-8xH100.md' }, text);
  const results = base.results.map((result): BenchmarkResult =>
    result.testName === QPS_INF
      ? { ...plainResult(result), metrics: { ...result.metrics, ttft_mean: ttft } }
      : result,
  );
  return {
    ...base,
    id,
    label,
    results,
    ...(date === undefined ? {} : { meta: { date } }),
  };
}

function load(datasets: readonly Dataset[]): void {
  act(() => {
    useDashboardStore.getState().addDatasets(datasets);
  });
}

function figure(): HTMLElement {
  return screen.getByRole('figure', { name: 'History' });
}

/** The data table's body rows as cell texts, after pressing Show data. */
async function dataRows(): Promise<string[][]> {
  const chart = figure();
  const show = within(chart).getByRole('button', { name: 'Show data' });
  if (show.getAttribute('aria-expanded') !== 'true') await userEvent.click(show);
  return bodyCells(within(chart).getByRole('table'));
}

function rowsOf(rows: readonly string[][], test: string): string[][] {
  return rows.filter((row) => row[0] === test);
}

beforeEach(() => {
  useDashboardStore.getState().reset();
});

describe('HistoryChart', () => {
  it('explains why there is nothing to show when no two datasets share a GPU', () => {
    load(SEED_GPUS.map((gpu) => seedDataset(gpu)));
    render(<HistoryChart baselineId={null} />);
    const chart = figure();
    expect(
      within(chart).getByText(/Each GPU's visible results come from one dataset/),
    ).toBeVisible();
    expect(within(chart).queryByRole('combobox')).toBeNull();
    expect(within(chart).getByRole('button', { name: 'Download PNG' })).toBeVisible();
    expect(within(chart).getByRole('button', { name: 'Download SVG' })).toBeVisible();
  });

  it('plots the runs in date order with the first run as baseline, in the data table', async () => {
    load([
      h100Run('a', 'Nightly 20', 250, '2024-09-20T02:00:00'),
      h100Run('b', 'Nightly 18', 200, '2024-09-18T02:00:00'),
      h100Run('c', 'Nightly 19', 190, '2024-09-19T02:00:00'),
      seedDataset('H200'),
    ]);
    render(<HistoryChart baselineId={null} />);
    const chart = figure();
    expect(within(chart).getByText('History')).toBeVisible();

    const metric = within(chart).getByRole('combobox', { name: 'Metric' });
    expect(metric).toHaveValue('ttft_mean');
    expect(within(metric).getByRole('option', { name: 'Mean TTFT (ms)' })).toBeInTheDocument();
    const gpu = within(chart).getByRole('combobox', { name: 'GPU' });
    // 8×H200 has one dataset: it has no history and is not offered.
    expect(
      within(gpu)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['8×H100 (3 datasets)']);
    const test = within(chart).getByRole('combobox', { name: 'Test' });
    expect(within(test).getAllByRole('option')).toHaveLength(13);
    expect(within(test).getByRole('option', { name: 'All tests (12)' })).toBeInTheDocument();
    expect(within(chart).getByRole('combobox', { name: 'Baseline' })).toHaveValue('b');
    // Every dataset has a date: no order to set.
    expect(within(chart).queryByRole('list', { name: 'Order of datasets' })).toBeNull();

    expect(
      within(chart).getByText(
        'Mean TTFT (ms, lower is better) of 12 tests on 8×H100 across 3 datasets, in date order; baseline Nightly 18. Largest drift +25.0% (worse): serving_llama8B_tp1_sharegpt_qps_inf in Nightly 20.',
      ),
    ).toBeVisible();

    const rows = await dataRows();
    // 12 tests × 3 runs.
    expect(rows).toHaveLength(36);
    expect(rowsOf(rows, QPS_INF)).toEqual([
      [QPS_INF, '1', 'Nightly 18', '2024-09-18 02:00', '200.00 ms', 'Baseline'],
      [QPS_INF, '2', 'Nightly 19', '2024-09-19 02:00', '190.00 ms', '-5.0% (better)'],
      [QPS_INF, '3', 'Nightly 20', '2024-09-20 02:00', '250.00 ms', '+25.0% (worse)'],
    ]);
  });

  it('changes metric, test and baseline from its controls', async () => {
    load([
      h100Run('a', 'Nightly 20', 250, '2024-09-20T02:00:00'),
      h100Run('b', 'Nightly 18', 200, '2024-09-18T02:00:00'),
    ]);
    render(<HistoryChart baselineId={null} />);
    const chart = figure();
    await userEvent.selectOptions(
      within(chart).getByRole('combobox', { name: 'Test' }),
      within(chart).getByRole('option', { name: QPS_INF }),
    );
    await userEvent.selectOptions(within(chart).getByRole('combobox', { name: 'Baseline' }), 'a');
    // From 250, 200 is −20%.
    expect(await dataRows()).toEqual([
      [QPS_INF, '1', 'Nightly 18', '2024-09-18 02:00', '200.00 ms', '-20.0% (better)'],
      [QPS_INF, '2', 'Nightly 20', '2024-09-20 02:00', '250.00 ms', 'Baseline'],
    ]);

    await userEvent.selectOptions(
      within(chart).getByRole('combobox', { name: 'Metric' }),
      'latency_mean',
    );
    // The chosen test has no latency: back to all tests, the 3 latency tests.
    expect(within(chart).getByRole('combobox', { name: 'Test' })).toHaveValue('');
    expect(within(chart).getByRole('option', { name: 'All tests (3)' })).toBeInTheDocument();
    const header = within(within(chart).getByRole('table')).getAllByRole('columnheader');
    expect(header.map((cell) => cell.textContent)).toEqual([
      'Test',
      '#',
      'Dataset',
      'Date',
      'Mean latency (ms)',
      'Change from baseline',
    ]);
    expect(await dataRows()).toHaveLength(6);
  });

  it('takes the baseline it is given and offers no choice of its own', async () => {
    load([
      h100Run('a', 'Nightly 20', 250, '2024-09-20T02:00:00'),
      h100Run('b', 'Nightly 18', 200, '2024-09-18T02:00:00'),
    ]);
    render(<HistoryChart baselineId="a" />);
    const chart = figure();
    expect(within(chart).queryByRole('combobox', { name: 'Baseline' })).toBeNull();
    expect(rowsOf(await dataRows(), QPS_INF).map((row) => row.slice(2))).toEqual([
      ['Nightly 18', '2024-09-18 02:00', '200.00 ms', '-20.0% (better)'],
      ['Nightly 20', '2024-09-20 02:00', '250.00 ms', 'Baseline'],
    ]);
    // The legend says which run the baseline is.
    expect(chart.querySelector('.history-baseline-name')?.textContent).toBe('Nightly 20');
  });

  it('says so when the baseline it is given has no results here', () => {
    load([h100Run('a', 'PR 1', 250), h100Run('b', 'PR 2', 200), seedDataset('H200')]);
    const h200 = useDashboardStore.getState().datasets[2]?.id ?? '';
    render(<HistoryChart baselineId={h200} />);
    expect(
      within(figure()).getByText(/The baseline Nightly · 8×H200 has no results of these tests/),
    ).toBeVisible();
  });

  it('lets the order of undated runs be set from the keyboard', async () => {
    load([h100Run('x', 'PR 101', 200), h100Run('y', 'PR 102', 210), h100Run('z', 'PR 103', 220)]);
    render(<HistoryChart baselineId={null} />);
    const chart = figure();
    const list = within(chart).getByRole('list', { name: 'Order of datasets' });
    const labels = () =>
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.history-order-label')?.textContent);
    expect(labels()).toEqual(['PR 101', 'PR 102', 'PR 103']);
    expect(within(list).getByRole('button', { name: 'Move PR 101 earlier' })).toBeDisabled();
    expect(within(list).getByRole('button', { name: 'Move PR 103 later' })).toBeDisabled();

    within(list).getByRole('button', { name: 'Move PR 103 earlier' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(labels()).toEqual(['PR 101', 'PR 103', 'PR 102']);
    // The focus stays on the button, so it can be pressed again.
    expect(document.activeElement).toBe(
      within(list).getByRole('button', { name: 'Move PR 103 earlier' }),
    );
    await userEvent.keyboard('{Enter}');
    expect(labels()).toEqual(['PR 103', 'PR 101', 'PR 102']);
    // At the top, "earlier" is disabled: the focus moves to "later" of the same run.
    expect(document.activeElement).toBe(
      within(list).getByRole('button', { name: 'Move PR 103 later' }),
    );

    // The first run is the baseline: now PR 103 (220). 200 is −9.1%, 210 is −4.5%.
    expect(rowsOf(await dataRows(), QPS_INF).map((row) => [row[2], row[5]])).toEqual([
      ['PR 103', 'Baseline'],
      ['PR 101', '-9.1% (better)'],
      ['PR 102', '-4.5% (better)'],
    ]);
    expect(within(chart).getByText(/in the order set; baseline PR 103/)).toBeVisible();
  });

  it('follows the shared filters', async () => {
    load([
      h100Run('a', 'Nightly 20', 250, '2024-09-20T02:00:00'),
      h100Run('b', 'Nightly 18', 200, '2024-09-18T02:00:00'),
      h100Run('c', 'Nightly 19', 190, '2024-09-19T02:00:00'),
    ]);
    render(<HistoryChart baselineId={null} />);
    act(() => {
      useDashboardStore.getState().toggleHidden('dataset', 'c');
      useDashboardStore.getState().toggleHidden('qps', '1');
    });
    const rows = await dataRows();
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['Nightly 18', 'Nightly 20']));
    // 12 serving tests less the 3 at QPS 1, on 2 runs.
    expect(rows).toHaveLength(18);
    expect(rows.some((row) => row[0]?.endsWith('_qps_1'))).toBe(false);

    act(() => {
      useDashboardStore.getState().toggleHidden('gpu', '8×H100');
    });
    expect(within(figure()).getByText(/No results match the filters/)).toBeVisible();
  });

  it('shows markup in labels as text', async () => {
    const hostile = '<img src=x onerror=alert(1)><b>bold</b>';
    load([h100Run('h1', hostile, 200), h100Run('h2', 'PR 2', 210)]);
    render(<HistoryChart baselineId={null} />);
    const chart = figure();
    const rows = await dataRows();
    expect(rows[0]?.[2]).toBe(hostile);
    expect(chart.querySelector('img')).toBeNull();
    expect(chart.querySelector('b')).toBeNull();
    expect(within(chart).getByText(hostile, { selector: '.history-order-label' })).toBeVisible();
  });
});
