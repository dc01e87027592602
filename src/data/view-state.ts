import { NOTHING_HIDDEN, type HiddenValues } from './results/filter-groups';
import type { Suite } from './results/result-model';
import type { SortSpec } from './results/sort-results';

/** How one table is shown: its sort and the columns a user turned off. */
export interface TableView {
  readonly sorting: SortSpec;
  readonly hiddenColumns: readonly string[];
}

/** Everything about the view that a link should reproduce (url-schema.ts reads and writes it). */
export interface ViewState {
  readonly hidden: HiddenValues;
  readonly search: string;
  readonly tables: Readonly<Record<Suite, TableView>>;
}

export const DEFAULT_TABLE_VIEW: TableView = { sorting: [], hiddenColumns: [] };

export const DEFAULT_VIEW_STATE: ViewState = {
  hidden: NOTHING_HIDDEN,
  search: '',
  tables: {
    latency: DEFAULT_TABLE_VIEW,
    throughput: DEFAULT_TABLE_VIEW,
    serving: DEFAULT_TABLE_VIEW,
  },
};
