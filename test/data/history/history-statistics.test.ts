// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { historyData } from '../../../src/data/history/history-data';
import { bandEdgeValues, historyChartRows } from '../../../src/data/history/history-plot';
import { focusedTestKey, ALL_TESTS } from '../../../src/data/history/history-choices';
import { historySource } from '../../../src/data/history/history-source';
import { ONE_TEST_TEXT, historyStatisticsView } from '../../../src/data/history/history-statistics';
import { testStatistics } from '../../../src/data/regression/series-statistics';
import type { RunMark } from '../../../src/data/regression/run-marks';
import type { Dataset } from '../../../src/data/results/result-model';
import { STEADY, STEPPED } from '../../helpers/regression-step';
import { QPS_INF, h100Group, h100Run, options, testKeyOf, viewOf } from './history-fixtures';

/** 20 nights of 8×H100: QPS inf median TTFT steady at about 200, then about 240 for 4 nights. */
function nights(): Dataset[] {
  return [...STEADY, ...STEPPED].map((value, night) =>
    h100Run({
      id: `night-${String(night)}`,
      date: `2026-09-${String(night + 1).padStart(2, '0')}`,
      changes: { [QPS_INF]: { ttft_median: value } },
    }),
  );
}

function viewWith(marks: readonly RunMark[]) {
  const group = h100Group(nights());
  const testKey = testKeyOf(group, QPS_INF);
  const data = historyData(group, options({ metricKey: 'ttft_median', testKey }));
  const statistics = testStatistics(group, 'ttft_median', testKey, marks);
  return { data, view: historyStatisticsView(data, statistics, marks) };
}

describe('historyStatisticsView', () => {
  it('shades the bands, names the flagged run and gives the verdict', () => {
    const { view } = viewWith([]);
    expect(view.runLabels).toEqual([{ position: 16, text: 'confirmed', kind: 'flag' }]);
    expect(view.plotted?.bands.size).toBe(6);
    expect(view.text).toMatch(/^Verdict: regression from the run of 2026-09-17: \+20\.3%/);
    // Of the 6 runs with a band (14 to 19), the 4 stepped ones lie outside.
    expect(view.text).toMatch(/ 4 of 6 runs with a band lie outside it\.$/);
  });

  it('labels the runs marked by hand on the GPU, not those of another GPU', () => {
    const { view } = viewWith([
      { gpu: '8×H100', date: '2026-09-03', kind: 'outlier' },
      { gpu: '8×H200', date: '2026-09-04', kind: 'outlier' },
    ]);
    expect(view.runLabels).toEqual([
      { position: 2, text: 'outlier', kind: 'outlier' },
      { position: 16, text: 'confirmed', kind: 'flag' },
    ]);
  });

  it('shows no band and asks for one test when several are drawn', () => {
    const group = h100Group(nights());
    const data = historyData(group, options({ metricKey: 'ttft_median' }));
    const statistics = testStatistics(group, 'ttft_median', testKeyOf(group, QPS_INF), []);
    expect(historyStatisticsView(data, statistics, [])).toEqual({
      plotted: null,
      runLabels: [],
      text: ONE_TEST_TEXT,
    });
    const one = historyData(
      group,
      options({ metricKey: 'ttft_median', testKey: testKeyOf(group, QPS_INF) }),
    );
    expect(historyStatisticsView(one, null, []).text).toBe(ONE_TEST_TEXT);
  });

  it('has no band to shade, and says so in the verdict, with too little history', () => {
    const group = h100Group(nights().slice(0, 5));
    const testKey = testKeyOf(group, QPS_INF);
    const data = historyData(group, options({ metricKey: 'ttft_median', testKey }));
    const view = historyStatisticsView(data, testStatistics(group, 'ttft_median', testKey, []), []);
    expect(view.plotted).toBeNull();
    expect(view.text).toBe('Verdict: insufficient history (5 runs, needs 15).');
  });
});

describe('the band in the chart rows', () => {
  it('is each banded run’s [low, high], in values or in percent from the baseline', () => {
    const { data, view } = viewWith([]);
    const values = historyChartRows(data, 'value', view.plotted);
    expect(values.slice(0, 14).every((row) => row.band === null)).toBe(true);
    // Every band is 194 to 206 (see series-statistics.test.ts); the baseline run (the first)
    // is 200, so in percent the band is −3% to +3%.
    const band = values[14]?.band as readonly number[];
    expect(band[0]).toBeCloseTo(194, 6);
    expect(band[1]).toBeCloseTo(206, 6);
    const changes = historyChartRows(data, 'change', view.plotted);
    const changeBand = changes[19]?.band as readonly number[];
    expect(changeBand[0]).toBeCloseTo(-3, 6);
    expect(changeBand[1]).toBeCloseTo(3, 6);
    const edges = bandEdgeValues(values);
    expect(edges).toHaveLength(12);
    expect(Math.max(...edges)).toBeCloseTo(206, 6);
    expect(bandEdgeValues(historyChartRows(data, 'value'))).toEqual([]);
    // Without bands the rows carry no band key at all.
    expect('band' in (historyChartRows(data, 'value')[0] ?? {})).toBe(false);
  });
});

describe('focusedTestKey', () => {
  it('is the key of the GPU’s test of that name, or every test', () => {
    const source = historySource(viewOf(nights()));
    const group = h100Group(nights());
    expect(focusedTestKey(source, { gpu: '8×H100', testName: QPS_INF })).toBe(
      testKeyOf(group, QPS_INF),
    );
    expect(focusedTestKey(source, { gpu: '8×H100', testName: 'no such test' })).toBe(ALL_TESTS);
    expect(focusedTestKey(source, { gpu: '8×H200', testName: QPS_INF })).toBe(ALL_TESTS);
  });
});
