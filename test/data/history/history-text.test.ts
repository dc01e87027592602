import { describe, expect, it } from 'vitest';
import {
  historyData,
  historyHasLines,
  type HistoryPoint,
  type HistoryRun,
} from '../../../src/data/history/history-data';
import {
  historyChangeText,
  historyEmptyText,
  historyNoLinesText,
  historyOrderPhrase,
  historyRunHeading,
  historySummary,
  historyValueText,
} from '../../../src/data/history/history-text';
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
});

describe('history words', () => {
  const run = (id: string, date: string | null): HistoryRun => ({
    id,
    label: `Nightly ${id}`,
    date,
    position: 0,
    axisLabel: id,
  });

  it('heads a tooltip with the run, its date to the minute and whether it is the baseline', () => {
    expect(historyRunHeading(run('18', '2024-09-18T02:05:33'), '18')).toBe(
      'Nightly 18 · 2024-09-18 02:05 · Baseline',
    );
    expect(historyRunHeading(run('19', null), '18')).toBe('Nightly 19');
    expect(historyRunHeading(run('19', null), null)).toBe('Nightly 19');
  });

  it('draws lines only with a test across two runs at least', () => {
    const series = historyData(h100Group(threeNightlies()), options({})).series;
    const runs = [run('a', null), run('b', null)];
    expect(historyHasLines({ series, runs })).toBe(true);
    expect(historyHasLines({ series, runs: runs.slice(0, 1) })).toBe(false);
    expect(historyHasLines({ series: [], runs })).toBe(false);
    const data = { gpu: '8×H100', label: 'Mean TTFT' };
    expect(historyNoLinesText(data, null)).toBe(
      'Fewer than two datasets on 8×H100 have Mean TTFT values for these tests.',
    );
    expect(historyNoLinesText(data, 'key')).toBe(
      'Fewer than two datasets on 8×H100 have Mean TTFT values for this test.',
    );
  });

  it('says how the runs are ordered', () => {
    expect(historyOrderPhrase('date')).toBe('in the order of the dates their files give');
    expect(historyOrderPhrase('user')).toBe('in the order set below (these files give no date)');
    expect(historyOrderPhrase('mixed')).toBe(
      'runs with a date in date order, the others where they are set below',
    );
  });
});

describe('history table cells and notices', () => {
  const point = (change: Partial<HistoryPoint>): HistoryPoint => ({
    datasetId: 'b',
    position: 1,
    value: 110,
    changePct: 10,
    worse: true,
    isBaseline: false,
    ...change,
  });

  it('writes a change with whether it is worse, and nothing more when there is nothing to say', () => {
    expect(historyChangeText(point({}))).toBe('+10.0% (worse)');
    expect(historyChangeText(point({ value: 90, changePct: -10, worse: false }))).toBe(
      '-10.0% (better)',
    );
    expect(historyChangeText(point({ isBaseline: true, changePct: 0, worse: false }))).toBe(
      'Baseline',
    );
    // A count has no direction: its change is neither worse nor better.
    expect(historyChangeText(point({ worse: null }))).toBe('+10.0%');
    // A move that rounds to 0.0% is not called worse.
    expect(historyChangeText(point({ changePct: 0.04 }))).toBe('0.0%');
    expect(historyChangeText(point({ value: null, changePct: null, worse: null }))).toBe('—');
  });

  it('writes a value with its unit, and a missing one without', () => {
    expect(historyValueText('ttft_mean', 240.66389142535627, 'ms')).toBe('240.66 ms');
    expect(historyValueText('ttft_mean', 1046.9095, 'ms')).toBe('1,046.91 ms');
    expect(historyValueText('ttft_mean', null, 'ms')).toBe('—');
    expect(historyValueText('x:Score', 3.5, '')).toBe('3.50');
  });

  it('says what to do when there is no history, for each reason', () => {
    const what =
      'A history needs at least two datasets with results of the same tests on the same GPU, such as nightlies of different dates or a series of PR runs.';
    expect(historyEmptyText('no-results')).toBe(`${what} No results match the filters.`);
    expect(historyEmptyText('no-shared-tests')).toBe(
      `${what} Datasets share a GPU here, but no test that the filters show. Widen the filters or load runs of the same tests.`,
    );
    expect(historyEmptyText('one-dataset-per-gpu')).toBe(
      `${what} Each GPU's visible results come from one dataset. Load another run of a GPU (Load results), or show hidden datasets.`,
    );
  });

  it('names the direction of the largest drift only when it has one', () => {
    const servingTests = h100Run({ id: 'x' })
      .results.filter((result) => result.suite === 'serving')
      .map((result) => result.testName);
    const counts = (requests: number) =>
      Object.fromEntries(servingTests.map((name) => [name, { num_requests: requests }]));
    // A count from 200 to 250 requests is +25%, neither worse nor better.
    const group = h100Group([
      h100Run({ id: 'p', label: 'PR 1', changes: counts(200) }),
      h100Run({ id: 'q', label: 'PR 2', changes: counts(250) }),
    ]);
    const data = historyData(
      group,
      options({ metricKey: 'num_requests', testKey: testKeyOf(group, QPS_1) }),
    );
    expect(data.drift?.worse).toBeNull();
    expect(historySummary(data)).toMatch(
      /Largest drift \+25\.0%: serving_llama8B_tp1_sharegpt_qps_1 in PR 2\.$/,
    );
  });
});
