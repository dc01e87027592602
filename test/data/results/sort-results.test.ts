// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { gpuLabel } from '../../../src/data/gpu';
import { NOTHING_HIDDEN } from '../../../src/data/results/filter-groups';
import { buildResultIndex, type ResultIndex } from '../../../src/data/results/result-index';
import type { BenchmarkResult, Dataset } from '../../../src/data/results/result-model';
import { deriveResultsView } from '../../../src/data/results/results-view';
import { sortPositions, type SortSpec } from '../../../src/data/results/sort-results';
import { seedDataset } from '../../helpers/seed';
import { datasetOf, latencyResult } from './sort-fixtures';

const h100 = seedDataset('H100');
const h200 = seedDataset('H200');
const a100 = seedDataset('A100-SXM4-80GB');

/** H100 alone: reading order is Llama 3 70B, Llama 3.1 8B, Mixtral 8x7B; serving QPS 1, 4, 16, inf. */
const single = buildResultIndex([h100]);
const all = buildResultIndex([h100, h200, a100]);

function names(index: ResultIndex, positions: Uint32Array): string[] {
  return Array.from(positions, (position) => index.results.at(position)?.testName ?? '?');
}

function namesWithGpu(index: ResultIndex, positions: Uint32Array): string[] {
  return Array.from(positions, (position) => {
    const result = index.results.at(position);
    return result === undefined ? '?' : `${result.testName} @ ${gpuLabel(result.gpu)}`;
  });
}

function sorted(index: ResultIndex, positions: Uint32Array, sorting: SortSpec): string[] {
  return names(index, sortPositions(index, positions, sorting));
}

// H100 serving P99 TTFT (ms), from the seed file, largest first.
const BY_TTFT_P99_DESC = [
  'serving_mixtral8x7B_tp2_sharegpt_qps_1', // 2259.80990773998
  'serving_llama70B_tp4_sharegpt_qps_inf', // 375.258861342445
  'serving_mixtral8x7B_tp2_sharegpt_qps_inf', // 323.14059362746775
  'serving_llama8B_tp1_sharegpt_qps_inf', // 306.2498870212585
  'serving_llama70B_tp4_sharegpt_qps_1', // 96.54471790418025
  'serving_mixtral8x7B_tp2_sharegpt_qps_16', // 80.95852104946954
  'serving_llama70B_tp4_sharegpt_qps_16', // 66.23510554432866
  'serving_llama70B_tp4_sharegpt_qps_4', // 56.80923787876961
  'serving_mixtral8x7B_tp2_sharegpt_qps_4', // 45.982348108664155
  'serving_llama8B_tp1_sharegpt_qps_1', // 35.843759244307876
  'serving_llama8B_tp1_sharegpt_qps_16', // 25.444589080289003
  'serving_llama8B_tp1_sharegpt_qps_4', // 22.108013881370425
];

describe('sortPositions by a metric', () => {
  const serving = single.bySuite.serving;

  it('sorts by one metric descending', () => {
    expect(sorted(single, serving, [{ id: 'ttft_p99', desc: true }])).toEqual(BY_TTFT_P99_DESC);
  });

  it('sorts by one metric ascending', () => {
    expect(sorted(single, serving, [{ id: 'ttft_p99', desc: false }])).toEqual(
      [...BY_TTFT_P99_DESC].reverse(),
    );
  });

  it('sorts only the positions it is given (a filtered view)', () => {
    const visible = deriveResultsView(all, { ...NOTHING_HIDDEN, gpu: ['8×H200'] }, '').visible
      .serving;
    const order = namesWithGpu(all, sortPositions(all, visible, [{ id: 'ttft_p99', desc: true }]));
    expect(order).toHaveLength(24);
    expect(order.slice(0, 5)).toEqual([
      'serving_mixtral8x7B_tp2_sharegpt_qps_1 @ 8×H100', // 2259.81
      'serving_llama70B_tp4_sharegpt_qps_inf @ 8×A100-SXM4-80GB', // 744.77
      'serving_mixtral8x7B_tp2_sharegpt_qps_inf @ 8×A100-SXM4-80GB', // 585.14
      'serving_llama8B_tp1_sharegpt_qps_inf @ 8×A100-SXM4-80GB', // 573.93
      'serving_llama70B_tp4_sharegpt_qps_inf @ 8×H100', // 375.26
    ]);
    expect(order.some((row) => row.endsWith('8×H200'))).toBe(false);
  });

  it('does not change the positions it was given', () => {
    const positions = Uint32Array.from(serving);
    sortPositions(single, positions, [{ id: 'ttft_p99', desc: true }]);
    expect(positions).toEqual(serving);
  });
});

describe('sortPositions by several columns', () => {
  const serving = single.bySuite.serving;

  it('breaks ties of the first column by the second', () => {
    // Within each model, request throughput (req/s) largest first: inf, 16, 4, 1.
    expect(
      sorted(single, serving, [
        { id: 'model', desc: false },
        { id: 'request_throughput', desc: true },
      ]),
    ).toEqual([
      'serving_llama70B_tp4_sharegpt_qps_inf', // 10.62
      'serving_llama70B_tp4_sharegpt_qps_16', // 7.35
      'serving_llama70B_tp4_sharegpt_qps_4', // 3.31
      'serving_llama70B_tp4_sharegpt_qps_1', // 0.98
      'serving_llama8B_tp1_sharegpt_qps_inf', // 24.19
      'serving_llama8B_tp1_sharegpt_qps_16', // 11.52
      'serving_llama8B_tp1_sharegpt_qps_4', // 3.79
      'serving_llama8B_tp1_sharegpt_qps_1', // 1.00
      'serving_mixtral8x7B_tp2_sharegpt_qps_inf', // 9.60
      'serving_mixtral8x7B_tp2_sharegpt_qps_16', // 7.15
      'serving_mixtral8x7B_tp2_sharegpt_qps_4', // 3.30
      'serving_mixtral8x7B_tp2_sharegpt_qps_1', // 0.99
    ]);
  });

  it('uses a descending first column and an ascending second one', () => {
    expect(
      sorted(single, serving, [
        { id: 'qps', desc: true },
        { id: 'ttft_p99', desc: false },
      ]),
    ).toEqual([
      'serving_llama8B_tp1_sharegpt_qps_inf', // 306.25
      'serving_mixtral8x7B_tp2_sharegpt_qps_inf', // 323.14
      'serving_llama70B_tp4_sharegpt_qps_inf', // 375.26
      'serving_llama8B_tp1_sharegpt_qps_16', // 25.44
      'serving_llama70B_tp4_sharegpt_qps_16', // 66.24
      'serving_mixtral8x7B_tp2_sharegpt_qps_16', // 80.96
      'serving_llama8B_tp1_sharegpt_qps_4', // 22.11
      'serving_mixtral8x7B_tp2_sharegpt_qps_4', // 45.98
      'serving_llama70B_tp4_sharegpt_qps_4', // 56.81
      'serving_llama8B_tp1_sharegpt_qps_1', // 35.84
      'serving_llama70B_tp4_sharegpt_qps_1', // 96.54
      'serving_mixtral8x7B_tp2_sharegpt_qps_1', // 2259.81
    ]);
  });
});

describe('sortPositions by describing columns', () => {
  const serving = single.bySuite.serving;

  it('sorts QPS by size with inf last ascending, keeping reading order within a QPS', () => {
    expect(sorted(single, serving, [{ id: 'qps', desc: false }])).toEqual([
      'serving_llama70B_tp4_sharegpt_qps_1',
      'serving_llama8B_tp1_sharegpt_qps_1',
      'serving_mixtral8x7B_tp2_sharegpt_qps_1',
      'serving_llama70B_tp4_sharegpt_qps_4',
      'serving_llama8B_tp1_sharegpt_qps_4',
      'serving_mixtral8x7B_tp2_sharegpt_qps_4',
      'serving_llama70B_tp4_sharegpt_qps_16',
      'serving_llama8B_tp1_sharegpt_qps_16',
      'serving_mixtral8x7B_tp2_sharegpt_qps_16',
      'serving_llama70B_tp4_sharegpt_qps_inf',
      'serving_llama8B_tp1_sharegpt_qps_inf',
      'serving_mixtral8x7B_tp2_sharegpt_qps_inf',
    ]);
  });

  it('puts inf first when QPS is sorted descending, ties still in reading order', () => {
    expect(sorted(single, serving, [{ id: 'qps', desc: true }])).toEqual([
      'serving_llama70B_tp4_sharegpt_qps_inf',
      'serving_llama8B_tp1_sharegpt_qps_inf',
      'serving_mixtral8x7B_tp2_sharegpt_qps_inf',
      'serving_llama70B_tp4_sharegpt_qps_16',
      'serving_llama8B_tp1_sharegpt_qps_16',
      'serving_mixtral8x7B_tp2_sharegpt_qps_16',
      'serving_llama70B_tp4_sharegpt_qps_4',
      'serving_llama8B_tp1_sharegpt_qps_4',
      'serving_mixtral8x7B_tp2_sharegpt_qps_4',
      'serving_llama70B_tp4_sharegpt_qps_1',
      'serving_llama8B_tp1_sharegpt_qps_1',
      'serving_mixtral8x7B_tp2_sharegpt_qps_1',
    ]);
  });

  it('sorts TP by size', () => {
    const latency = single.bySuite.latency;
    expect(sorted(single, latency, [{ id: 'tp', desc: true }])).toEqual([
      'latency_llama70B_tp4',
      'latency_mixtral8x7B_tp2',
      'latency_llama8B_tp1',
    ]);
    expect(sorted(single, latency, [{ id: 'tp', desc: false }])).toEqual([
      'latency_llama8B_tp1',
      'latency_mixtral8x7B_tp2',
      'latency_llama70B_tp4',
    ]);
  });

  it('sorts models by name, descending too', () => {
    expect(sorted(single, single.bySuite.throughput, [{ id: 'model', desc: true }])).toEqual([
      'throughput_mixtral8x7B_tp2',
      'throughput_llama8B_tp1',
      'throughput_llama70B_tp4',
    ]);
  });

  it('sorts datasets by load order', () => {
    // Loaded H100, H200, A100: descending puts the A100 run first.
    expect(
      namesWithGpu(all, sortPositions(all, all.bySuite.latency, [{ id: 'dataset', desc: true }])),
    ).toEqual([
      'latency_llama70B_tp4 @ 8×A100-SXM4-80GB',
      'latency_llama8B_tp1 @ 8×A100-SXM4-80GB',
      'latency_mixtral8x7B_tp2 @ 8×A100-SXM4-80GB',
      'latency_llama70B_tp4 @ 8×H200',
      'latency_llama8B_tp1 @ 8×H200',
      'latency_mixtral8x7B_tp2 @ 8×H200',
      'latency_llama70B_tp4 @ 8×H100',
      'latency_llama8B_tp1 @ 8×H100',
      'latency_mixtral8x7B_tp2 @ 8×H100',
    ]);
  });

  it('sorts GPUs by label, descending too', () => {
    expect(
      namesWithGpu(all, sortPositions(all, all.bySuite.throughput, [{ id: 'gpu', desc: true }])),
    ).toEqual([
      'throughput_llama70B_tp4 @ 8×H200',
      'throughput_llama8B_tp1 @ 8×H200',
      'throughput_mixtral8x7B_tp2 @ 8×H200',
      'throughput_llama70B_tp4 @ 8×H100',
      'throughput_llama8B_tp1 @ 8×H100',
      'throughput_mixtral8x7B_tp2 @ 8×H100',
      'throughput_llama70B_tp4 @ 8×A100-SXM4-80GB',
      'throughput_llama8B_tp1 @ 8×A100-SXM4-80GB',
      'throughput_mixtral8x7B_tp2 @ 8×A100-SXM4-80GB',
    ]);
  });
});

describe('sortPositions with missing values', () => {
  // Same model, TP and GPU: reading order is by test name, a to e.
  const dataset: Dataset = {
    id: 'gaps',
    label: 'gaps.json',
    source: { kind: 'file', name: 'gaps.json' },
    format: { id: 'vllm-markdown', label: 'vLLM markdown V4' },
    results: [
      latencyResult('e', { latency_p99: 5 }),
      latencyResult('d', { latency_p99: -1 }),
      latencyResult('c', { latency_mean: 1 }),
      latencyResult('b', { latency_p99: 5 }),
      latencyResult('a', { latency_p99: null, latency_mean: 9 }),
    ],
    warnings: [],
  };
  const index = buildResultIndex([dataset]);
  const rows = index.bySuite.latency;

  it('reads the rows in test-name order', () => {
    expect(names(index, rows)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('puts missing values last ascending, ties and gaps in reading order', () => {
    expect(sorted(index, rows, [{ id: 'latency_p99', desc: false }])).toEqual([
      'd',
      'b',
      'e',
      'a',
      'c',
    ]);
  });

  it('puts missing values last descending too', () => {
    expect(sorted(index, rows, [{ id: 'latency_p99', desc: true }])).toEqual([
      'b',
      'e',
      'd',
      'a',
      'c',
    ]);
  });

  it('falls through to the next column when both values are missing', () => {
    // a and c have no P99; their means (a 9, c 1) order them. b and e tie on P99 and have no
    // mean: reading order.
    expect(
      sorted(index, rows, [
        { id: 'latency_p99', desc: false },
        { id: 'latency_mean', desc: false },
      ]),
    ).toEqual(['d', 'b', 'e', 'c', 'a']);
  });

  it('keeps reading order for a column no row has (QPS of latency rows, unknown ids)', () => {
    expect(sorted(single, single.bySuite.latency, [{ id: 'qps', desc: true }])).toEqual([
      'latency_llama70B_tp4',
      'latency_llama8B_tp1',
      'latency_mixtral8x7B_tp2',
    ]);
    expect(sorted(single, single.bySuite.latency, [{ id: 'no_such_metric', desc: false }])).toEqual(
      ['latency_llama70B_tp4', 'latency_llama8B_tp1', 'latency_mixtral8x7B_tp2'],
    );
  });
});

describe('sortPositions with an unknown TP or QPS (shown as —)', () => {
  it('puts an unknown TP last in both directions', () => {
    const index = buildResultIndex([
      datasetOf([
        latencyResult('a', {}, null),
        latencyResult('b', {}, 4),
        latencyResult('c', {}, 1),
      ]),
    ]);
    const rows = index.bySuite.latency;
    expect(sorted(index, rows, [{ id: 'tp', desc: false }])).toEqual(['c', 'b', 'a']);
    expect(sorted(index, rows, [{ id: 'tp', desc: true }])).toEqual(['b', 'c', 'a']);
  });

  it('puts an unknown QPS last in both directions, after inf', () => {
    const serving = (testName: string, qps: number | null): BenchmarkResult => ({
      ...latencyResult(testName, {}),
      suite: 'serving',
      qps,
    });
    const index = buildResultIndex([
      datasetOf([serving('a', null), serving('b', Infinity), serving('c', 4)]),
    ]);
    const rows = index.bySuite.serving;
    expect(sorted(index, rows, [{ id: 'qps', desc: false }])).toEqual(['c', 'b', 'a']);
    expect(sorted(index, rows, [{ id: 'qps', desc: true }])).toEqual(['b', 'c', 'a']);
  });
});

describe('sortPositions without a sort', () => {
  it('returns the input itself for an empty sort', () => {
    const positions = single.bySuite.serving;
    expect(sortPositions(single, positions, [])).toBe(positions);
  });

  it('returns the input for fewer than two rows', () => {
    const one = Uint32Array.of(4);
    expect(sortPositions(single, one, [{ id: 'latency_mean', desc: true }])).toBe(one);
    const none = new Uint32Array(0);
    expect(sortPositions(single, none, [{ id: 'latency_mean', desc: true }])).toBe(none);
  });
});
