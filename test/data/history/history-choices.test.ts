// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ALL_TESTS,
  MAX_TEST_OPTIONS,
  historyNotices,
  historySelectOptions,
  historySelection,
  missingBaselineLabel,
  type HistorySelection,
} from '../../../src/data/history/history-choices';
import type {
  HistoryData,
  HistoryRun,
  HistorySeries,
} from '../../../src/data/history/history-data';
import type { HistoryGpuGroup, HistorySource } from '../../../src/data/history/history-source';
import type { Dataset } from '../../../src/data/results/result-model';
import { result } from '../charts/chart-fixtures';

function run(id: string, position: number, axisLabel = id): HistoryRun {
  return { id, label: id, date: null, position, axisLabel };
}

function line(label: string, baselineValue: number | null): HistorySeries {
  return { key: label, dataKey: 's0', suite: 'serving', label, points: [], baselineValue };
}

/** A history of Mean TTFT on 8×H100 with the runs and series given, nothing left out. */
function history(change: Partial<HistoryData> = {}): HistoryData {
  const runs = change.runs ?? [run('a', 0), run('b', 1)];
  return {
    gpu: '8×H100',
    metricKey: 'ttft_mean',
    label: 'Mean TTFT',
    unit: 'ms',
    direction: 'lower',
    runs,
    ordering: 'user',
    baseline: runs[0] === undefined ? null : { run: runs[0], requested: false },
    baselineMissing: false,
    series: [line('qps_1', 10)],
    omittedSeries: 0,
    drift: null,
    compared: 1,
    ...change,
  };
}

/**
 * A GPU's history over `datasetCount` runs: test k1 has mean and p99 TTFT, k2 only the mean, and
 * mean latency and mean ITL are loaded keys without a value in these tests.
 */
function group(gpu: string, datasetCount: number): HistoryGpuGroup {
  const datasets = Array.from(
    { length: datasetCount },
    (_, i) => ({ id: `${gpu}-${i}`, label: `run ${i}` }) as Dataset,
  );
  const test = (key: string, metrics: Record<string, number | null>) => ({
    key,
    suite: 'serving' as const,
    testName: `test ${key}`,
    byDataset: new Map(
      datasets.map((dataset) => [dataset.id, result('serving', key, gpu, metrics)]),
    ),
  });
  return {
    gpu,
    datasets,
    tests: [
      test('k1', { ttft_mean: 20, ttft_p99: 40, itl_mean: null }),
      test('k2', { ttft_mean: 30 }),
    ],
    metricKeys: ['latency_mean', 'itl_mean', 'ttft_p99', 'ttft_mean'],
  };
}

const source: HistorySource = {
  groups: [group('8×H100', 3), group('8×H200', 2)],
  emptyReason: null,
};

const shown = (selection: HistorySelection) => ({
  gpu: selection.group?.gpu ?? null,
  metricKeys: selection.metricKeys,
  metricKey: selection.metricKey,
  tests: selection.tests.map((test) => test.key),
  testKey: selection.testKey,
});

describe('history selection', () => {
  it('shows what was chosen while the data has it', () => {
    // Only k1 has a p99 TTFT; metrics in the tables' column order, those without values left out.
    expect(
      shown(historySelection(source, { gpu: '8×H200', metric: 'ttft_p99', test: 'k1' })),
    ).toEqual({
      gpu: '8×H200',
      metricKeys: ['ttft_mean', 'ttft_p99'],
      metricKey: 'ttft_p99',
      tests: ['k1'],
      testKey: 'k1',
    });
  });

  it('falls back to the first GPU, the default metric and every test', () => {
    // A GPU filtered away, a metric without values here, a test without that metric.
    const fallback = historySelection(source, { gpu: '8×A100', metric: 'itl_mean', test: 'k3' });
    expect(shown(fallback)).toEqual({
      gpu: '8×H100',
      metricKeys: ['ttft_mean', 'ttft_p99'],
      metricKey: 'ttft_mean',
      tests: ['k1', 'k2'],
      testKey: null,
    });
    // k2 has no p99 TTFT: with that metric, every test (there is one) is shown.
    const noP99 = historySelection(source, { gpu: null, metric: 'ttft_p99', test: 'k2' });
    expect(noP99.tests.map((test) => test.key)).toEqual(['k1']);
    expect(noP99.testKey).toBeNull();
    expect(
      historySelection(source, { gpu: null, metric: null, test: ALL_TESTS }).testKey,
    ).toBeNull();
  });

  it('shows nothing when no GPU has a history', () => {
    const none = historySelection(
      { groups: [], emptyReason: 'no-results' },
      { gpu: '8×H100', metric: 'ttft_mean', test: 'k1' },
    );
    expect(shown(none)).toEqual({
      gpu: null,
      metricKeys: [],
      metricKey: null,
      tests: [],
      testKey: null,
    });
  });

  it('has no notice for a history without runs', () => {
    expect(historyNotices(history({ runs: [], series: [] }), null)).toEqual([]);
  });

  it('names a baseline asked for that is not here by its label, or its id when not loaded', () => {
    const datasets = [{ id: 'x', label: 'Nightly 18' }];
    const missing = { baselineMissing: true };
    expect(missingBaselineLabel(missing, 'x', datasets)).toBe('Nightly 18');
    expect(missingBaselineLabel(missing, 'gone', datasets)).toBe('gone');
    expect(missingBaselineLabel(missing, null, datasets)).toBeNull();
    expect(missingBaselineLabel({ baselineMissing: false }, 'x', datasets)).toBeNull();
  });
});

describe('history notices', () => {
  it('says nothing when every test is shown and the baseline has values', () => {
    expect(historyNotices(history(), null)).toEqual([]);
  });

  it('counts the tests left out among all of them', () => {
    // 1 shown + 30 left out = 31.
    expect(historyNotices(history({ omittedSeries: 30 }), null)).toEqual([
      'Showing the first 1 of 31 tests. Pick one test, or narrow the filters or the search, to see the others.',
    ]);
  });

  it('says a baseline asked for is not here, instead of that the baseline has no values', () => {
    const data = history({ series: [line('qps_1', null)] });
    expect(historyNotices(data, 'Nightly 18')).toEqual([
      'The baseline Nightly 18 has no results of these tests on 8×H100 that the filters show; changes are from the first dataset instead.',
    ]);
    expect(historyNotices(data, null)).toEqual([
      'The baseline a has no Mean TTFT value for these tests, so no change can be worked out.',
    ]);
  });

  it('says nothing of the baseline when one test of several has its value', () => {
    const data = history({ series: [line('qps_1', null), line('qps_2', 12)] });
    expect(historyNotices(data, null)).toEqual([]);
  });
});

describe('history select options', () => {
  const tests = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ key: `k${i}`, label: `test ${i}` }));
  const testOptions = (count: number, testKey: string | null) =>
    historySelectOptions(
      source,
      { group: null, metricKeys: [], metricKey: null, tests: tests(count), testKey },
      { runs: [] },
    ).test;

  it('lists every test after "All tests" while they fit', () => {
    expect(testOptions(2, null)).toEqual([
      { value: ALL_TESTS, label: 'All tests (2)' },
      { value: 'k0', label: 'test 0' },
      { value: 'k1', label: 'test 1' },
    ]);
  });

  it('lists 500 tests, then a disabled note of the rest, then the chosen test past them', () => {
    expect(MAX_TEST_OPTIONS).toBe(500);
    const exactly = testOptions(500, null);
    expect(exactly).toHaveLength(501);
    expect(exactly.some((option) => option.disabled === true)).toBe(false);

    // 1,502 tests: 500 listed, 1,002 more.
    const many = testOptions(1502, 'k1200');
    expect(many[0]).toEqual({ value: ALL_TESTS, label: 'All tests (1502)' });
    expect(many[500]).toEqual({ value: 'k499', label: 'test 499' });
    expect(many[501]).toEqual({
      value: 'more',
      label: '…and 1,002 more: narrow the search',
      disabled: true,
    });
    expect(many[502]).toEqual({ value: 'k1200', label: 'test 1200' });
    expect(many).toHaveLength(503);
    // A chosen test among the first 500 is not listed twice.
    expect(testOptions(1502, 'k3')).toHaveLength(502);
  });

  it('labels metrics with their unit, GPUs with their dataset count and runs by axis label', () => {
    const selection = historySelection(source, { gpu: null, metric: null, test: ALL_TESTS });
    const runs = [run('x', 0, 'Nightly (1)'), run('y', 1, 'Nightly (2)')];
    const options = historySelectOptions(source, selection, { runs });
    expect(options.metric).toEqual([
      { value: 'ttft_mean', label: 'Mean TTFT (ms)' },
      { value: 'ttft_p99', label: 'P99 TTFT (ms)' },
    ]);
    expect(options.gpu).toEqual([
      { value: '8×H100', label: '8×H100 (3 datasets)' },
      { value: '8×H200', label: '8×H200 (2 datasets)' },
    ]);
    expect(options.test.map((option) => option.label)).toEqual([
      'All tests (2)',
      'test k1',
      'test k2',
    ]);
    expect(options.baseline).toEqual([
      { value: 'x', label: 'Nightly (1)' },
      { value: 'y', label: 'Nightly (2)' },
    ]);
  });
});
