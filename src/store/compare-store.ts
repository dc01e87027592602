import { create } from 'zustand';
import {
  DEFAULT_COMPARE_STATE,
  decodeCompareState,
  encodeCompareState,
  type CompareState,
} from '../data/compare/compare-state';
import { isValidThreshold, type ThresholdSpec } from '../data/compare/thresholds';
import type { CompareSide } from '../data/compare/compare-sides';
import { distinctGpuLabels } from '../data/results/dataset';
import type { Dataset } from '../data/results/result-model';

/**
 * The compare view's state: what a link reproduces (compare.ts's CompareState, plus an optional
 * threshold for p99 metrics). Kept apart from the dashboard store so the two never step on each
 * other; url-sync.ts writes both into one query string.
 */
export interface CompareUrlState extends CompareState {
  /** Threshold (percent) for metrics ending in `_p99`; null means the noise threshold applies. */
  readonly p99Threshold: number | null;
}

export const DEFAULT_COMPARE_URL_STATE: CompareUrlState = {
  ...DEFAULT_COMPARE_STATE,
  p99Threshold: null,
};

/** The p99 override's query parameter; like every compare parameter it starts with `cmp`. */
export const P99_THRESHOLD_PARAM = 'cmp.p99';

/** The metric-key ending the p99 override applies to (compare.ts's `perSuffix`). */
export const P99_SUFFIX = '_p99';

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The compare state as query parameters (without `?`), defaults left out. */
export function encodeCompareUrlState(state: CompareUrlState): string {
  const params = new URLSearchParams(encodeCompareState(state));
  if (state.p99Threshold !== null && isValidThreshold(state.p99Threshold)) {
    params.set(P99_THRESHOLD_PARAM, String(state.p99Threshold));
  }
  return params.toString();
}

/** A query string → the compare state; junk leaves the defaults, never throws. */
export function decodeCompareUrlState(query: string): CompareUrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return DEFAULT_COMPARE_URL_STATE;
  }
  const raw = params.get(P99_THRESHOLD_PARAM);
  const p99 = raw !== null && DECIMAL.test(raw) ? Number(raw) : null;
  return {
    ...decodeCompareState(params),
    p99Threshold: p99 !== null && isValidThreshold(p99) ? p99 : null,
  };
}

/** The thresholds a state asks for, as compare.ts takes them. */
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
    const gpus = new Set(distinctGpuLabels(candidate.results));
    const sameGpu = bundled.find((dataset) =>
      distinctGpuLabels(dataset.results).some((gpu) => gpus.has(gpu)),
    );
    const other = sameGpu ?? datasets.find((dataset) => dataset !== candidate);
    return { baseline: asSide(other), candidate: asSide(candidate) };
  }
  const allGpus = new Set(datasets.flatMap((dataset) => distinctGpuLabels(dataset.results)));
  if (allGpus.has('8×H100') && allGpus.has('8×H200')) {
    return { baseline: { kind: 'gpu', gpu: '8×H100' }, candidate: { kind: 'gpu', gpu: '8×H200' } };
  }
  return { baseline: asSide(datasets[0]), candidate: asSide(datasets[1]) };
}

export interface CompareActions {
  /** Opens the view; sides not chosen yet get the defaults for these datasets (see defaultSides). */
  openCompare: (datasets: readonly Dataset[]) => void;
  closeCompare: () => void;
  setSides: (baseline: CompareSide | null, candidate: CompareSide | null) => void;
  /** Ignored unless valid (0 to MAX_THRESHOLD). */
  setThreshold: (threshold: number) => void;
  /** Null clears the override; an invalid number is ignored. */
  setP99Threshold: (threshold: number | null) => void;
  setOnlyRegressions: (only: boolean) => void;
  /** Replaces the whole state, e.g. from the URL after Back/Forward. */
  applyCompare: (state: CompareUrlState) => void;
  /** Back to the state at start-up (tests use it between cases). */
  reset: () => void;
}

export type CompareStore = CompareUrlState & CompareActions;

/** Only the state fields of the store (what the URL holds). */
export function compareUrlStateOf(store: CompareUrlState): CompareUrlState {
  return {
    open: store.open,
    baseline: store.baseline,
    candidate: store.candidate,
    threshold: store.threshold,
    onlyRegressions: store.onlyRegressions,
    p99Threshold: store.p99Threshold,
  };
}

export const useCompareStore = create<CompareStore>()((set, get) => ({
  ...DEFAULT_COMPARE_URL_STATE,
  openCompare: (datasets) => {
    const { baseline, candidate } = get();
    if (baseline !== null && candidate !== null) {
      set({ open: true });
      return;
    }
    const defaults = defaultSides(datasets);
    set({
      open: true,
      baseline: baseline ?? defaults.baseline,
      candidate: candidate ?? defaults.candidate,
    });
  },
  closeCompare: () => {
    set({ open: false });
  },
  setSides: (baseline, candidate) => {
    set({ baseline, candidate });
  },
  setThreshold: (threshold) => {
    if (isValidThreshold(threshold) && threshold !== get().threshold) set({ threshold });
  },
  setP99Threshold: (threshold) => {
    if (threshold !== null && !isValidThreshold(threshold)) return;
    if (threshold !== get().p99Threshold) set({ p99Threshold: threshold });
  },
  setOnlyRegressions: (onlyRegressions) => {
    set({ onlyRegressions });
  },
  applyCompare: (state) => {
    set(compareUrlStateOf(state));
  },
  reset: () => {
    set(DEFAULT_COMPARE_URL_STATE);
  },
}));
