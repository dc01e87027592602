import { describe, expect, it } from 'vitest';
import { regressionInputs } from '../../../src/data/regression/history-input';
import { analyzeSeries } from '../../../src/data/regression/series-verdict';
import { H100, QPS_INF, h100Group, h100Run, threeNightlies } from '../history/history-fixtures';

describe('regressionInputs', () => {
  it("makes one series per test from a GPU's history, in date order", () => {
    // The nightlies are loaded as 20, 18, 19 September; Mean TTFT of QPS_INF is 250, 200, 190.
    const inputs = regressionInputs(h100Group(threeNightlies()), 'ttft_mean');
    const series = inputs.find((input) => input.key.testName === QPS_INF);
    expect(series?.key).toEqual({ gpu: H100, testName: QPS_INF, metric: 'ttft_mean' });
    expect(series?.points).toEqual([
      { date: '2024-09-18T02:00:00', value: 200 },
      { date: '2024-09-19T02:00:00', value: 190 },
      { date: '2024-09-20T02:00:00', value: 250 },
    ]);
    // Three runs are far from enough for a verdict, and the engine says so.
    expect(series === undefined ? null : analyzeSeries(series).verdict).toMatchObject({
      status: 'insufficient',
      reason: 'insufficient history (3 runs, needs 15)',
    });
  });

  it('keeps runs without a date or a value for the engine to report', () => {
    const runs = [
      h100Run({ id: 'a', date: '2024-09-20T02:00:00' }),
      h100Run({ id: 'b', changes: { [QPS_INF]: { ttft_mean: 300 } } }),
      h100Run({
        id: 'c',
        date: '2024-09-18T02:00:00',
        changes: { [QPS_INF]: { ttft_mean: null } },
      }),
    ];
    const series = regressionInputs(h100Group(runs), 'ttft_mean').find(
      (input) => input.key.testName === QPS_INF,
    );
    expect(series?.points.map((point) => [point.date, point.value])).toEqual([
      ['2024-09-18T02:00:00', null],
      ['2024-09-20T02:00:00', expect.any(Number)],
      [null, 300],
    ]);
    const analysis = series === undefined ? null : analyzeSeries(series);
    expect(analysis?.undated).toBe(1);
    expect(analysis?.skipped).toEqual([
      { index: 0, date: '2024-09-18T02:00:00', reason: 'missing' },
    ]);
  });

  it('leaves out tests without the metric', () => {
    expect(regressionInputs(h100Group(threeNightlies()), 'x:no such column')).toEqual([]);
  });
});
