import { decodeViewState, encodeViewState } from '../data/view-state';
import { useDashboardStore } from './dashboard-store';

/**
 * Keeps the view (filters, search, sorting, columns) in the query string: the page opens with
 * the view its URL describes, every change is a history entry (typing in the search replaces
 * the entry its first keystroke made), and Back/Forward restore the view. Returns a function that stops syncing.
 */
export function startUrlSync(win: Window = window): () => void {
  const store = useDashboardStore;
  const urlFor = (query: string): string =>
    `${win.location.pathname}${query === '' ? '' : `?${query}`}${win.location.hash}`;

  store.getState().applyView(decodeViewState(win.location.search));
  let lastQuery = encodeViewState(store.getState().view);
  let typingSearch = false;

  const onPopState = (): void => {
    const view = decodeViewState(win.location.search);
    lastQuery = encodeViewState(view);
    typingSearch = false;
    store.getState().applyView(view);
  };
  win.addEventListener('popstate', onPopState);

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.view === previous.view) return;
    const query = encodeViewState(state.view);
    if (query === lastQuery) return;
    lastQuery = query;
    const typingOnly =
      state.view.search !== previous.view.search &&
      state.view.hidden === previous.view.hidden &&
      state.view.tables === previous.view.tables;
    // The first keystroke of a search is a new entry; the rest of the word replaces it, so Back
    // undoes the whole search and nothing before it.
    if (typingOnly && typingSearch) win.history.replaceState(null, '', urlFor(query));
    else win.history.pushState(null, '', urlFor(query));
    typingSearch = typingOnly;
  });

  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}
