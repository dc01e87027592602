// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cellText, describeColumn, suiteColumnIds } from '../../../src/data/results/table-columns';
import type { BenchmarkResult } from '../../../src/data/results/result-model';

const serving: BenchmarkResult = {
  suite: 'serving',
  testName: 'serving_llama8B_tp1_sharegpt_qps_4',
  model: 'llama8B',
  tp: 1,
  pp: null,
  dp: null,
  gpu: { type: 'H100', count: 8 },
  dataset: 'sharegpt',
  variant: null,
  qps: 4,
  concurrency: null,
  inputLen: null,
  outputLen: null,
  engine: null,
  metrics: { request_throughput: 3.5 },
  attributes: {},
};

describe('suiteColumnIds', () => {
  it('shows Engine and Concurrency only when the data differs in them', () => {
    expect(suiteColumnIds('serving', ['request_throughput'])).toEqual([
      'model',
      'tp',
      'gpu',
      'dataset',
      'qps',
      'request_throughput',
    ]);
    expect(
      suiteColumnIds('serving', ['request_throughput'], { engine: true, concurrency: true }),
    ).toEqual([
      'model',
      'tp',
      'gpu',
      'engine',
      'dataset',
      'qps',
      'concurrency',
      'request_throughput',
    ]);
    // Concurrency is a serving setting: never a latency column.
    expect(
      suiteColumnIds('latency', ['latency_mean'], { engine: true, concurrency: true }),
    ).toEqual(['model', 'tp', 'gpu', 'engine', 'dataset', 'latency_mean']);
  });
});

describe('cellText', () => {
  it('writes the engine, Not stated when the file names none, and a cap or — for none', () => {
    expect(cellText('engine', serving, 'd')).toBe('Not stated');
    expect(cellText('engine', { ...serving, engine: 'SGLang' }, 'd')).toBe('SGLang');
    expect(cellText('concurrency', serving, 'd')).toBe('—');
    expect(cellText('concurrency', { ...serving, concurrency: 64 }, 'd')).toBe('64');
    expect(describeColumn('engine').header).toBe('Engine');
    expect(describeColumn('concurrency')).toMatchObject({
      header: 'Concurrency',
      numeric: true,
      metric: false,
    });
    expect(describeColumn('ttft_mean')).toMatchObject({ numeric: true, metric: true });
  });
});
