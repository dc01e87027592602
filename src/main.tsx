import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadBundledData } from './store/bundled-data';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

void loadBundledData();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
