/** The two sides of a comparison: a loaded dataset or every loaded result of one GPU. */
import { gpuLabel } from '../gpu';
import type { BenchmarkResult, Dataset } from '../results/result-model';

/** What one side of a comparison is: one loaded dataset, or every loaded result of one GPU. */
export type CompareSide =
  | { readonly kind: 'dataset'; readonly id: string }
  | { readonly kind: 'gpu'; readonly gpu: string };

const GPU_SIDE_PREFIX = 'gpu:';

/**
 * A side as a link writes it: the dataset id as is, or `gpu:<label>` (`gpu:8×H100`). Dataset ids
 * are content fingerprints (hex and base-36), so they never start with `gpu:`.
 */
export function compareSideParam(side: CompareSide): string {
  return side.kind === 'gpu' ? `${GPU_SIDE_PREFIX}${side.gpu}` : side.id;
}

/** The inverse of compareSideParam; null for an empty value or an empty GPU label. */
export function readCompareSide(value: string): CompareSide | null {
  if (value.startsWith(GPU_SIDE_PREFIX)) {
    const gpu = value.slice(GPU_SIDE_PREFIX.length);
    return gpu === '' ? null : { kind: 'gpu', gpu };
  }
  return value === '' ? null : { kind: 'dataset', id: value };
}

/** The results a side stands for, among the datasets given (the UI passes the shown ones). */
export function sideResults(side: CompareSide, datasets: readonly Dataset[]): BenchmarkResult[] {
  if (side.kind === 'dataset') {
    return [...(datasets.find((dataset) => dataset.id === side.id)?.results ?? [])];
  }
  return datasets.flatMap((dataset) =>
    dataset.results.filter((result) => gpuLabel(result.gpu) === side.gpu),
  );
}

/**
 * Whether to leave the GPU out of the alignment key: when either side is a GPU, since comparing
 * GPUs means pairing each test with the same test on the other GPU. Two datasets keep it, so a
 * run on several GPUs pairs each GPU with itself.
 */
export function sidesIgnoreGpu(baseline: CompareSide, candidate: CompareSide): boolean {
  return baseline.kind === 'gpu' || candidate.kind === 'gpu';
}

/** A side's name for people: the dataset's label (its id if not loaded), or the GPU label. */
export function compareSideLabel(side: CompareSide, datasets: readonly Dataset[]): string {
  if (side.kind === 'gpu') return side.gpu;
  return datasets.find((dataset) => dataset.id === side.id)?.label ?? side.id;
}
