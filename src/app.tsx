import { Suspense, useDeferredValue, type ReactNode } from 'react';
import type { HistoryFocus } from './data/history/history-choices';
import { CompareToggle } from './features/compare/compare-toggle';
import { DatasetsPanel } from './features/datasets/datasets-panel';
import { LoadResultsButton } from './features/file-drop/load-results-button';
import { PageDropTarget } from './features/file-drop/page-drop-target';
import { FilterBar } from './features/filters/filter-bar';
import { NoMatchNotice } from './features/filters/no-match-notice';
import { ResultsTables } from './features/results-table/results-table';
import { HowMeasured } from './features/methodology/how-measured';
import { OverviewSection } from './features/overview/overview-section';
import { ErrorBoundary } from './ui/error-boundary';
import { retryingLazy } from './ui/retrying-lazy';
import { KeyboardShortcuts } from './features/shortcuts/keyboard-shortcuts';
import { LoadStatus } from './features/status/load-status';
import { ThemeSwitch } from './features/theme/theme-switch';
import { useDashboardStore } from './store/dashboard-store';
import { DeferredViews } from './store/deferred-view';
import { isLargeIndex } from './store/staggered-views';

// Loaded as chunks of their own; after a failed download, `Try again` loads them again.
const charts = retryingLazy(() => import('./features/charts/charts-section'));
const compare = retryingLazy(() => import('./features/compare/compare-section'));
const history = retryingLazy(() => import('./features/history/history-chart'));
const regressions = retryingLazy(() => import('./features/regressions/regressions-section'));
const decisions = retryingLazy(() => import('./features/decisions/decisions-section'));
const ChartsSection = charts.Component;
const CompareSection = compare.Component;
const HistoryChart = history.Component;
const RegressionsSection = regressions.Component;
const DecisionsSection = decisions.Component;

/**
 * How the baseline's tests moved across runs of the same GPU, shown at the foot of the
 * comparison (its own figure, titled) and failing on its own.
 */
function renderHistory(baselineId: string | null): ReactNode {
  return (
    <ErrorBoundary what="The history chart" onRetry={history.retry}>
      <Suspense fallback={null}>
        <HistoryChart baselineId={baselineId} />
      </Suspense>
    </ErrorBoundary>
  );
}

/**
 * The history of a series the Regressions report flagged, opened from its row: the same chart,
 * starting on that GPU, metric and test, with its noise band and verdict.
 */
function renderFocusedHistory(focus: HistoryFocus): ReactNode {
  return (
    <ErrorBoundary what="The history chart" onRetry={history.retry}>
      <Suspense fallback={<p className="load-status">Loading the history…</p>}>
        <HistoryChart
          key={`${focus.gpu}|${focus.metric}|${focus.testName}`}
          baselineId={null}
          focus={focus}
          id="regression-history"
        />
      </Suspense>
    </ErrorBoundary>
  );
}

/** The compare section, loaded as its own chunk the first time it is opened. */
function CompareMount() {
  const open = useDashboardStore((state) => state.compare.open);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="load-status">Loading the comparison…</p>}>
      <CompareSection history={renderHistory} />
    </Suspense>
  );
}

/**
 * Everything below the status line. While the bundled runs load (a few hundred milliseconds) the
 * views wait behind one placeholder and then appear together: growing one by one, they would
 * push each other down the page as their data arrived. When the runs are in before the first
 * render (the page's first screen, built with them, is showing), the views render at once: a
 * placeholder would blank out the tables the built first screen already shows.
 */
function MainViews() {
  // Deferred: once the runs are in, the first render of every view is a transition React can
  // pause between views, so the page keeps answering input instead of one long task.
  const loading = useDeferredValue(useDashboardStore((state) => state.phase === 'loading'));
  if (loading) return <div className="content-placeholder" aria-hidden="true" />;
  return (
    <DeferredViews>
      {/* Each view fails on its own: a crash shows a message there, and the rest works. */}
      <ErrorBoundary what="The overview">
        <OverviewSection />
      </ErrorBoundary>
      <ErrorBoundary what="The serving decisions" onRetry={decisions.retry}>
        <Suspense fallback={<div className="panel decisions-placeholder" aria-hidden="true" />}>
          <DecisionsSection />
        </Suspense>
      </ErrorBoundary>
      <ErrorBoundary what="The Datasets panel">
        <DatasetsPanel />
      </ErrorBoundary>
      <ErrorBoundary what="The regressions" onRetry={regressions.retry}>
        <Suspense fallback={null}>
          <RegressionsSection history={renderFocusedHistory} />
        </Suspense>
      </ErrorBoundary>
      <ErrorBoundary what="How these numbers were measured">
        <HowMeasured />
      </ErrorBoundary>
      <NoMatchNotice />
      <ErrorBoundary what="The comparison" onRetry={compare.retry}>
        <CompareMount />
      </ErrorBoundary>
      <div id="tables">
        <ResultsTables />
      </div>
      <ErrorBoundary what="The charts" onRetry={charts.retry}>
        <Suspense fallback={<p className="load-status">Loading charts…</p>}>
          <ChartsSection />
        </Suspense>
      </ErrorBoundary>
    </DeferredViews>
  );
}

export function App() {
  // Over a large data set panels out of view skip rendering (styles.css, `large-data`).
  const large = useDashboardStore((state) => isLargeIndex(state.index));
  return (
    <div className="app">
      <PageDropTarget />
      <header className="app-header wrap-row">
        <div className="app-title">
          <h1>vLLM Performance Dashboard</h1>
          <p className="tagline">
            Nightly latency, throughput and serving benchmarks of vLLM, read in your browser. Drop,
            pick or paste your own results to compare: files never leave your machine.
          </p>
        </div>
        <div className="app-actions">
          <CompareToggle />
          <LoadResultsButton />
          <ThemeSwitch />
          <KeyboardShortcuts />
        </div>
      </header>
      <div className={large ? 'layout large-data' : 'layout'}>
        <ErrorBoundary what="The filters">
          <FilterBar />
        </ErrorBoundary>
        <main className="content">
          <LoadStatus />
          <MainViews />
        </main>
      </div>
    </div>
  );
}
