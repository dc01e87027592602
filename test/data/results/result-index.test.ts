// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { rowsOfColumns } from '../../../src/data/results/columns-rows';
import { columnsOf } from '../../../src/data/results/result-columns';
import { buildResultIndex } from '../../../src/data/results/result-index';
import {
  plainResult,
  type BenchmarkResult,
  type Dataset,
  type Suite,
} from '../../../src/data/results/result-model';
import {
  GPU_LABELS,
  a100,
  allResults,
  describeRows,
  expectedReadingOrder,
  h100,
  h200,
  seed,
} from './index-fixtures';
import { countingMetricReads } from '../../helpers/counted-metrics';

describe('buildResultIndex', () => {
  const index = buildResultIndex(seed);

  it('holds all 54 seed results in reading order, whatever order the files list them in', () => {
    expect(index.results).toHaveLength(54);
    expect(describeRows(index, allResults(index.results).keys())).toEqual(
      expectedReadingOrder(GPU_LABELS),
    );
    // The first rows, spelled out.
    expect(describeRows(index, [0, 1, 2, 3, 4, 5, 6])).toEqual([
      'serving_llama70B_tp4_sharegpt_qps_1 @ 8×A100-SXM4-80GB',
      'serving_llama70B_tp4_sharegpt_qps_4 @ 8×A100-SXM4-80GB',
      'serving_llama70B_tp4_sharegpt_qps_16 @ 8×A100-SXM4-80GB',
      'serving_llama70B_tp4_sharegpt_qps_inf @ 8×A100-SXM4-80GB',
      'latency_llama70B_tp4 @ 8×A100-SXM4-80GB',
      'throughput_llama70B_tp4 @ 8×A100-SXM4-80GB',
      'serving_llama70B_tp4_sharegpt_qps_1 @ 8×H100',
    ]);
    expect(describeRows(index, [53])).toEqual(['throughput_mixtral8x7B_tp2 @ 8×H200']);
  });

  it('gives the same reading order when the datasets are loaded in another order', () => {
    const reversed = buildResultIndex([a100, h200, h100]);
    expect(describeRows(reversed, allResults(reversed.results).keys())).toEqual(
      expectedReadingOrder(GPU_LABELS),
    );
  });

  it('records each row’s dataset', () => {
    // Position 0 is an A100 row (third dataset), 6 an H100 row (first), 12 an H200 row (second).
    expect([index.datasetOf[0], index.datasetOf[6], index.datasetOf[12]]).toEqual([2, 0, 1]);
  });

  it('lists each suite’s positions ascending', () => {
    // Every block of six (one model on one GPU) is 4 serving, 1 latency, 1 throughput row.
    expect(Array.from(index.bySuite.latency)).toEqual([4, 10, 16, 22, 28, 34, 40, 46, 52]);
    expect(Array.from(index.bySuite.throughput)).toEqual([5, 11, 17, 23, 29, 35, 41, 47, 53]);
    expect(Array.from(index.bySuite.serving)).toEqual([
      0, 1, 2, 3, 6, 7, 8, 9, 12, 13, 14, 15, 18, 19, 20, 21, 24, 25, 26, 27, 30, 31, 32, 33, 36,
      37, 38, 39, 42, 43, 44, 45, 48, 49, 50, 51,
    ]);
  });

  it('orders each filter group’s values the way people read them', () => {
    expect(index.groupValues.model).toEqual([
      { value: 'llama70B', label: 'Llama 3 70B' },
      { value: 'llama8B', label: 'Llama 3.1 8B' },
      { value: 'mixtral8x7B', label: 'Mixtral 8x7B' },
    ]);
    expect(index.groupValues.gpu).toEqual([
      { value: '8×A100-SXM4-80GB', label: '8×A100-SXM4-80GB' },
      { value: '8×H100', label: '8×H100' },
      { value: '8×H200', label: '8×H200' },
    ]);
    // By size, not as text ("16" < "4"), with inf last.
    expect(index.groupValues.qps.map((value) => value.value)).toEqual(['1', '4', '16', 'inf']);
    expect(index.groupValues.tp.map((value) => value.value)).toEqual(['1', '2', '4']);
    // Datasets in load order, keyed by id, labelled by their GPU.
    expect(index.groupValues.dataset).toEqual([
      { value: h100.id, label: 'Nightly · 8×H100' },
      { value: h200.id, label: 'Nightly · 8×H200' },
      { value: a100.id, label: 'Nightly · 8×A100-SXM4-80GB' },
    ]);
  });

  it('orders datasets by load order, not by label', () => {
    const reversed = buildResultIndex([a100, h200, h100]);
    expect(reversed.groupValues.dataset.map((value) => value.label)).toEqual([
      'Nightly · 8×A100-SXM4-80GB',
      'Nightly · 8×H200',
      'Nightly · 8×H100',
    ]);
  });

  it('lists the metrics each suite has, in the CI table’s column order', () => {
    expect(index.metricKeys).toEqual({
      latency: ['latency_mean', 'latency_median', 'latency_p99'],
      throughput: ['request_throughput'],
      serving: [
        'request_throughput',
        'ttft_mean',
        'ttft_median',
        'ttft_p99',
        'itl_mean',
        'itl_median',
        'itl_p99',
      ],
    });
  });
});

describe('buildResultIndex over rows read from columns', () => {
  it('takes each row’s metric keys from its columns, without making any row’s metrics', () => {
    const [first] = h100.results;
    if (first === undefined) throw new Error('no seed');
    // A throughput row, then a serving row with the same one key list: each suite gets the key.
    // Two latency rows in a row, custom columns before CI's in two key lists: both lists count,
    // CI's keys in their order, then the others as first met. A serving row with one key.
    const results: BenchmarkResult[] = [
      { ...plainResult(first), suite: 'throughput', metrics: { request_throughput: 6 } },
      { ...plainResult(first), suite: 'serving', metrics: { request_throughput: 7 } },
      { ...plainResult(first), metrics: { 'x:b': 1, latency_mean: 2 } },
      { ...plainResult(first), metrics: { 'x:a': 5, latency_p99: 4 } },
      { ...plainResult(first), suite: 'serving', metrics: { ttft_mean: 3 } },
    ];
    const columns = columnsOf(results);
    const { rows, reads } = countingMetricReads(rowsOfColumns(columns));
    const index = buildResultIndex([{ ...h100, id: 'columns', results: rows, columns }]);
    expect(reads()).toBe(0);
    expect(index.metricKeys).toEqual({
      latency: ['latency_mean', 'latency_p99', 'x:b', 'x:a'],
      throughput: ['request_throughput'],
      serving: ['request_throughput', 'ttft_mean'],
    });
    // Without columns, the same keys from the rows' own metrics.
    expect(buildResultIndex([{ ...h100, id: 'rows', results }]).metricKeys).toEqual(
      index.metricKeys,
    );
  });
});

describe('buildResultIndex over many key lists read from columns', () => {
  it('collects each key list of each suite, however many lists there are', () => {
    const [first] = h100.results;
    if (first === undefined) throw new Error('no seed');
    // Four key lists, the fourth (one latency key of its own) right after a throughput row of
    // the first: each list of each suite counts, whatever its number.
    const row = (suite: Suite, metrics: Record<string, number>): BenchmarkResult => ({
      ...plainResult(first),
      suite,
      metrics,
    });
    const results = [
      row('throughput', { request_throughput: 1 }),
      row('latency', { latency_mean: 1 }),
      row('latency', { latency_p99: 1 }),
      row('throughput', { request_throughput: 2 }),
      row('latency', { 'x:only': 1 }),
    ];
    const columns = columnsOf(results);
    const index = buildResultIndex([
      { ...h100, id: 'columns', results: rowsOfColumns(columns), columns },
    ]);
    expect(index.metricKeys.latency).toEqual(['latency_mean', 'latency_p99', 'x:only']);
    expect(index.metricKeys.throughput).toEqual(['request_throughput']);
  });
});

/** A serving result with only what ordering looks at. */
function servingResult(testName: string, qps: number | null, tp: number | null): BenchmarkResult {
  return {
    suite: 'serving',
    testName,
    model: 'llama8B',
    tp,
    pp: null,
    dp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: 'sharegpt',
    variant: null,
    qps,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    engine: null,
    metrics: {},
    attributes: {},
  };
}

function datasetOf(results: readonly BenchmarkResult[]): Dataset {
  return {
    id: 'synthetic',
    label: 'synthetic.json',
    source: { kind: 'file', name: 'synthetic.json' },
    format: { id: 'vllm-markdown', label: 'vLLM markdown V4' },
    results,
    warnings: [],
  };
}

describe('buildResultIndex with unknown QPS or TP', () => {
  // Every first-seen order of an unknown QPS, QPS 1 and inf.
  const orders: readonly (readonly (number | null)[])[] = [
    [null, 1, Infinity],
    [null, Infinity, 1],
    [1, null, Infinity],
    [1, Infinity, null],
    [Infinity, null, 1],
    [Infinity, 1, null],
  ];
  it.each(orders)('lists an unknown QPS (—) after inf whatever comes first: %j', (...qpsList) => {
    const index = buildResultIndex([
      datasetOf(qpsList.map((qps, i) => servingResult(`serving_${i}`, qps, 1))),
    ]);
    expect(index.groupValues.qps.map((value) => value.value)).toEqual(['1', 'inf', '—']);
    // Reading order agrees: QPS 1, inf, then the unknown one.
    expect(allResults(index.results).map((result) => result.qps)).toEqual([1, Infinity, null]);
  });

  it.each(orders)('reads an unknown QPS from columns as unknown, last: %j', (...qpsList) => {
    const columns = columnsOf(qpsList.map((qps, i) => servingResult(`serving_${i}`, qps, 1)));
    const index = buildResultIndex([{ ...datasetOf(rowsOfColumns(columns)), columns }]);
    expect(index.groupValues.qps.map((value) => value.value)).toEqual(['1', 'inf', '—']);
    expect(allResults(index.results).map((result) => result.qps)).toEqual([1, Infinity, null]);
  });

  it('lists an unknown TP (—) after the numbers', () => {
    const index = buildResultIndex([
      datasetOf([servingResult('a', 1, null), servingResult('b', 1, 8), servingResult('c', 1, 2)]),
    ]);
    expect(index.groupValues.tp.map((value) => value.value)).toEqual(['2', '8', '—']);
  });
});

describe('buildResultIndex with engines and concurrency caps', () => {
  it('codes each row’s engine and cap; a latency row has no cap to filter by', () => {
    const latency: BenchmarkResult = {
      ...servingResult('latency_llama8B_tp1', null, 1),
      suite: 'latency',
      engine: 'vLLM',
    };
    const index = buildResultIndex([
      datasetOf([
        { ...servingResult('s1', 4, 1), engine: 'SGLang', concurrency: 64 },
        { ...servingResult('s2', 4, 1), engine: 'vLLM', concurrency: 8 },
        { ...servingResult('s3', 4, 1), engine: null },
        latency,
      ]),
    ]);
    // Names in natural order, — (not stated) among them by its label "Not stated".
    expect(index.groupValues.engine).toEqual([
      { value: '—', label: 'Not stated' },
      { value: 'SGLang', label: 'SGLang' },
      { value: 'vLLM', label: 'vLLM' },
    ]);
    expect(Array.from(index.valueCounts.engine)).toEqual([1, 1, 2]);
    // Caps by size, no cap (—) last; the latency row is not counted.
    expect(index.groupValues.concurrency.map((value) => value.value)).toEqual(['8', '64', '—']);
    expect(Array.from(index.valueCounts.concurrency)).toEqual([1, 1, 1]);
    const latencyAt = allResults(index.results).indexOf(latency);
    expect(index.codes.concurrency[latencyAt]).toBe(0xffff);
    const sglangAt = allResults(index.results).findIndex((result) => result.testName === 's1');
    expect(index.codes.engine[sglangAt]).toBe(1);
    expect(index.codes.concurrency[sglangAt]).toBe(1);
  });
});
