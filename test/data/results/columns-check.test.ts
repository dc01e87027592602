// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isResultColumns } from '../../../src/data/results/columns-check';
import { columnsOf, type ResultColumns } from '../../../src/data/results/result-columns';
import { seedDataset } from '../../helpers/seed';

const h100 = seedDataset('H100');

describe('columns read back from storage', () => {
  const good = (): ResultColumns => columnsOf(h100.results);

  it('are accepted whole, and empty', () => {
    expect(isResultColumns(good())).toBe(true);
    expect(isResultColumns(columnsOf([]))).toBe(true);
  });

  it('are refused when anything does not add up', () => {
    const columns = good();
    const { text, numbers } = columns;
    const broken: unknown[] = [
      null,
      'columns',
      { ...columns, count: 17 },
      { ...columns, count: -1 },
      { ...columns, count: 1.5 },
      { ...columns, strings: [...columns.strings, 3] },
      { ...columns, suite: Array.from(columns.suite) },
      { ...columns, suite: Uint8Array.of(...columns.suite.slice(1), 3) },
      { ...columns, text: { ...text, model: new Float64Array(text.model) } },
      { ...columns, text: { ...text, dataset: undefined } },
      { ...columns, numbers: { ...numbers, qps: new Float32Array(numbers.qps) } },
      { ...columns, numbers: { ...numbers, tp: numbers.tp.slice(1) } },
      { ...columns, metrics: columns.metrics.slice(1) },
      { ...columns, metrics: [columns.metrics[0]?.slice(2), ...columns.metrics.slice(1)] },
      { ...columns, metricKeys: [columns.strings.length, ...columns.metricKeys.slice(1)] },
      { ...columns, metricShapes: [[columns.metrics.length]] },
      { ...columns, metricShape: columns.metricShape.map(() => columns.metricShapes.length) },
      { ...columns, attributeKeys: [0] },
      { ...columns, text: undefined },
    ];
    broken.forEach((value, i) => {
      expect(isResultColumns(value), String(i)).toBe(false);
    });
    // A text code past the dictionary, and one below NONE.
    const model = text.model.slice();
    model[3] = columns.strings.length;
    expect(isResultColumns({ ...columns, text: { ...text, model } })).toBe(false);
    model[3] = -2;
    expect(isResultColumns({ ...columns, text: { ...text, model } })).toBe(false);
    // An attribute value past the dictionary.
    const attribute = new Int32Array(columns.count).fill(-1);
    expect(isResultColumns({ ...columns, attributeKeys: [0], attributes: [attribute] })).toBe(true);
    attribute[0] = columns.strings.length;
    expect(isResultColumns({ ...columns, attributeKeys: [0], attributes: [attribute] })).toBe(
      false,
    );
  });
});
