import { describe, expect, it } from 'vitest';
import {
  defaultHistoryMetric,
  historyMetricKeys,
  historySource,
  historyTestChoices,
} from '../../../src/data/history/history-source';
import { historyEmptyText } from '../../../src/data/history/history-text';
import { NOTHING_HIDDEN } from '../../../src/data/results/filter-groups';
import type { Dataset } from '../../../src/data/results/result-model';
import { seedDataset } from '../../helpers/seed';
import {
  H100,
  QPS_1,
  QPS_INF,
  h100Group,
  h100Run,
  threeNightlies,
  viewOf,
} from './history-fixtures';

describe('historySource', () => {
  it('finds the GPUs that several datasets share tests on, and only those', () => {
    const source = historySource(viewOf(threeNightlies()));
    expect(source.emptyReason).toBeNull();
    expect(source.groups.map((group) => group.gpu)).toEqual([H100]);
    const [group] = source.groups;
    expect(group?.datasets.map((dataset) => dataset.id)).toEqual(['a', 'b', 'c']);
    // Every one of the 18 nightly tests is in all three runs.
    expect(group?.tests).toHaveLength(18);
  });

  it('says why there is no history', () => {
    expect(historySource(viewOf([])).emptyReason).toBe('no-results');
    const bundled = [seedDataset('H100'), seedDataset('H200'), seedDataset('A100-SXM4-80GB')];
    expect(historySource(viewOf(bundled)).emptyReason).toBe('one-dataset-per-gpu');
    const latencyOnly = h100Run({
      id: 'l',
      without: [...h100Run({ id: 'x' }).results]
        .filter((result) => result.suite !== 'latency')
        .map((result) => result.testName),
    });
    const servingOnly = h100Run({
      id: 's',
      without: [...h100Run({ id: 'x' }).results]
        .filter((result) => result.suite !== 'serving')
        .map((result) => result.testName),
    });
    const disjoint = historySource(viewOf([latencyOnly, servingOnly]));
    expect(disjoint.groups).toEqual([]);
    expect(disjoint.emptyReason).toBe('no-shared-tests');
    expect(historyEmptyText('no-shared-tests')).toMatch(/no test that the filters show/);
  });

  it('follows the filters: a hidden dataset or GPU is no part of any history', () => {
    const hiddenC = { ...NOTHING_HIDDEN, dataset: ['c'] };
    expect(h100Group(threeNightlies(), hiddenC).datasets.map((dataset) => dataset.id)).toEqual([
      'a',
      'b',
    ]);
    const hiddenGpu = { ...NOTHING_HIDDEN, gpu: [H100] };
    expect(historySource(viewOf(threeNightlies(), hiddenGpu)).groups).toEqual([]);
    // Two of three hidden: one dataset left, so no history.
    const hiddenTwo = { ...NOTHING_HIDDEN, dataset: ['b', 'c'] };
    expect(historySource(viewOf(threeNightlies(), hiddenTwo)).emptyReason).toBe(
      'one-dataset-per-gpu',
    );
  });

  it('offers the metrics present, mean TTFT first, and the tests that have the metric', () => {
    const group = h100Group(threeNightlies());
    const keys = historyMetricKeys(group);
    // The V4 page's columns, in the tables' order.
    expect(keys).toEqual([
      'latency_mean',
      'latency_median',
      'latency_p99',
      'request_throughput',
      'ttft_mean',
      'ttft_median',
      'ttft_p99',
      'itl_mean',
      'itl_median',
      'itl_p99',
    ]);
    expect(defaultHistoryMetric(keys)).toBe('ttft_mean');
    expect(defaultHistoryMetric(['latency_p99', 'latency_mean'])).toBe('latency_mean');
    expect(defaultHistoryMetric(['x:Power (W)'])).toBe('x:Power (W)');
    expect(defaultHistoryMetric([])).toBeNull();
    // 12 serving tests have TTFT; 3 throughput + 12 serving have a request throughput.
    expect(historyTestChoices(group, 'ttft_mean')).toHaveLength(12);
    expect(historyTestChoices(group, 'request_throughput')).toHaveLength(15);
  });
});

describe('what makes two results the same test', () => {
  it('is the alignment key, not the name: a renamed test still meets, a changed one does not', () => {
    const renamed = h100Run({ id: 'r', label: 'Renamed' });
    const other: Dataset = {
      ...renamed,
      results: renamed.results.map((result) => {
        // Same test, spelled differently by another file.
        if (result.testName === QPS_INF) return { ...result, testName: 'llama8B at inf' };
        // Same name, but another TP: another test.
        if (result.testName === QPS_1) return { ...result, tp: 2 };
        return result;
      }),
    };
    const group = h100Group([h100Run({ id: 'o', label: 'Original' }), other]);
    const names = group.tests.map((test) => test.testName);
    // The name of the earliest loaded run.
    expect(names).toContain(QPS_INF);
    expect(names).not.toContain('llama8B at inf');
    expect(names).not.toContain(QPS_1);
    expect(group.tests).toHaveLength(17);
    const inf = group.tests.find((test) => test.testName === QPS_INF);
    expect([...(inf?.byDataset.keys() ?? [])]).toEqual(['o', 'r']);
  });
});
