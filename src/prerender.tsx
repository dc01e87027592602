import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './app';
import { loadBundledData, type FetchText } from './store/bundled-data';
import { useDashboardStore } from './store/dashboard-store';

/** The page's first screen as HTML, or why there is none. */
export type FirstScreen =
  { readonly ok: true; readonly markup: string } | { readonly ok: false; readonly reason: string };

/**
 * The dashboard as a first visit shows it once its bundled runs are in (the default URL, no
 * remembered theme, nothing the visitor loaded), rendered to HTML at build time
 * (scripts/first-screen-plugin.ts runs it in Node through Vite). The runs are read with
 * `readSiteFile` and parsed exactly as the page parses them. The views the page loads as chunks of
 * their own (the charts) render their fallbacks. Run once per process: it fills the store.
 */
export async function renderFirstScreen(readSiteFile: FetchText): Promise<FirstScreen> {
  await loadBundledData(readSiteFile);
  const state = useDashboardStore.getState();
  const problems = state.problems.map((problem) => problem.message);
  if (problems.length > 0) return { ok: false, reason: problems.join(' ') };
  if (state.datasets.length === 0) return { ok: false, reason: 'no bundled results are listed' };
  // On the server a zustand store is read through its initial state (the server snapshot of
  // useSyncExternalStore): make that the state with the runs in.
  Object.assign(useDashboardStore.getInitialState(), state);
  const markup = renderToString(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  return { ok: true, markup };
}
