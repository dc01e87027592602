// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { qpsAxisRows } from '../../../src/data/charts/qps-axis';
import { expectedRate, saturationQps, type LoadPoint } from '../../../src/data/charts/saturation';
import { servingSummary } from '../../../src/data/charts/chart-summaries';
import { servingChart, type ServingChartData } from '../../../src/data/charts/serving-charts';
import {
  latencyChoices,
  servingMetricChoices,
  servingMetricKey,
} from '../../../src/data/charts/serving-metrics';
import { rowsOfColumns } from '../../../src/data/results/columns-rows';
import { columnsOf } from '../../../src/data/results/result-columns';
import { handDataset, result, seedDatasets, seedView, viewOf } from './chart-fixtures';

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

  it('draws the same panels and lines from results read from columns', () => {
    const fromColumns = seedDatasets().map((dataset) => {
      const columns = columnsOf(dataset.results);
      return { ...dataset, results: rowsOfColumns(columns), columns };
    });
    const data = servingChart(viewOf(fromColumns), 'ttft_median');
    expect(data).toEqual(servingChart(seedView(), 'ttft_median'));
    expect(panel(data, 'serving_llama8B_tp1_sharegpt').label).toBe('Llama 3.1 8B · TP1 · sharegpt');
  });

  it('keeps loads apart that one test name was run at, rows side by side', () => {
    // A file whose test name does not say the QPS: 10 ms at QPS 1, 30 ms at QPS 4, one each.
    const at = (qps: number, ttft: number) =>
      result('serving', 'serving_llama8B_tp1_custom', 'H100', { ttft_median: ttft }, { qps });
    const data = servingChart(viewOf([handDataset('H100', [at(1, 10), at(4, 30)])]), 'ttft_median');
    const points = data.panels[0]?.lines[0]?.points;
    expect([points?.get(1)?.value, points?.get(4)?.value]).toEqual([10, 30]);
  });

  it('averages the runs that fall on one point, whether their rows are side by side or apart', () => {
    // Two runs of 8×H100, each with two prompt datasets at QPS 1: reading order puts run A's
    // sharegpt and random rows, then run B's. Each test's point is the mean of its two runs;
    // the two tests, side by side at one QPS on one GPU, stay apart.
    const at = (data: string, ttft: number) =>
      result(
        'serving',
        `serving_llama8B_tp1_${data}_qps_1`,
        'H100',
        { ttft_median: ttft },
        { qps: 1, dataset: data },
      );
    const view = viewOf([
      handDataset('A', [at('sharegpt', 10), at('random', 100)]),
      handDataset('B', [at('sharegpt', 20), at('random', 300)]),
    ]);
    const data = servingChart(view, 'ttft_median');
    const point = (key: string) => panel(data, key).lines[0]?.points.get(1);
    expect(point('serving_llama8B_tp1_sharegpt')).toMatchObject({
      value: 15,
      count: 2,
      datasets: ['A', 'B'],
    });
    expect(point('serving_llama8B_tp1_random')).toMatchObject({
      value: 200,
      count: 2,
      datasets: ['A', 'B'],
    });
    // One file with the test twice: its rows are neighbours, and one point too.
    const twice = viewOf([handDataset('C', [at('sharegpt', 30), at('sharegpt', 50)])]);
    expect(servingChart(twice, 'ttft_median').panels[0]?.lines[0]?.points.get(1)).toMatchObject({
      value: 40,
      count: 2,
      datasets: ['C'],
    });
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

  it('marks where each GPU saturates, from its median TTFT', () => {
    const data = servingChart(seedView(), 'ttft_mean');
    // Median TTFT (ms) at QPS 1, 4, 16 and all at once: flat up to 16, more than twice (and
    // over 50 ms above) QPS 1 only all at once, on every GPU and model. The seed has no request
    // counts or E2E latencies, so TTFT alone judges.
    const expected: [string, string, string][] = [
      // 8×H100: 41.38, 38.17, 42.21, 300.91 (> 82.76 and ≥ 91.38).
      ['serving_llama70B_tp4_sharegpt', '8×H100', 'Llama 3 70B'],
      // 8×H200: 35.72, 33.06, 36.99, 315.40 (> 71.44 and ≥ 85.72).
      ['serving_llama70B_tp4_sharegpt', '8×H200', 'Llama 3 70B'],
      // 8×A100: 71.77, 58.99, 67.58, 726.65 (> 143.53 and ≥ 121.77).
      ['serving_llama70B_tp4_sharegpt', '8×A100-SXM4-80GB', 'Llama 3 70B'],
      // 8×H100: 17.07, 15.92, 19.81, 238.22 (> 34.13 and ≥ 67.07).
      ['serving_llama8B_tp1_sharegpt', '8×H100', 'Llama 3.1 8B'],
      // 8×H200: 15.78, 14.64, 16.62, 247.68 (> 31.56 and ≥ 65.78).
      ['serving_llama8B_tp1_sharegpt', '8×H200', 'Llama 3.1 8B'],
      // 8×A100: 28.46, 24.32, 32.32, 513.76 (> 56.92 and ≥ 78.46).
      ['serving_llama8B_tp1_sharegpt', '8×A100-SXM4-80GB', 'Llama 3.1 8B'],
      // 8×H100: 34.91, 34.69, 38.96, 280.80 (> 69.82 and ≥ 84.91).
      ['serving_mixtral8x7B_tp2_sharegpt', '8×H100', 'Mixtral'],
      // 8×H200: 34.38, 36.61, 40.81, 269.38 (> 68.77 and ≥ 84.38).
      ['serving_mixtral8x7B_tp2_sharegpt', '8×H200', 'Mixtral'],
      // 8×A100: 54.94, 52.98, 58.62, 531.73 (> 109.88 and ≥ 104.94).
      ['serving_mixtral8x7B_tp2_sharegpt', '8×A100-SXM4-80GB', 'Mixtral'],
    ];
    for (const [key, gpu, model] of expected) {
      expect([model, gpu, line(data, key, gpu)?.saturation]).toEqual([model, gpu, Infinity]);
    }
  });

  it('does not take the tail of a finite run for saturation', () => {
    // Llama 3 70B on 8×H100 at QPS 4 achieved 3.31 req/s, below 90% of 4 (the old rule's
    // saturation point), while its median TTFT (38.17 ms) is as flat as at QPS 1 (41.38 ms).
    const data = servingChart(seedView(), 'request_throughput');
    const h100 = line(data, 'serving_llama70B_tp4_sharegpt', '8×H100');
    expect(h100?.points.get(4)?.value).toBeLessThan(0.9 * 4);
    expect(h100?.saturation).toBe(Infinity);
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

/** A run at `qps` with a median TTFT (ms) and any other values; the rest missing. */
function load(qps: number, ttftMedian: number | null, more: Partial<LoadPoint> = {}): LoadPoint {
  return {
    qps,
    ttftMedian,
    ttftMean: null,
    achieved: null,
    requests: null,
    e2elMedian: null,
    ...more,
  };
}

describe('saturation point', () => {
  it('is the lowest load whose median TTFT is more than twice, and 50 ms above, the lowest load', () => {
    // 41.38 ms at QPS 1; 38.17 and 42.21 are flat, 300.91 > 2 × 41.38 = 82.76 and 259.53 ms above.
    expect(
      saturationQps([load(1, 41.38), load(4, 38.17), load(16, 42.21), load(Infinity, 300.91)]),
    ).toBe(Infinity);
    // 120 ms at QPS 16 is 4× and 90 ms above 30 ms at QPS 1.
    expect(saturationQps([load(1, 30), load(4, 35), load(16, 120), load(Infinity, 400)])).toBe(16);
  });

  it('needs more than twice the lowest load: exactly twice is not queueing', () => {
    // 100 is exactly 2 × 50 (and 50 ms above): not saturated; 100.5 is more than twice.
    expect(saturationQps([load(1, 50), load(4, 100)])).toBeNull();
    expect(saturationQps([load(1, 50), load(4, 100.5)])).toBe(4);
  });

  it('needs at least 50 ms above the lowest load, however many times it is', () => {
    // 70 is 2.33 × 30 but only 40 ms above it; 5 → 11 ms is 2.2× and 6 ms above.
    expect(saturationQps([load(1, 30), load(4, 70)])).toBeNull();
    expect(saturationQps([load(1, 5), load(4, 11)])).toBeNull();
    // 90 is 2.25 × 40 and exactly 50 ms above it: saturated; 89.9 is 49.9 ms above: not.
    expect(saturationQps([load(1, 40), load(4, 90)])).toBe(4);
    expect(saturationQps([load(1, 40), load(4, 89.9)])).toBeNull();
  });

  it('falls back to mean TTFT for the whole line when the lowest load has no median', () => {
    const points = [
      load(1, null, { ttftMean: 20 }),
      // Median 100 would be 5× a 20 ms base, but the line is judged by its mean: 35 is not 2×.
      load(4, 100, { ttftMean: 35 }),
      // Mean 80 is 4× and 60 ms above 20.
      load(16, 90, { ttftMean: 80 }),
    ];
    expect(saturationQps(points)).toBe(16);
  });

  it('takes the lowest saturating load whatever the order, ignoring loads that are not positive', () => {
    // Against 30 ms at QPS 1, 60 at QPS 4 is exactly 2× (not), 120 at 16 is 4× and 90 ms above;
    // a base of 2 ms (QPS 0) would have marked QPS 4.
    const points = [
      load(16, 120),
      load(Infinity, 400),
      load(0, 2),
      load(-2, 1),
      load(4, 60),
      load(1, 30),
    ];
    expect(saturationQps(points)).toBe(16);
  });

  it('is null when the only load is all at once: there is nothing to compare it with', () => {
    expect(saturationQps([load(Infinity, 300)])).toBeNull();
  });

  it('is null without any TTFT, however low the achieved rates', () => {
    const points = [
      load(1, null, { achieved: 0.5 }),
      load(4, null, { achieved: 1 }),
      load(Infinity, null, { achieved: 10 }),
    ];
    expect(saturationQps(points)).toBeNull();
    expect(saturationQps([])).toBeNull();
  });

  it('counts an achieved rate below 90% of what a finite run of that size explains', () => {
    // 200 requests at 4/s take 50 s to send, the last done a median 2 s later: 200 / 52 = 3.846/s.
    expect(expectedRate(200, 4, 2000)).toBeCloseTo(3.8462, 4);
    const run = (achieved: number) => [
      // At QPS 1: 200 / (200 + 2) = 0.990/s expected, 0.891 the bar; 0.99 keeps up.
      load(1, 20, { achieved: 0.99, requests: 200, e2elMedian: 2000 }),
      load(4, 22, { achieved, requests: 200, e2elMedian: 2000 }),
    ];
    // 0.9 × 3.846 = 3.462: 3.4 is below it, 3.5 is not; TTFT (20 → 22 ms) is flat.
    expect(saturationQps(run(3.4))).toBe(4);
    expect(saturationQps(run(3.5))).toBeNull();
  });

  it('judges the achieved rate only with the run size and median E2E latency', () => {
    // 0.5 req/s at QPS 4 is far below 4, but without a request count or a latency nothing
    // says what this run should have reached.
    expect(
      saturationQps([load(1, 20), load(4, 22, { achieved: 0.5, e2elMedian: 2000 })]),
    ).toBeNull();
    expect(saturationQps([load(1, 20), load(4, 22, { achieved: 0.5, requests: 200 })])).toBeNull();
  });

  it('judges all at once by TTFT only, never by the achieved rate', () => {
    // All at once, 200 / (0 + 2) = 100/s would be "expected": 0.1/s is far below, but TTFT
    // (20 → 30 ms) shows no queueing.
    const points = [
      load(1, 20, { achieved: 1, requests: 200, e2elMedian: 2000 }),
      load(Infinity, 30, { achieved: 0.1, requests: 200, e2elMedian: 2000 }),
    ];
    expect(saturationQps(points)).toBeNull();
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

  it('draws a point where the metric has a value and judges saturation by the TTFT there is', () => {
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
    // No median TTFT: judged by the mean, 20 ms at QPS 1 and 30 at QPS 4 (not twice).
    expect(line?.saturation).toBeNull();
    expect(servingSummary(data)).toBe(
      'Mean TTFT (ms, lower is better) against offered QPS for 1 model configuration on 1 GPU. ' +
        'Saturation, where requests start to queue: Llama 3.1 8B · TP1 · sharegpt: ' +
        '8×H100 shows none.',
    );
  });

  it('reads the run size and median E2E latency of each run to judge its achieved rate', () => {
    const run = (qps: number, achieved: number) =>
      result(
        'serving',
        `serving_llama8B_tp1_sharegpt_qps_${String(qps)}`,
        'H100',
        {
          ttft_median: 20,
          request_throughput: achieved,
          num_requests: 200,
          e2el_median: 2000,
        },
        { dataset: 'sharegpt', qps },
      );
    // QPS 1: 200 / (200 + 2) = 0.990/s expected, 0.99 keeps up; QPS 4: 200 / (50 + 2) = 3.846/s
    // expected, 3.4 < 0.9 × 3.846 = 3.462 with TTFT flat at 20 ms.
    const view = viewOf([handDataset('H100', [run(1, 0.99), run(4, 3.4)])]);
    const [saturating] = servingChart(view, 'ttft_median').panels[0]?.lines ?? [];
    expect(saturating?.saturation).toBe(4);
    const keepsUp = viewOf([handDataset('H100', [run(1, 0.99), run(4, 3.5)])]);
    expect(servingChart(keepsUp, 'ttft_median').panels[0]?.lines[0]?.saturation).toBeNull();
  });
});
