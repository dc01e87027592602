import { create } from 'zustand';
import {
  NOTHING_HIDDEN,
  deriveRowsBySuite,
  type FilterGroup,
  type HiddenValues,
  type RowsBySuite,
} from '../data/results-view';
import type { Dataset } from '../data/result-model';

export type LoadPhase = 'idle' | 'loading' | 'ready';

/** Something that could not be loaded, said so a person can act on it. */
export interface LoadProblem {
  /** The file or source the problem is about. */
  readonly source: string;
  readonly message: string;
  readonly hint?: string;
}

export interface DashboardState {
  readonly datasets: readonly Dataset[];
  readonly hidden: HiddenValues;
  readonly phase: LoadPhase;
  readonly problems: readonly LoadProblem[];
}

export interface DashboardActions {
  startLoading: () => void;
  /** Adds datasets whose content is not loaded yet; returns the ids that were already there. */
  addDatasets: (datasets: readonly Dataset[]) => string[];
  reportProblems: (problems: readonly LoadProblem[]) => void;
  finishLoading: () => void;
  toggleHidden: (group: FilterGroup, value: string) => void;
  resetFilters: () => void;
  /** Back to the state at start-up (tests use it between cases). */
  reset: () => void;
}

export type DashboardStore = DashboardState & DashboardActions;

const initialState: DashboardState = {
  datasets: [],
  hidden: NOTHING_HIDDEN,
  phase: 'idle',
  problems: [],
};

export const useDashboardStore = create<DashboardStore>()((set, get) => ({
  ...initialState,
  startLoading: () => {
    set({ phase: 'loading' });
  },
  addDatasets: (incoming) => {
    const known = new Set(get().datasets.map((dataset) => dataset.id));
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
    if (added.length > 0) set({ datasets: [...get().datasets, ...added] });
    return duplicates;
  },
  reportProblems: (problems) => {
    if (problems.length > 0) set({ problems: [...get().problems, ...problems] });
  },
  finishLoading: () => {
    set({ phase: 'ready' });
  },
  toggleHidden: (group, value) => {
    const hidden = get().hidden;
    const current = hidden[group];
    const next = current.includes(value)
      ? current.filter((item) => item !== value)
      : [...current, value];
    set({ hidden: { ...hidden, [group]: next } });
  },
  resetFilters: () => {
    set({ hidden: NOTHING_HIDDEN });
  },
  reset: () => {
    set(initialState);
  },
}));

/**
 * Visible rows per suite, derived once per change of datasets or filters. Returns the same
 * object while its inputs are unchanged, as zustand 5 selectors must (a fresh object every
 * call would re-render forever).
 */
export const selectRowsBySuite = (() => {
  let lastDatasets: readonly Dataset[] | null = null;
  let lastHidden: HiddenValues | null = null;
  let lastRows: RowsBySuite = { latency: [], throughput: [], serving: [] };
  return (state: DashboardState): RowsBySuite => {
    if (state.datasets !== lastDatasets || state.hidden !== lastHidden) {
      lastDatasets = state.datasets;
      lastHidden = state.hidden;
      lastRows = deriveRowsBySuite(state.datasets, state.hidden);
    }
    return lastRows;
  };
})();
