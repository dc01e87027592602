import { gpuLabel } from './gpu';
import { modelLabel } from './models';
import { formatQps } from './format';
import type { BenchmarkResult, Dataset, Suite } from './result-model';

/** Filter groups shared by every table and chart. */
export type FilterGroup = 'model' | 'gpu' | 'qps';

export const FILTER_GROUPS: readonly FilterGroup[] = ['model', 'gpu', 'qps'];

/**
 * The values a user has unchecked, per group. Storing what is hidden (not what is shown) means
 * values that arrive with new data are visible until someone hides them.
 */
export type HiddenValues = Readonly<Record<FilterGroup, readonly string[]>>;

export const NOTHING_HIDDEN: HiddenValues = { model: [], gpu: [], qps: [] };

/** The value a result has in a filter group (`llama8B`, `8×H100`, `inf`); null when the group does not apply. */
export function filterValueOf(result: BenchmarkResult, group: FilterGroup): string | null {
  if (group === 'model') return result.model;
  if (group === 'gpu') return gpuLabel(result.gpu);
  // QPS is a serving setting: latency and throughput results are never hidden by it.
  return result.suite === 'serving' ? formatQps(result.qps) : null;
}

/** True when none of the result's filter values is hidden. */
export function isResultVisible(result: BenchmarkResult, hidden: HiddenValues): boolean {
  return FILTER_GROUPS.every((group) => {
    const value = filterValueOf(result, group);
    return value === null || !hidden[group].includes(value);
  });
}

/** A result as a table row: the result and the dataset it came from. */
export interface ResultRow {
  /** Unique within the loaded data: dataset id + position in the dataset. */
  readonly id: string;
  readonly result: BenchmarkResult;
  readonly datasetLabel: string;
}

export type RowsBySuite = Readonly<Record<Suite, readonly ResultRow[]>>;

function compareQps(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Reading order of rows: model, TP, GPU, QPS (∞ last), concurrency, dataset, test name. */
export function compareRows(a: ResultRow, b: ResultRow): number {
  const x = a.result;
  const y = b.result;
  return (
    collator.compare(modelLabel(x.model), modelLabel(y.model)) ||
    (x.tp ?? 0) - (y.tp ?? 0) ||
    collator.compare(gpuLabel(x.gpu), gpuLabel(y.gpu)) ||
    compareQps(x.qps, y.qps) ||
    compareQps(x.concurrency, y.concurrency) ||
    collator.compare(a.datasetLabel, b.datasetLabel) ||
    collator.compare(x.testName, y.testName)
  );
}

/**
 * The one derivation every table and chart reads: visible results of all datasets, split by
 * suite, in reading order. Pure; the store memoizes it.
 */
export function deriveRowsBySuite(datasets: readonly Dataset[], hidden: HiddenValues): RowsBySuite {
  const rows: Record<Suite, ResultRow[]> = { latency: [], throughput: [], serving: [] };
  for (const dataset of datasets) {
    dataset.results.forEach((result, index) => {
      if (!isResultVisible(result, hidden)) return;
      rows[result.suite].push({
        id: `${dataset.id}:${index}`,
        result,
        datasetLabel: dataset.label,
      });
    });
  }
  rows.latency.sort(compareRows);
  rows.throughput.sort(compareRows);
  rows.serving.sort(compareRows);
  return rows;
}

/** Preferred column order per suite; metrics not listed follow in the order first seen. */
const METRIC_ORDER: readonly string[] = [
  'latency_mean',
  'latency_median',
  'latency_p99',
  'latency_std',
  'latency_p10',
  'latency_p25',
  'latency_p75',
  'latency_p90',
  'request_throughput',
  'request_goodput',
  'token_throughput',
  'total_token_throughput',
  'output_throughput',
  'input_throughput',
  'ttft_mean',
  'ttft_median',
  'ttft_p99',
  'ttft_std',
  'tpot_mean',
  'tpot_median',
  'tpot_p99',
  'tpot_std',
  'itl_mean',
  'itl_median',
  'itl_p99',
  'itl_std',
  'e2el_mean',
  'e2el_median',
  'e2el_p99',
  'e2el_std',
  'num_requests',
  'total_tokens',
  'total_input_tokens',
  'total_output_tokens',
  'elapsed_time',
];

/** The metric keys any of these rows has, in column order. */
export function metricColumns(rows: readonly ResultRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.result.metrics)) seen.add(key);
  const known = METRIC_ORDER.filter((key) => seen.has(key));
  const others = [...seen].filter((key) => !METRIC_ORDER.includes(key));
  return [...known, ...others];
}
