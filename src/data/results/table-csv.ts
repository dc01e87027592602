import { buildCsv, type CsvCell } from '../csv';
import { gpuLabel } from '../gpu';
import { modelLabel } from '../models';
import type { ResultIndex } from './result-index';
import type { BenchmarkResult } from './result-model';
import { describeColumn } from './table-columns';

/** A cell for CSV: numbers as numbers at full precision, text as text, missing as empty. */
function csvCell(id: string, result: BenchmarkResult, datasetLabel: string): CsvCell {
  switch (id) {
    case 'model':
      return modelLabel(result.model);
    case 'tp':
      return result.tp;
    case 'gpu':
      return gpuLabel(result.gpu);
    case 'dataset':
      return datasetLabel;
    case 'qps':
      return result.qps === null ? null : result.qps === Infinity ? 'inf' : result.qps;
    default:
      return result.metrics[id] ?? null;
  }
}

/**
 * The rows and columns a table shows, in its order, as CSV. The Model column is followed by
 * the test name, which the table shows under the model.
 */
export function tableCsv(
  index: ResultIndex,
  positions: Uint32Array,
  columnIds: readonly string[],
): string {
  const header: string[] = [];
  for (const id of columnIds) {
    header.push(describeColumn(id).header);
    if (id === 'model') header.push('Test name');
  }
  const rows: CsvCell[][] = [];
  for (const position of positions) {
    const result = index.results.at(position);
    if (result === undefined) continue;
    const label = index.datasets[index.datasetOf[position] ?? 0]?.label ?? '';
    const row: CsvCell[] = [];
    for (const id of columnIds) {
      row.push(csvCell(id, result, label));
      if (id === 'model') row.push(result.testName);
    }
    rows.push(row);
  }
  return buildCsv(header, rows);
}
