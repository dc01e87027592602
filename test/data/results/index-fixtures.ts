/** The seed runs and readers of an index's rows, for the result index and view tests. */
import { gpuLabel } from '../../../src/data/gpu';
import {
  NOTHING_HIDDEN,
  type FilterGroup,
  type HiddenValues,
} from '../../../src/data/results/filter-groups';
import type { ResultIndex } from '../../../src/data/results/result-index';
import type {
  BenchmarkResult,
  Dataset,
  ResultList,
  Suite,
} from '../../../src/data/results/result-model';
import type { FacetValue, ResultsView } from '../../../src/data/results/results-view';
import { seedDataset } from '../../helpers/seed';

export const h100 = seedDataset('H100');
export const h200 = seedDataset('H200');
export const a100 = seedDataset('A100-SXM4-80GB');
/** The bundled load order: H100, H200, A100. */
export const seed: readonly Dataset[] = [h100, h200, a100];

export function hide(change: Partial<Record<FilterGroup, readonly string[]>>): HiddenValues {
  return { ...NOTHING_HIDDEN, ...change };
}

/** "testName @ GPU label" of some positions, to compare with hand-written lists. */
export function describeRows(index: ResultIndex, positions: Iterable<number>): string[] {
  return Array.from(positions, (position) => {
    const result = index.results.at(position);
    if (result === undefined) throw new Error(`no result at ${position}`);
    return `${result.testName} @ ${gpuLabel(result.gpu)}`;
  });
}

export function visibleRows(view: ResultsView, suite: Suite): string[] {
  return describeRows(view.index, view.visible[suite]);
}

/** value → count of one facet group. */
export function counts(facet: readonly FacetValue[]): Record<string, number> {
  return Object.fromEntries(facet.map((value) => [value.label, value.count]));
}

// Reading order, written out by hand: model by name (Llama 3 70B, Llama 3.1 8B, Mixtral 8x7B),
// then TP (fixed per model here), then GPU label (A100, H100, H200), then QPS 1 < 4 < 16 < inf
// with results without a QPS (latency, throughput) after, then dataset, then test name
// (latency_… before throughput_…).
export const MODEL_TOKENS = [
  ['llama70B', 'tp4'],
  ['llama8B', 'tp1'],
  ['mixtral8x7B', 'tp2'],
] as const;
export const GPU_LABELS = ['8×A100-SXM4-80GB', '8×H100', '8×H200'] as const;

export function expectedReadingOrder(gpus: readonly string[]): string[] {
  const rows: string[] = [];
  for (const [model, tp] of MODEL_TOKENS) {
    for (const gpu of gpus) {
      for (const qps of ['1', '4', '16', 'inf']) {
        rows.push(`serving_${model}_${tp}_sharegpt_qps_${qps} @ ${gpu}`);
      }
      rows.push(`latency_${model}_${tp} @ ${gpu}`);
      rows.push(`throughput_${model}_${tp} @ ${gpu}`);
    }
  }
  return rows;
}

/** Every result of a list (an index's, in reading order) as an array. */
export function allResults(list: ResultList): BenchmarkResult[] {
  return Array.from({ length: list.length }, (_, position) => {
    const result = list.at(position);
    if (result === undefined) throw new Error(`no result at ${position}`);
    return result;
  });
}
