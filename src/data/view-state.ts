import {
  FILTER_GROUPS,
  NOTHING_HIDDEN,
  type FilterGroup,
  type HiddenValues,
} from './results/filter-groups';
import { SUITES, type Suite } from './results/result-model';
import type { SortKey, SortSpec } from './results/sort-results';

/** How one table is shown: its sort and the columns a user turned off. */
export interface TableView {
  readonly sorting: SortSpec;
  readonly hiddenColumns: readonly string[];
}

/** Everything about the view that a link should reproduce. */
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

// Limits that keep a hostile or mangled link from costing anything.
const MAX_PARAMS = 1000;
const MAX_VALUE_LENGTH = 300;
const MAX_VALUES_PER_KEY = 200;

const HIDE_PREFIX = 'hide.';
const SORT_PREFIX = 'sort.';
const COLUMNS_PREFIX = 'hidecol.';
const SEARCH = 'q';

/**
 * The view as a query string (without `?`), defaults left out, in a fixed order so the same view
 * always gives the same link: `hide.gpu=8×H200&q=llama&sort.serving=desc:ttft_p99`.
 */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  for (const group of FILTER_GROUPS) {
    for (const value of state.hidden[group]) params.append(`${HIDE_PREFIX}${group}`, value);
  }
  if (state.search.trim() !== '') params.set(SEARCH, state.search);
  for (const suite of SUITES) {
    const table = state.tables[suite];
    for (const key of table.sorting)
      params.append(`${SORT_PREFIX}${suite}`, `${key.desc ? 'desc' : 'asc'}:${key.id}`);
    for (const column of table.hiddenColumns) params.append(`${COLUMNS_PREFIX}${suite}`, column);
  }
  return params.toString();
}

function isFilterGroup(name: string): name is FilterGroup {
  return (FILTER_GROUPS as readonly string[]).includes(name);
}

function isSuite(name: string): name is Suite {
  return (SUITES as readonly string[]).includes(name);
}

function readSortKey(value: string): SortKey | null {
  const colon = value.indexOf(':');
  if (colon === -1) return null;
  const direction = value.slice(0, colon);
  const id = value.slice(colon + 1);
  if ((direction !== 'asc' && direction !== 'desc') || id === '') return null;
  return { id, desc: direction === 'desc' };
}

function pushUnique(list: string[], value: string): void {
  if (list.length < MAX_VALUES_PER_KEY && !list.includes(value)) list.push(value);
}

/**
 * A query string → the view it describes. Anything unknown, malformed or over the limits is
 * ignored and leaves the default in place; never throws.
 */
export function decodeViewState(query: string): ViewState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return DEFAULT_VIEW_STATE;
  }
  const hidden: Record<FilterGroup, string[]> = {
    model: [],
    gpu: [],
    qps: [],
    tp: [],
    dataset: [],
  };
  const sorting: Record<Suite, SortKey[]> = { latency: [], throughput: [], serving: [] };
  const hiddenColumns: Record<Suite, string[]> = { latency: [], throughput: [], serving: [] };
  let search = '';
  let seen = 0;
  for (const [name, value] of params) {
    seen += 1;
    if (seen > MAX_PARAMS) break;
    if (value.length > MAX_VALUE_LENGTH) continue;
    if (name === SEARCH) {
      search = value;
    } else if (name.startsWith(HIDE_PREFIX)) {
      const group = name.slice(HIDE_PREFIX.length);
      if (isFilterGroup(group)) pushUnique(hidden[group], value);
    } else if (name.startsWith(SORT_PREFIX)) {
      const suite = name.slice(SORT_PREFIX.length);
      const key = readSortKey(value);
      if (
        isSuite(suite) &&
        key !== null &&
        !sorting[suite].some((existing) => existing.id === key.id)
      ) {
        sorting[suite].push(key);
      }
    } else if (name.startsWith(COLUMNS_PREFIX)) {
      const suite = name.slice(COLUMNS_PREFIX.length);
      if (isSuite(suite) && value !== '') pushUnique(hiddenColumns[suite], value);
    }
  }
  const table = (suite: Suite): TableView =>
    sorting[suite].length === 0 && hiddenColumns[suite].length === 0
      ? DEFAULT_TABLE_VIEW
      : { sorting: sorting[suite], hiddenColumns: hiddenColumns[suite] };
  const anyHidden = FILTER_GROUPS.some((group) => hidden[group].length > 0);
  return {
    hidden: anyHidden ? hidden : NOTHING_HIDDEN,
    search,
    tables: {
      latency: table('latency'),
      throughput: table('throughput'),
      serving: table('serving'),
    },
  };
}
