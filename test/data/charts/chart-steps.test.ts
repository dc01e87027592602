// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  latencyBars,
  latencyBarsSteps,
  throughputBars,
  throughputBarsSteps,
} from '../../../src/data/charts/bar-charts';
import { forEachVisible, forEachVisibleSteps } from '../../../src/data/charts/mark-values';
import { servingChart, servingChartSteps } from '../../../src/data/charts/serving-charts';
import { speedupMatrix, speedupMatrixSteps } from '../../../src/data/charts/speedup';
import { tradeOffChart, tradeOffChartSteps } from '../../../src/data/charts/trade-off';
import { servingConfigs, servingConfigsSteps } from '../../../src/data/decisions/serving-configs';
import { costRows, costRowsSteps, pricedGpuTypesSteps } from '../../../src/data/decisions/cost';
import type { ResultsView } from '../../../src/data/results/results-view';
import { STEP_ROWS, runSteps, type Steps } from '../../../src/data/results/steps';
import { seedCopies } from '../../helpers/seed';
import { viewOf } from './chart-fixtures';

// The three seed runs loaded 120 times each: per run 3 latency, 3 throughput and 12 serving
// results (3 models × 4 QPS), so 120 × 3 × 12 = 4,320 serving results, more than one step.
const COPIES = 120;
const SERVING_ROWS = COPIES * 3 * 12;
const view = (): ResultsView => viewOf(seedCopies(COPIES));

/** Runs steps to their end, counting the pauses on the way. */
function stepped<T>(steps: Steps<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done === true) return { value: step.value, pauses };
    pauses += 1;
  }
}

describe('derivations made a step at a time', () => {
  it('visit every visible result once, in reading order, pausing between steps', () => {
    const shown = view();
    const atOnce: number[] = [];
    forEachVisible(shown, 'serving', (position) => atOnce.push(position));
    const inSteps: number[] = [];
    const { pauses } = stepped(
      forEachVisibleSteps(shown, 'serving', (position) => inSteps.push(position)),
    );
    expect(atOnce).toHaveLength(SERVING_ROWS);
    expect(inSteps).toEqual(atOnce);
    // 4,320 results: a step of 4,096 and one of 224.
    expect(STEP_ROWS).toBe(4_096);
    expect(pauses).toBe(2);
    // A suite with no visible result: no visit, no pause.
    const none = viewOf(seedCopies(1), { gpu: ['8×H100', '8×H200', '8×A100-SXM4-80GB'] });
    const visited: number[] = [];
    const empty = stepped(
      forEachVisibleSteps(none, 'serving', (position) => visited.push(position)),
    );
    expect(visited).toEqual([]);
    expect(empty.pauses).toBe(0);
  });

  it('give what the same derivation gives at once, over more rows than one step reads', () => {
    // Each made over an index of its own, so neither finds a column the other made.
    const cases: [string, () => unknown, () => Steps<unknown>][] = [
      [
        'serving',
        () => servingChart(view(), 'ttft_mean'),
        () => servingChartSteps(view(), 'ttft_mean'),
      ],
      [
        'trade-off',
        () => tradeOffChart(view(), 'ttft_p99'),
        () => tradeOffChartSteps(view(), 'ttft_p99'),
      ],
      ['latency', () => latencyBars(view(), 'mean'), () => latencyBarsSteps(view(), 'mean')],
      [
        'throughput',
        () => throughputBars(view(), { unit: 'req/s', perGpu: true }),
        () => throughputBarsSteps(view(), { unit: 'req/s', perGpu: true }),
      ],
      [
        'speedup',
        () => speedupMatrix(view(), { baseline: null, servingMetric: 'request_throughput' }),
        () => speedupMatrixSteps(view(), { baseline: null, servingMetric: 'request_throughput' }),
      ],
    ];
    for (const [name, atOnce, inSteps] of cases) {
      const { value, pauses } = stepped(inSteps());
      expect(value, name).toEqual(atOnce());
      expect(pauses, name).toBeGreaterThanOrEqual(2);
    }
    // The configurations read every row once, then code each row's slot: 6,480 rows, a step of
    // 4,096 and one of 2,384 for each.
    const configs = stepped(servingConfigsSteps(view()));
    expect(configs.value).toEqual(servingConfigs(view()));
    expect(configs.pauses).toBe(4);
  });

  it('make the cost panel’s GPU types and rows a step at a time', () => {
    // 1,080 throughput results (one step) and 4,320 serving (two): three pauses each.
    const types = stepped(pricedGpuTypesSteps(view()));
    expect(types.value).toEqual(['A100-SXM4-80GB', 'H100', 'H200']);
    expect(types.pauses).toBe(3);
    const rows = stepped(costRowsSteps(view(), { H100: 2 }));
    expect(rows.value).toEqual(costRows(view(), { H100: 2 }));
    // The latest run of each test on each GPU: 3 GPUs × (3 throughput + 12 serving tests).
    expect(rows.value).toHaveLength(45);
    expect(rows.pauses).toBe(3);
  });

  it('pause nowhere over nothing', () => {
    const empty = viewOf([]);
    expect(stepped(pricedGpuTypesSteps(empty))).toEqual({ value: [], pauses: 0 });
    expect(stepped(costRowsSteps(empty, {}))).toEqual({ value: [], pauses: 0 });
    expect(stepped(servingConfigsSteps(empty))).toEqual({ value: [], pauses: 0 });
  });

  it('are made at once by running their steps to the end', () => {
    const shown = view();
    expect(runSteps(servingChartSteps(shown, 'ttft_mean'))).toEqual(
      servingChart(view(), 'ttft_mean'),
    );
  });
});
