// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnResults, rowsOfColumns } from '../../../src/data/results/columns-rows';
import { datasetOfColumns } from '../../../src/data/results/results-on-demand';
import {
  NONE,
  columnTransferables,
  columnsOf,
  type ResultColumns,
} from '../../../src/data/results/result-columns';
import {
  datasetColumns,
  plainResult,
  resultAt,
  resultCount,
  resultsOf,
  type BenchmarkResult,
  type Dataset,
} from '../../../src/data/results/result-model';
import { plain, resultArbitrary } from '../../helpers/result-arbitrary';
import { seedDataset } from '../../helpers/seed';
import { propertyRuns } from '../../helpers/property-runs';

const h100 = seedDataset('H100');

/** The column of a metric key, found through the dictionary. */
function metric(columns: ResultColumns, key: string): Float64Array | undefined {
  const at = columns.metricKeys.findIndex((code) => columns.strings[code] === key);
  return columns.metrics[at];
}

function rowOf(columns: ResultColumns, testName: string): number {
  return Array.from(columns.text.testName).findIndex((code) => columns.strings[code] === testName);
}

describe('results as columns', () => {
  it('keeps one column per metric, NaN where a row has none, and one per dimension', () => {
    const columns = columnsOf(h100.results);
    expect(columns.count).toBe(18);
    // Latency (mean, median, P99), throughput (req/s) and serving (req/s, TTFT and ITL mean,
    // median, P99): request_throughput is shared, so 3 + 1 + 6 keys, in three key lists.
    expect(columns.metrics).toHaveLength(10);
    expect(columns.metricShapes.map((shape) => shape.length).sort()).toEqual([1, 3, 7]);
    const inf = rowOf(columns, 'serving_llama8B_tp1_sharegpt_qps_inf');
    const latency = rowOf(columns, 'latency_llama8B_tp1');
    // The seed's 8×H100 tables: 24.1869 req/s and mean TTFT 240.664 ms at QPS inf; 1046.91 ms.
    expect(metric(columns, 'request_throughput')?.[inf]).toBeCloseTo(24.1869, 4);
    expect(metric(columns, 'ttft_mean')?.[inf]).toBeCloseTo(240.664, 3);
    expect(metric(columns, 'latency_mean')?.[latency]).toBeCloseTo(1046.91, 2);
    expect(metric(columns, 'ttft_mean')?.[latency]).toBeNaN();
    expect(columns.numbers.qps[inf]).toBe(Infinity);
    expect(columns.numbers.qps[latency]).toBeNaN();
    expect(columns.numbers.tp[inf]).toBe(1);
    expect(columns.numbers.gpuCount[inf]).toBe(8);
    expect(columns.strings[columns.text.gpuType[inf] ?? NONE]).toBe('H100');
    expect(columns.text.dataset[latency]).toBe(NONE);
    expect(columns.strings[columns.text.dataset[inf] ?? NONE]).toBe('sharegpt');
    // Suites by SUITES' order: latency 0, serving 2.
    expect(columns.suite[latency]).toBe(0);
    expect(columns.suite[inf]).toBe(2);
    expect(new Set(columns.strings).size).toBe(columns.strings.length);
  });

  it('gives back the seed results exactly, one GPU object shared by all', () => {
    const back = rowsOfColumns(columnsOf(h100.results));
    expect(back).toEqual(h100.results);
    expect(new Set(back.map((result) => result.gpu)).size).toBe(1);
  });

  it('reads each row of the columns as a result whose objects stay the same between reads', () => {
    const [first] = h100.results;
    if (first === undefined) throw new Error('no seed');
    const a100 = { type: 'A100', count: 4 };
    const results: BenchmarkResult[] = [
      { ...plainResult(first), gpu: { type: 'H100', count: 8 }, attributes: { dtype: 'bf16' } },
      { ...plainResult(first), gpu: a100, metrics: { latency_mean: 2 } },
      { ...plainResult(first), gpu: { type: 'H100', count: 8 } },
      { ...plainResult(first), gpu: { type: 'H100', count: null } },
      { ...plainResult(first), gpu: null, tp: null, qps: 16 },
      { ...plainResult(first), gpu: { type: 'H100', count: 8 } },
      { ...plainResult(first), gpu: { type: 'H200', count: 8 } },
    ];
    const back = rowsOfColumns(columnsOf(results));
    // Metrics and attributes are made once: every read gives the same object.
    expect(back[0]?.metrics).toBe(back[0]?.metrics);
    expect(back[0]?.attributes).toBe(back[0]?.attributes);
    expect(back[0]?.attributes).toEqual({ dtype: 'bf16' });
    expect(back[1]?.metrics).toEqual({ latency_mean: 2 });
    // 8×H100 is one object, in rows 0 and 2 with an A100 row between them; H100 without a
    // count is another, and no GPU is null.
    expect(back[0]?.gpu).toBe(back[2]?.gpu);
    expect(back[1]?.gpu).toEqual(a100);
    expect(back[3]?.gpu).toEqual({ type: 'H100', count: null });
    expect(back[3]?.gpu).not.toBe(back[0]?.gpu);
    expect(back[4]?.gpu).toBeNull();
    // A GPU of the same count right after another is its own type.
    expect([back[5]?.gpu, back[6]?.gpu]).toEqual([
      { type: 'H100', count: 8 },
      { type: 'H200', count: 8 },
    ]);
    // Numbers the file left out read as null, not NaN.
    expect([back[4]?.tp, back[4]?.qps, back[4]?.concurrency]).toEqual([null, 16, null]);
    // A row written as JSON is its fields, as the result it was made of.
    expect(JSON.parse(JSON.stringify(back[1]))).toEqual(JSON.parse(JSON.stringify(results[1])));
  });

  it('shares one attributes record between neighbouring rows that state the same values', () => {
    const [first] = h100.results;
    if (first === undefined) throw new Error('no seed');
    const stating = (attributes: Record<string, string>) => plainResult(first, { attributes });
    const back = rowsOfColumns(
      columnsOf([
        stating({ dtype: 'bf16', backend: 'a' }),
        stating({ dtype: 'bf16', backend: 'a' }),
        stating({ dtype: 'fp8', backend: 'a' }),
        stating({ dtype: 'fp8', backend: 'b' }),
        stating({ dtype: 'fp8', backend: 'b' }),
        stating({}),
        stating({}),
      ]),
    );
    const records = back.map((row) => row.attributes);
    expect(records[0]).toBe(records[1]);
    expect(records[1]).toEqual({ dtype: 'bf16', backend: 'a' });
    // A change in the first or in a later column is a record of its own.
    expect(records[2]).not.toBe(records[1]);
    expect(records[2]).toEqual({ dtype: 'fp8', backend: 'a' });
    expect(records[3]).not.toBe(records[2]);
    expect(records[3]).toEqual({ dtype: 'fp8', backend: 'b' });
    expect(records[4]).toBe(records[3]);
    expect(records[5]).toEqual({});
    expect(records[6]).toBe(records[5]);
  });

  it('tells a metric the file left empty (null) from one the row does not have', () => {
    const [first] = h100.results;
    if (first === undefined) throw new Error('no seed');
    const results: BenchmarkResult[] = [
      { ...plainResult(first), metrics: { latency_mean: null, latency_p99: 3 } },
      { ...plainResult(first), metrics: { latency_p99: 5 } },
    ];
    const back = rowsOfColumns(columnsOf(results));
    expect(back[0]?.metrics).toEqual({ latency_mean: null, latency_p99: 3 });
    expect(Object.keys(back[1]?.metrics ?? {})).toEqual(['latency_p99']);
  });

  it('hands over every column for postMessage to transfer, none copied', () => {
    const columns = columnsOf(h100.results);
    const buffers = columnTransferables(columns);
    // 8 number and 6 text dimensions, 10 metrics, the suite and the metric list per row.
    expect(buffers).toHaveLength(8 + 6 + 10 + 2);
    const { port1 } = new MessageChannel();
    port1.postMessage(columns, buffers);
    expect(columns.suite.byteLength).toBe(0);
    expect(columns.metrics[0]?.byteLength).toBe(0);
    port1.close();
  });

  it('makes a row of columns only when it is asked for, and the same one after', () => {
    const columns = columnsOf(h100.results);
    const rows = new ColumnResults(columns);
    expect(rows.length).toBe(18);
    const fifth = rows.at(4);
    expect(fifth).toEqual(h100.results[4]);
    expect(rows.at(4)).toBe(fifth);
    // Outside the rows: nothing, not a row counted from the end as an array's `at` would.
    expect(rows.at(-1)).toBeUndefined();
    expect(rows.at(18)).toBeUndefined();
    // The whole list holds the rows already made, and is made once.
    const list = rows.list();
    expect(list[4]).toBe(fifth);
    expect(list).toEqual(h100.results);
    expect(rows.list()).toBe(list);
  });

  it('gives a dataset of columns its results on demand, all of them when `results` is read', () => {
    const columns = columnsOf(h100.results);
    const { id, label, source, format, warnings } = h100;
    const dataset = datasetOfColumns({ id, label, source, format, warnings }, columns);
    expect(resultCount(dataset)).toBe(18);
    expect(resultAt(dataset, 17)).toEqual(h100.results[17]);
    expect(datasetColumns(dataset)).toBe(columns);
    expect(dataset.results).toEqual(h100.results);
    expect(dataset.results[17]).toBe(resultAt(dataset, 17));
    // A copy (a rename) has the results in full and nothing made on demand that could go stale.
    const copy: Dataset = { ...dataset, label: 'renamed' };
    expect(copy.onDemand).toBeUndefined();
    expect(copy.results).toBe(dataset.results);
    expect(resultsOf(copy)).toBe(dataset.results);
    expect(datasetColumns(copy)).toBe(columns);
  });

  it('round-trips any results (5,000 generated lists), prototypes untouched', () => {
    fc.assert(
      fc.property(fc.array(resultArbitrary, { maxLength: 12 }), (results) => {
        const back = rowsOfColumns(columnsOf(results));
        // Compared as text first: toEqual thousands of times would take most of a minute.
        if (JSON.stringify(back.map(plain)) !== JSON.stringify(results.map(plain))) {
          expect(back.map(plain)).toEqual(results.map(plain));
        }
        back.forEach((result, i) => {
          // Key order too: a table's columns follow its rows' keys.
          expect(Object.keys(result.metrics)).toEqual(Object.keys(results[i]?.metrics ?? {}));
          expect(
            Object.getPrototypeOf(result.attributes) === null ||
              Object.keys(result.attributes).length === 0,
          ).toBe(true);
        });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: propertyRuns(5_000) },
    );
  }, 60_000);
});
