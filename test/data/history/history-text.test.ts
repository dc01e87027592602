import { describe, expect, it } from 'vitest';
import {
  historyData,
  historyHasLines,
  type HistoryRun,
} from '../../../src/data/history/history-data';
import {
  historyNoLinesText,
  historyOrderPhrase,
  historyRunHeading,
  historySummary,
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
