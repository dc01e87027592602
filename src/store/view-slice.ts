import { NOTHING_HIDDEN, type FilterGroup } from '../data/results/filter-groups';
import type { Suite } from '../data/results/result-model';
import type { SortSpec } from '../data/results/sort-results';
import { DEFAULT_VIEW_STATE, type TableView, type ViewState } from '../data/view-state';
import { recordSlice } from './patch';

/** Filters, search, sorting and columns: everything about the view a link reproduces. */
export interface ViewSlice {
  readonly view: ViewState;
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
}

export const initialViewState: Pick<ViewSlice, 'view'> = { view: DEFAULT_VIEW_STATE };

export const createViewSlice = recordSlice(
  'view',
  ({ change: setView, replace, get }): ViewSlice => {
    const setTable = (suite: Suite, change: Partial<TableView>): void => {
      const { tables } = get().view;
      setView({ tables: { ...tables, [suite]: { ...tables[suite], ...change } } });
    };
    return {
      ...initialViewState,
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
        // Values are keys (not labels), so the index of the content answers without relabelling.
        const others = get()
          .index.groupValues[group].map((entry) => entry.value)
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
        replace(view);
      },
    };
  },
);
