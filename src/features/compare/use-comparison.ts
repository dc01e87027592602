import { useDeferredValue, useMemo } from 'react';
import { compareHistory, comparisonCutoff } from '../../data/compare/compare-history';
import { compareResults, type Comparison } from '../../data/compare/compare-summary';
import { sidesIgnoreGpu } from '../../data/compare/compare-sides';
import {
  describeSide,
  visibleResults,
  type ShownResults,
  type SideInfo,
} from '../../data/compare/side-info';
import { historySource } from '../../data/history/history-source';
import { mayHaveDatedHistory } from '../../data/regression/report';
import { deriveResultsView } from '../../data/results/results-view';
import type { CompareUrlState } from '../../data/url-schema';
import { defaultSides, thresholdSpecOf } from '../../store/compare-slice';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';

export interface ComparisonModel {
  readonly state: CompareUrlState;
  readonly baseline: SideInfo;
  readonly candidate: SideInfo;
  /** Null until both sides are chosen and loaded. */
  readonly comparison: Comparison | null;
}

/**
 * The comparison the compare view shows: the chosen sides (or the defaults), the filtered results
 * of each, and their comparison under the chosen thresholds, judged by each series' history in
 * view where it has enough. Recomputed only when one of those changes; the history in view is
 * grouped once per view, and only when two datasets are dated.
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
  const all = useMemo(() => visibleResults(view), [view]);
  const ignoringDatasets = useMemo(() => {
    if (hidden.dataset.length === 0) return all;
    return visibleResults(deriveResultsView(view.index, { ...hidden, dataset: [] }, search));
  }, [view, hidden, search, all]);
  const shown = useMemo<ShownResults>(() => ({ all, ignoringDatasets }), [all, ignoringDatasets]);

  const baselineSide = state.baseline ?? defaults.baseline;
  const candidateSide = state.candidate ?? defaults.candidate;
  const baseline = useMemo(
    () => describeSide(baselineSide, state.baseline !== null, datasets, shown),
    [baselineSide, state.baseline, datasets, shown],
  );
  const candidate = useMemo(
    () => describeSide(candidateSide, state.candidate !== null, datasets, shown),
    [candidateSide, state.candidate, datasets, shown],
  );

  const source = useMemo(
    () => (mayHaveDatedHistory(view.index.datasets) ? historySource(view) : null),
    [view],
  );
  const cutoff = useMemo(
    () =>
      baselineSide === null || candidateSide === null
        ? null
        : comparisonCutoff(baselineSide, candidateSide, datasets),
    [baselineSide, candidateSide, datasets],
  );
  const runMarks = useDashboardStore((store) => store.runMarks);
  const history = useMemo(
    () => (source === null || cutoff === null ? null : compareHistory(source, cutoff, runMarks)),
    [source, cutoff, runMarks],
  );

  const { threshold, p99Threshold } = state;
  const comparison = useMemo(() => {
    if (baseline.side === null || candidate.side === null) return null;
    if (!baseline.loaded || !candidate.loaded) return null;
    return compareResults(baseline.results, candidate.results, {
      ignoreGpu: sidesIgnoreGpu(baseline.side, candidate.side),
      threshold: thresholdSpecOf({ threshold, p99Threshold }),
      history,
    });
  }, [baseline, candidate, threshold, p99Threshold, history]);

  return { state, baseline, candidate, comparison };
}
