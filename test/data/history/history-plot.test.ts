import { describe, expect, it } from 'vitest';
import { historyData } from '../../../src/data/history/history-data';
import {
  historyChangeAxis,
  historyChartRows,
  historyValueTop,
} from '../../../src/data/history/history-plot';
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

  it('tops the value axis at the largest value of every test, shown or not', () => {
    const group = h100Group(threeNightlies());
    // qps_inf alone: 200, 190, 250 ms.
    expect(
      historyValueTop(historyData(group, options({ testKey: testKeyOf(group, QPS_INF) }))),
    ).toBe(250);
    // A gap (null) and values below 0 never raise the top above 0.
    const point = (value: number | null) => ({ value });
    expect(historyValueTop({ series: [] })).toBe(0);
    const series = [{ points: [point(null), point(-3)] }, { points: [point(7), point(null)] }];
    expect(historyValueTop({ series })).toBe(7);
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

  it('steps the change axis by 2 × 10^k when that is the round step', () => {
    // 1000 → 1008 ms is +0.8%: a span of 0.8, about 4 steps of 0.2.
    const group = h100Group([
      h100Run({ id: 'p', changes: { [QPS_INF]: { ttft_mean: 1000 } } }),
      h100Run({ id: 'q', changes: { [QPS_INF]: { ttft_mean: 1008 } } }),
    ]);
    const data = historyData(group, options({ testKey: testKeyOf(group, QPS_INF) }));
    expect(historyChangeAxis(data, data.series)).toEqual({
      domain: [0, 0.8],
      ticks: [0, 0.2, 0.4, 0.6, 0.8],
    });
  });
});
