import { useDeferredValue, useMemo } from 'react';
import { compareResults, type Comparison } from '../../data/compare/compare-summary';
import {
  compareSideLabel,
  sideResults,
  sidesIgnoreGpu,
  type CompareSide,
} from '../../data/compare/compare-sides';
import { gpuLabel } from '../../data/gpu';
import { deriveResultsView, type ResultsView } from '../../data/results/results-view';
import { SUITES, type BenchmarkResult, type Dataset } from '../../data/results/result-model';
import type { CompareUrlState } from '../../data/url-schema';
import { defaultSides, thresholdSpecOf } from '../../store/compare-slice';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';

/** One side of the comparison as the view shows it. */
export interface SideInfo {
  /** The side in effect: the chosen one, or the default when none is chosen. */
  readonly side: CompareSide | null;
  /** Whether the side was chosen (in the store and the link) rather than a default. */
  readonly chosen: boolean;
  /** Its name for people: the dataset's label (its id when not loaded) or the GPU label. */
  readonly label: string;
  /** False when the dataset (or any result on the GPU) is not loaded. */
  readonly loaded: boolean;
  /** Results the side stands for before the filters. */
  readonly total: number;
  /** Results the side stands for after the filters: what is compared. */
  readonly results: readonly BenchmarkResult[];
}

export interface ComparisonModel {
  readonly state: CompareUrlState;
  readonly baseline: SideInfo;
  readonly candidate: SideInfo;
  /** Null until both sides are chosen and loaded. */
  readonly comparison: Comparison | null;
}

/** The results a view shows, as a set; null when it shows every loaded result. */
function visibleResults(view: ResultsView): ReadonlySet<BenchmarkResult> | null {
  if (view.visibleCount === view.index.results.length) return null;
  const visible = new Set<BenchmarkResult>();
  for (const suite of SUITES) {
    for (const position of view.visible[suite]) {
      const result = view.index.results[position];
      if (result !== undefined) visible.add(result);
    }
  }
  return visible;
}

function keep(
  results: readonly BenchmarkResult[],
  visible: ReadonlySet<BenchmarkResult> | null,
): readonly BenchmarkResult[] {
  return visible === null ? results : results.filter((result) => visible.has(result));
}

/**
 * What one side stands for, loaded and after the filters.
 *
 * Which filters apply: a side that names a dataset was picked explicitly, so the Dataset filter
 * does not apply to it (hiding a dataset in the tables must not empty the comparison the user
 * asked for); every other filter and the search do. A GPU side takes that GPU's results from
 * the datasets shown, so the Dataset filter is how to choose which runs it draws from.
 */
function describeSide(
  side: CompareSide | null,
  chosen: boolean,
  datasets: readonly Dataset[],
  shown: ReadonlySet<BenchmarkResult> | null,
  shownIgnoringDatasets: ReadonlySet<BenchmarkResult> | null,
): SideInfo {
  if (side === null) {
    return { side, chosen, label: '', loaded: false, total: 0, results: [] };
  }
  const label = compareSideLabel(side, datasets);
  if (side.kind === 'dataset') {
    const dataset = datasets.find((entry) => entry.id === side.id);
    if (dataset === undefined) return { side, chosen, label, loaded: false, total: 0, results: [] };
    return {
      side,
      chosen,
      label,
      loaded: true,
      total: dataset.results.length,
      results: keep(dataset.results, shownIgnoringDatasets),
    };
  }
  const all = sideResults(side, datasets);
  return {
    side,
    chosen,
    label,
    loaded: all.length > 0,
    total: all.length,
    results: keep(all, shown),
  };
}

/** Whether a side stands for any loaded result (and so belongs among the options). */
export function sideIsLoaded(side: CompareSide, datasets: readonly Dataset[]): boolean {
  if (side.kind === 'dataset') return datasets.some((dataset) => dataset.id === side.id);
  return datasets.some((dataset) =>
    dataset.results.some((result) => gpuLabel(result.gpu) === side.gpu),
  );
}

/**
 * The comparison the compare view shows: the chosen sides (or the defaults), the filtered results
 * of each, and their comparison under the chosen thresholds. Recomputed only when one of those
 * changes.
 */
export function useComparison(): ComparisonModel {
  // Deferred, as the charts are: after a filter change the tables paint first and the
  // comparison follows, so a large data set never holds the tables back.
  const datasets = useDeferredValue(useDashboardStore((state) => state.datasets));
  const view = useDeferredValue(useDashboardStore(selectResultsView));
  const hidden = useDeferredValue(useDashboardStore((state) => state.view.hidden));
  const search = useDeferredValue(useDashboardStore((state) => state.view.search));
  const state = useDashboardStore((store) => store.compare);

  const defaults = useMemo(() => defaultSides(datasets), [datasets]);
  const shown = useMemo(() => visibleResults(view), [view]);
  const shownIgnoringDatasets = useMemo(() => {
    if (hidden.dataset.length === 0) return shown;
    return visibleResults(deriveResultsView(view.index, { ...hidden, dataset: [] }, search));
  }, [view, hidden, search, shown]);

  const baselineSide = state.baseline ?? defaults.baseline;
  const candidateSide = state.candidate ?? defaults.candidate;
  const baseline = useMemo(
    () =>
      describeSide(baselineSide, state.baseline !== null, datasets, shown, shownIgnoringDatasets),
    [baselineSide, state.baseline, datasets, shown, shownIgnoringDatasets],
  );
  const candidate = useMemo(
    () =>
      describeSide(candidateSide, state.candidate !== null, datasets, shown, shownIgnoringDatasets),
    [candidateSide, state.candidate, datasets, shown, shownIgnoringDatasets],
  );

  const { threshold, p99Threshold } = state;
  const comparison = useMemo(() => {
    if (baseline.side === null || candidate.side === null) return null;
    if (!baseline.loaded || !candidate.loaded) return null;
    return compareResults(baseline.results, candidate.results, {
      ignoreGpu: sidesIgnoreGpu(baseline.side, candidate.side),
      threshold: thresholdSpecOf({ threshold, p99Threshold }),
    });
  }, [baseline, candidate, threshold, p99Threshold]);

  return { state, baseline, candidate, comparison };
}
