import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ColumnResults } from '../../src/data/results/columns-rows';
import { datasetOfColumns } from '../../src/data/results/results-on-demand';
import { columnsOf } from '../../src/data/results/result-columns';
import { selectResultsView, useDashboardStore } from '../../src/store/dashboard-store';
import { seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

/** Visible results per suite, as the tables and charts get them. */
function visible() {
  const view = selectResultsView(store());
  return {
    latency: Array.from(view.visible.latency, (position) => view.index.results.at(position)),
    throughput: Array.from(view.visible.throughput, (position) => view.index.results.at(position)),
    serving: Array.from(view.visible.serving, (position) => view.index.results.at(position)),
  };
}

beforeEach(() => {
  store().reset();
});

describe('dashboard store', () => {
  it('starts empty, with nothing hidden', () => {
    expect(store().datasets).toEqual([]);
    expect(store().phase).toBe('idle');
    expect(store().view.hidden).toEqual({
      model: [],
      gpu: [],
      engine: [],
      qps: [],
      concurrency: [],
      tp: [],
      dataset: [],
    });
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
    expect(store().view.hidden).toEqual({
      model: [],
      gpu: [],
      engine: [],
      qps: [],
      concurrency: [],
      tp: [],
      dataset: [],
    });
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

/** The 8×H200 nightly run as a file the user loaded (bundled runs cannot be renamed). */
function loadedH200() {
  return { ...seedDataset('H200'), source: { kind: 'file' as const, name: 'h200.json' } };
}

describe('one store of slices', () => {
  it('holds the index of exactly the datasets it holds, set with them', () => {
    const h100 = seedDataset('H100');
    store().addDatasets([h100]);
    expect(store().index.datasets).toEqual([h100]);
    // 3 latency, 3 throughput and 12 serving results.
    expect(store().index.results).toHaveLength(18);
    store().addDatasets([seedDataset('H200')]);
    expect(store().index.results).toHaveLength(36);
  });

  it('renames a dataset without building the index again, and the filter shows the new name', () => {
    const h200 = loadedH200();
    store().addDatasets([seedDataset('H100'), h200]);
    const index = store().index;
    const view = selectResultsView(store());
    store().renameDataset(h200.id, '  PR 1234   on H200 ');
    // The same index object: no rebuild, only the label changed.
    expect(store().index).toBe(index);
    expect(store().datasets[1]?.label).toBe('PR 1234 on H200');
    const renamed = selectResultsView(store());
    expect(renamed.facets.dataset.map((value) => value.label)).toEqual([
      'Nightly · 8×H100',
      'PR 1234 on H200',
    ]);
    expect(renamed.index.datasets[1]?.label).toBe('PR 1234 on H200');
    // Rows and counts are the index's own: the H200 run still has its 18 results visible.
    expect(renamed.visible).toBe(view.visible);
    expect(renamed.facets.dataset.map((value) => value.count)).toEqual([18, 18]);
    expect(selectResultsView(store())).toBe(renamed);
  });

  it('renames a dataset of columns without making its results, which stay the same objects', () => {
    const { id, source, format } = loadedH200();
    const read = datasetOfColumns(
      { id, label: 'as read', source, format, warnings: [] },
      columnsOf(seedDataset('H200').results),
    );
    store().addDatasets([seedDataset('H100'), read]);
    const listed = vi.spyOn(ColumnResults.prototype, 'list');
    const shown = store().index.results.at(20);
    store().renameDataset(id, 'PR 1234');
    const renamed = store().datasets[1];
    expect(renamed?.label).toBe('PR 1234');
    // Still a dataset of columns, its results made on demand from the same rows: none made now.
    expect(renamed?.onDemand).toBe(read.onDemand);
    expect(listed).not.toHaveBeenCalled();
    expect(store().index.results.at(20)).toBe(shown);
    listed.mockRestore();
  });

  it('keeps bundled labels, and ignores a blank one', () => {
    const h100 = seedDataset('H100');
    const h200 = loadedH200();
    store().addDatasets([h100, h200]);
    const datasets = store().datasets;
    store().renameDataset(h100.id, 'mine now');
    store().renameDataset(h200.id, '   ');
    expect(store().datasets).toBe(datasets);
  });

  it('moves a dataset and indexes the new order', () => {
    const [h100, h200, a100] = [
      seedDataset('H100'),
      seedDataset('H200'),
      seedDataset('A100-SXM4-80GB'),
    ];
    store().addDatasets([h100, h200, a100]);
    store().moveDataset(a100.id, 0);
    expect(store().datasets.map((dataset) => dataset.id)).toEqual([a100.id, h100.id, h200.id]);
    expect(store().index.datasets).toBe(store().datasets);
    expect(selectResultsView(store()).facets.dataset.map((value) => value.value)).toEqual([
      a100.id,
      h100.id,
      h200.id,
    ]);
  });

  it('resets every slice to the state at start-up', () => {
    store().addDatasets([seedDataset('H100')]);
    store().setSearch('llama');
    store().openCompare();
    store().startLoading();
    store().reportProblems([{ source: 'a.json', message: 'a is broken' }]);
    store().reset();
    expect(store().datasets).toEqual([]);
    expect(store().index.results.length).toBe(0);
    expect(store().view.search).toBe('');
    expect(store().compare.open).toBe(false);
    expect(store().phase).toBe('idle');
    expect(store().problems).toEqual([]);
  });
});
