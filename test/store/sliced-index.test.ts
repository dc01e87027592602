import { describe, expect, it } from 'vitest';
import { createDataset } from '../../src/data/results/dataset';
import { buildResultIndex } from '../../src/data/results/result-index';
import type { BenchmarkResult } from '../../src/data/results/result-model';
import {
  mergeDatasets,
  primeResultIndex,
  selectResultIndex,
  useDashboardStore,
} from '../../src/store/dashboard-store';
import { buildResultIndexSliced } from '../../src/store/sliced-index';
import { seedDataset } from '../helpers/seed';

const [h100, h200, a100] = [
  seedDataset('H100'),
  seedDataset('H200'),
  seedDataset('A100-SXM4-80GB'),
];

/** 30,000 serving results over 8 GPU counts, QPS 1–15 and three models: several slices' worth. */
function manyResults(): BenchmarkResult[] {
  const models = ['llama70B', 'llama8B', 'mixtral8x7B'];
  return Array.from({ length: 30_000 }, (_, i) => ({
    suite: 'serving' as const,
    testName: `serving_${models[i % 3] ?? ''}_tp1_sharegpt_qps_${String((i % 15) + 1)}`,
    model: models[i % 3] ?? '',
    tp: 1,
    pp: null,
    gpu: { type: 'H100', count: (i % 8) + 1 },
    dataset: 'sharegpt',
    variant: null,
    qps: (i % 15) + 1,
    concurrency: null,
    inputLen: null,
    outputLen: null,
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
    expect(sliced.results[0]?.model).toBe('llama70B');
    expect(sliced.groupValues.gpu.map((value) => value.value).slice(0, 3)).toEqual([
      '1×H100',
      '2×H100',
      '3×H100',
    ]);
  }, 60_000);
});

describe('an index prepared ahead of adding datasets', () => {
  it('is used when the store then holds the same datasets, and not otherwise', () => {
    const store = useDashboardStore.getState();
    store.reset();
    store.addDatasets([h100]);
    const { next, duplicates } = mergeDatasets(useDashboardStore.getState().datasets, [h200, h100]);
    expect(duplicates).toEqual([h100.id]);
    expect(next).toEqual([h100, h200]);
    const prepared = buildResultIndex(next);
    primeResultIndex(next, prepared);
    store.addDatasets([h200, h100]);
    expect(selectResultIndex(useDashboardStore.getState())).toBe(prepared);
    // Different datasets: built afresh.
    store.addDatasets([a100]);
    const rebuilt = selectResultIndex(useDashboardStore.getState());
    expect(rebuilt).not.toBe(prepared);
    expect(rebuilt.results).toHaveLength(54);
  });

  it('merges nothing new into the very same list', () => {
    const current = [h100];
    expect(mergeDatasets(current, [h100]).next).toBe(current);
  });
});
