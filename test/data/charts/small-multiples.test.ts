// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_SMALL_CHARTS } from '../../../src/data/charts/point-budget';
import {
  plotsAchievedRate,
  servingChart,
  servingValueTop,
} from '../../../src/data/charts/serving-charts';
import {
  optionInEffect,
  plottedServingKey,
  servingMetricChoices,
  servingMetricOptions,
} from '../../../src/data/charts/serving-metrics';
import {
  plottedMetric,
  servingSmallMultiples,
  type ChartPanel,
} from '../../../src/data/charts/small-multiples';
import {
  tradeOffChart,
  tradeOffPanelPoints,
  tradeOffTops,
} from '../../../src/data/charts/trade-off';
import type { ResultsView } from '../../../src/data/results/results-view';
import { handDataset, result, viewOf } from './chart-fixtures';

/** A serving run of a model on 8×`gpu` at one QPS, with its mean TTFT and achieved req/s. */
function run(model: string, gpu: string, qps: number, ttft: number, achieved: number) {
  return result(
    'serving',
    `serving_${model}_tp1_sharegpt_qps_${qps === Infinity ? 'inf' : qps}`,
    gpu,
    { ttft_mean: ttft, request_throughput: achieved },
    { model, dataset: 'sharegpt', qps },
  );
}

/**
 * Llama 3.1 8B on H100 at QPS 1, 4 and ∞ and on H200 at QPS 1 and 16; Llama 3 70B on A100 at
 * QPS 1 only.
 */
function handView(): ResultsView {
  return viewOf([
    handDataset('runs', [
      run('llama8B', 'H100', 1, 10, 1),
      run('llama8B', 'H100', 4, 12, 3.9),
      run('llama8B', 'H100', Infinity, 50, 12),
      run('llama8B', 'H200', 1, 8, 1),
      run('llama8B', 'H200', 16, 30, 10),
      run('llama70B', 'A100', 1, 40, 0.95),
    ]),
  ]);
}

const LLAMA_8B = 'serving_llama8B_tp1_sharegpt';

function panelOf<P extends { readonly key: string }>(panels: readonly P[], key: string): P {
  const found = panels.find((panel) => panel.key === key);
  if (found === undefined) throw new Error(`no panel ${key}`);
  return found;
}

describe('serving small multiples', () => {
  it('makes a panel per model with a series per GPU, GPUs in label order', () => {
    const charts = servingSmallMultiples(handView(), ['ttft_mean', 'request_throughput'], {
      series: ({ gpu }, byQps) => ({ gpu: gpu.label, qps: [...byQps.keys()] }),
      panel: (family, series) => ({ ...family, series }),
      marksPerPanel: () => 1,
    });
    expect(charts.gpus.map((gpu) => gpu.label)).toEqual(['8×A100', '8×H100', '8×H200']);
    // Panels in the view's reading order, which the tables set; found here by key.
    expect(charts.panels.map((panel) => panel.key).sort()).toEqual([
      'serving_llama70B_tp1_sharegpt',
      LLAMA_8B,
    ]);
    expect(panelOf(charts.panels, LLAMA_8B)).toEqual({
      key: LLAMA_8B,
      label: 'Llama 3.1 8B · TP1 · sharegpt',
      engines: ['vLLM'],
      series: [
        { gpu: '8×H100', qps: [1, 4, Infinity] },
        { gpu: '8×H200', qps: [1, 16] },
      ],
    });
    expect(panelOf(charts.panels, 'serving_llama70B_tp1_sharegpt')).toEqual({
      key: 'serving_llama70B_tp1_sharegpt',
      label: 'Llama 3 70B · TP1 · sharegpt',
      engines: ['vLLM'],
      series: [{ gpu: '8×A100', qps: [1] }],
    });
    expect(charts.omittedPanels).toBe(0);
  });

  it('leaves out a GPU without a series, and a model whose GPUs have none', () => {
    const charts = servingSmallMultiples(handView(), ['ttft_mean', 'request_throughput'], {
      // Only GPUs with a run at QPS 1 and another one have a series.
      series: ({ gpu }, byQps) => (byQps.size > 1 ? gpu.label : null),
      panel: (family, series) => ({ ...family, series }),
      marksPerPanel: () => 1,
    });
    expect(charts.gpus.map((gpu) => gpu.label)).toEqual(['8×H100', '8×H200']);
    expect(charts.panels.map((panel) => panel.series)).toEqual([['8×H100', '8×H200']]);
  });

  it('draws as many panels as the budget allows, at least one, at most six', () => {
    const build = (marks: number) => ({
      series: () => 1,
      panel: (family: ChartPanel) => family,
      marksPerPanel: () => marks,
    });
    // 2,000 marks a panel: one panel fits the 2,000-mark budget; 1,000: two.
    const one = servingSmallMultiples(handView(), ['ttft_mean', 'request_throughput'], build(2000));
    expect([one.panels.length, one.omittedPanels]).toEqual([1, 1]);
    const more = servingSmallMultiples(
      handView(),
      ['ttft_mean', 'request_throughput'],
      build(4000),
    );
    expect([more.panels.length, more.omittedPanels]).toEqual([1, 1]);
    const both = servingSmallMultiples(
      handView(),
      ['ttft_mean', 'request_throughput'],
      build(1000),
    );
    expect([both.panels.length, both.omittedPanels]).toEqual([2, 0]);
    // Every GPU stays in the legend, drawn or not.
    expect(one.gpus).toHaveLength(3);

    // Eight models of one run each: six panels, two left out.
    const models = Array.from({ length: 8 }, (_, i) => run(`model${i}`, 'H100', 1, 10, 1));
    const eight = servingSmallMultiples(
      viewOf([handDataset('eight', models)]),
      ['ttft_mean', 'request_throughput'],
      build(1),
    );
    expect(MAX_SMALL_CHARTS).toBe(6);
    expect([eight.panels.length, eight.omittedPanels]).toEqual([6, 2]);
  });

  it('describes a plotted metric, under another label where the chart names it so', () => {
    expect(plottedMetric('ttft_mean')).toEqual({
      metricKey: 'ttft_mean',
      label: 'Mean TTFT',
      unit: 'ms',
      direction: 'lower',
    });
    expect(plottedMetric('request_throughput', 'Achieved throughput')).toMatchObject({
      label: 'Achieved throughput',
      unit: 'req/s',
      direction: 'higher',
    });
  });
});

describe('serving chart axes', () => {
  it('tops the value axis at the largest value, or the largest finite offered QPS with it', () => {
    const rates = servingChart(handView(), 'request_throughput');
    const llama8B = panelOf(rates.panels, LLAMA_8B);
    expect(llama8B.qpsAxis).toEqual([1, 4, 16, Infinity]);
    // Achieved 1, 3.9, 12 (H100) and 1, 10 (H200): 12; offered up to 16 (∞ is no rate).
    expect(servingValueTop(llama8B, false)).toBe(12);
    expect(servingValueTop(llama8B, true)).toBe(16);
    const ttft = panelOf(servingChart(handView(), 'ttft_mean').panels, LLAMA_8B);
    // TTFT 10, 12, 50 and 8, 30 ms.
    expect(servingValueTop(ttft, true)).toBe(50);
    expect(plotsAchievedRate(rates)).toBe(true);
    expect(plotsAchievedRate({ metricKey: 'ttft_mean' })).toBe(false);
  });
});

describe('trade-off chart axes and points', () => {
  it('plots achieved req/s (higher is better) against the latency (lower is better)', () => {
    const data = tradeOffChart(handView(), 'ttft_mean');
    expect(data.x).toEqual({
      metricKey: 'request_throughput',
      label: 'Achieved throughput',
      unit: 'req/s',
      direction: 'higher',
    });
    expect(data.y).toEqual({
      metricKey: 'ttft_mean',
      label: 'Mean TTFT',
      unit: 'ms',
      direction: 'lower',
    });
  });

  it('tops both axes over every GPU of the panel, and walks points GPU by GPU, QPS ascending', () => {
    const panel = panelOf(tradeOffChart(handView(), 'ttft_mean').panels, LLAMA_8B);
    // H100 (1, 10), (3.9, 12), (12, 50); H200 (1, 8), (10, 30).
    expect(tradeOffTops(panel)).toEqual({ x: 12, y: 50 });
    const points = tradeOffPanelPoints(panel.series);
    expect(points.map(({ series, point }) => [series.gpu.label, point.qps])).toEqual([
      ['8×H100', 1],
      ['8×H100', 4],
      ['8×H100', Infinity],
      ['8×H200', 1],
      ['8×H200', 16],
    ]);
    // Without the H100 series (turned off), its points are not walked but still set the axes.
    expect(tradeOffPanelPoints(panel.series.slice(1))).toHaveLength(2);
  });
});

describe('serving metric options', () => {
  const keys = ['ttft_mean', 'ttft_p99', 'request_throughput', 'output_throughput'];

  it('lists each statistic of a latency quantity on its own, then the rates', () => {
    expect(servingMetricOptions(keys)).toEqual([
      { value: 'ttft_mean', label: 'Mean TTFT' },
      { value: 'ttft_p99', label: 'P99 TTFT' },
      { value: 'request_throughput', label: 'Achieved req/s' },
      { value: 'output_throughput', label: 'Output throughput (tok/s)' },
    ]);
  });

  it('keeps the option chosen while it is offered, else the first, else the fallback', () => {
    const options = servingMetricOptions(keys);
    expect(optionInEffect(options, 'ttft_p99', 'request_throughput')).toBe('ttft_p99');
    expect(optionInEffect(options, 'itl_mean', 'request_throughput')).toBe('ttft_mean');
    expect(optionInEffect([], 'ttft_p99', 'request_throughput')).toBe('request_throughput');
  });

  it('plots the choice and statistic in effect, or the fallback without any choice', () => {
    const [ttft] = servingMetricChoices(keys);
    expect(plottedServingKey(ttft, 'p99', 'x')).toBe('ttft_p99');
    // TTFT has no median here: its first statistic.
    expect(plottedServingKey(ttft, 'median', 'x')).toBe('ttft_mean');
    expect(plottedServingKey(undefined, 'p99', 'ttft_p99')).toBe('ttft_p99');
  });
});
