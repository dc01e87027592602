import { beforeEach, describe, expect, it } from 'vitest';
import { selectRowsBySuite, useDashboardStore } from '../../src/store/dashboard-store';
import { seedDataset } from '../helpers/seed';

const store = () => useDashboardStore.getState();

beforeEach(() => {
  store().reset();
});

describe('dashboard store', () => {
  it('starts empty, with nothing hidden', () => {
    expect(store().datasets).toEqual([]);
    expect(store().phase).toBe('idle');
    expect(store().hidden).toEqual({ model: [], gpu: [], qps: [] });
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
    const rows = selectRowsBySuite(store());
    // Each run has 3 latency, 3 throughput and 12 serving results.
    expect(rows.latency).toHaveLength(3);
    expect(rows.throughput).toHaveLength(3);
    expect(rows.serving).toHaveLength(12);
    expect(rows.serving.every((row) => row.result.gpu?.type === 'H100')).toBe(true);
    store().toggleHidden('gpu', '8×H200');
    expect(selectRowsBySuite(store()).serving).toHaveLength(24);
  });

  it('applies a QPS choice to serving results only', () => {
    store().addDatasets([seedDataset('H100')]);
    store().toggleHidden('qps', 'inf');
    const rows = selectRowsBySuite(store());
    expect(rows.latency).toHaveLength(3);
    expect(rows.throughput).toHaveLength(3);
    // 3 models × QPS 1, 4, 16 remain.
    expect(rows.serving).toHaveLength(9);
    expect(rows.serving.some((row) => row.result.qps === Infinity)).toBe(false);
  });

  it('resets the filters without touching the data', () => {
    store().addDatasets([seedDataset('H100')]);
    store().toggleHidden('model', 'llama8B');
    store().resetFilters();
    expect(store().hidden).toEqual({ model: [], gpu: [], qps: [] });
    expect(selectRowsBySuite(store()).latency).toHaveLength(3);
  });

  it('returns the same rows object until datasets or filters change', () => {
    store().addDatasets([seedDataset('H100')]);
    const first = selectRowsBySuite(store());
    expect(selectRowsBySuite(store())).toBe(first);
    store().startLoading();
    expect(selectRowsBySuite(store())).toBe(first);
    store().toggleHidden('gpu', '8×H100');
    expect(selectRowsBySuite(store())).not.toBe(first);
  });

  it('collects load problems in order', () => {
    store().reportProblems([{ source: 'a.json', message: 'a is broken' }]);
    store().reportProblems([{ source: 'b.json', message: 'b is broken' }]);
    expect(store().problems.map((problem) => problem.source)).toEqual(['a.json', 'b.json']);
  });
});
