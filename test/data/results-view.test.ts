import { describe, expect, it } from 'vitest';
import {
  NOTHING_HIDDEN,
  deriveRowsBySuite,
  filterValueOf,
  isResultVisible,
  metricColumns,
} from '../../src/data/results-view';
import { seedDataset } from '../helpers/seed';

const h100 = seedDataset('H100');
const h200 = seedDataset('H200');
const a100 = seedDataset('A100-SXM4-80GB');

describe('deriveRowsBySuite', () => {
  it('splits all 54 seed results by suite with nothing hidden', () => {
    const rows = deriveRowsBySuite([h100, h200, a100], NOTHING_HIDDEN);
    expect(rows.latency).toHaveLength(9);
    expect(rows.throughput).toHaveLength(9);
    expect(rows.serving).toHaveLength(36);
  });

  it('orders rows by model, then GPU, then QPS with inf last', () => {
    const rows = deriveRowsBySuite([h100, h200], NOTHING_HIDDEN);
    const llama8B = rows.serving
      .filter((row) => row.result.model === 'llama8B')
      .map((row) => `${row.datasetLabel} ${String(row.result.qps)}`);
    expect(llama8B).toEqual([
      'Nightly · 8×H100 1',
      'Nightly · 8×H100 4',
      'Nightly · 8×H100 16',
      'Nightly · 8×H100 Infinity',
      'Nightly · 8×H200 1',
      'Nightly · 8×H200 4',
      'Nightly · 8×H200 16',
      'Nightly · 8×H200 Infinity',
    ]);
    // Llama 3 70B sorts before Llama 3.1 8B before Mixtral 8x7B.
    expect([...new Set(rows.latency.map((row) => row.result.model))]).toEqual([
      'llama70B',
      'llama8B',
      'mixtral8x7B',
    ]);
  });

  it('drops the H200 rows when 8×H200 is hidden', () => {
    const rows = deriveRowsBySuite([h100, h200], { ...NOTHING_HIDDEN, gpu: ['8×H200'] });
    expect(rows.latency.map((row) => row.datasetLabel)).toEqual([
      'Nightly · 8×H100',
      'Nightly · 8×H100',
      'Nightly · 8×H100',
    ]);
  });

  it('drops one model everywhere when it is hidden', () => {
    const rows = deriveRowsBySuite([h100], { ...NOTHING_HIDDEN, model: ['mixtral8x7B'] });
    expect(rows.latency).toHaveLength(2);
    expect(rows.throughput).toHaveLength(2);
    expect(rows.serving).toHaveLength(8);
  });

  it('gives every row an id unique across datasets', () => {
    const rows = deriveRowsBySuite([h100, h200, a100], NOTHING_HIDDEN);
    const ids = [...rows.latency, ...rows.throughput, ...rows.serving].map((row) => row.id);
    expect(new Set(ids).size).toBe(54);
  });
});

describe('filter values', () => {
  const serving = h100.results.find(
    (result) => result.testName === 'serving_llama8B_tp1_sharegpt_qps_inf',
  );
  const latency = h100.results.find((result) => result.testName === 'latency_llama8B_tp1');

  it('reads model token, GPU label and QPS of a serving result', () => {
    if (serving === undefined) throw new Error('seed is missing the test');
    expect(filterValueOf(serving, 'model')).toBe('llama8B');
    expect(filterValueOf(serving, 'gpu')).toBe('8×H100');
    expect(filterValueOf(serving, 'qps')).toBe('inf');
  });

  it('never hides a latency result by QPS', () => {
    if (latency === undefined) throw new Error('seed is missing the test');
    expect(filterValueOf(latency, 'qps')).toBeNull();
    expect(isResultVisible(latency, { ...NOTHING_HIDDEN, qps: ['1', '4', '16', 'inf'] })).toBe(
      true,
    );
  });
});

describe('metricColumns', () => {
  it('orders the serving metrics as the CI table does', () => {
    const rows = deriveRowsBySuite([h100], NOTHING_HIDDEN);
    expect(metricColumns(rows.serving)).toEqual([
      'request_throughput',
      'ttft_mean',
      'ttft_median',
      'ttft_p99',
      'itl_mean',
      'itl_median',
      'itl_p99',
    ]);
    expect(metricColumns(rows.latency)).toEqual(['latency_mean', 'latency_median', 'latency_p99']);
    expect(metricColumns(rows.throughput)).toEqual(['request_throughput']);
  });

  it('puts columns it does not know after the known ones', () => {
    const rows = deriveRowsBySuite([h100], NOTHING_HIDDEN);
    const first = rows.throughput[0];
    if (first === undefined) throw new Error('no rows');
    const extra = {
      ...first,
      result: { ...first.result, metrics: { 'x:Speed (furlongs)': 3, request_throughput: 1 } },
    };
    expect(metricColumns([extra])).toEqual(['request_throughput', 'x:Speed (furlongs)']);
  });
});
