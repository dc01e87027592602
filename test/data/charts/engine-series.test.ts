// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { latencyBars } from '../../../src/data/charts/bar-charts';
import { servingChart } from '../../../src/data/charts/serving-charts';
import { handDataset, result, viewOf } from './chart-fixtures';

/** Two engines' runs of one test on one GPU, as a file with a `framework` key holds them. */
function mixed() {
  const serving = (engine: string, qps: number, rate: number) =>
    result(
      'serving',
      `serving_llama8B_tp1_sharegpt_qps_${String(qps)}`,
      'H100',
      { request_throughput: rate },
      { engine, qps, dataset: 'sharegpt' },
    );
  const latency = (engine: string, ms: number) =>
    result('latency', 'latency_llama8B_tp1', 'H100', { latency_mean: ms }, { engine });
  return viewOf([
    handDataset('both.jsonl', [
      serving('vLLM', 1, 0.99),
      serving('vLLM', 4, 3.9),
      serving('SGLang', 1, 0.97),
      serving('SGLang', 4, 3.7),
      latency('vLLM', 1000),
      latency('SGLang', 1200),
    ]),
  ]);
}

describe('charts of two engines', () => {
  it('draw each engine’s serving line in a panel of its own, never their average', () => {
    const chart = servingChart(mixed(), 'request_throughput');
    expect(chart.panels.map((panel) => panel.label)).toEqual([
      'Llama 3.1 8B · TP1 · sharegpt',
      'Llama 3.1 8B · TP1 · sharegpt · SGLang',
    ]);
    // vLLM at QPS 4: 3.9 req/s, not (3.9 + 3.7) / 2 = 3.8.
    expect(chart.panels[0]?.lines[0]?.points.get(4)?.value).toBe(3.9);
    expect(chart.panels[1]?.lines[0]?.points.get(4)?.value).toBe(3.7);
  });

  it('give each engine its own latency bars', () => {
    const bars = latencyBars(mixed(), 'mean');
    expect(bars.groups.map((group) => [group.label, [...group.bars.values()][0]?.value])).toEqual([
      ['Llama 3.1 8B · TP1', 1000],
      ['Llama 3.1 8B · TP1 · SGLang', 1200],
    ]);
  });
});
