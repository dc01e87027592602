// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { speedupSummary } from '../../../src/data/charts/chart-summaries';
import {
  geometricMean,
  speedupMatrix,
  speedupMetricKey,
  speedupRatio,
  speedupShade,
  type SpeedupMatrix,
} from '../../../src/data/charts/speedup';
import type { BenchmarkResult } from '../../../src/data/results/result-model';
import { handDataset, result, seedView, viewOf } from './chart-fixtures';

const options = { baseline: '8×H100', servingMetric: 'ttft_mean' } as const;

/** A latency test of one model on one GPU with a mean latency (ms). */
const latency = (gpu: string, model: string, value: number | null): BenchmarkResult =>
  result('latency', `latency_${model}`, gpu, { latency_mean: value }, { model });

function cellRatios(matrix: SpeedupMatrix, gpuLabel: string): (number | undefined)[] {
  const gpu = matrix.candidates.find((entry) => entry.label === gpuLabel);
  return matrix.rows.map((row) => (gpu === undefined ? undefined : row.cells.get(gpu.key)?.ratio));
}

describe('speedup rules at their edges', () => {
  it('refuses a candidate of 0 and uses only positive finite ratios in a mean', () => {
    expect(speedupRatio(1, 0, 'lower')).toBeNull();
    expect(speedupRatio(1, -2, 'higher')).toBeNull();
    expect(speedupRatio(Infinity, 2, 'higher')).toBeNull();
    // Of 2, 0, -1, Infinity, NaN and 8 only 2 and 8 count: √16 = 4.
    expect(geometricMean([2, 0, -1, Infinity, Number.NaN, 8])).toBeCloseTo(4, 12);
    expect(geometricMean([0, -1])).toBeNull();
  });

  it('shades a ratio that is not positive as equal', () => {
    expect(speedupShade(0)).toBe(0);
    expect(speedupShade(-2)).toBe(0);
    expect(speedupShade(Number.NaN)).toBe(0);
  });

  it('compares each suite by its metric', () => {
    expect(speedupMetricKey('latency', 'ttft_mean')).toBe('latency_mean');
    expect(speedupMetricKey('throughput', 'ttft_mean')).toBe('request_throughput');
    expect(speedupMetricKey('serving', 'ttft_mean')).toBe('ttft_mean');
  });

  it('names the QPS in serving rows only', () => {
    const matrix = speedupMatrix(seedView(), options);
    for (const row of matrix.rows) {
      if (row.suite === 'serving') expect(row.label).toMatch(/ · QPS (1|4|16|inf)$/);
      else expect(row.label, row.label).not.toContain('QPS');
    }
  });

  it('averages several runs of one GPU before taking the ratio', () => {
    const view = viewOf([
      handDataset('H100 a', [latency('H100', 'llama8B', 10)]),
      handDataset('H100 b', [latency('H100', 'llama8B', 30)]),
      handDataset('H200', [latency('H200', 'llama8B', 10)]),
    ]);
    // Baseline (10 + 30) / 2 = 20 ms against 10 ms: 2× faster.
    const matrix = speedupMatrix(view, options);
    expect(matrix.rows[0]?.base.value).toBe(20);
    expect(cellRatios(matrix, '8×H200')).toEqual([2]);
  });

  it('counts tests the baseline lacks, and leaves out values that give no ratio', () => {
    const view = viewOf([
      handDataset('H100', [latency('H100', 'llama8B', 10), latency('H100', 'llama70B', 40)]),
      handDataset('H200', [
        latency('H200', 'llama8B', 0),
        latency('H200', 'llama70B', 20),
        latency('H200', 'mixtral8x7B', 30),
      ]),
    ]);
    const matrix = speedupMatrix(view, options);
    expect(matrix.testsWithoutBaseline).toBe(1);
    const h200 = matrix.candidates.find((gpu) => gpu.label === '8×H200');
    const ratios = Object.fromEntries(
      matrix.rows.map((row) => [row.testName, row.cells.get(h200?.key ?? '')?.ratio ?? null]),
    );
    // 0 ms gives no ratio; 40 / 20 = 2; mixtral has no baseline, so no row.
    expect(ratios).toEqual({ latency_llama8B: null, latency_llama70B: 2 });
  });
});

describe('speedup summary', () => {
  it('says when a GPU shares no test with the baseline, or there is no other GPU', () => {
    const apart = viewOf([
      handDataset('H100', [latency('H100', 'llama8B', 10)]),
      handDataset('H200', [latency('H200', 'llama70B', 10)]),
    ]);
    expect(speedupSummary(speedupMatrix(apart, options))).toBe(
      'Speedup over 8×H100, geometric mean per GPU, above 1× means faster: 8×H200: no common tests.',
    );
    const alone = viewOf([handDataset('H100', [latency('H100', 'llama8B', 10)])]);
    expect(speedupSummary(speedupMatrix(alone, options))).toBe(
      'Only 8×H100 is shown; there is no other GPU to compare with it.',
    );
  });

  it('calls a GPU as fast as the baseline the same', () => {
    const even = viewOf([
      handDataset('H100', [latency('H100', 'llama8B', 10), latency('H100', 'llama70B', 20)]),
      handDataset('H200', [latency('H200', 'llama8B', 5), latency('H200', 'llama70B', 40)]),
    ]);
    // Ratios 2 and 0.5: a geometric mean of exactly 1.
    expect(speedupSummary(speedupMatrix(even, options))).toBe(
      'Speedup over 8×H100, geometric mean per GPU, above 1× means faster: 8×H200 1.00× (the same, over 2 tests).',
    );
  });
});
