import { decodeViewState, encodeViewState, type ViewState } from '../data/view-state';
import {
  compareUrlStateOf,
  decodeCompareUrlState,
  encodeCompareUrlState,
  useCompareStore,
  type CompareUrlState,
} from './compare-store';
import { useDashboardStore } from './dashboard-store';

/** The two parts of the link as one query string: the view's parameters, then compare's `cmp*`. */
export function mergeQueries(...queries: readonly string[]): string {
  return queries.filter((query) => query !== '').join('&');
}

function queryOf(view: ViewState, compare: CompareUrlState): string {
  return mergeQueries(encodeViewState(view), encodeCompareUrlState(compare));
}

/** Changes made keystroke by keystroke: the first is a history entry, the rest replace it. */
type TypingKind = 'search' | 'threshold' | 'p99';

/**
 * Keeps the view (filters, search, sorting, columns) and the compare view (open, sides,
 * thresholds, only regressions) in the query string: the page opens with the state its URL
 * describes, every change is a history entry (typing in the search or a threshold replaces the
 * entry its first keystroke made), and Back/Forward restore both. Parameters of a side that is
 * not loaded (yet) are kept as they are. Returns a function that stops syncing.
 */
export function startUrlSync(win: Window = window): () => void {
  const dashboard = useDashboardStore;
  const compare = useCompareStore;
  const urlFor = (query: string): string =>
    `${win.location.pathname}${query === '' ? '' : `?${query}`}${win.location.hash}`;

  // While the URL is being applied to the stores, their changes must not write it back.
  let applying = false;
  const applyUrl = (): void => {
    applying = true;
    try {
      dashboard.getState().applyView(decodeViewState(win.location.search));
      compare.getState().applyCompare(decodeCompareUrlState(win.location.search));
    } finally {
      applying = false;
    }
  };

  applyUrl();
  let lastQuery = queryOf(dashboard.getState().view, compareUrlStateOf(compare.getState()));
  let typing: TypingKind | null = null;

  const onPopState = (): void => {
    applyUrl();
    lastQuery = queryOf(dashboard.getState().view, compareUrlStateOf(compare.getState()));
    typing = null;
  };
  win.addEventListener('popstate', onPopState);

  const write = (kind: TypingKind | null): void => {
    if (applying) return;
    const query = queryOf(dashboard.getState().view, compareUrlStateOf(compare.getState()));
    if (query === lastQuery) return;
    lastQuery = query;
    // The first keystroke of a search (or threshold) is a new entry; the rest of the word
    // replaces it, so Back undoes the whole edit and nothing before it.
    if (kind !== null && typing === kind) win.history.replaceState(null, '', urlFor(query));
    else win.history.pushState(null, '', urlFor(query));
    typing = kind;
  };

  const stopView = dashboard.subscribe((state, previous) => {
    if (state.view === previous.view) return;
    const typingOnly =
      state.view.search !== previous.view.search &&
      state.view.hidden === previous.view.hidden &&
      state.view.tables === previous.view.tables;
    write(typingOnly ? 'search' : null);
  });

  const stopCompare = compare.subscribe((state, previous) => {
    const sameOtherwise =
      state.open === previous.open &&
      state.baseline === previous.baseline &&
      state.candidate === previous.candidate &&
      state.onlyRegressions === previous.onlyRegressions;
    const threshold = state.threshold !== previous.threshold;
    const p99 = state.p99Threshold !== previous.p99Threshold;
    let kind: TypingKind | null = null;
    if (sameOtherwise && threshold && !p99) kind = 'threshold';
    else if (sameOtherwise && p99 && !threshold) kind = 'p99';
    write(kind);
  });

  return () => {
    stopView();
    stopCompare();
    win.removeEventListener('popstate', onPopState);
  };
}
