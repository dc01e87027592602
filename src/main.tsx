import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadBundledData } from './store/bundled-data';
import { startPersistence } from './store/persistence';
import { startUrlSync } from './store/url-sync';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

startUrlSync();
// Bundled runs first, then what the user loaded before, so the bundled runs lead the list.
void loadBundledData().then(startPersistence);

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
