// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  geometricMean,
  speedupMatrix,
  speedupRatio,
  speedupShade,
  type SpeedupMatrix,
} from '../../../src/data/charts/speedup';
import { handDataset, result, seedView, viewOf } from './chart-fixtures';

function cell(matrix: SpeedupMatrix, testName: string, gpuLabel: string) {
  const gpu = matrix.candidates.find((entry) => entry.label === gpuLabel);
  const row = matrix.rows.find((entry) => entry.testName === testName);
  return gpu === undefined ? undefined : row?.cells.get(gpu.key);
}

function mean(matrix: SpeedupMatrix, gpuLabel: string) {
  const gpu = matrix.candidates.find((entry) => entry.label === gpuLabel);
  return gpu === undefined ? undefined : matrix.geometricMeans.get(gpu.key);
}

describe('speedup ratio', () => {
  it('is new/base for a rate: H200 over H100 on serving_llama8B_tp1_sharegpt_qps_inf is 1.19×', () => {
    // 28.828767850421375 / 24.186907198204548 = 1.19191625511…
    expect(speedupRatio(24.186907198204548, 28.828767850421375, 'higher')).toBeCloseTo(
      1.1919162551,
      9,
    );
  });

  it('is base/new for a time: H200 over H100 on latency_llama8B_tp1 mean is 1.26×', () => {
    // 1046.9095210234325 / 833.271651606386 = 1.25638442038…
    expect(speedupRatio(1046.9095210234325, 833.271651606386, 'lower')).toBeCloseTo(
      1.2563844204,
      9,
    );
  });

  it('refuses neutral metrics, zeros and missing values', () => {
    expect(speedupRatio(1, 2, 'neutral')).toBeNull();
    expect(speedupRatio(0, 2, 'higher')).toBeNull();
    expect(speedupRatio(2, Number.NaN, 'lower')).toBeNull();
  });
});

describe('geometric mean', () => {
  it('of the three H200/H100 latency ratios is 1.2246', () => {
    // Cube root of 1.19927492 × 1.25638442 × 1.21881149 (mean latency base/new).
    expect(geometricMean([1.1992749222738837, 1.2563844203810297, 1.218811490388061])).toBeCloseTo(
      1.2245953656,
      9,
    );
  });

  it('treats 2× and 0.5× as cancelling out, and has no value without ratios', () => {
    expect(geometricMean([2, 0.5])).toBeCloseTo(1, 12);
    expect(geometricMean([])).toBeNull();
  });
});

describe('speedup matrix', () => {
  const servingByRate = { servingMetric: 'request_throughput' } as const;

  it('compares every visible GPU with 8×H100 on all 18 seed tests', () => {
    const matrix = speedupMatrix(seedView(), { baseline: '8×H100', ...servingByRate });
    expect(matrix.baseline?.label).toBe('8×H100');
    expect(matrix.candidates.map((gpu) => gpu.label)).toEqual(['8×A100-SXM4-80GB', '8×H200']);
    expect(matrix.rows).toHaveLength(18);
    expect(cell(matrix, 'serving_llama8B_tp1_sharegpt_qps_inf', '8×H200')?.ratio).toBeCloseTo(
      1.1919162551,
      9,
    );
    expect(cell(matrix, 'latency_llama8B_tp1', '8×H200')?.ratio).toBeCloseTo(1.2563844204, 9);
    // Throughput: 12.324186389245893 / 21.620062820024827 = 0.5700347…
    expect(cell(matrix, 'throughput_llama8B_tp1', '8×A100-SXM4-80GB')?.ratio).toBeCloseTo(
      0.5700347,
      6,
    );
  });

  it('gives each GPU the geometric mean of its 18 ratios', () => {
    const matrix = speedupMatrix(seedView(), { baseline: '8×H100', ...servingByRate });
    // exp(mean(ln ratio)) over the 3 latency (mean), 3 throughput and 12 serving (req/s) ratios.
    expect(mean(matrix, '8×H200')?.value).toBeCloseTo(1.0867014231, 9);
    expect(mean(matrix, '8×H200')?.count).toBe(18);
    expect(mean(matrix, '8×A100-SXM4-80GB')?.value).toBeCloseTo(0.7306324815, 9);
  });

  it('compares serving tests by the chosen latency, base/new', () => {
    const matrix = speedupMatrix(seedView(), { baseline: '8×H100', servingMetric: 'itl_median' });
    // Median ITL at QPS inf: 11.463219299912453 (H100) / 9.728759061545134 (H200) = 1.178282…
    expect(cell(matrix, 'serving_llama8B_tp1_sharegpt_qps_inf', '8×H200')?.ratio).toBeCloseTo(
      1.1782817,
      6,
    );
  });

  it('falls back to the first visible GPU when the baseline is unchecked', () => {
    const matrix = speedupMatrix(seedView({ gpu: ['8×H100'] }), {
      baseline: '8×H100',
      ...servingByRate,
    });
    expect(matrix.baseline?.label).toBe('8×A100-SXM4-80GB');
    expect(matrix.gpus.map((gpu) => gpu.label)).toEqual(['8×A100-SXM4-80GB', '8×H200']);
    expect(matrix.candidates.map((gpu) => gpu.label)).toEqual(['8×H200']);
  });

  it('only has rows for tests shown', () => {
    const matrix = speedupMatrix(
      seedView({ model: ['llama70B', 'mixtral8x7B'], qps: ['1', '4', '16'] }),
      {
        baseline: '8×H100',
        ...servingByRate,
      },
    );
    expect(matrix.rows.map((row) => row.testName)).toEqual([
      'latency_llama8B_tp1',
      'throughput_llama8B_tp1',
      'serving_llama8B_tp1_sharegpt_qps_inf',
    ]);
    expect(matrix.rows[2]?.label).toBe('Serving · Llama 3.1 8B · TP1 · sharegpt · QPS inf');
  });

  it('leaves a cell empty when the two GPUs state different precisions, not when one is silent', () => {
    const rate = (gpu: string, value: number, dtype: string | null) =>
      result(
        'throughput',
        'throughput_llama8B_tp1',
        gpu,
        { request_throughput: value },
        {
          attributes: dtype === null ? {} : { dtype },
        },
      );
    const matrix = (h200: string | null, a100: string | null) =>
      speedupMatrix(
        viewOf([
          handDataset('h100', [rate('H100', 10, 'bfloat16')]),
          handDataset('h200', [rate('H200', 20, h200)]),
          handDataset('a100', [rate('A100', 5, a100)]),
        ]),
        { baseline: '8×H100', ...servingByRate },
      );
    // Both bfloat16 (case aside) or one silent: 20 / 10 = 2 and 5 / 10 = 0.5.
    const alike = matrix('BFloat16', null);
    expect(cell(alike, 'throughput_llama8B_tp1', '8×H200')?.ratio).toBe(2);
    expect(cell(alike, 'throughput_llama8B_tp1', '8×A100')?.ratio).toBe(0.5);
    expect(alike.precisionMismatches).toBe(0);
    // fp8 on H200 against bfloat16 on H100: no ratio, counted; A100 still compared.
    const mixed = matrix('fp8', 'bfloat16');
    expect(cell(mixed, 'throughput_llama8B_tp1', '8×H200')).toBeUndefined();
    expect(cell(mixed, 'throughput_llama8B_tp1', '8×A100')?.ratio).toBe(0.5);
    expect(mixed.precisionMismatches).toBe(1);
    expect(mean(mixed, '8×H200')).toBeUndefined();
  });

  it('leaves a cell empty when one GPU averages runs of two precisions', () => {
    const rate = (value: number, dtype: string) =>
      result(
        'throughput',
        'throughput_llama8B_tp1',
        'H200',
        { request_throughput: value },
        {
          attributes: { dtype },
        },
      );
    const matrix = speedupMatrix(
      viewOf([
        handDataset('h100', [
          result('throughput', 'throughput_llama8B_tp1', 'H100', { request_throughput: 10 }),
        ]),
        handDataset('h200 a', [rate(20, 'bfloat16')]),
        handDataset('h200 b', [rate(40, 'fp8')]),
      ]),
      { baseline: '8×H100', ...servingByRate },
    );
    expect(cell(matrix, 'throughput_llama8B_tp1', '8×H200')).toBeUndefined();
    expect(matrix.precisionMismatches).toBe(1);
  });

  it('has no baseline and no rows when every GPU is unchecked', () => {
    const matrix = speedupMatrix(seedView({ gpu: ['8×H100', '8×H200', '8×A100-SXM4-80GB'] }), {
      baseline: null,
      ...servingByRate,
    });
    expect(matrix.baseline).toBeNull();
    expect(matrix.rows).toEqual([]);
  });
});

describe('speedup colour scale', () => {
  it('is 0 for equal, ±1 at twice as fast or slow, clamped beyond', () => {
    expect(speedupShade(1)).toBe(0);
    expect(speedupShade(2)).toBe(1);
    expect(speedupShade(0.5)).toBe(-1);
    expect(speedupShade(8)).toBe(1);
    expect(speedupShade(Math.SQRT2)).toBeCloseTo(0.5, 12);
  });
});
