/** The two sides of a comparison: a loaded dataset or every loaded result of one GPU. */
import { gpuLabel } from '../gpu';
import { distinctGpuLabels } from '../results/dataset';
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

/** Whether two sides are the same one (then every metric is within noise). */
export function sameCompareSide(a: CompareSide | null, b: CompareSide | null): boolean {
  return a !== null && b !== null && compareSideParam(a) === compareSideParam(b);
}

/** A side as its select lists it: the value a link writes and what people read. */
export interface CompareSideOption {
  readonly value: string;
  readonly label: string;
}

/** The sides to pick from: every loaded dataset by its label, then every GPU (`GPU: 8×H100`). */
export function compareSideOptions(
  datasets: readonly Pick<Dataset, 'id' | 'label'>[],
  gpus: readonly { readonly value: string; readonly label: string }[],
): { readonly datasets: CompareSideOption[]; readonly gpus: CompareSideOption[] } {
  return {
    datasets: datasets.map((dataset) => ({ value: dataset.id, label: dataset.label })),
    gpus: gpus.map((gpu) => ({
      value: compareSideParam({ kind: 'gpu', gpu: gpu.value }),
      label: `GPU: ${gpu.label}`,
    })),
  };
}

/**
 * The GPUs to compare instead, when each side's results are of one GPU: two single-GPU runs
 * that share no test were most likely meant as one GPU against the other. Null otherwise.
 */
export function singleGpuPair(
  baseline: readonly BenchmarkResult[],
  candidate: readonly BenchmarkResult[],
): { readonly baseline: string; readonly candidate: string } | null {
  const baselineGpus = distinctGpuLabels(baseline);
  const candidateGpus = distinctGpuLabels(candidate);
  const [baselineGpu] = baselineGpus;
  const [candidateGpu] = candidateGpus;
  if (baselineGpus.length !== 1 || candidateGpus.length !== 1) return null;
  if (baselineGpu === undefined || candidateGpu === undefined) return null;
  return { baseline: baselineGpu, candidate: candidateGpu };
}
