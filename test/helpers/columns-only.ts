import { columnsOf } from '../../src/data/results/result-columns';
import type { BenchmarkResult, Dataset } from '../../src/data/results/result-model';
import { handDataset } from '../data/charts/chart-fixtures';

/**
 * A dataset with the columns of `rows`, whose results throw when `field` is read: what reads the
 * field from the columns passes, what reads it from a row fails.
 */
export function columnsOnlyDataset(
  label: string,
  rows: readonly BenchmarkResult[],
  field: keyof BenchmarkResult,
): Dataset {
  const unread = rows.map(() => {
    const row = {} as BenchmarkResult;
    Object.defineProperty(row, field, {
      get() {
        throw new Error('a row was read');
      },
    });
    return row;
  });
  return { ...handDataset(label, unread), columns: columnsOf(rows) };
}
