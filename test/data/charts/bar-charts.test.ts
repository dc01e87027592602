// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  barChartRows,
  barValueTop,
  latencyBars,
  perGpuRate,
  throughputBars,
  throughputUnits,
  tokenRateKey,
  whiskerStat,
  type BarChartData,
} from '../../../src/data/charts/bar-charts';
import { handDataset, result, seedDatasets, seedView, viewOf } from './chart-fixtures';

/** A bar's value by test name and GPU label. */
function bar(data: BarChartData, test: string, gpuLabel: string) {
  const gpu = data.gpus.find((entry) => entry.label === gpuLabel);
  if (gpu === undefined) return undefined;
  return data.groups.find((group) => group.key === test)?.bars.get(gpu.key);
}

describe('latency bars', () => {
  it('draws one mean bar per GPU for each model, with the p99 as its whisker', () => {
    const data = latencyBars(seedView(), 'mean');
    expect(data.gpus.map((gpu) => gpu.label)).toEqual(['8×A100-SXM4-80GB', '8×H100', '8×H200']);
    expect(data.groups.map((group) => group.label).sort()).toEqual([
      'Llama 3 70B · TP4',
      'Llama 3.1 8B · TP1',
      'Mixtral 8x7B · TP2',
    ]);
    // Seed latency_llama8B_tp1: mean / p99 in ms.
    expect(bar(data, 'latency_llama8B_tp1', '8×H100')).toMatchObject({
      value: 1046.9095210234325,
      whisker: 1048.303036596626,
      count: 1,
      testNames: ['latency_llama8B_tp1'],
      datasets: ['Nightly · 8×H100'],
    });
    expect(bar(data, 'latency_llama8B_tp1', '8×H200')?.value).toBe(833.271651606386);
    expect(bar(data, 'latency_llama8B_tp1', '8×A100-SXM4-80GB')?.value).toBe(1563.7737552945812);
    expect(data.unit).toBe('ms');
    expect(data.direction).toBe('lower');
  });

  it('puts the whisker span p99 − mean into the recharts rows', () => {
    const rows = barChartRows(latencyBars(seedView(), 'mean'));
    const llama8B = rows.find((row) => row.test === 'latency_llama8B_tp1');
    // 8×H100: 1048.303036596626 − 1046.9095210234325 = 1.3935155731935 ms.
    const [low, high] = llama8B?.['g1~'] as [number, number];
    expect(low).toBe(0);
    expect(high).toBeCloseTo(1.3935155731935, 9);
    expect(llama8B?.g1).toBe(1046.9095210234325);
  });

  it('switches to the median and drops the whiskers', () => {
    const data = latencyBars(seedView(), 'median');
    expect(data.whiskerKey).toBeNull();
    expect(data.label).toBe('Median latency');
    // 833.7587309069932 is the H200 median; its mean 833.271651606386 must not appear.
    expect(bar(data, 'latency_llama8B_tp1', '8×H200')?.value).toBe(833.7587309069932);
    expect(Object.keys(barChartRows(data)[0] ?? {})).not.toContain('g2~');
  });

  it('switches to p99', () => {
    expect(bar(latencyBars(seedView(), 'p99'), 'latency_llama70B_tp4', '8×H100')?.value).toBe(
      2544.8885366879404,
    );
  });

  it('drops the H200 bars when 8×H200 is unchecked', () => {
    const data = latencyBars(seedView({ gpu: ['8×H200'] }), 'mean');
    expect(data.gpus.map((gpu) => gpu.label)).toEqual(['8×A100-SXM4-80GB', '8×H100']);
    for (const group of data.groups) expect(group.bars.has('g2')).toBe(false);
    for (const row of barChartRows(data)) expect(row).not.toHaveProperty('g2');
  });

  it('averages two loaded runs of the same GPU and names both datasets', () => {
    const extra = handDataset('nightly-2 8×H100', [
      result('latency', 'latency_llama8B_tp1', 'H100', { latency_mean: 1000, latency_p99: 1002 }),
    ]);
    const data = latencyBars(viewOf([...seedDatasets(), extra]), 'mean');
    // (1046.9095210234325 + 1000) / 2 and (1048.303036596626 + 1002) / 2, by hand.
    const h100 = bar(data, 'latency_llama8B_tp1', '8×H100');
    expect(h100?.value).toBeCloseTo(1023.454760511716, 9);
    expect(h100?.whisker).toBeCloseTo(1025.151518298313, 9);
    expect(h100?.count).toBe(2);
    expect(h100?.datasets).toEqual(['Nightly · 8×H100', 'nightly-2 8×H100']);
  });

  it('shows a missing value as no bar, never as 0', () => {
    const data = latencyBars(
      viewOf([
        handDataset('gap', [
          result('latency', 'latency_llama8B_tp1', 'H100', { latency_mean: null }),
          result('latency', 'latency_llama8B_tp1', 'H200', { latency_mean: 900 }),
        ]),
      ]),
      'mean',
    );
    expect(data.gpus.map((gpu) => gpu.label)).toEqual(['8×H200']);
    expect(barChartRows(data)[0]).not.toHaveProperty('g0');
  });
});

describe('throughput bars', () => {
  it('plots req/s per model and GPU as measured', () => {
    const data = throughputBars(seedView(), { unit: 'req/s', perGpu: false });
    expect(bar(data, 'throughput_llama70B_tp4', '8×H100')?.value).toBe(9.134678104490586);
    expect(bar(data, 'throughput_llama8B_tp1', '8×A100-SXM4-80GB')?.value).toBe(12.324186389245893);
    expect(data.unit).toBe('req/s');
    expect(data.direction).toBe('higher');
  });

  it('divides by TP per GPU: a TP4 run on 8×H100 gives a quarter per GPU', () => {
    const data = throughputBars(seedView(), { unit: 'req/s', perGpu: true });
    // 9.134678104490586 / 4 and 9.013797973436434 / 2, by hand; TP1 stays as it is.
    expect(bar(data, 'throughput_llama70B_tp4', '8×H100')?.value).toBeCloseTo(
      2.2836695261226465,
      12,
    );
    expect(bar(data, 'throughput_mixtral8x7B_tp2', '8×H100')?.value).toBeCloseTo(
      4.506898986718217,
      12,
    );
    expect(bar(data, 'throughput_llama8B_tp1', '8×H100')?.value).toBe(21.620062820024827);
    expect(data.unit).toBe('req/s per GPU');
    expect(data.label).toBe('Throughput per GPU');
  });

  it('refuses to normalize a rate whose TP is unknown', () => {
    expect(perGpuRate(10, null)).toBeNull();
    expect(perGpuRate(10, 0)).toBeNull();
    expect(perGpuRate(10, 2)).toBe(5);
    expect(perGpuRate(10, -2)).toBeNull();
    expect(perGpuRate(10, Infinity)).toBeNull();
    expect(perGpuRate(10, Number.NaN)).toBeNull();
  });

  it('leaves the whisker out where a GPU has no bar or no p99', () => {
    const latency = (gpu: string, model: string, mean: number, p99: number | null) =>
      result(
        'latency',
        `latency_${model}`,
        gpu,
        { latency_mean: mean, latency_p99: p99 },
        { model },
      );
    const data = latencyBars(
      viewOf([
        handDataset('A100', [
          latency('A100', 'llama8B', 10, 12),
          latency('A100', 'llama70B', 30, null),
        ]),
        handDataset('H100', [latency('H100', 'llama8B', 8, 9.5)]),
      ]),
      'mean',
    );
    const [a100 = '', h100 = ''] = data.gpus.map((gpu) => gpu.key);
    const rows = barChartRows(data);
    const row = (test: string) => rows.find((entry) => entry.test === test);
    expect(row('latency_llama8B')).toEqual({
      test: 'latency_llama8B',
      [a100]: 10,
      [`${a100}~`]: [0, 2],
      [h100]: 8,
      [`${h100}~`]: [0, 1.5],
    });
    expect(row('latency_llama70B')).toEqual({
      test: 'latency_llama70B',
      [a100]: 30,
      [`${a100}~`]: null,
      [h100]: null,
      [`${h100}~`]: null,
    });
  });

  it('offers tok/s only when the data has a token rate', () => {
    expect(tokenRateKey(seedView().index.metricKeys.throughput)).toBeNull();
    expect(tokenRateKey(['request_throughput', 'token_throughput'])).toBe('token_throughput');
    expect(throughputUnits(seedView().index.metricKeys.throughput)).toEqual(['req/s']);
    expect(throughputUnits(['request_throughput', 'output_throughput'])).toEqual([
      'req/s',
      'tok/s',
    ]);
    const withTokens = viewOf([
      handDataset('tokens', [
        result(
          'throughput',
          'throughput_llama8B_tp4',
          'H100',
          {
            request_throughput: 20,
            token_throughput: 8000,
          },
          { tp: 4 },
        ),
      ]),
    ]);
    const data = throughputBars(withTokens, { unit: 'tok/s', perGpu: true });
    expect(data.groups[0]?.bars.get('g0')?.value).toBe(2000);
    expect(data.unit).toBe('tok/s per GPU');
  });
});

describe('bar value axis', () => {
  const latency = (gpu: string, mean: number, p99: number | null) =>
    result('latency', 'latency_llama8B_tp1', gpu, { latency_mean: mean, latency_p99: p99 });
  const view = () =>
    viewOf([handDataset('runs', [latency('H100', 100, 130), latency('H200', 140, null)])]);

  it('reaches the highest whisker when one stands above every bar', () => {
    // Bars 100 and 140 ms; the H100 whisker reaches 130, below the H200 bar.
    expect(barValueTop(latencyBars(view(), 'mean'))).toBe(140);
    const tall = viewOf([
      handDataset('tall', [latency('H100', 100, 180), latency('H200', 140, null)]),
    ]);
    expect(barValueTop(latencyBars(tall, 'mean'))).toBe(180);
    // P99 bars: 130 only (the H200 run has none).
    expect(barValueTop(latencyBars(view(), 'p99'))).toBe(130);
    expect(barValueTop({ groups: [] })).toBe(0);
  });

  it('names the whisker by its statistic, only where whiskers are drawn', () => {
    expect(whiskerStat(latencyBars(view(), 'mean'))).toBe('P99');
    expect(whiskerStat(latencyBars(view(), 'median'))).toBeNull();
  });
});
