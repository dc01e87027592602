// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../../src/data/results/result-columns';
import { buildResultIndex } from '../../../src/data/results/result-index';
import type { Dataset } from '../../../src/data/results/result-model';
import { handDataset, result } from '../charts/chart-fixtures';
import { allResults } from './index-fixtures';

// Two runs of the same two latency tests on two GPUs. Reading order is model, TP, GPU, …,
// dataset, test name: both models are llama8B TP1, so A100 rows come before H100 rows, and
// within a GPU the run loaded first ("with columns") comes first, then test name order.
const first = handDataset('with columns', [
  result('latency', 'latency_b', 'H100', { latency_mean: 2, latency_p99: null }),
  result('latency', 'latency_a', 'A100', { latency_mean: 1 }),
]);
const second = handDataset('objects only', [
  result('latency', 'latency_a', 'H100', { latency_mean: 30, latency_p99: 31 }),
  result('latency', 'latency_a', 'A100', { latency_mean: 10 }),
]);
const withColumns: Dataset = { ...first, columns: columnsOf(first.results) };

describe('index values: one typed array per metric in reading order', () => {
  const index = buildResultIndex([withColumns, second]);

  it('puts each row where the index has it, from columns and from objects alike', () => {
    // Positions: A100·with columns·latency_a (1), A100·objects only·latency_a (10),
    // H100·with columns·latency_b (2), H100·objects only·latency_a (30).
    expect(allResults(index.results).map((row) => row.metrics.latency_mean)).toEqual([
      1, 10, 2, 30,
    ]);
    expect(Array.from(index.rowOf)).toEqual([1, 1, 0, 0]);
    expect(Array.from(index.datasetOf)).toEqual([0, 1, 0, 1]);
    expect(Array.from(index.values.metric('latency_mean'))).toEqual([1, 10, 2, 30]);
  });

  it('has NaN where a row lacks the metric or its value is null', () => {
    // p99: absent, absent, null, 31.
    expect(Array.from(index.values.metric('latency_p99'))).toEqual([NaN, NaN, NaN, 31]);
    expect(Array.from(index.values.metric('not_a_metric'))).toEqual([NaN, NaN, NaN, NaN]);
  });

  it('never reads a key from an object prototype', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(Array.from(index.values.metric(key))).toEqual([NaN, NaN, NaN, NaN]);
    }
  });

  it('reads number dimensions: the columns, or the given reader for objects', () => {
    const tp = index.values.dimension('tp', (row) => (row.tp === null ? null : row.tp * 100));
    // Rows with columns read their TP column (1); rows without use the reader (1 × 100).
    expect(Array.from(tp)).toEqual([1, 100, 1, 100]);
  });

  it('keeps each number dimension apart', () => {
    const fresh = buildResultIndex([withColumns, second]);
    const tp = fresh.values.dimension('tp', (row) => row.tp);
    const qps = fresh.values.dimension('qps', (row) => row.qps);
    // TP 1 everywhere; latency results have no QPS.
    expect(Array.from(tp)).toEqual([1, 1, 1, 1]);
    expect(Array.from(qps)).toEqual([NaN, NaN, NaN, NaN]);
  });

  it('works a derivation out once per index', () => {
    let made = 0;
    const count = {
      *steps(rows: { readonly results: { readonly length: number } }) {
        made += 1;
        yield;
        return { rows: rows.results.length };
      },
    };
    const first = index.values.derived(count);
    expect(index.values.derived(count)).toBe(first);
    expect(first).toEqual({ rows: 4 });
    expect(made).toBe(1);
  });

  it('makes a derivation a step at a time, and keeps the one made at once meanwhile', () => {
    const own = buildResultIndex([withColumns, second]);
    const halves = {
      *steps(rows: { readonly results: { readonly length: number } }) {
        yield;
        yield;
        return { rows: rows.results.length };
      },
    };
    const steps = own.values.derivedSteps(halves);
    // Two pauses, then the value.
    expect(steps.next().done).toBe(false);
    expect(steps.next().done).toBe(false);
    // Asked for at once while the steps wait: made whole, and kept.
    const atOnce = own.values.derived(halves);
    const last = steps.next();
    expect(last.done).toBe(true);
    expect(last.value).toBe(atOnce);
    expect(own.values.derived(halves)).toBe(atOnce);
  });

  it('reads a column a step at a time as it reads it at once, and keeps one per key', () => {
    const own = buildResultIndex([withColumns, second]);
    const steps = own.values.metricSteps('latency_mean');
    // Paused after its first step; asked for at once meanwhile, the column made whole is kept.
    expect(steps.next().done).toBe(false);
    const atOnce = own.values.metric('latency_mean');
    let last = steps.next();
    while (last.done !== true) last = steps.next();
    expect(last.value).toBe(atOnce);
    expect(Array.from(atOnce)).toEqual([1, 10, 2, 30]);
    const dimension = own.values.dimensionSteps('tp', (row) => row.tp);
    expect(dimension.next().done).toBe(false);
    expect(Array.from(dimension.next().value ?? [])).toEqual([1, 1, 1, 1]);
  });

  it('makes each array once per index, and a new index starts afresh', () => {
    expect(index.values.metric('latency_mean')).toBe(index.values.metric('latency_mean'));
    const again = buildResultIndex([withColumns, second]);
    expect(again.values.metric('latency_mean')).not.toBe(index.values.metric('latency_mean'));
  });

  it('ignores columns that are not the dataset rows one for one', () => {
    // Columns of one row kept beside two results: read from the objects instead.
    const stale: Dataset = { ...first, columns: columnsOf(first.results.slice(0, 1)) };
    const mixed = buildResultIndex([stale]);
    // A100 latency_a (1) then H100 latency_b (2).
    expect(Array.from(mixed.values.metric('latency_mean'))).toEqual([1, 2]);
  });

  it('reads a metric at the rows of the suites that have it only, every suite for a shared key', () => {
    const rows = [
      result('latency', 'latency_a', 'H100', { latency_mean: 5, shared: 1 }),
      result(
        'serving',
        'serving_a_qps_1',
        'H100',
        { request_throughput: 7, shared: 2 },
        { qps: 1 },
      ),
      result('throughput', 'throughput_a', 'H100', { requests_per_second: 9, shared: 3 }),
    ];
    const columns = columnsOf(rows);
    // A column with a value at the serving row for a key no serving row has: not read.
    const at = columns.metricKeys.findIndex((code) => columns.strings[code] === 'latency_mean');
    const latencyMean = columns.metrics[at] as Float64Array;
    latencyMean[1] = 99;
    const suites = buildResultIndex([{ ...handDataset('three suites', rows), columns }]);
    // Reading order: the row with a QPS first, then the others by test name.
    expect(allResults(suites.results).map((row) => row.suite)).toEqual([
      'serving',
      'latency',
      'throughput',
    ]);
    expect(Array.from(suites.values.metric('latency_mean'))).toEqual([NaN, 5, NaN]);
    expect(Array.from(suites.values.metric('request_throughput'))).toEqual([7, NaN, NaN]);
    expect(Array.from(suites.values.metric('shared'))).toEqual([2, 1, 3]);
    expect(Array.from(suites.values.metric('not_a_metric'))).toEqual([NaN, NaN, NaN]);
    // Made once, a key no suite has as well.
    expect(suites.values.metric('not_a_metric')).toBe(suites.values.metric('not_a_metric'));
    expect(suites.values.metric('shared')).toBe(suites.values.metric('shared'));
  });
});
