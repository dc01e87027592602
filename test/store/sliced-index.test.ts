import { describe, expect, it } from 'vitest';
import { createDataset } from '../../src/data/results/dataset';
import { buildResultIndex } from '../../src/data/results/result-index';
import type { BenchmarkResult } from '../../src/data/results/result-model';
import { selectResultIndex, useDashboardStore } from '../../src/store/dashboard-store';
import { mergeDatasets } from '../../src/store/datasets-slice';
import { buildResultIndexSliced } from '../../src/store/sliced-index';
import { seedDataset } from '../helpers/seed';

const [h100, h200] = [seedDataset('H100'), seedDataset('H200')];

/** 30,000 serving results over 8 GPU counts, QPS 1–15 and three models: several slices' worth. */
function manyResults(): BenchmarkResult[] {
  const models = ['llama70B', 'llama8B', 'mixtral8x7B'];
  return Array.from({ length: 30_000 }, (_, i) => ({
    suite: 'serving' as const,
    testName: `serving_${models[i % 3] ?? ''}_tp1_sharegpt_qps_${String((i % 15) + 1)}`,
    model: models[i % 3] ?? '',
    tp: 1,
    pp: null,
    dp: null,
    gpu: { type: 'H100', count: (i % 8) + 1 },
    dataset: 'sharegpt',
    variant: null,
    qps: (i % 15) + 1,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    engine: null,
    metrics: { ttft_mean: i },
    attributes: {},
  }));
}

describe('the result index built in slices', () => {
  it('is the same index as the one built at once', async () => {
    const big = createDataset(
      {
        format: { id: 'vllm-records-json', label: 'records' },
        results: manyResults(),
        warnings: [],
      },
      { kind: 'file', name: 'big.json' },
      'big',
    );
    const datasets = [h100, big, h200];
    const sliced = await buildResultIndexSliced(datasets);
    const whole = buildResultIndex(datasets);
    expect(sliced.results.length).toBe(18 + 30_000 + 18);
    expect(sliced.results).toEqual(whole.results);
    expect(sliced.codes).toEqual(whole.codes);
    expect(sliced.groupValues).toEqual(whole.groupValues);
    expect(sliced.bySuite).toEqual(whole.bySuite);
    // Reading order: Llama 3 70B first (the model labels' natural order), then by GPU count.
    expect(sliced.results.at(0)?.model).toBe('llama70B');
    expect(sliced.groupValues.gpu.map((value) => value.value).slice(0, 3)).toEqual([
      '1×H100',
      '2×H100',
      '3×H100',
    ]);
  }, 60_000);
});

function bigDataset(name = 'big.json') {
  return createDataset(
    { format: { id: 'vllm-records-json', label: 'records' }, results: manyResults(), warnings: [] },
    { kind: 'file', name },
    name,
  );
}

describe('a large addition, indexed in slices by the loading action', () => {
  it('shows the datasets and their index in one change', async () => {
    const store = useDashboardStore.getState();
    store.reset();
    store.addDatasets([h100]);
    const big = bigDataset();
    const changes: [number, number][] = [];
    const stop = useDashboardStore.subscribe((state) => {
      changes.push([state.datasets.length, state.index.results.length]);
    });
    const duplicates = await store.loadDatasets([big, h100]);
    stop();
    expect(duplicates).toEqual([h100.id]);
    // One change: both datasets with the index of both (18 + 30,000 results), never one without the other.
    expect(changes).toEqual([[2, 18 + 30_000]]);
    const state = useDashboardStore.getState();
    expect(state.datasets).toEqual([h100, big]);
    expect(state.index.datasets).toBe(state.datasets);
    expect(selectResultIndex(state)).toBe(state.index);
    expect(state.index.codes).toEqual(buildResultIndex([h100, big]).codes);
  }, 60_000);

  it('keeps what was added while it was being indexed', async () => {
    const store = useDashboardStore.getState();
    store.reset();
    store.addDatasets([h100]);
    const loading = store.loadDatasets([bigDataset()]);
    // A small file lands while the large one is still being indexed.
    store.addDatasets([h200]);
    await loading;
    const state = useDashboardStore.getState();
    expect(state.datasets.map((dataset) => dataset.label)).toEqual([
      'Nightly · 8×H100',
      'Nightly · 8×H200',
      'big.json',
    ]);
    expect(state.index.results).toHaveLength(18 + 18 + 30_000);
    expect(state.index.datasets).toBe(state.datasets);
  }, 60_000);

  it('merges nothing new into the very same list', () => {
    const current = [h100];
    expect(mergeDatasets(current, [h100]).next).toBe(current);
  });
});
