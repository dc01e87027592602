import { beforeEach, describe, expect, it } from 'vitest';
import { selectResultsView, useDashboardStore } from '../../src/store/dashboard-store';
import { seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

/** Visible results per suite, as the tables and charts get them. */
function visible() {
  const view = selectResultsView(store());
  return {
    latency: Array.from(view.visible.latency, (position) => view.index.results[position]),
    throughput: Array.from(view.visible.throughput, (position) => view.index.results[position]),
    serving: Array.from(view.visible.serving, (position) => view.index.results[position]),
  };
}

beforeEach(() => {
  store().reset();
});

describe('dashboard store', () => {
  it('starts empty, with nothing hidden', () => {
    expect(store().datasets).toEqual([]);
    expect(store().phase).toBe('idle');
    expect(store().view.hidden).toEqual({ model: [], gpu: [], qps: [], tp: [], dataset: [] });
    expect(store().view.search).toBe('');
  });

  it('adds datasets and refuses the same content twice, naming the duplicate', () => {
    const h100 = seedDataset('H100');
    expect(store().addDatasets([h100, seedDataset('H200')])).toEqual([]);
    expect(store().datasets.map((dataset) => dataset.label)).toEqual([
      'Nightly · 8×H100',
      'Nightly · 8×H200',
    ]);
    expect(store().addDatasets([seedDataset('H100')])).toEqual([h100.id]);
    expect(store().datasets).toHaveLength(2);
  });

  it('hides a GPU in every suite and shows it again on a second toggle', () => {
    store().addDatasets([seedDataset('H100'), seedDataset('H200')]);
    store().toggleHidden('gpu', '8×H200');
    const rows = visible();
    // Each run has 3 latency, 3 throughput and 12 serving results.
    expect(rows.latency).toHaveLength(3);
    expect(rows.throughput).toHaveLength(3);
    expect(rows.serving).toHaveLength(12);
    expect(rows.serving.every((result) => result?.gpu?.type === 'H100')).toBe(true);
    store().toggleHidden('gpu', '8×H200');
    expect(visible().serving).toHaveLength(24);
  });

  it('applies a QPS choice to serving results only', () => {
    store().addDatasets([seedDataset('H100')]);
    store().toggleHidden('qps', 'inf');
    const rows = visible();
    expect(rows.latency).toHaveLength(3);
    expect(rows.throughput).toHaveLength(3);
    // 3 models × QPS 1, 4, 16 remain.
    expect(rows.serving).toHaveLength(9);
    expect(rows.serving.some((result) => result?.qps === Infinity)).toBe(false);
  });

  it('resets the filters without touching the data', () => {
    store().addDatasets([seedDataset('H100')]);
    store().toggleHidden('model', 'llama8B');
    store().resetFilters();
    expect(store().view.hidden).toEqual({ model: [], gpu: [], qps: [], tp: [], dataset: [] });
    expect(visible().latency).toHaveLength(3);
  });

  it('returns the same view object until datasets, filters or search change', () => {
    store().addDatasets([seedDataset('H100')]);
    const first = selectResultsView(store());
    expect(selectResultsView(store())).toBe(first);
    store().startLoading();
    store().setSorting('serving', [{ id: 'ttft_p99', desc: true }]);
    expect(selectResultsView(store())).toBe(first);
    store().toggleHidden('gpu', '8×H100');
    const second = selectResultsView(store());
    expect(second).not.toBe(first);
    store().setSearch('qps_inf');
    expect(selectResultsView(store())).not.toBe(second);
  });

  it('shows only one value of a group with showOnly, and everything again with resetFilters', () => {
    store().addDatasets([seedDataset('H100'), seedDataset('H200'), seedDataset('A100-SXM4-80GB')]);
    store().showOnly('gpu', '8×H200');
    expect(store().view.hidden.gpu).toEqual(['8×A100-SXM4-80GB', '8×H100']);
    expect(visible().latency.map((result) => result?.gpu?.type)).toEqual(['H200', 'H200', 'H200']);
    store().setSearch('llama');
    store().resetFilters();
    expect(store().view.hidden.gpu).toEqual([]);
    expect(store().view.search).toBe('');
    expect(visible().latency).toHaveLength(9);
  });

  it('searches test names case-insensitively across every suite', () => {
    store().addDatasets([seedDataset('H100')]);
    store().setSearch('LLAMA70b');
    const rows = visible();
    expect(rows.latency.map((result) => result?.testName)).toEqual(['latency_llama70B_tp4']);
    expect(rows.throughput.map((result) => result?.testName)).toEqual(['throughput_llama70B_tp4']);
    // QPS 1, 4, 16 and inf.
    expect(rows.serving).toHaveLength(4);
  });

  it('keeps sorting and hidden columns per table', () => {
    store().setSorting('serving', [{ id: 'ttft_p99', desc: true }]);
    store().setHiddenColumns('latency', ['latency_p99']);
    expect(store().view.tables.serving.sorting).toEqual([{ id: 'ttft_p99', desc: true }]);
    expect(store().view.tables.latency.hiddenColumns).toEqual(['latency_p99']);
    expect(store().view.tables.throughput).toEqual({ sorting: [], hiddenColumns: [] });
  });

  it('collects load problems in order', () => {
    store().reportProblems([{ source: 'a.json', message: 'a is broken' }]);
    store().reportProblems([{ source: 'b.json', message: 'b is broken' }]);
    expect(store().problems.map((problem) => problem.source)).toEqual(['a.json', 'b.json']);
  });
});
