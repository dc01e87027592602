// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { latencyBars, throughputBars } from '../../../src/data/charts/bar-charts';
import {
  barChartSummary,
  formatRatio,
  metricInWords,
  plural,
  servingSummary,
  speedupSummary,
  tradeOffSummary,
} from '../../../src/data/charts/chart-summaries';
import { servingChart } from '../../../src/data/charts/serving-charts';
import { speedupMatrix } from '../../../src/data/charts/speedup';
import { tradeOffChart } from '../../../src/data/charts/trade-off';
import { handDataset, result, seedView, viewOf } from './chart-fixtures';

describe('words', () => {
  it('counts in words, grouping thousands, one without the plural ending', () => {
    const said = [0, 1, 2, 1200].map((count) => plural(count, 'test'));
    expect(said).toEqual(['0 tests', '1 test', '2 tests', '1,200 tests']);
    expect(plural(2, 'index', 'indices')).toBe('2 indices');
  });

  it('says a metric with its unit and direction, leaving out what it has not', () => {
    expect(metricInWords({ label: 'Mean TTFT', unit: 'ms', direction: 'lower' })).toBe(
      'Mean TTFT (ms, lower is better)',
    );
    expect(metricInWords({ label: 'Throughput', unit: 'req/s', direction: 'higher' })).toBe(
      'Throughput (req/s, higher is better)',
    );
    expect(metricInWords({ label: 'Requests', unit: 'requests', direction: 'neutral' })).toBe(
      'Requests (requests)',
    );
    expect(metricInWords({ label: 'x:score', unit: '', direction: 'neutral' })).toBe('x:score');
  });
});

describe('chart text alternatives', () => {
  it('says H200 has the lowest mean latency in all three seed tests', () => {
    expect(barChartSummary(latencyBars(seedView(), 'mean'))).toBe(
      'Mean latency (ms, lower is better) for 3 tests on 3 GPUs. Lowest per test: 8×H200 in 3 of 3.',
    );
  });

  it('says who has the highest throughput per test', () => {
    // H200 leads Llama 3.1 8B (25.67) and Llama 3 70B (10.69); H100 leads Mixtral (9.01 > 8.65).
    expect(barChartSummary(throughputBars(seedView(), { unit: 'req/s', perGpu: false }))).toBe(
      'Throughput (req/s, higher is better) for 3 tests on 3 GPUs. Highest per test: 8×H200 in 2 of 3; 8×H100 in 1 of 3.',
    );
  });

  it('says where each GPU saturates in each model configuration', () => {
    const text = servingSummary(
      servingChart(seedView({ model: ['llama70B', 'mixtral8x7B'] }), 'ttft_mean'),
    );
    expect(text).toBe(
      'Mean TTFT (ms, lower is better) against offered QPS for 1 model configuration on 3 GPUs. ' +
        'Saturation, where requests start to queue: Llama 3.1 8B · TP1 · sharegpt: ' +
        '8×A100-SXM4-80GB at QPS inf (all at once), 8×H100 at QPS inf (all at once), ' +
        '8×H200 at QPS inf (all at once).',
    );
  });

  it('names the GPU with the highest achieved rate per model in the trade-off', () => {
    const text = tradeOffSummary(
      tradeOffChart(seedView({ model: ['llama70B', 'mixtral8x7B'] }), 'itl_median'),
    );
    // 8×H200 at QPS inf: 28.828767850421375 req/s, median ITL 9.728759061545134 ms.
    expect(text).toContain('Llama 3.1 8B · TP1 · sharegpt: 8×H200, 28.83 req/s at 9.73 ms');
  });

  it('gives each GPU its geometric-mean speedup over the baseline', () => {
    const matrix = speedupMatrix(seedView(), {
      baseline: '8×H100',
      servingMetric: 'request_throughput',
    });
    expect(speedupSummary(matrix)).toBe(
      'Speedup over 8×H100, geometric mean per GPU, above 1× means faster: ' +
        '8×A100-SXM4-80GB 0.73× (slower, over 18 tests); 8×H200 1.09× (faster, over 18 tests).',
    );
    expect(formatRatio(1.1919162551118319)).toBe('1.19×');
  });

  it('says so when the filters leave nothing', () => {
    const none = seedView({ gpu: ['8×H100', '8×H200', '8×A100-SXM4-80GB'] });
    expect(barChartSummary(latencyBars(none, 'mean'))).toBe(
      'No mean latency values match the filters.',
    );
    expect(servingSummary(servingChart(none, 'ttft_mean'))).toBe(
      'No serving values match the filters.',
    );
  });
});

describe('bar chart summaries of hand-made runs', () => {
  /** One latency test per model on each GPU, with the mean latencies given (ms). */
  const latencies = (byGpu: Record<string, readonly number[]>) => {
    const models = ['llama8B', 'llama70B', 'mixtral8x7B'];
    const datasets = Object.entries(byGpu).map(([gpu, values]) =>
      handDataset(
        gpu,
        values.map((value, i) =>
          result(
            'latency',
            `latency_${models[i] ?? ''}`,
            gpu,
            { latency_mean: value },
            {
              model: models[i] ?? '',
            },
          ),
        ),
      ),
    );
    return barChartSummary(latencyBars(viewOf(datasets), 'mean'));
  };

  it('ranks the GPUs by how many tests they are best in, whichever wins first', () => {
    const head = 'Mean latency (ms, lower is better) for 3 tests on 2 GPUs.';
    // A100 is lowest in one test (each in turn), H100 in the other two.
    for (const [i, a100] of [
      [10, 30, 40],
      [30, 10, 40],
      [30, 40, 10],
    ].entries()) {
      expect(latencies({ A100: a100, H100: [20, 20, 20] }), String(i)).toBe(
        `${head} Lowest per test: 8×H100 in 2 of 3; 8×A100 in 1 of 3.`,
      );
    }
  });

  it('gives a tie to the GPU listed first', () => {
    expect(latencies({ A100: [10], H100: [10] })).toBe(
      'Mean latency (ms, lower is better) for 1 test on 2 GPUs. Lowest per test: 8×A100 in 1 of 1.',
    );
    const throughput = (gpu: string) =>
      result('throughput', 'throughput_llama8B_tp1', gpu, { request_throughput: 5 });
    const view = viewOf([
      handDataset('A100', [throughput('A100')]),
      handDataset('H100', [throughput('H100')]),
    ]);
    expect(barChartSummary(throughputBars(view, { unit: 'req/s', perGpu: false }))).toBe(
      'Throughput (req/s, higher is better) for 1 test on 2 GPUs. Highest per test: 8×A100 in 1 of 1.',
    );
  });

  it('names no best GPU when there is one GPU only', () => {
    expect(latencies({ H100: [10, 20] })).toBe(
      'Mean latency (ms, lower is better) for 2 tests on 1 GPU.',
    );
  });
});
