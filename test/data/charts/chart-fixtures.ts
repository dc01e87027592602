/** Result views for chart tests: the bundled seed, and small hand-made datasets. */
import { NOTHING_HIDDEN, type HiddenValues } from '../../../src/data/results/filter-groups';
import { buildResultIndex } from '../../../src/data/results/result-index';
import { deriveResultsView, type ResultsView } from '../../../src/data/results/results-view';
import type { BenchmarkResult, Dataset, Suite } from '../../../src/data/results/result-model';
import { SEED_GPUS, seedDataset } from '../../helpers/seed';

/** The three bundled nightly runs as the app loads them (8×H100, 8×H200, 8×A100-SXM4-80GB). */
export function seedDatasets(): Dataset[] {
  return SEED_GPUS.map((gpu) => seedDataset(gpu));
}

/** The view of some datasets with some filter values unchecked. */
export function viewOf(
  datasets: readonly Dataset[],
  hidden: Partial<HiddenValues> = {},
): ResultsView {
  return deriveResultsView(buildResultIndex(datasets), { ...NOTHING_HIDDEN, ...hidden }, '');
}

/** The seed's view with some filter values unchecked. */
export function seedView(hidden: Partial<HiddenValues> = {}): ResultsView {
  return viewOf(seedDatasets(), hidden);
}

/** A result with only what a chart reads; everything else empty. */
export function result(
  suite: Suite,
  testName: string,
  gpu: string,
  metrics: Record<string, number | null>,
  extra: Partial<BenchmarkResult> = {},
): BenchmarkResult {
  return {
    suite,
    testName,
    model: 'llama8B',
    tp: 1,
    pp: null,
    dp: null,
    gpu: { type: gpu, count: 8 },
    dataset: null,
    variant: null,
    qps: null,
    concurrency: null,
    inputLen: null,
    outputLen: null,
    engine: 'vLLM',
    metrics,
    attributes: {},
    ...extra,
  };
}

/** A dataset made by hand, labelled as given. */
export function handDataset(label: string, results: readonly BenchmarkResult[]): Dataset {
  return {
    id: `hand-${label}`,
    label,
    source: { kind: 'file', name: label },
    format: { id: 'vllm-embedded-json', label: 'hand-made' },
    results,
    warnings: [],
  };
}
