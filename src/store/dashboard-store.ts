import { create } from 'zustand';
import { deriveResultsView, type FacetValue, type ResultsView } from '../data/results/results-view';
import { servingConfigsSteps, type ServingConfig } from '../data/decisions/serving-configs';
import { keptSteps, runSteps, type Steps } from '../data/results/steps';
import { type ResultIndex } from '../data/results/result-index';
import type { Dataset } from '../data/results/result-model';
import type { LoadProblem } from '../data/load-problem';
import { createCompareSlice, initialCompareState, type CompareSlice } from './compare-slice';
import { createDecisionsSlice, initialDecisions, type DecisionsSlice } from './decisions-slice';
import { createReportSlice, initialReport, type ReportSlice } from './report-slice';
import { createDatasetsSlice, initialDatasetsState, type DatasetsSlice } from './datasets-slice';
import { createLoadsSlice, initialLoadsState, type LoadsSlice } from './loads-slice';
import { createMarksSlice, initialMarks, type MarksSlice } from './marks-slice';
import {
  createPreferencesSlice,
  initialPreferences,
  type PreferencesSlice,
} from './preferences-slice';
import { createViewSlice, initialViewState, type ViewSlice } from './view-slice';

export type { LoadProblem };
export type { LoadPhase, LoadProgress } from './loads-slice';

/**
 * The one store of the dashboard, made of slices: datasets and their index, the view (filters,
 * search, sorting, columns), the compare view, preferences, marked runs, and loads with their
 * status. Derived data is state (the index, set with the datasets it indexes) or a memoised
 * selector over it (the filtered view), so no part waits on another to catch up.
 */
export type DashboardStore = DatasetsSlice &
  ViewSlice &
  CompareSlice &
  PreferencesSlice &
  MarksSlice &
  DecisionsSlice &
  ReportSlice &
  LoadsSlice & {
    /** Back to the state at start-up (tests use it between cases). */
    reset: () => void;
  };

export type DashboardState = DashboardStore;

function initialState() {
  return {
    ...initialDatasetsState,
    ...initialViewState,
    ...initialCompareState,
    ...initialPreferences(),
    ...initialMarks(),
    ...initialDecisions(),
    ...initialReport,
    ...initialLoadsState,
  };
}

// Memoised by the index they derive from (weakly, so a dropped index takes its entries along):
// selectors must return the same object until their inputs change, or zustand 5 renders forever.
const labelledIndexes = new WeakMap<
  ResultIndex,
  { datasets: readonly Dataset[]; labelled: ResultIndex }
>();
const views = new WeakMap<ResultIndex, { hidden: unknown; search: string; view: ResultsView }>();
const labelledViews = new WeakMap<ResultsView, { index: ResultIndex; view: ResultsView }>();
const configsByView = new WeakMap<ResultsView, readonly ServingConfig[]>();

/**
 * A view's serving configurations, worked out once per view: the overview and the serving
 * decisions both read them.
 */
export function servingConfigsOf(view: ResultsView): readonly ServingConfig[] {
  return runSteps(servingConfigsOfSteps(view));
}

/** `servingConfigsOf` as steps (see steps.ts): made a step at a time, kept as it keeps them. */
export function servingConfigsOfSteps(view: ResultsView): Steps<readonly ServingConfig[]> {
  return keptSteps(configsByView, view, () => servingConfigsSteps(view));
}

function relabel<T extends { readonly value: string; readonly label: string }>(
  values: readonly T[],
  labels: ReadonlyMap<string, string>,
): readonly T[] {
  return values.map((entry) => {
    const label = labels.get(entry.value);
    return label === undefined || label === entry.label ? entry : { ...entry, label };
  });
}

/**
 * All loaded results, indexed, with the datasets' current labels: the index in the state itself
 * until a dataset is renamed, then a copy sharing all of its arrays with the new labels in.
 */
export function selectResultIndex(state: DashboardState): ResultIndex {
  const { index, datasets } = state;
  if (index.datasets === datasets || index.datasets.every((d, i) => d === datasets[i])) {
    return index;
  }
  const cached = labelledIndexes.get(index);
  if (cached?.datasets === datasets) return cached.labelled;
  const labels = new Map(datasets.map((dataset) => [dataset.id, dataset.label]));
  const labelled: ResultIndex = {
    ...index,
    datasets,
    groupValues: {
      ...index.groupValues,
      dataset: relabel(index.groupValues.dataset, labels),
    },
  };
  labelledIndexes.set(index, { datasets, labelled });
  return labelled;
}

/**
 * The one derivation every table and chart reads: the visible rows and filter counts for the
 * filters and search in effect. Derived once per index, filters and search (a new label only
 * relabels the Dataset filter's values); the same object until then.
 */
export function selectResultsView(state: DashboardState): ResultsView {
  const { index } = state;
  const { hidden, search } = state.view;
  let entry = views.get(index);
  if (entry?.hidden !== hidden || entry.search !== search) {
    entry = { hidden, search, view: deriveResultsView(index, hidden, search) };
    views.set(index, entry);
  }
  const labelledIndex = selectResultIndex(state);
  if (labelledIndex === index) return entry.view;
  const base = entry.view;
  const cached = labelledViews.get(base);
  if (cached?.index === labelledIndex) return cached.view;
  const view: ResultsView = {
    ...base,
    index: labelledIndex,
    facets: {
      ...base.facets,
      dataset: relabel<FacetValue>(
        base.facets.dataset,
        new Map(labelledIndex.groupValues.dataset.map((value) => [value.value, value.label])),
      ),
    },
  };
  labelledViews.set(base, { index: labelledIndex, view });
  return view;
}

export const useDashboardStore = create<DashboardStore>()((...args) => {
  const [set] = args;
  return {
    ...createDatasetsSlice((state) => {
      selectResultsView(state);
    })(...args),
    ...createViewSlice(...args),
    ...createCompareSlice(...args),
    ...createPreferencesSlice(...args),
    ...createMarksSlice(...args),
    ...createDecisionsSlice(...args),
    ...createReportSlice(...args),
    ...createLoadsSlice(...args),
    reset: () => {
      set(initialState());
    },
  };
});
