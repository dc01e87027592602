import { SUITES } from './data/result-model';
import { DatasetsPanel } from './features/datasets/datasets-panel';
import { ResultsTable } from './features/results-table/results-table';
import { LoadStatus } from './features/status/load-status';
import { selectRowsBySuite, useDashboardStore } from './store/dashboard-store';

export function App() {
  const rowsBySuite = useDashboardStore(selectRowsBySuite);
  return (
    <div className="app">
      <header className="app-header">
        <h1>vLLM Performance Dashboard</h1>
        <p className="tagline">
          Nightly latency, throughput and serving benchmarks of vLLM, read in your browser. Nothing
          leaves your machine.
        </p>
      </header>
      <main>
        <LoadStatus />
        <DatasetsPanel />
        {SUITES.map((suite) => (
          <ResultsTable key={suite} suite={suite} rows={rowsBySuite[suite]} />
        ))}
      </main>
    </div>
  );
}
