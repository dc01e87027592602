import { create } from 'zustand';
import { NOTHING_HIDDEN, type FilterGroup, type HiddenValues } from '../data/results/filter-groups';
import { buildResultIndex, type ResultIndex } from '../data/results/result-index';
import { deriveResultsView, type ResultsView } from '../data/results/results-view';
import type { LoadProblem } from '../data/ingest';
import type { Dataset, Suite } from '../data/results/result-model';
import type { SortSpec } from '../data/results/sort-results';
import { DEFAULT_VIEW_STATE, type TableView, type ViewState } from '../data/view-state';
import type { IngestStage } from '../workers/ingest-protocol';

export type LoadPhase = 'idle' | 'loading' | 'ready';

export type { LoadProblem };

/** A load running in the parsing worker, as its progress bar shows it. */
export interface LoadProgress {
  readonly id: number;
  /** The files being loaded, as one phrase. */
  readonly names: string;
  readonly stage: IngestStage;
  readonly doneBytes: number;
  readonly totalBytes: number;
  /** `performance.now()` when it started: progress shows only for loads that take a while. */
  readonly startedAt: number;
}

export interface DashboardState {
  readonly datasets: readonly Dataset[];
  readonly phase: LoadPhase;
  readonly problems: readonly LoadProblem[];
  /** Filters, search, sorting and columns: everything a link reproduces. */
  readonly view: ViewState;
  /** False when the browser gives no storage: loaded files last for this session only. */
  readonly storageAvailable: boolean;
  /** Ids of loaded datasets that could not be saved (storage full or unavailable). */
  readonly notSaved: readonly string[];
  /** Loads in progress in the parsing worker. */
  readonly loads: readonly LoadProgress[];
  /** The last thing worth telling that is not a problem (a cancelled load). */
  readonly notice: string;
}

export interface DashboardActions {
  startLoading: () => void;
  startLoad: (progress: LoadProgress) => void;
  updateLoad: (id: number, change: Partial<Omit<LoadProgress, 'id' | 'startedAt'>>) => void;
  endLoad: (id: number) => void;
  setNotice: (notice: string) => void;
  /** Adds datasets whose content is not loaded yet; returns the ids that were already there. */
  addDatasets: (datasets: readonly Dataset[]) => string[];
  /** Removes a dataset the user loaded; bundled datasets stay. */
  removeDataset: (id: string) => void;
  reportProblems: (problems: readonly LoadProblem[]) => void;
  dismissProblem: (problem: LoadProblem) => void;
  finishLoading: () => void;
  toggleHidden: (group: FilterGroup, value: string) => void;
  /** Shows just this value of the group (hides every other value present). */
  showOnly: (group: FilterGroup, value: string) => void;
  /** Every value checked and the search cleared; sorting and columns stay. */
  resetFilters: () => void;
  setSearch: (search: string) => void;
  setSorting: (suite: Suite, sorting: SortSpec) => void;
  setHiddenColumns: (suite: Suite, hiddenColumns: readonly string[]) => void;
  /** Replaces the whole view, e.g. from the URL after Back/Forward. */
  applyView: (view: ViewState) => void;
  /** Gives a dataset the user loaded a new label (bundled ones keep theirs). */
  renameDataset: (id: string, label: string) => void;
  /** Removes every dataset the user loaded, keeping the bundled runs. */
  resetToBundled: () => void;
  setStorageAvailable: (available: boolean) => void;
  markNotSaved: (id: string) => void;
  /** Back to the state at start-up (tests use it between cases). */
  reset: () => void;
}

export type DashboardStore = DashboardState & DashboardActions;

const initialState: DashboardState = {
  datasets: [],
  phase: 'idle',
  problems: [],
  view: DEFAULT_VIEW_STATE,
  storageAvailable: true,
  notSaved: [],
  loads: [],
  notice: '',
};

/** Labels are text from files or typing: trimmed, one line, at most this long. */
export const MAX_LABEL_LENGTH = 120;

function sameDatasets(a: readonly Dataset[], b: readonly Dataset[]): boolean {
  return a.length === b.length && a.every((dataset, i) => dataset === b[i]);
}

/** The last index built, and for which datasets (the same objects in the same order). */
const indexCache: { datasets: readonly Dataset[] | null; index: ResultIndex | null } = {
  datasets: null,
  index: null,
};

/**
 * Hands the selector an index built ahead (in slices, by the loader) for the datasets the store
 * is about to hold, so setting them does not build it again in one long task.
 */
export function primeResultIndex(datasets: readonly Dataset[], index: ResultIndex): void {
  indexCache.datasets = datasets;
  indexCache.index = index;
}

/** All loaded results, indexed once per change of the loaded datasets. */
export function selectResultIndex(state: DashboardState): ResultIndex {
  const { datasets, index } = indexCache;
  if (index !== null && datasets !== null && sameDatasets(datasets, state.datasets)) {
    indexCache.datasets = state.datasets;
    return index;
  }
  const built = buildResultIndex(state.datasets);
  primeResultIndex(state.datasets, built);
  return built;
}

/**
 * Loaded datasets plus incoming ones whose content is not loaded yet (by content id), and the
 * ids that were already there. What `addDatasets` stores, for a loader that prepares ahead.
 */
export function mergeDatasets(
  current: readonly Dataset[],
  incoming: readonly Dataset[],
): { next: readonly Dataset[]; duplicates: string[] } {
  const known = new Set(current.map((dataset) => dataset.id));
  const duplicates: string[] = [];
  const added: Dataset[] = [];
  for (const dataset of incoming) {
    if (known.has(dataset.id)) {
      duplicates.push(dataset.id);
      continue;
    }
    known.add(dataset.id);
    added.push(dataset);
  }
  return { next: added.length === 0 ? current : [...current, ...added], duplicates };
}

/**
 * The one derivation every table and chart reads. Returns the same object until the data,
 * filters or search change, as zustand 5 selectors must (a fresh object would re-render forever).
 */
let lastView: {
  index: ResultIndex;
  hidden: HiddenValues;
  search: string;
  view: ResultsView;
} | null = null;

export function selectResultsView(state: DashboardState): ResultsView {
  const index = selectResultIndex(state);
  const { hidden, search } = state.view;
  if (lastView?.index !== index || lastView.hidden !== hidden || lastView.search !== search) {
    lastView = { index, hidden, search, view: deriveResultsView(index, hidden, search) };
  }
  return lastView.view;
}

/**
 * Derives the view of a prepared index (see `primeResultIndex`) ahead, for the filters and search
 * in effect now, so the render that shows a large addition does not derive it.
 */
export function primeResultsView(index: ResultIndex, view: ViewState): void {
  lastView = {
    index,
    hidden: view.hidden,
    search: view.search,
    view: deriveResultsView(index, view.hidden, view.search),
  };
}

export const useDashboardStore = create<DashboardStore>()((set, get) => {
  const setView = (change: Partial<ViewState>): void => {
    set({ view: { ...get().view, ...change } });
  };
  const setTable = (suite: Suite, change: Partial<TableView>): void => {
    const { tables } = get().view;
    setView({ tables: { ...tables, [suite]: { ...tables[suite], ...change } } });
  };
  return {
    ...initialState,
    startLoading: () => {
      set({ phase: 'loading' });
    },
    startLoad: (progress) => {
      set({ loads: [...get().loads, progress], notice: '' });
    },
    updateLoad: (id, change) => {
      set({ loads: get().loads.map((load) => (load.id === id ? { ...load, ...change } : load)) });
    },
    endLoad: (id) => {
      set({ loads: get().loads.filter((load) => load.id !== id) });
    },
    setNotice: (notice) => {
      set({ notice });
    },
    addDatasets: (incoming) => {
      const { next, duplicates } = mergeDatasets(get().datasets, incoming);
      if (next !== get().datasets) set({ datasets: next });
      return duplicates;
    },
    removeDataset: (id) => {
      const datasets = get().datasets;
      const next = datasets.filter(
        (dataset) => dataset.id !== id || dataset.source.kind === 'bundled',
      );
      if (next.length !== datasets.length) set({ datasets: next });
    },
    reportProblems: (problems) => {
      if (problems.length > 0) set({ problems: [...get().problems, ...problems] });
    },
    dismissProblem: (problem) => {
      set({ problems: get().problems.filter((item) => item !== problem) });
    },
    finishLoading: () => {
      set({ phase: 'ready' });
    },
    toggleHidden: (group, value) => {
      const { hidden } = get().view;
      const current = hidden[group];
      const next = current.includes(value)
        ? current.filter((item) => item !== value)
        : [...current, value];
      setView({ hidden: { ...hidden, [group]: next } });
    },
    showOnly: (group, value) => {
      const { hidden } = get().view;
      const others = selectResultIndex(get())
        .groupValues[group].map((entry) => entry.value)
        .filter((other) => other !== value);
      setView({ hidden: { ...hidden, [group]: others } });
    },
    resetFilters: () => {
      // A fresh object, so the reset is its own history entry even when only a search was set.
      setView({ hidden: { ...NOTHING_HIDDEN }, search: '' });
    },
    setSearch: (search) => {
      setView({ search });
    },
    setSorting: (suite, sorting) => {
      setTable(suite, { sorting });
    },
    setHiddenColumns: (suite, hiddenColumns) => {
      setTable(suite, { hiddenColumns });
    },
    applyView: (view) => {
      set({ view });
    },
    renameDataset: (id, label) => {
      const clean = label.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL_LENGTH);
      if (clean === '') return;
      set({
        datasets: get().datasets.map((dataset) =>
          dataset.id === id && dataset.source.kind !== 'bundled' && dataset.label !== clean
            ? { ...dataset, label: clean }
            : dataset,
        ),
      });
    },
    resetToBundled: () => {
      set({ datasets: get().datasets.filter((dataset) => dataset.source.kind === 'bundled') });
    },
    setStorageAvailable: (available) => {
      set({ storageAvailable: available });
    },
    markNotSaved: (id) => {
      if (!get().notSaved.includes(id)) set({ notSaved: [...get().notSaved, id] });
    },
    reset: () => {
      set(initialState);
    },
  };
});
