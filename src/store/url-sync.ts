import { decodeUrlState, encodeUrlState } from '../data/url-schema';
import { useDashboardStore, type DashboardState } from './dashboard-store';

/** Query strings as one: the non-empty parts joined with `&`. */
export function mergeQueries(...queries: readonly string[]): string {
  return queries.filter((query) => query !== '').join('&');
}

function queryOf(state: DashboardState): string {
  return encodeUrlState({ view: state.view, compare: state.compare, decisions: state.decisions });
}

/** Changes made keystroke by keystroke: the first is a history entry, the rest replace it. */
type TypingKind = 'search' | 'threshold' | 'p99' | 'decisions';

/** Whether a change is one more keystroke of a search or a threshold, and of which. */
function typingKind(state: DashboardState, previous: DashboardState): TypingKind | null {
  if (state.decisions !== previous.decisions) {
    // An objective or a price, typed digit by digit.
    return state.view === previous.view && state.compare === previous.compare ? 'decisions' : null;
  }
  if (state.view !== previous.view) {
    const searchOnly =
      state.view.search !== previous.view.search &&
      state.view.hidden === previous.view.hidden &&
      state.view.tables === previous.view.tables;
    return searchOnly && state.compare === previous.compare ? 'search' : null;
  }
  const now = state.compare;
  const before = previous.compare;
  const sameOtherwise =
    now.open === before.open &&
    now.baseline === before.baseline &&
    now.candidate === before.candidate &&
    now.onlyRegressions === before.onlyRegressions;
  const threshold = now.threshold !== before.threshold;
  const p99 = now.p99Threshold !== before.p99Threshold;
  if (sameOtherwise && threshold && !p99) return 'threshold';
  if (sameOtherwise && p99 && !threshold) return 'p99';
  return null;
}

/**
 * Keeps what a link reproduces (url-schema.ts: filters, search, sorting, columns, and the compare
 * view) in the query string: the page opens with the state its URL describes, every change is a
 * history entry (typing in the search or a threshold replaces the entry its first keystroke
 * made), and Back/Forward restore it. Parameters of a side that is not loaded (yet) are kept as
 * they are. Returns a function that stops syncing.
 */
export function startUrlSync(win: Window = window): () => void {
  const store = useDashboardStore;
  const urlFor = (query: string): string =>
    `${win.location.pathname}${query === '' ? '' : `?${query}`}${win.location.hash}`;

  // While the URL is being applied to the store, its changes must not write it back.
  let applying = false;
  const applyUrl = (): void => {
    applying = true;
    try {
      const { view, compare, decisions } = decodeUrlState(win.location.search);
      store.getState().applyView(view);
      store.getState().applyCompare(compare);
      store.getState().applyDecisions(decisions);
    } finally {
      applying = false;
    }
  };

  applyUrl();
  let lastQuery = queryOf(store.getState());
  let typing: TypingKind | null = null;

  const onPopState = (): void => {
    applyUrl();
    lastQuery = queryOf(store.getState());
    typing = null;
  };
  win.addEventListener('popstate', onPopState);

  const stop = store.subscribe((state, previous) => {
    const same =
      state.view === previous.view &&
      state.compare === previous.compare &&
      state.decisions === previous.decisions;
    if (applying || same) return;
    const query = queryOf(state);
    if (query === lastQuery) return;
    lastQuery = query;
    const kind = typingKind(state, previous);
    // The first keystroke of a search (or threshold) is a new entry; the rest of the word
    // replaces it, so Back undoes the whole edit and nothing before it.
    if (kind !== null && typing === kind) win.history.replaceState(null, '', urlFor(query));
    else win.history.pushState(null, '', urlFor(query));
    typing = kind;
  });

  return () => {
    stop();
    win.removeEventListener('popstate', onPopState);
  };
}
