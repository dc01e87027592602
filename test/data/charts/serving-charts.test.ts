// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { qpsAxisRows } from '../../../src/data/charts/qps-axis';
import { saturationQps } from '../../../src/data/charts/saturation';
import { servingSummary } from '../../../src/data/charts/chart-summaries';
import { servingChart, type ServingChartData } from '../../../src/data/charts/serving-charts';
import {
  latencyChoices,
  servingMetricChoices,
  servingMetricKey,
} from '../../../src/data/charts/serving-metrics';
import { handDataset, result, seedView, viewOf } from './chart-fixtures';

function panel(data: ServingChartData, key: string) {
  const found = data.panels.find((entry) => entry.key === key);
  if (found === undefined) throw new Error(`no panel ${key}`);
  return found;
}

function line(data: ServingChartData, key: string, gpuLabel: string) {
  return panel(data, key).lines.find((entry) => entry.gpu.label === gpuLabel);
}

describe('serving metric picker', () => {
  it('offers TTFT and ITL with three statistics and the achieved rate, as the seed has no TPOT or tok/s', () => {
    const choices = servingMetricChoices(seedView().index.metricKeys.serving);
    expect(choices.map((choice) => [choice.id, choice.label, choice.stats])).toEqual([
      ['ttft', 'TTFT', ['mean', 'median', 'p99']],
      ['itl', 'ITL', ['mean', 'median', 'p99']],
      ['request_throughput', 'Achieved req/s', []],
    ]);
  });

  it('offers TPOT and a token rate when the data has them', () => {
    const keys = ['tpot_mean', 'tpot_p99', 'request_throughput', 'output_throughput'];
    const choices = servingMetricChoices(keys);
    expect(choices.map((choice) => choice.id)).toEqual([
      'tpot',
      'request_throughput',
      'output_throughput',
    ]);
    expect(choices[0]?.stats).toEqual(['mean', 'p99']);
    expect(latencyChoices(keys).map((choice) => choice.id)).toEqual(['tpot']);
  });

  it('maps a choice and statistic to a metric key, falling back to a statistic the data has', () => {
    const [tpot, rate] = servingMetricChoices(['tpot_mean', 'tpot_p99', 'request_throughput']);
    if (tpot === undefined || rate === undefined) throw new Error('choices missing');
    expect(servingMetricKey(tpot, 'p99')).toBe('tpot_p99');
    expect(servingMetricKey(tpot, 'median')).toBe('tpot_mean');
    expect(servingMetricKey(rate, 'p99')).toBe('request_throughput');
  });
});

describe('serving chart', () => {
  it('draws one small chart per model with one line per GPU', () => {
    const data = servingChart(seedView(), 'ttft_median');
    expect(data.panels.map((entry) => entry.key).sort()).toEqual([
      'serving_llama70B_tp4_sharegpt',
      'serving_llama8B_tp1_sharegpt',
      'serving_mixtral8x7B_tp2_sharegpt',
    ]);
    const llama8B = panel(data, 'serving_llama8B_tp1_sharegpt');
    expect(llama8B.label).toBe('Llama 3.1 8B · TP1 · sharegpt');
    expect(llama8B.lines.map((entry) => entry.gpu.label)).toEqual([
      '8×A100-SXM4-80GB',
      '8×H100',
      '8×H200',
    ]);
    expect(data.unit).toBe('ms');
  });

  it('puts QPS 1, 4, 16 and then "all at once" on the axis, with the seed medians on them', () => {
    const data = servingChart(seedView(), 'ttft_median');
    const llama8B = panel(data, 'serving_llama8B_tp1_sharegpt');
    expect(llama8B.qpsAxis).toEqual([1, 4, 16, Infinity]);
    expect(qpsAxisRows(llama8B.qpsAxis).map((row) => row.qps)).toEqual([
      '1',
      '4',
      '16',
      'all at once',
    ]);
    // 8×H100 median TTFT (ms) of serving_llama8B_tp1_sharegpt_qps_{1,4,16,inf}.
    const h100 = line(data, 'serving_llama8B_tp1_sharegpt', '8×H100');
    expect(llama8B.qpsAxis.map((qps) => h100?.points.get(qps)?.value)).toEqual([
      17.065261490643024, 15.919176395982504, 19.811025820672512, 238.22169471532106,
    ]);
  });

  it('changes the plotted values when the metric changes', () => {
    const atAllOnce = (metric: string) =>
      line(servingChart(seedView(), metric), 'serving_llama8B_tp1_sharegpt', '8×H200')?.points.get(
        Infinity,
      )?.value;
    // 8×H200, serving_llama8B_tp1_sharegpt_qps_inf: p99 ITL (ms) and achieved req/s.
    expect(atAllOnce('itl_p99')).toBe(20.48447238281375);
    expect(atAllOnce('request_throughput')).toBe(28.828767850421375);
  });

  it('marks where each GPU saturates, from its achieved req/s', () => {
    const data = servingChart(seedView(), 'ttft_mean');
    // Achieved req/s at QPS 16: 11.52 (H100), 12.30 (H200), 9.26 (A100), all below 0.9 × 16 = 14.4;
    // at QPS 4 they kept up (3.79, 3.86 and 3.607 ≥ 3.6).
    for (const gpu of ['8×H100', '8×H200', '8×A100-SXM4-80GB']) {
      expect(line(data, 'serving_llama8B_tp1_sharegpt', gpu)?.saturation).toBe(16);
    }
    // Llama 3 70B at QPS 4: 3.31 (H100), 3.44 (H200), 2.92 (A100), all below 3.6.
    for (const gpu of ['8×H100', '8×H200', '8×A100-SXM4-80GB']) {
      expect(line(data, 'serving_llama70B_tp4_sharegpt', gpu)?.saturation).toBe(4);
    }
  });

  it('leaves QPS 4 off the axis when QPS 4 is unchecked', () => {
    const data = servingChart(seedView({ qps: ['4'] }), 'ttft_mean');
    expect(panel(data, 'serving_llama8B_tp1_sharegpt').qpsAxis).toEqual([1, 16, Infinity]);
  });

  it('drops the H200 lines everywhere when 8×H200 is unchecked', () => {
    const data = servingChart(seedView({ gpu: ['8×H200'] }), 'ttft_mean');
    expect(data.gpus.map((gpu) => gpu.label)).toEqual(['8×A100-SXM4-80GB', '8×H100']);
    for (const entry of data.panels) {
      expect(entry.lines.map((l) => l.gpu.label)).not.toContain('8×H200');
    }
  });

  it('has no panel for a model that is unchecked', () => {
    const data = servingChart(seedView({ model: ['mixtral8x7B'] }), 'ttft_mean');
    expect(data.panels.map((entry) => entry.key)).not.toContain('serving_mixtral8x7B_tp2_sharegpt');
  });
});

describe('saturation point', () => {
  it('is the lowest offered QPS whose achieved rate is below 90% of it', () => {
    expect(
      saturationQps([
        { qps: 16, achieved: 10 },
        { qps: 1, achieved: 1 },
        { qps: 4, achieved: 3.7 },
      ]),
    ).toBe(16);
  });

  it('is all at once when the GPU kept up with every finite rate', () => {
    expect(
      saturationQps([
        { qps: 1, achieved: 1 },
        { qps: Infinity, achieved: 24 },
      ]),
    ).toBe(Infinity);
  });

  it('is null when every offered rate was met and nothing was sent at once', () => {
    expect(
      saturationQps([
        { qps: 1, achieved: 0.95 },
        { qps: 2, achieved: 1.8 },
      ]),
    ).toBeNull();
    expect(saturationQps([])).toBeNull();
  });

  it('takes the lowest saturating rate whatever the order, ignoring rates that are not positive', () => {
    expect(
      saturationQps([
        { qps: 16, achieved: 5 },
        { qps: 0, achieved: -1 },
        { qps: -2, achieved: -5 },
        { qps: 4, achieved: 2 },
        { qps: 1, achieved: 1 },
      ]),
    ).toBe(4);
  });
});

describe('serving lines of hand-made runs', () => {
  const serving = (gpu: string, qps: number, ttft: number | null, rate: number | null) =>
    result(
      'serving',
      `serving_llama8B_tp1_sharegpt_qps_${String(qps)}`,
      gpu,
      { ttft_mean: ttft, request_throughput: rate },
      { dataset: 'sharegpt', qps },
    );

  it('draws a point where the metric has a value and judges saturation by the rates there are', () => {
    const view = viewOf([
      // H100: TTFT at QPS 1 and 4 with no achieved rate at 4; a rate alone at QPS 16.
      handDataset('H100', [
        serving('H100', 1, 20, 1),
        serving('H100', 4, 30, null),
        serving('H100', 16, null, 15),
      ]),
      // A100: rates only, no TTFT: no line.
      handDataset('A100', [serving('A100', 1, null, 1), serving('A100', 4, null, 2)]),
    ]);
    const data = servingChart(view, 'ttft_mean');
    expect(data.gpus.map((gpu) => gpu.label)).toEqual(['8×H100']);
    const [panel] = data.panels;
    expect(panel?.qpsAxis).toEqual([1, 4]);
    const [line] = panel?.lines ?? [];
    expect([...(line?.points.keys() ?? [])]).toEqual([1, 4]);
    // Rates at QPS 1 (1 of 1) and 16 (15 of 16, above 90%): it keeps up.
    expect(line?.saturation).toBeNull();
    expect(servingSummary(data)).toBe(
      'Mean TTFT (ms, lower is better) against offered QPS for 1 model configuration on 1 GPU. ' +
        'Saturation, where achieved req/s falls below 90% of offered: Llama 3.1 8B · TP1 · sharegpt: ' +
        '8×H100 keeps up at every QPS.',
    );
  });
});
