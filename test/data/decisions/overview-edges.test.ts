// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { overview } from '../../../src/data/decisions/overview';
import { servingConfigs } from '../../../src/data/decisions/serving-configs';
import type { BenchmarkResult } from '../../../src/data/results/result-model';
import { handDataset, result, viewOf } from '../charts/chart-fixtures';

function overviewOf(results: BenchmarkResult[]) {
  const view = viewOf([handDataset('hand', results)]);
  return overview(view, servingConfigs(view));
}

const served = (qps: number, metrics: Record<string, number | null>, extra = {}) =>
  result('serving', `s_${String(qps)}`, 'H100', metrics, { qps, dataset: 'sharegpt', ...extra });

describe('scorecards made by hand', () => {
  it('takes the highest achieved rate as peak serving, wherever it is, skipping loads without one', () => {
    const card = overviewOf([
      served(1, { request_throughput: 1 }),
      served(2, { request_throughput: 5 }),
      served(4, { request_throughput: 3 }),
      served(8, { request_throughput: null }),
    ])[0]?.cards[0];
    expect(card?.peakServing).toEqual({ value: 5, load: 2 });
  });

  it('keeps the first of equal peaks', () => {
    const card = overviewOf([
      served(1, { request_throughput: 4 }),
      served(2, { request_throughput: 4 }),
    ])[0]?.cards[0];
    expect(card?.peakServing).toEqual({ value: 4, load: 1 });
  });

  it('reads low load from the prompt dataset tested at the most loads', () => {
    const card = overviewOf([
      served(1, { ttft_median: 90 }, { dataset: 'random', testName: 'r1' }),
      served(1, { ttft_median: 10 }, { testName: 'a1' }),
      served(2, { ttft_median: 11 }, { testName: 'a2' }),
      served(4, { ttft_median: 12 }, { testName: 'a4' }),
      served(2, { ttft_median: 95 }, { dataset: 'random', testName: 'r2' }),
    ])[0]?.cards[0];
    expect(card?.ttftLowLoad).toEqual({ value: 10, load: 1 });
  });

  it('has a card for a throughput test alone, its rate per GPU used', () => {
    const models = overviewOf([
      result('throughput', 't', 'H200', { request_throughput: 10 }, { tp: 4 }),
      result('throughput', 't', 'H100', { request_throughput: 6 }, { tp: 2 }),
    ]);
    const cards = models[0]?.cards ?? [];
    expect(cards.map((c) => [c.gpu, c.throughput, c.throughputPerGpu])).toEqual([
      ['8×H100', 6, 3],
      ['8×H200', 10, 2.5],
    ]);
    // Per GPU used: 3 (H100, TP 2) beats 2.5 (H200, TP 4), though H200 is faster per machine.
    expect(models[0]?.best?.gpu).toBe('8×H100');
  });

  it('orders models by name, then TP, then GPU, whatever order the files list them in', () => {
    const models = overviewOf([
      result('latency', 'm', 'H100', { latency_mean: 1 }, { model: 'mixtral8x7B', tp: 2 }),
      result('latency', 'b', 'H200', { latency_mean: 2 }, { model: 'llama8B', tp: 2 }),
      result('latency', 'c', 'H100', { latency_mean: 3 }, { model: 'llama8B', tp: 2 }),
      result('latency', 'a', 'H200', { latency_mean: 4 }, { model: 'llama8B', tp: 1 }),
    ]);
    expect(models.map((m) => [m.model, m.cards.map((c) => `${c.gpu} TP${String(c.tp)}`)])).toEqual([
      ['Llama 3.1 8B', ['8×H200 TP1', '8×H100 TP2', '8×H200 TP2']],
      ['Mixtral 8x7B', ['8×H100 TP2']],
    ]);
    expect(models[0]?.cards.map((c) => c.latency)).toEqual([4, 3, 2]);
    expect(models[0]?.cards[0]?.throughput).toBeNull();
  });

  it('names a best GPU with two rated cards, the first of equals, none with one', () => {
    const rated = (gpu: string, rate: number) =>
      result('throughput', `t_${gpu}`, gpu, { request_throughput: rate });
    expect(overviewOf([rated('H100', 5), rated('H200', 5)])[0]?.best?.gpu).toBe('8×H100');
    expect(overviewOf([rated('H100', 5), rated('H200', 6)])[0]?.best?.gpu).toBe('8×H200');
    expect(
      overviewOf([rated('H100', 5), result('latency', 'l', 'H200', { latency_mean: 1 })])[0]?.best,
    ).toBeNull();
  });
});
