import './ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { showsFirstScreen } from './first-screen';
import { loadBundledData } from './store/bundled-data';
import { startPersistence } from './store/persistence';
import { startUrlSync } from './store/url-sync';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
const firstScreen = showsFirstScreen(container);

startUrlSync();
// Bundled runs first, then what the user loaded before, so the bundled runs lead the list.
const bundled = loadBundledData();
void bundled.then(() => startPersistence());

// Offline after the first visit (production builds only: the dev server has no sw.js).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // No offline copy (a file:// page, a private window): the dashboard works the same online.
  });
}

const root = createRoot(container, {
  // An error a view's boundary caught is shown in that view; the console gets a warning, not an
  // error, since the page handled it.
  onCaughtError: (error, info) => {
    console.warn('A view stopped working and shows a message instead:', error, info.componentStack);
  },
});
const render = (): void => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};
// With the built first screen showing (public/first-paint.js kept it), the first render waits for the
// bundled runs, so that its commit replaces it with the same content; without it, the page renders
// at once and the runs follow.
if (firstScreen) void bundled.then(render);
else render();
