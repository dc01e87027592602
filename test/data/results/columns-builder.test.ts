// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readResultsTables, type RawTable } from '../../../src/data/formats/table-results';
import {
  columnsBehind,
  resultColumns,
  rowsOfColumns,
} from '../../../src/data/results/columns-rows';
import { ColumnsBuilder, NONE, columnsOf } from '../../../src/data/results/result-columns';
import { plainResult } from '../../../src/data/results/result-model';
import { seedDataset } from '../../helpers/seed';

/** A row written with only what these tests look at; every other dimension left empty. */
function addRow(into: ColumnsBuilder, testName: string, list: number): number {
  const row = into.addRow();
  into.text.testName[row] = into.strings.code(testName);
  into.text.gpuType[row] = NONE;
  into.text.dataset[row] = NONE;
  into.text.variant[row] = NONE;
  into.text.engine[row] = NONE;
  into.text.model[row] = into.strings.code('m');
  into.metricShape[row] = list;
  return row;
}

describe('ColumnsBuilder', () => {
  it('keeps the rows written as it grows, and leaves a metric met later empty on earlier rows', () => {
    const into = new ColumnsBuilder();
    into.reserve(2);
    const first = into.metricList(['latency_mean']);
    for (const [name, value] of [
      ['a', 10],
      ['b', 20],
    ] as const) {
      const row = addRow(into, name, first);
      into.metric('latency_mean')[row] = value;
      into.numbers.tp[row] = row + 1;
      into.suite[row] = 0;
    }
    into.attribute('origin')[0] = into.strings.code('lab');
    // Room for three more: the arrays are replaced, the two rows carried over.
    into.reserve(3);
    const second = into.metricList(['ttft_mean', 'latency_mean']);
    const c = addRow(into, 'c', second);
    into.metric('ttft_mean')[c] = 5;
    into.metric('latency_mean')[c] = 30;
    into.attribute('dtype')[c] = into.strings.code('bf16');
    into.attribute('origin')[c] = into.strings.code('ci');
    into.numbers.tp[c] = 4;
    into.suite[c] = 2;
    // A row after the growth with neither latency nor attributes.
    const d = addRow(into, 'd', into.metricList(['ttft_mean']));
    into.metric('ttft_mean')[d] = 6;
    into.numbers.tp[d] = NaN;
    into.suite[d] = 2;

    const columns = into.finish();
    expect(columns.count).toBe(4);
    // Every array is exactly as long as the rows written, not the room made.
    for (const array of [
      columns.suite,
      columns.metricShape,
      ...Object.values(columns.text),
      ...Object.values(columns.numbers),
      ...columns.metrics,
      ...columns.attributes,
    ]) {
      expect(array.length).toBe(4);
    }
    const rows = rowsOfColumns(columns);
    expect(rows.map((result) => result.testName)).toEqual(['a', 'b', 'c', 'd']);
    expect(rows.map((result) => result.suite)).toEqual([
      'latency',
      'latency',
      'serving',
      'serving',
    ]);
    expect(rows.map((result) => result.tp)).toEqual([1, 2, 4, null]);
    expect(rows.map((result) => result.metrics)).toEqual([
      { latency_mean: 10 },
      { latency_mean: 20 },
      { ttft_mean: 5, latency_mean: 30 },
      { ttft_mean: 6 },
    ]);
    // An attribute made before the growth keeps its value and takes one after it; rows that
    // never had one lack it.
    expect(rows.map((result) => ({ ...result.attributes }))).toEqual([
      { origin: 'lab' },
      {},
      { origin: 'ci', dtype: 'bf16' },
      {},
    ]);
    const columnOf = (key: string) =>
      columns.metrics[columns.metricKeys.indexOf(columns.strings.indexOf(key))];
    // A metric column grown with the rest is NaN on the new rows that do not give it; one made
    // after the growth is NaN on the rows before it.
    expect(Array.from(columnOf('latency_mean') ?? [])).toEqual([10, 20, 30, NaN]);
    expect(Array.from(columnOf('ttft_mean') ?? [])).toEqual([NaN, NaN, 5, 6]);
    const origin =
      columns.attributes[columns.attributeKeys.indexOf(columns.strings.indexOf('origin'))];
    expect(
      Array.from(origin ?? []).map((code) => (code === NONE ? null : columns.strings[code])),
    ).toEqual(['lab', null, 'ci', null]);
  });

  it('gives one list of keys one id, and keeps its keys in their order', () => {
    const into = new ColumnsBuilder();
    const a = into.metricList(['x', 'y']);
    const b = into.metricList(['y', 'x']);
    expect(into.metricList(['x', 'y'])).toBe(a);
    expect(b).not.toBe(a);
    expect(into.metricListOf({ y: 1, x: 2 })).toBe(b);
    expect(into.metricListOf({ x: 1, y: 2 })).toBe(a);
    expect(into.metricListOf({ x: 1 })).not.toBe(a);
  });

  it('refuses a row it has no room for', () => {
    const into = new ColumnsBuilder();
    expect(() => into.addRow()).toThrow(new RangeError('No room reserved for another row.'));
    into.reserve(1);
    expect(into.addRow()).toBe(0);
    expect(() => into.addRow()).toThrow(RangeError);
    expect(into.count).toBe(1);
  });

  it('makes no room when there is enough, and at least doubles when it grows', () => {
    const into = new ColumnsBuilder();
    into.reserve(4);
    const suite = into.suite;
    into.reserve(4);
    expect(into.suite).toBe(suite);
    into.addRow();
    into.reserve(3);
    expect(into.suite).toBe(suite);
    into.reserve(4);
    expect(into.suite.length).toBe(8);
    into.reserve(20);
    expect(into.suite.length).toBe(21);
  });
});

const h100 = seedDataset('H100');

function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): RawTable {
  return { headers, rows, positions: rows.map((_, index) => `line ${index + 3}`) };
}

describe('results read from tables', () => {
  const tables = [
    {
      table: table(['Test name', 'Mean latency (ms)'], [['latency_llama8B_tp1', '10']]),
      suite: 'latency' as const,
    },
    {
      table: table(
        ['Test name', 'Tput (req/s)', 'Mean TTFT (ms)'],
        [
          ['serving_llama8B_tp1_sharegpt_qps_1', '1', '20'],
          ['serving_llama8B_tp1_sharegpt_qps_4', '3.5', '25'],
        ],
      ),
      suite: 'serving' as const,
    },
  ];

  it('are the rows of one set of columns, handed on as they are', () => {
    const results = rowsOfColumns(readResultsTables(tables, []).columns);
    const columns = columnsBehind(results);
    expect(columns?.count).toBe(3);
    expect(resultColumns(results)).toBe(columns);
    // A row of the first table does not list the second table's metrics.
    expect(results.map((result) => result.metrics)).toEqual([
      { latency_mean: 10 },
      { request_throughput: 1, ttft_mean: 20 },
      { request_throughput: 3.5, ttft_mean: 25 },
    ]);
    expect(results.map((result) => result.qps)).toEqual([null, 1, 4]);
  });

  it('are packed again when they are not every row of their columns in order', () => {
    const results = rowsOfColumns(readResultsTables(tables, []).columns);
    const [a, b, c] = results;
    if (a === undefined || b === undefined || c === undefined) throw new Error('three rows');
    const other = rowsOfColumns(readResultsTables(tables, []).columns);
    for (const list of [
      [b, a, c],
      [a, b],
      [a, a, c],
      [plainResult(a), b, c],
      [a, b, other[2] ?? c],
    ]) {
      expect(columnsBehind(list)).toBeNull();
      const packed = resultColumns(list);
      expect(packed).not.toBe(columnsBehind(results));
      expect(rowsOfColumns(packed)).toEqual(list.map((result) => plainResult(result)));
    }
    expect(columnsBehind([])).toBeNull();
    expect(columnsBehind(h100.results.map((result) => plainResult(result)))).toBeNull();
    expect(resultColumns([]).count).toBe(0);
  });

  it('have the metric columns of the tables’ metrics only, whatever column comes first', () => {
    const { columns: read } = readResultsTables(
      [
        {
          table: table(
            ['Test name', 'dtype', 'Mean latency (ms)', 'runs'],
            [
              ['latency_llama8B_tp1', 'bf16', '10', '3'],
              ['latency_tp1', 'fp8', '12', '4'],
            ],
          ),
          suite: 'latency',
        },
      ],
      [],
    );
    const results = rowsOfColumns(read);
    const columns = columnsBehind(results);
    expect(columns?.metricKeys.map((code) => columns.strings[code])).toEqual([
      'latency_mean',
      'x:runs',
    ]);
    expect(results.map((result) => ({ ...result.attributes }))).toEqual([
      { dtype: 'bf16' },
      { dtype: 'fp8' },
    ]);
    // A test name that names no model, and no Model column: the model is empty, not missing.
    expect(results.map((result) => result.model)).toEqual(['llama8B', '']);
  });

  it('come through a whole file’s parse as one set of columns, nothing long to cut', () => {
    // The bundled run is CI's embedded JSON: three tables, one set of columns.
    expect(columnsBehind(h100.results)?.count).toBe(h100.results.length);
    expect(new Set(h100.results.map((result) => result.suite)).size).toBe(3);
  });

  it('pack from plain results as they read back', () => {
    const plainRows = h100.results.map((result) => plainResult(result));
    expect(rowsOfColumns(resultColumns(plainRows))).toEqual(plainRows);
    expect(rowsOfColumns(columnsOf(plainRows))).toEqual(plainRows);
  });
});
