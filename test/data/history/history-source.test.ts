import { describe, expect, it } from 'vitest';
import {
  defaultHistoryMetric,
  historyMetricKeys,
  historySource,
  historyTestChoices,
  metricValue,
  seriesOfResult,
} from '../../../src/data/history/history-source';
import { seriesKey } from '../../../src/data/compare/align-results';
import { historyEmptyText } from '../../../src/data/history/history-text';
import { NOTHING_HIDDEN } from '../../../src/data/results/filter-groups';
import {
  plainResult,
  type BenchmarkResult,
  type Dataset,
} from '../../../src/data/results/result-model';
import type { HistoryGpuGroup } from '../../../src/data/history/history-source';
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
        if (result.testName === QPS_INF)
          return { ...plainResult(result), testName: 'llama8B at inf' };
        // Same name, but another TP: another test.
        if (result.testName === QPS_1) return { ...plainResult(result), tp: 2 };
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

describe('a result that keeps a test’s name but changes what the test is', () => {
  /**
   * Two runs of the 8×H100 nightly, each with a copy of QPS 1 changed as given, same name: after
   * its results, or before them so that the copy is the first result of that name.
   */
  const withChangedCopy = (change: Partial<BenchmarkResult>, copyFirst = false): Dataset[] =>
    ['o', 'c'].map((id) => {
      const run = h100Run({ id });
      const qps1 = run.results.find((result) => result.testName === QPS_1);
      if (qps1 === undefined) throw new Error('no QPS 1');
      const copy = { ...plainResult(qps1), ...change };
      return { ...run, results: copyFirst ? [copy, ...run.results] : [...run.results, copy] };
    });

  /** Every test of every group is the alignment key of each of its results. */
  const expectKeysOfResults = (groups: readonly HistoryGpuGroup[], what: string) => {
    for (const group of groups) {
      for (const test of group.tests) {
        for (const result of test.byDataset.values()) {
          expect(test.key, what).toBe(seriesKey(result));
        }
      }
    }
  };

  it('is another test, whichever field defines it', () => {
    const changes: Partial<BenchmarkResult>[] = [
      { suite: 'throughput' },
      { model: 'llama70B' },
      { tp: 4 },
      { pp: 2 },
      { dataset: 'random' },
      { variant: 'specdecode' },
      { qps: 2 },
      { concurrency: 32 },
      { inputLen: 1024 },
      { outputLen: 128 },
      // A history is one engine's: SGLang's run of the test is another series.
      { engine: 'SGLang' },
    ];
    for (const change of changes) {
      for (const copyFirst of [false, true]) {
        const group = h100Group(withChangedCopy(change, copyFirst));
        const what = `${JSON.stringify(change)} ${copyFirst ? 'first' : 'last'}`;
        // The 18 nightly tests and the changed copy, each in both runs, each under its own key.
        expect(group.tests, what).toHaveLength(19);
        expectKeysOfResults([group], what);
      }
    }
  });

  it('is the same test when only PP 1 is stated, or the model is named by its id', () => {
    expect(h100Group(withChangedCopy({ pp: 1 })).tests).toHaveLength(18);
    // QPS 1 of llama8B again, its model as a Hugging Face id: the same test as CI's token.
    const byId = withChangedCopy({ model: 'meta-llama/Meta-Llama-3.1-8B-Instruct' });
    expect(h100Group(byId).tests).toHaveLength(18);
  });

  it('is a test of another GPU when the GPU type or count changes', () => {
    for (const [gpu, copyFirst] of [
      [{ type: 'H200', count: 8 }, false],
      [{ type: 'H100', count: 4 }, false],
      [{ type: 'H200', count: 8 }, true],
      [{ type: 'H100', count: 4 }, true],
    ] as const) {
      const source = historySource(viewOf(withChangedCopy({ gpu }, copyFirst)));
      expectKeysOfResults(source.groups, `${gpu.type} ${String(gpu.count)}`);
      const label = `${String(gpu.count)}×${gpu.type}`;
      expect(source.groups.map((group) => group.gpu).sort()).toEqual([H100, label].sort());
      const other = source.groups.find((group) => group.gpu === label);
      expect(other?.tests).toHaveLength(1);
      const [test] = other?.tests ?? [];
      expect(test?.testName).toBe(QPS_1);
      expect([...(test?.byDataset.keys() ?? [])]).toEqual(['o', 'c']);
      for (const result of test?.byDataset.values() ?? []) {
        expect(result.gpu).toEqual(gpu);
        expect(test?.key).toBe(seriesKey(result));
      }
      expect(source.groups.find((group) => group.gpu === H100)?.tests).toHaveLength(18);
    }
  });

  it('is one series per precision when the runs state several; one stated and silent runs join', () => {
    // Four nightlies; QPS 1 states its dtype in some: d1 bfloat16, d2 fp8, d3 silent, d4 bfloat16.
    const dtypes: readonly (readonly [string, string | null])[] = [
      ['d1', 'bfloat16'],
      ['d2', 'fp8'],
      ['d3', null],
      ['d4', 'BFloat16'],
    ];
    const runs = (which: typeof dtypes) =>
      which.map(([id, dtype]) => {
        const run = h100Run({ id });
        const results = run.results.map((result) =>
          result.testName === QPS_1 && dtype !== null
            ? { ...plainResult(result), attributes: { ...result.attributes, dtype } }
            : result,
        );
        return { ...run, results };
      });
    const split = h100Group(runs(dtypes));
    const qps1 = split.tests.filter((test) => test.testName.startsWith(`${QPS_1} ·`));
    // bfloat16 (d1, d4: case aside), fp8 only in d2 (one run: no series), silent d3 alone: no series.
    expect(qps1.map((test) => [test.testName, [...test.byDataset.keys()]])).toEqual([
      [`${QPS_1} · bfloat16`, ['d1', 'd4']],
    ]);
    // Every other test is one series over the four runs.
    expect(split.tests).toHaveLength(18);
    // fp8 twice: its own series beside bfloat16's; the silent runs are a third when two say nothing.
    const more = h100Group(runs([...dtypes, ['d5', 'fp8'], ['d6', null]]));
    expect(
      more.tests
        .filter((test) => test.testName.startsWith(`${QPS_1} ·`))
        .map((test) => [test.testName, [...test.byDataset.keys()]]),
    ).toEqual([
      [`${QPS_1} · bfloat16`, ['d1', 'd4']],
      [`${QPS_1} · fp8`, ['d2', 'd5']],
      [`${QPS_1} · precision not stated`, ['d3', 'd6']],
    ]);
    // Only bfloat16 stated, and silent runs: one series, as before precisions were read.
    const one = h100Group(
      runs([
        ['d1', 'bfloat16'],
        ['d3', null],
        ['d4', 'bfloat16'],
      ]),
    );
    const joined = one.tests.find((test) => test.testName === QPS_1);
    expect([...(joined?.byDataset.keys() ?? [])]).toEqual(['d1', 'd3', 'd4']);
    expect(one.tests).toHaveLength(18);
  });

  it('finds the series of a result: its precision’s when split, never the silent runs’', () => {
    const run = (id: string, dtype: string | null): Dataset => {
      const base = h100Run({ id });
      const results = base.results.map((result) =>
        result.testName === QPS_1 && dtype !== null
          ? { ...plainResult(result), attributes: { ...result.attributes, dtype } }
          : result,
      );
      return { ...base, results };
    };
    const datasets = [
      run('a', 'fp8'),
      run('b', 'fp8'),
      run('c', null),
      run('d', null),
      run('e', 'bfloat16'),
    ];
    const group = h100Group(datasets);
    const tests = new Map(group.tests.map((test) => [test.key, test]));
    const of = (dataset: Dataset) =>
      seriesOfResult(
        tests,
        dataset.results.find((result) => result.testName === QPS_1) as BenchmarkResult,
      );
    expect(of(datasets[0] as Dataset)?.testName).toBe(`${QPS_1} · fp8`);
    expect(of(datasets[2] as Dataset)?.testName).toBe(`${QPS_1} · precision not stated`);
    // bfloat16 has one run, so no series; it does not fall into the silent runs' series.
    expect(of(datasets[4] as Dataset)).toBeUndefined();
    // A test that was never split is found by its key alone.
    const inf = (datasets[4] as Dataset).results.find((result) => result.testName === QPS_INF);
    expect(seriesOfResult(tests, inf as BenchmarkResult)?.testName).toBe(QPS_INF);
  });

  it('keeps the first of two results of one test in a run', () => {
    const runs = ['o', 'c'].map((id) => {
      const run = h100Run({ id, changes: { [QPS_1]: { ttft_mean: 10 } } });
      const qps1 = run.results.find((result) => result.testName === QPS_1);
      if (qps1 === undefined) throw new Error('no QPS 1');
      const again = { ...plainResult(qps1), metrics: { ...qps1.metrics, ttft_mean: 99 } };
      return { ...run, results: [...run.results, again] };
    });
    const test = h100Group(runs).tests.find((entry) => entry.testName === QPS_1);
    expect([...(test?.byDataset.values() ?? [])].map((result) => result.metrics.ttft_mean)).toEqual(
      [10, 10],
    );
  });
});

describe('history metrics and tests', () => {
  it('loads the metric keys of the suites the shared tests are of, and no others', () => {
    const latencyTests = h100Run({ id: 'x' })
      .results.filter((result) => result.suite === 'latency')
      .map((result) => result.testName);
    const notLatency = h100Run({ id: 'x' })
      .results.filter((result) => result.suite !== 'latency')
      .map((result) => result.testName);
    // Both runs have latency tests; only one has the others.
    const group = h100Group([h100Run({ id: 'a' }), h100Run({ id: 'b', without: notLatency })]);
    expect(group.tests).toHaveLength(latencyTests.length);
    expect(group.metricKeys).toEqual(['latency_mean', 'latency_median', 'latency_p99']);
  });

  it('offers a metric and a test when any run has a value', () => {
    const servingTests = h100Run({ id: 'x' })
      .results.filter((result) => result.suite === 'serving')
      .map((result) => result.testName);
    // Run b has no mean TTFT at all; run a has it for every serving test.
    const noTtft = Object.fromEntries(servingTests.map((name) => [name, { ttft_mean: null }]));
    const group = h100Group([h100Run({ id: 'a' }), h100Run({ id: 'b', changes: noTtft })]);
    expect(historyMetricKeys(group)).toContain('ttft_mean');
    expect(historyTestChoices(group, 'ttft_mean')).toHaveLength(12);
  });

  it('reads only finite numbers as values', () => {
    const [result] = h100Run({ id: 'x' }).results;
    if (result === undefined) throw new Error('no result');
    const withValues = (value: number | null) => ({
      ...plainResult(result),
      metrics: { ...result.metrics, latency_mean: value },
    });
    expect(metricValue(withValues(12.5), 'latency_mean')).toBe(12.5);
    expect(metricValue(withValues(Infinity), 'latency_mean')).toBeNull();
    expect(metricValue(withValues(Number.NaN), 'latency_mean')).toBeNull();
    expect(metricValue(withValues(null), 'latency_mean')).toBeNull();
    expect(metricValue(result, 'no_such_metric')).toBeNull();
    expect(metricValue(undefined, 'latency_mean')).toBeNull();
  });

  it('says the runs share no test when one GPU has several runs and another only one', () => {
    const servingTests = h100Run({ id: 'x' })
      .results.filter((result) => result.suite === 'serving')
      .map((result) => result.testName);
    const others = h100Run({ id: 'x' })
      .results.filter((result) => result.suite !== 'serving')
      .map((result) => result.testName);
    const source = historySource(
      viewOf([
        seedDataset('H200'),
        h100Run({ id: 'serving', without: others }),
        h100Run({ id: 'rest', without: servingTests }),
      ]),
    );
    expect(source.groups).toEqual([]);
    expect(source.emptyReason).toBe('no-shared-tests');
  });
});
