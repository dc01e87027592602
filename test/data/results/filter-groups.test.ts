// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  FILTER_GROUPS,
  NOTHING_HIDDEN,
  byGroup,
  groupSpec,
  groupValueOf,
  labelOf,
  orderValues,
  type GroupValue,
} from '../../../src/data/results/filter-groups';
import type { BenchmarkResult } from '../../../src/data/results/result-model';

const latency: BenchmarkResult = {
  suite: 'latency',
  testName: 'latency_llama8B_tp1',
  model: 'llama8B',
  tp: null,
  pp: null,
  dp: null,
  gpu: { type: 'H100', count: 8 },
  dataset: null,
  variant: null,
  qps: null,
  concurrency: null,
  inputLen: 32,
  outputLen: 128,
  engine: null,
  metrics: {},
  attributes: {},
};

function values(...keys: string[]): GroupValue[] {
  return keys.map((value) => ({ value, label: value }));
}

describe('groupValueOf', () => {
  it('gives QPS only to serving results, and an unknown TP as —', () => {
    expect(groupValueOf(latency, 'qps', 'd1')).toBeNull();
    expect(groupValueOf({ ...latency, suite: 'serving', qps: Infinity }, 'qps', 'd1')).toBe('inf');
    expect(groupValueOf(latency, 'tp', 'd1')).toBe('—');
    expect(groupValueOf({ ...latency, tp: 4 }, 'tp', 'd1')).toBe('4');
    expect(groupValueOf(latency, 'gpu', 'd1')).toBe('8×H100');
    expect(groupValueOf(latency, 'model', 'd1')).toBe('llama8B');
    expect(groupValueOf(latency, 'dataset', 'd1')).toBe('d1');
  });

  it('gives every result an engine, — when its file does not name one, read as Not stated', () => {
    expect(groupValueOf(latency, 'engine', 'd1')).toBe('—');
    expect(labelOf('engine', '—', new Map())).toBe('Not stated');
    expect(groupValueOf({ ...latency, engine: 'SGLang' }, 'engine', 'd1')).toBe('SGLang');
    expect(labelOf('engine', 'SGLang', new Map())).toBe('SGLang');
  });

  it('gives a concurrency cap to serving results only, — for no cap', () => {
    expect(groupValueOf({ ...latency, concurrency: 8 }, 'concurrency', 'd1')).toBeNull();
    const serving: BenchmarkResult = { ...latency, suite: 'serving' };
    expect(groupValueOf(serving, 'concurrency', 'd1')).toBe('—');
    expect(groupValueOf({ ...serving, concurrency: 64 }, 'concurrency', 'd1')).toBe('64');
  });
});

describe('orderValues', () => {
  it('orders numbers by size with inf after them and — last', () => {
    const ordered = orderValues('qps', values('inf', '16', '—', '1', '4'), new Map());
    expect(ordered.map((entry) => entry.value)).toEqual(['1', '4', '16', 'inf', '—']);
  });

  it('orders datasets by load order and names by their labels, numbers within them by size', () => {
    const loaded = new Map([
      ['b', 0],
      ['a', 1],
    ]);
    expect(orderValues('dataset', values('a', 'b'), loaded).map((entry) => entry.value)).toEqual([
      'b',
      'a',
    ]);
    const models = orderValues('model', values('gpu10', 'gpu9', 'Alpha'), new Map());
    expect(models.map((entry) => entry.value)).toEqual(['Alpha', 'gpu9', 'gpu10']);
  });
});

describe('labelOf', () => {
  it('names a dataset by its label and leaves other values as they are', () => {
    expect(labelOf('dataset', 'd1', new Map([['d1', 'Nightly 18']]))).toBe('Nightly 18');
    expect(labelOf('dataset', 'd2', new Map())).toBe('d2');
    expect(labelOf('gpu', '8×H100', new Map())).toBe('8×H100');
  });

  it("names a model by its display name, and a dataset's id is never a model", () => {
    expect(labelOf('model', 'llama8B', new Map())).toBe('Llama 3.1 8B');
    expect(labelOf('dataset', 'llama8B', new Map())).toBe('llama8B');
  });
});

describe('the filter groups', () => {
  it('are declared once, in the order the filter bar shows them, each with its legend', () => {
    expect(FILTER_GROUPS).toEqual([
      'model',
      'gpu',
      'engine',
      'qps',
      'concurrency',
      'tp',
      'dataset',
    ]);
    expect(FILTER_GROUPS.map((group) => groupSpec(group).legend)).toEqual([
      'Model',
      'GPU',
      'Engine',
      'QPS',
      'Concurrency',
      'TP',
      'Dataset',
    ]);
    // Engine and Concurrency show from two values on: one engine everywhere says nothing new.
    expect(FILTER_GROUPS.map((group) => groupSpec(group).shownFrom ?? 1)).toEqual([
      1, 1, 2, 1, 2, 1, 1,
    ]);
  });

  it('say so under the legend when they apply to some results only: QPS, to serving', () => {
    expect(FILTER_GROUPS.map((group) => groupSpec(group).note ?? null)).toEqual([
      null,
      null,
      null,
      'Applies to serving results only.',
      'Serving results only; — is no cap.',
      null,
      null,
    ]);
  });

  it('start with nothing hidden in any group, in a record that cannot be changed', () => {
    expect(NOTHING_HIDDEN).toEqual({
      model: [],
      gpu: [],
      engine: [],
      qps: [],
      concurrency: [],
      tp: [],
      dataset: [],
    });
    expect(Object.isFrozen(NOTHING_HIDDEN)).toBe(true);
  });

  it('make a record with one entry per group', () => {
    expect(byGroup((group) => group.length)).toEqual({
      model: 5,
      gpu: 3,
      engine: 6,
      qps: 3,
      concurrency: 11,
      tp: 2,
      dataset: 7,
    });
  });
});
