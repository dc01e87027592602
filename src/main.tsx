import './ui/theme.css';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { showsFirstScreen } from './first-screen';
import { loadBundledData } from './store/bundled-data';
import { startWorkerWhenIdle } from './store/ingest-client';
import { startPersistence } from './store/persistence';
import { startUrlSync } from './store/url-sync';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
const firstScreen = showsFirstScreen(container);

startUrlSync();
const bundled = loadBundledData();

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

async function start(): Promise<void> {
  if (firstScreen) {
    // The built first screen is showing (public/first-paint.js kept it): the first render waits
    // for the bundled runs, so that its commit replaces it with the same content, and commits at
    // once, so the page works from the moment anything below happens.
    await bundled;
    flushSync(render);
  } else {
    render();
    await bundled;
  }
  // What the user loaded before, after the bundled runs, so they lead the list.
  void startPersistence();
  startWorkerWhenIdle();
}

void start();
