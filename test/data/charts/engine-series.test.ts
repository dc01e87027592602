// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { latencyBars } from '../../../src/data/charts/bar-charts';
import { engineDash } from '../../../src/data/charts/engine-dash';
import { servingChart } from '../../../src/data/charts/serving-charts';
import { seriesKeyOf, seriesLabelOf } from '../../../src/data/charts/small-multiples';
import { tradeOffChart } from '../../../src/data/charts/trade-off';
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
  it('draw each engine’s serving line in one panel, its own line, never their average', () => {
    const chart = servingChart(mixed(), 'request_throughput');
    expect(chart.panels.map((panel) => [panel.label, panel.engines])).toEqual([
      ['Llama 3.1 8B · TP1 · sharegpt · vLLM vs SGLang', ['vLLM', 'SGLang']],
    ]);
    const lines = chart.panels[0]?.lines ?? [];
    // vLLM at QPS 4: 3.9 req/s; SGLang 3.7 — not (3.9 + 3.7) / 2 = 3.8.
    expect(lines.map((line) => [line.gpu.label, line.engine, line.points.get(4)?.value])).toEqual([
      ['8×H100', 'vLLM', 3.9],
      ['8×H100', 'SGLang', 3.7],
    ]);
    // One line style per engine over the whole chart: vLLM solid, SGLang dashed.
    expect(chart.engines).toEqual(['vLLM', 'SGLang']);
    expect(lines.map((line) => engineDash(chart.engines, line.engine))).toEqual([undefined, '6 4']);
    expect(lines.map(seriesKeyOf)).toEqual([
      lines[0]?.gpu.key,
      `${lines[0]?.gpu.key ?? ''}|SGLang`,
    ]);
    expect(lines.map(seriesLabelOf)).toEqual(['8×H100', '8×H100 · SGLang']);
  });

  it('name a panel of one other engine after it, and vLLM’s alone after none', () => {
    const sglangOnly = viewOf([
      handDataset('sglang.jsonl', [
        result(
          'serving',
          'serving_llama8B_tp1_sharegpt_qps_1',
          'H100',
          { request_throughput: 1 },
          {
            engine: 'SGLang',
            qps: 1,
            dataset: 'sharegpt',
          },
        ),
      ]),
    ]);
    const chart = servingChart(sglangOnly, 'request_throughput');
    expect(chart.panels.map((panel) => panel.label)).toEqual([
      'Llama 3.1 8B · TP1 · sharegpt · SGLang',
    ]);
    // The only engine drawn is solid: dashes tell engines apart, they do not mark "not vLLM".
    expect(engineDash(chart.engines, 'SGLang')).toBeUndefined();
  });

  it('plot each engine’s trade-off points as its own series, with its own frontier', () => {
    const run = (engine: string, qps: number, rate: number, ttft: number) =>
      result(
        'serving',
        `serving_llama8B_tp1_sharegpt_qps_${String(qps)}`,
        'H100',
        { request_throughput: rate, ttft_mean: ttft },
        { engine, qps, dataset: 'sharegpt' },
      );
    const view = viewOf([
      handDataset('both.jsonl', [
        run('SGLang', 1, 0.97, 30),
        run('vLLM', 1, 0.99, 20),
        run('SGLang', 4, 3.7, 40),
        run('vLLM', 4, 3.9, 25),
      ]),
    ]);
    const chart = tradeOffChart(view, 'ttft_mean');
    const series = chart.panels[0]?.series ?? [];
    // vLLM first whatever the file's order; each engine's points are its own.
    expect(series.map((entry) => [entry.engine, entry.points.map((p) => [p.x, p.y])])).toEqual([
      [
        'vLLM',
        [
          [0.99, 20],
          [3.9, 25],
        ],
      ],
      [
        'SGLang',
        [
          [0.97, 30],
          [3.7, 40],
        ],
      ],
    ]);
    expect(chart.engines).toEqual(['vLLM', 'SGLang']);
  });

  it('give each engine its own latency bars', () => {
    const bars = latencyBars(mixed(), 'mean');
    expect(bars.groups.map((group) => [group.label, [...group.bars.values()][0]?.value])).toEqual([
      ['Llama 3.1 8B · TP1', 1000],
      ['Llama 3.1 8B · TP1 · SGLang', 1200],
    ]);
  });
});
