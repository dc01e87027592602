import { isValidThreshold, type ThresholdSpec } from '../data/compare/thresholds';
import { type CompareSide } from '../data/compare/compare-sides';
import { datasetGpuLabels } from '../data/results/dataset';
import type { Dataset } from '../data/results/result-model';
import { DEFAULT_COMPARE_URL_STATE, type CompareUrlState } from '../data/url-schema';
import { recordSlice } from './patch';

/** The metric-key ending the p99 override applies to (thresholds.ts's `perSuffix`). */
export const P99_SUFFIX = '_p99';

/** The thresholds a state asks for, as data/compare/thresholds.ts takes them. */
export function thresholdSpecOf(
  state: Pick<CompareUrlState, 'threshold' | 'p99Threshold'>,
): ThresholdSpec {
  return state.p99Threshold === null
    ? { default: state.threshold }
    : { default: state.threshold, perSuffix: { [P99_SUFFIX]: state.p99Threshold } };
}

/**
 * The sides to show when none are chosen: the most recently loaded user dataset as candidate
 * against the first bundled run on its GPU (or else the first other dataset); without user
 * datasets, GPU 8×H100 against GPU 8×H200 when both are loaded, else the first two datasets.
 * Null sides when there is nothing to compare.
 */
export function defaultSides(datasets: readonly Dataset[]): {
  readonly baseline: CompareSide | null;
  readonly candidate: CompareSide | null;
} {
  const asSide = (dataset: Dataset | undefined): CompareSide | null =>
    dataset === undefined ? null : { kind: 'dataset', id: dataset.id };
  const bundled = datasets.filter((dataset) => dataset.source.kind === 'bundled');
  const loaded = datasets.filter((dataset) => dataset.source.kind !== 'bundled');
  const candidate = loaded.at(-1);
  if (candidate !== undefined) {
    const gpus = new Set(datasetGpuLabels(candidate));
    const sameGpu = bundled.find((dataset) =>
      datasetGpuLabels(dataset).some((gpu) => gpus.has(gpu)),
    );
    const other = sameGpu ?? datasets.find((dataset) => dataset !== candidate);
    return { baseline: asSide(other), candidate: asSide(candidate) };
  }
  const allGpus = new Set(datasets.flatMap((dataset) => datasetGpuLabels(dataset)));
  if (allGpus.has('8×H100') && allGpus.has('8×H200')) {
    return { baseline: { kind: 'gpu', gpu: '8×H100' }, candidate: { kind: 'gpu', gpu: '8×H200' } };
  }
  return { baseline: asSide(datasets[0]), candidate: asSide(datasets[1]) };
}

/** The compare view: what a link reproduces of it (url-schema.ts), and the ways to change it. */
export interface CompareSlice {
  readonly compare: CompareUrlState;
  /** Opens the view; sides not chosen yet get the defaults for the loaded datasets. */
  openCompare: () => void;
  closeCompare: () => void;
  setSides: (baseline: CompareSide | null, candidate: CompareSide | null) => void;
  /** Ignored unless valid (0 to MAX_THRESHOLD). */
  setThreshold: (threshold: number) => void;
  /** Null clears the override; an invalid number is ignored. */
  setP99Threshold: (threshold: number | null) => void;
  setOnlyRegressions: (only: boolean) => void;
  /** Replaces the whole compare state, e.g. from the URL after Back/Forward. */
  applyCompare: (state: CompareUrlState) => void;
}

export const initialCompareState: Pick<CompareSlice, 'compare'> = {
  compare: DEFAULT_COMPARE_URL_STATE,
};

export const createCompareSlice = recordSlice(
  'compare',
  ({ change, replace, get }): CompareSlice => ({
    ...initialCompareState,
    openCompare: () => {
      const { baseline, candidate } = get().compare;
      if (baseline !== null && candidate !== null) {
        change({ open: true });
        return;
      }
      const defaults = defaultSides(get().datasets);
      change({
        open: true,
        baseline: baseline ?? defaults.baseline,
        candidate: candidate ?? defaults.candidate,
      });
    },
    closeCompare: () => {
      change({ open: false });
    },
    setSides: (baseline, candidate) => {
      change({ baseline, candidate });
    },
    setThreshold: (threshold) => {
      if (isValidThreshold(threshold) && threshold !== get().compare.threshold) {
        change({ threshold });
      }
    },
    setP99Threshold: (threshold) => {
      if (threshold !== null && !isValidThreshold(threshold)) return;
      if (threshold !== get().compare.p99Threshold) change({ p99Threshold: threshold });
    },
    setOnlyRegressions: (onlyRegressions) => {
      change({ onlyRegressions });
    },
    applyCompare: (state) => {
      replace(state);
    },
  }),
);
