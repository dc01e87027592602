import type { BenchmarkResult } from '../../src/data/results/result-model';

/**
 * Results that are `rows` underneath (their prototype), each counting how often its `metrics`
 * are read: for tests that a pass reads rows of columns by their codes, not by their metrics.
 */
export function countingMetricReads(rows: readonly BenchmarkResult[]): {
  readonly rows: BenchmarkResult[];
  readonly reads: () => number;
} {
  let count = 0;
  const counted = rows.map(
    (row) =>
      Object.create(row, {
        metrics: {
          get: () => {
            count += 1;
            return row.metrics;
          },
        },
      }) as BenchmarkResult,
  );
  return { rows: counted, reads: () => count };
}
