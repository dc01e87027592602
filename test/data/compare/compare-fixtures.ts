/** Results and comparisons the compare tests share: the seed runs and a serving result to vary. */
import { expect } from 'vitest';
import type { CompareRow } from '../../../src/data/compare/align-results';
import {
  sideResults,
  sidesIgnoreGpu,
  type CompareSide,
} from '../../../src/data/compare/compare-sides';
import {
  compareResults,
  metricEntries,
  type Comparison,
  type MetricEntry,
} from '../../../src/data/compare/compare-summary';
import { sortEntriesByHarm } from '../../../src/data/compare/harm-order';
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
    dp: null,
    gpu: { type: 'H100', count: 8 },
    dataset: 'sharegpt',
    variant: null,
    qps: 16,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    engine: null,
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

/** A serving result at one QPS (test `serving_qps_<qps>`) with one mean TTFT. */
export function servingAt(qps: number, ttft: number | null): BenchmarkResult {
  return result({ testName: `serving_qps_${qps}`, qps, metrics: { ttft_mean: ttft } });
}

/**
 * One metric of each verdict: QPS 1: 100 → 150 ms (+50%, regression); QPS 2: 100 → 90 (-10%,
 * improvement); QPS 3: 100 → 102 (+2%, within noise); QPS 4: 100 → missing; QPS 5 only in the
 * candidate (200 ms).
 */
export function fiveVerdicts(): Comparison {
  return compareResults(
    [servingAt(1, 100), servingAt(2, 100), servingAt(3, 100), servingAt(4, 100)],
    [servingAt(1, 150), servingAt(2, 90), servingAt(3, 102), servingAt(4, null), servingAt(5, 200)],
  );
}

/** The metric entries of fiveVerdicts, most harmful first, as the compare view lists them. */
export function fiveVerdictEntries(): MetricEntry[] {
  return sortEntriesByHarm(metricEntries(fiveVerdicts().rows));
}
