/**
 * What one side of a comparison stands for once loaded and filtered: the results it compares,
 * and what the view says about it (its name, whether it is loaded, how many results it has).
 */
import type { ResultsView } from '../results/results-view';
import { SUITES, type BenchmarkResult, type Dataset } from '../results/result-model';
import { compareSideLabel, sideResults, type CompareSide } from './compare-sides';

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

/** The results a view shows, as a set; null when it shows every loaded result. */
export function visibleResults(view: ResultsView): ReadonlySet<BenchmarkResult> | null {
  if (view.visibleCount === view.index.results.length) return null;
  const visible = new Set<BenchmarkResult>();
  for (const suite of SUITES) {
    const positions = view.visible[suite];
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i] ?? 0;
      const result = view.index.results.at(position);
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

/** The results the filters show: with every filter, and with all but the Dataset filter. */
export interface ShownResults {
  /** Null when every loaded result is shown. */
  readonly all: ReadonlySet<BenchmarkResult> | null;
  readonly ignoringDatasets: ReadonlySet<BenchmarkResult> | null;
}

/**
 * What one side stands for, loaded and after the filters.
 *
 * Which filters apply: a side that names a dataset was picked explicitly, so the Dataset filter
 * does not apply to it (hiding a dataset in the tables must not empty the comparison the user
 * asked for); every other filter and the search do. A GPU side takes that GPU's results from
 * the datasets shown, so the Dataset filter is how to choose which runs it draws from.
 */
export function describeSide(
  side: CompareSide | null,
  chosen: boolean,
  datasets: readonly Dataset[],
  shown: ShownResults,
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
      results: keep(dataset.results, shown.ignoringDatasets),
    };
  }
  const all = sideResults(side, datasets);
  return {
    side,
    chosen,
    label,
    loaded: all.length > 0,
    total: all.length,
    results: keep(all, shown.all),
  };
}
