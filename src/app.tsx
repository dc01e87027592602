import { lazy, Suspense } from 'react';
import { SUITES } from './data/result-model';
import { DatasetsPanel } from './features/datasets/datasets-panel';
import { LoadResultsButton } from './features/file-drop/load-results-button';
import { PageDropTarget } from './features/file-drop/page-drop-target';
import { FilterBar } from './features/filters/filter-bar';
import { NoMatchNotice } from './features/filters/no-match-notice';
import { ResultsTable } from './features/results-table/results-table';
import { LoadStatus } from './features/status/load-status';
import { ThemeSwitch } from './features/theme/theme-switch';

const ChartsSection = lazy(() => import('./features/charts/charts-section'));

export function App() {
  return (
    <div className="app">
      <PageDropTarget />
      <header className="app-header">
        <div className="app-title">
          <h1>vLLM Performance Dashboard</h1>
          <p className="tagline">
            Nightly latency, throughput and serving benchmarks of vLLM, read in your browser. Drop,
            pick or paste your own results to compare: files never leave your machine.
          </p>
        </div>
        <div className="app-actions">
          <LoadResultsButton />
          <ThemeSwitch />
        </div>
      </header>
      <div className="layout">
        <FilterBar />
        <main className="content">
          <LoadStatus />
          <DatasetsPanel />
          <NoMatchNotice />
          {SUITES.map((suite) => (
            <ResultsTable key={suite} suite={suite} />
          ))}
          <Suspense fallback={<p className="load-status">Loading charts…</p>}>
            <ChartsSection />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
