import { describe, expect, it } from 'vitest';
import { historyData, MAX_HISTORY_SERIES } from '../../../src/data/history/history-data';
import { historyChartRows } from '../../../src/data/history/history-plot';
import { historyChangeText, historySummary } from '../../../src/data/history/history-text';
import { plainResult, type Dataset } from '../../../src/data/results/result-model';
import {
  QPS_1,
  QPS_INF,
  h100Group,
  h100Run,
  options,
  testKeyOf,
  threeNightlies,
} from './history-fixtures';

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
    // A baseline that is here, or none asked for, is not missing.
    expect(historyData(group, options({ baselineId: 'c' })).baselineMissing).toBe(false);
    expect(historyData(group, options({})).baselineMissing).toBe(false);
  });

  it('numbers only the labels that repeat on the axis', () => {
    const datasets = [
      h100Run({ id: 'p1', label: 'PR' }),
      h100Run({ id: 'm', label: 'main' }),
      h100Run({ id: 'p2', label: 'PR' }),
    ];
    const data = historyData(h100Group(datasets), options({}));
    expect(data.runs.map((run) => run.axisLabel)).toEqual(['PR (1)', 'main', 'PR (2)']);
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

  it(`draws at most ${MAX_HISTORY_SERIES} tests and says how many more there are`, () => {
    // 30 serving tests (QPS 100 … 129), 100 + i ms in PR 1 and twice that in PR 2: all +100%.
    const many = (id: string, factor: number): Dataset => {
      const run = h100Run({ id, label: id });
      const template = run.results.find((result) => result.testName === QPS_INF);
      if (template === undefined) throw new Error('no qps_inf');
      const results = Array.from({ length: 30 }, (_, i) => ({
        ...plainResult(template),
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

describe('which way each point moved', () => {
  it('calls a point worse by the metric’s direction, and says nothing without both values', () => {
    // Request throughput (higher is better) of QPS 1 in four runs, the first the baseline.
    const values = [10, 8, 12, 10];
    const runs = values.map((value, i) =>
      h100Run({ id: `r${String(i)}`, changes: { [QPS_1]: { request_throughput: value } } }),
    );
    const group = h100Group(runs);
    const data = historyData(
      group,
      options({ metricKey: 'request_throughput', testKey: testKeyOf(group, QPS_1) }),
    );
    expect(data.series[0]?.points.map((point) => [point.value, point.worse])).toEqual([
      [10, false],
      [8, true],
      [12, false],
      [10, false],
    ]);
    // Mean TTFT (lower is better) of QPS 1 in three runs, the first without a value (its other
    // tests have theirs, so the run is shown).
    const ttft = [null, 20, 30].map((value, i) =>
      h100Run({ id: `t${String(i)}`, changes: { [QPS_1]: { ttft_mean: value } } }),
    );
    const ttftGroup = h100Group(ttft);
    const worse = (baselineId: string) =>
      historyData(ttftGroup, options({ baselineId }))
        .series.find((line) => line.label === QPS_1)
        ?.points.map((point) => point.worse);
    expect(worse('t0')).toEqual([null, null, null]);
    expect(worse('t1')).toEqual([null, false, true]);
    expect(worse('t2')).toEqual([null, false, false]);
  });
});
