/** Results and comparisons the compare tests share: the seed runs and a serving result to vary. */
import { expect } from 'vitest';
import type { CompareRow } from '../../../src/data/compare/align-results';
import {
  sideResults,
  sidesIgnoreGpu,
  type CompareSide,
} from '../../../src/data/compare/compare-sides';
import { compareResults, type Comparison } from '../../../src/data/compare/compare-summary';
import type { BenchmarkResult, MetricValues } from '../../../src/data/results/result-model';
import { seedDataset } from '../../helpers/seed';

export const h100 = seedDataset('H100');
export const h200 = seedDataset('H200');
export const a100 = seedDataset('A100-SXM4-80GB');

/** A serving result on 8×H100 (llama8B, TP1, sharegpt, QPS 16) with the given changes. */
export function result(
  change: Partial<BenchmarkResult> & { metrics: MetricValues },
): BenchmarkResult {
  return {
    suite: 'serving',
    testName: 'serving_llama8B_tp1_sharegpt_qps_16',
    model: 'llama8B',
    tp: 1,
    pp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: 'sharegpt',
    variant: null,
    qps: 16,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    attributes: {},
    ...change,
  };
}

export function rowNamed(rows: readonly CompareRow[], label: string): CompareRow {
  const found = rows.filter((row) => row.label === label);
  expect(found, label).toHaveLength(1);
  const [row] = found;
  if (row === undefined) throw new Error(`no row ${label}`);
  return row;
}

export function metricOf(row: CompareRow, key: string) {
  const metric = row.metrics.find((entry) => entry.key === key);
  if (metric === undefined) throw new Error(`no ${key} in ${row.label}`);
  return metric;
}

/** H100 (baseline) against H200 (candidate), pairing each test with itself on the other GPU. */
export function h100VsH200(): Comparison {
  const baseline: CompareSide = { kind: 'gpu', gpu: '8×H100' };
  const candidate: CompareSide = { kind: 'gpu', gpu: '8×H200' };
  const datasets = [h100, h200, a100];
  return compareResults(sideResults(baseline, datasets), sideResults(candidate, datasets), {
    ignoreGpu: sidesIgnoreGpu(baseline, candidate),
  });
}
