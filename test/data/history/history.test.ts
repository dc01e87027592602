import { describe, expect, it } from 'vitest';
import { createDataset } from '../../../src/data/results/dataset';
import {
  canMoveRun,
  datasetDate,
  defaultHistoryMetric,
  historyChangeAxis,
  historyChangeText,
  historyChartRows,
  historyData,
  historyEmptyText,
  historyMetricKeys,
  historyOrdering,
  historySource,
  historySummary,
  historyTestChoices,
  MAX_HISTORY_SERIES,
  moveRun,
  orderHistory,
  type HistoryGpuGroup,
  type HistoryOptions,
} from '../../../src/data/history/history';
import {
  NOTHING_HIDDEN,
  buildResultIndex,
  deriveResultsView,
  type HiddenValues,
  type ResultsView,
} from '../../../src/data/results/result-index';
import { parseResultsText } from '../../../src/data/formats/parse-results';
import type { BenchmarkResult, Dataset } from '../../../src/data/results/result-model';
import { readFixture, seedDataset } from '../../helpers/seed';

/*
 * test/fixtures/nightly/nightly-8xH100.md carries its embedded JSON, which the app reads at full
 * precision: serving_llama8B_tp1_sharegpt_qps_inf has Mean TTFT 240.66389142535627 ms (the table
 * shows 240.664) and serving_llama8B_tp1_sharegpt_qps_1 18.35688839200884 ms (18.3569). Runs set
 * round values where a change is worked out, so every percentage below is exact.
 */
const QPS_INF = 'serving_llama8B_tp1_sharegpt_qps_inf';
const QPS_1 = 'serving_llama8B_tp1_sharegpt_qps_1';
const H100 = '8×H100';

type Changes = Readonly<Record<string, Readonly<Record<string, number | null>>>>;

interface RunSpec {
  readonly id: string;
  readonly label?: string;
  readonly date?: string;
  /** Metric values to set, by test name. */
  readonly changes?: Changes;
  /** Tests to leave out. */
  readonly without?: readonly string[];
}

/** The 8×H100 nightly page, parsed as the app parses it, made into another run. */
function h100Run(spec: RunSpec): Dataset {
  const text = readFixture('nightly/nightly-8xH100.md');
  const outcome = parseResultsText(text, 'nightly-8xH100.md');
  if (!outcome.ok) throw new Error(outcome.error.message);
  const base = createDataset(outcome.value, { kind: 'file', name: 'nightly-8xH100.md' }, text);
  const changes = spec.changes ?? {};
  const results = base.results
    .filter((result) => !(spec.without ?? []).includes(result.testName))
    .map((result): BenchmarkResult => {
      const change = changes[result.testName];
      return change === undefined
        ? result
        : { ...result, metrics: { ...result.metrics, ...change } };
    });
  return {
    ...base,
    id: spec.id,
    label: spec.label ?? spec.id,
    results,
    ...(spec.date === undefined ? {} : { meta: { ...base.meta, date: spec.date } }),
  };
}

function viewOf(datasets: readonly Dataset[], hidden: HiddenValues = NOTHING_HIDDEN): ResultsView {
  return deriveResultsView(buildResultIndex(datasets), hidden, '');
}

function h100Group(datasets: readonly Dataset[], hidden?: HiddenValues): HistoryGpuGroup {
  const group = historySource(viewOf(datasets, hidden)).groups.find((entry) => entry.gpu === H100);
  if (group === undefined) throw new Error('no 8×H100 history');
  return group;
}

function testKeyOf(group: HistoryGpuGroup, testName: string): string {
  const test = historyTestChoices(group, 'ttft_mean')
    .concat(historyTestChoices(group, 'latency_mean'))
    .concat(historyTestChoices(group, 'request_throughput'))
    .find((choice) => choice.label === testName);
  if (test === undefined) throw new Error(`no test ${testName}`);
  return test.key;
}

function options(change: Partial<HistoryOptions>): HistoryOptions {
  return { metricKey: 'ttft_mean', order: [], baselineId: null, testKey: null, ...change };
}

/** Three nightlies of 8×H100, loaded out of date order, and the bundled 8×H200 run. */
function threeNightlies(): Dataset[] {
  const run = (id: string, label: string, date: string, ttft: number): Dataset =>
    h100Run({ id, label, date, changes: { [QPS_INF]: { ttft_mean: ttft } } });
  return [
    run('a', 'Nightly 20', '2024-09-20T02:00:00', 250),
    run('b', 'Nightly 18', '2024-09-18T02:00:00', 200),
    run('c', 'Nightly 19', '2024-09-19T02:00:00', 190),
    seedDataset('H200'),
  ];
}

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

describe('orderHistory', () => {
  const u1 = { id: 'u1', date: null };
  const u2 = { id: 'u2', date: null };
  const d18 = { id: 'd18', date: '2024-09-18T00:00:00' };
  const d20 = { id: 'd20', date: '2024-09-20T00:00:00' };

  it('orders by date when every run has one, whatever the user order', () => {
    expect(orderHistory([d20, d18], []).map((run) => run.id)).toEqual(['d18', 'd20']);
    expect(orderHistory([d20, d18], ['d20', 'd18']).map((run) => run.id)).toEqual(['d18', 'd20']);
    expect(historyOrdering([d20, d18])).toBe('date');
  });

  it('keeps the order loaded, or the order the user gives, when no run has a date', () => {
    expect(orderHistory([u1, u2], []).map((run) => run.id)).toEqual(['u1', 'u2']);
    expect(orderHistory([u1, u2], ['u2', 'u1']).map((run) => run.id)).toEqual(['u2', 'u1']);
    // Unknown ids are ignored; runs not listed follow in the order given.
    const u3 = { id: 'u3', date: null };
    expect(orderHistory([u1, u2, u3], ['gone', 'u3']).map((run) => run.id)).toEqual([
      'u3',
      'u1',
      'u2',
    ]);
    expect(historyOrdering([u1, u2])).toBe('user');
  });

  it('places runs without a date by the user order and fills the rest in date order', () => {
    // Slots: u1 at 0, u2 at 2; slots 1 and 3 take d18 then d20.
    expect(orderHistory([u1, d20, u2, d18], []).map((run) => run.id)).toEqual([
      'u1',
      'd18',
      'u2',
      'd20',
    ]);
    expect(
      orderHistory([u1, d20, u2, d18], ['d20', 'd18', 'u2', 'u1']).map((run) => run.id),
    ).toEqual(['d18', 'd20', 'u2', 'u1']);
    expect(historyOrdering([u1, d20])).toBe('mixed');
  });

  it('keeps equal dates in the user order', () => {
    const e1 = { id: 'e1', date: '2024-09-18T00:00:00' };
    const e2 = { id: 'e2', date: '2024-09-18T00:00:00' };
    expect(orderHistory([e1, e2], ['e2']).map((run) => run.id)).toEqual(['e2', 'e1']);
  });

  it('moves a run one place, never past a run of another date', () => {
    const shown = [u1, d18, d20];
    expect(canMoveRun(shown, 0, -1)).toBe(false);
    expect(canMoveRun(shown, 0, 1)).toBe(true);
    expect(canMoveRun(shown, 1, 1)).toBe(false);
    expect(canMoveRun(shown, 2, 1)).toBe(false);
    expect(moveRun(['u1', 'd18', 'd20'], 'u1', 1)).toEqual(['d18', 'u1', 'd20']);
    expect(moveRun(['u1', 'd18'], 'u1', -1)).toEqual(['u1', 'd18']);
    expect(moveRun(['u1', 'd18'], 'gone', 1)).toEqual(['u1', 'd18']);
  });

  it('reads a date only when it is one', () => {
    expect(datasetDate({ meta: { date: '2024-09-18T05:44:08' } })).toBe('2024-09-18T05:44:08');
    expect(datasetDate({ meta: { date: '2024-09-18' } })).toBe('2024-09-18');
    expect(datasetDate({ meta: { date: 'yesterday' } })).toBeNull();
    expect(datasetDate({})).toBeNull();
  });
});

describe('historyData', () => {
  it('puts the runs in date order and works out each change from the first run', () => {
    const group = h100Group(threeNightlies());
    const data = historyData(group, options({ testKey: testKeyOf(group, QPS_INF) }));
    expect(data.ordering).toBe('date');
    expect(data.runs.map((run) => [run.id, run.position, run.date])).toEqual([
      ['b', 0, '2024-09-18T02:00:00'],
      ['c', 1, '2024-09-19T02:00:00'],
      ['a', 2, '2024-09-20T02:00:00'],
    ]);
    expect(data.baseline).toEqual({ run: data.runs[0], requested: false });
    expect(data.series).toHaveLength(1);
    const [line] = data.series;
    expect(line?.label).toBe(QPS_INF);
    expect(line?.baselineValue).toBe(200);
    expect(line?.points.map((point) => point.value)).toEqual([200, 190, 250]);
    // (190 − 200) / 200 = −5%; (250 − 200) / 200 = +25%.
    expect(line?.points.map((point) => point.changePct)).toEqual([0, -5, 25]);
    // TTFT: lower is better, so down is not worse and up is.
    expect(line?.points.map((point) => point.worse)).toEqual([false, false, true]);
    expect(line?.points.map((point) => point.isBaseline)).toEqual([true, false, false]);
    expect(data.drift?.run.id).toBe('a');
    expect(data.drift?.changePct).toBe(25);
  });

  it('measures against the baseline asked for, wherever it stands', () => {
    const group = h100Group(threeNightlies());
    const data = historyData(
      group,
      options({ testKey: testKeyOf(group, QPS_INF), baselineId: 'a' }),
    );
    expect(data.baseline?.run.id).toBe('a');
    expect(data.baseline?.requested).toBe(true);
    const points = data.series[0]?.points ?? [];
    expect(points.map((point) => point.isBaseline)).toEqual([false, false, true]);
    // From 250: 200 is −20%, 190 is −24%.
    expect(points.map((point) => point.changePct)).toEqual([-20, -24, 0]);
    expect(points.map((point) => point.worse)).toEqual([false, false, false]);
    expect(data.drift?.run.id).toBe('c');
    expect(data.drift?.changePct).toBe(-24);
    expect(points.map(historyChangeText)).toEqual([
      '-20.0% (better)',
      '-24.0% (better)',
      'Baseline',
    ]);
  });

  it('falls back to the first run when the baseline asked for is not on this GPU', () => {
    const group = h100Group(threeNightlies());
    const data = historyData(group, options({ baselineId: 'not-here' }));
    expect(data.baselineMissing).toBe(true);
    expect(data.baseline).toEqual({ run: data.runs[0], requested: false });
    expect(data.baseline?.run.id).toBe('b');
  });

  it('judges a higher-is-better metric the other way round', () => {
    // Throughput 20 → 18 req/s: down 10%, and down is worse.
    const tput = (value: number) => ({ throughput_llama8B_tp1: { request_throughput: value } });
    const datasets = [
      h100Run({ id: 'p', label: 'PR 1', changes: tput(20) }),
      h100Run({ id: 'q', label: 'PR 2', changes: tput(18) }),
    ];
    const group = h100Group(datasets);
    const data = historyData(
      group,
      options({
        metricKey: 'request_throughput',
        testKey: testKeyOf(group, 'throughput_llama8B_tp1'),
      }),
    );
    expect(data.ordering).toBe('user');
    expect(data.direction).toBe('higher');
    const point = data.series[0]?.points[1];
    expect(point?.changePct).toBe(-10);
    expect(point?.worse).toBe(true);
    expect(point === undefined ? '' : historyChangeText(point)).toBe('-10.0% (worse)');
  });

  it('keeps the user order without dates and shows missing values as gaps, not zeros', () => {
    const datasets = [
      h100Run({ id: 'x', label: 'PR 101' }),
      // No qps_inf test at all in this run.
      h100Run({ id: 'y', label: 'PR 102', without: [QPS_INF] }),
      // The test is there, its value is not.
      h100Run({ id: 'z', label: 'PR 103', changes: { [QPS_INF]: { ttft_mean: null } } }),
    ];
    const group = h100Group(datasets);
    const testKey = testKeyOf(group, QPS_INF);
    const all = historyData(group, options({ order: ['z', 'x'] }));
    expect(all.ordering).toBe('user');
    expect(all.runs.map((run) => run.id)).toEqual(['z', 'x', 'y']);
    const line = all.series.find((entry) => entry.label === QPS_INF);
    expect(line?.points.map((point) => point.value)).toEqual([null, 240.66389142535627, null]);
    // The baseline (z, first) has no value: no change can be worked out for this test.
    expect(line?.baselineValue).toBeNull();
    expect(line?.points.map((point) => point.changePct)).toEqual([null, null, null]);
    expect(line?.points.map(historyChangeText)).toEqual(['Baseline', '—', '—']);
    expect(historyChartRows(all, 'value').map((row) => row[line?.dataKey ?? ''])).toEqual([
      null,
      240.66389142535627,
      null,
    ]);

    // With only this test shown, runs without a value are left off the axis…
    const one = historyData(group, options({ testKey }));
    expect(one.runs.map((run) => run.id)).toEqual(['x']);
    expect(historySummary(one)).toBe(
      'No two datasets on 8×H100 have Mean TTFT values for the same test.',
    );
    // …except the baseline asked for, which stays to show where it stands.
    const withBaseline = historyData(group, options({ testKey, baselineId: 'y' }));
    expect(withBaseline.runs.map((run) => run.id)).toEqual(['x', 'y']);
    expect(withBaseline.series[0]?.points.map((point) => point.isBaseline)).toEqual([false, true]);
  });

  it('plots values or changes, one row per run', () => {
    const group = h100Group(threeNightlies());
    const data = historyData(group, options({ testKey: testKeyOf(group, QPS_INF) }));
    expect(historyChartRows(data, 'value')).toEqual([
      { position: 0, s0: 200 },
      { position: 1, s0: 190 },
      { position: 2, s0: 250 },
    ]);
    expect(historyChartRows(data, 'change')).toEqual([
      { position: 0, s0: 0 },
      { position: 1, s0: -5 },
      { position: 2, s0: 25 },
    ]);
  });

  it('sums the history up in one sentence', () => {
    const group = h100Group(threeNightlies());
    // All 12 serving tests; only qps_inf moved, so its +25% is the largest drift.
    const data = historyData(group, options({}));
    expect(data.series).toHaveLength(12);
    expect(historySummary(data)).toBe(
      'Mean TTFT (ms, lower is better) of 12 tests on 8×H100 across 3 datasets, in date order; baseline Nightly 18. Largest drift +25.0% (worse): serving_llama8B_tp1_sharegpt_qps_inf in Nightly 20.',
    );
    // From Nightly 19 (190): 200 is +5.263…%, 250 is +31.578…% (60 / 190).
    const fromC = historyData(group, options({ baselineId: 'c' }));
    expect(fromC.drift?.series.label).toBe(QPS_INF);
    expect(fromC.drift?.run.id).toBe('a');
    expect(fromC.drift?.changePct).toBeCloseTo(31.578947368, 8);
    expect(historySummary(fromC)).toContain('Largest drift +31.6% (worse)');
    // Every other test has the fixture's value in every run.
    expect(fromC.series.find((line) => line.label === QPS_1)?.points.map((p) => p.value)).toEqual([
      18.35688839200884, 18.35688839200884, 18.35688839200884,
    ]);
  });

  it('says when nothing moved, or when no change can be worked out', () => {
    const same = [h100Run({ id: 'p', label: 'PR 1' }), h100Run({ id: 'q', label: 'PR 2' })];
    const flat = historyData(h100Group(same), options({}));
    expect(flat.drift).toBeNull();
    // 12 tests, one point each besides the baseline's.
    expect(flat.compared).toBe(12);
    expect(historySummary(flat)).toBe(
      "Mean TTFT (ms, lower is better) of 12 tests on 8×H100 across 2 datasets, in the order set; baseline PR 1. Every value equals the baseline's.",
    );

    const datasets = [
      h100Run({ id: 'x', label: 'PR 101' }),
      h100Run({ id: 'z', label: 'PR 103', changes: { [QPS_INF]: { ttft_mean: null } } }),
    ];
    const group = h100Group(datasets);
    const noBase = historyData(
      group,
      options({ testKey: testKeyOf(group, QPS_INF), baselineId: 'z' }),
    );
    expect(noBase.runs.map((run) => run.id)).toEqual(['x', 'z']);
    expect(noBase.compared).toBe(0);
    expect(historySummary(noBase)).toBe(
      'Mean TTFT (ms, lower is better) of 1 test on 8×H100 across 2 datasets, in the order set; baseline PR 103. No change from the baseline can be worked out: it has none of these values.',
    );
  });

  it('gives the change axis round ticks through 0', () => {
    const group = h100Group(threeNightlies());
    const one = historyData(group, options({ testKey: testKeyOf(group, QPS_INF) }));
    // Changes −5% … +25%: a span of 30, about 4 steps of 7.5, rounded up to steps of 10.
    expect(historyChangeAxis(one, one.series)).toEqual({
      domain: [-10, 30],
      ticks: [-10, 0, 10, 20, 30],
    });
    // From Nightly 20 (250): −20% and −24%, a span of 24 → steps of 10 from −30 to 0.
    const down = historyData(
      group,
      options({ testKey: testKeyOf(group, QPS_INF), baselineId: 'a' }),
    );
    expect(historyChangeAxis(down, down.series)).toEqual({
      domain: [-30, 0],
      ticks: [-30, -20, -10, 0],
    });
    // Nothing moved (another test): −1% to +1%, so the flat line sits in the middle.
    const flat = historyData(group, options({ testKey: testKeyOf(group, QPS_1) }));
    expect(historyChangeAxis(flat, flat.series)).toEqual({
      domain: [-1, 1],
      ticks: [-1, -0.5, 0, 0.5, 1],
    });
  });

  it(`draws at most ${MAX_HISTORY_SERIES} tests and says how many more there are`, () => {
    // 30 serving tests (QPS 100 … 129), 100 + i ms in PR 1 and twice that in PR 2: all +100%.
    const many = (id: string, factor: number): Dataset => {
      const run = h100Run({ id, label: id });
      const template = run.results.find((result) => result.testName === QPS_INF);
      if (template === undefined) throw new Error('no qps_inf');
      const results = Array.from({ length: 30 }, (_, i) => ({
        ...template,
        testName: `t${i}`,
        qps: 100 + i,
        metrics: { ttft_mean: (100 + i) * factor },
      }));
      return { ...run, results };
    };
    const data = historyData(h100Group([many('P1', 1), many('P2', 2)]), options({}));
    expect(MAX_HISTORY_SERIES).toBe(24);
    expect(data.series.map((line) => line.label)).toEqual(
      Array.from({ length: 24 }, (_, i) => `t${i}`),
    );
    expect(data.omittedSeries).toBe(6);
    // Every change is +100%: the first one found is the largest.
    expect(historySummary(data)).toBe(
      'Mean TTFT (ms, lower is better) of the first 24 of 30 tests on 8×H100 across 2 datasets, in the order set; baseline P1. Largest drift +100.0% (worse): t0 in P2.',
    );
  });

  it('keeps labels as text and tells repeated labels apart on the axis', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const datasets = [
      h100Run({ id: 'h1', label: hostile }),
      h100Run({ id: 'h2', label: hostile, changes: { [QPS_INF]: { ttft_mean: 300 } } }),
    ];
    const data = historyData(h100Group(datasets), options({}));
    expect(data.runs.map((run) => run.label)).toEqual([hostile, hostile]);
    expect(data.runs.map((run) => run.axisLabel)).toEqual([`${hostile} (1)`, `${hostile} (2)`]);
    expect(historySummary(data)).toContain(`baseline ${hostile}.`);
  });
});
