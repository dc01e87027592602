import { memo, startTransition, useDeferredValue, useEffect, useState } from 'react';
import type { ResultsView } from '../../data/results/results-view';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';
import { LatencyChart } from './latency-chart';
import { ServingChart } from './serving-chart';
import { SpeedupChart } from './speedup-chart';
import { ThroughputChart } from './throughput-chart';
import { TradeOffChart } from './trade-off-chart';
import { useChartPalette } from '../../ui/use-chart-palette';
import './charts.css';

// Memoized: a chart whose view and palette are unchanged is not drawn again.
const CHARTS = [LatencyChart, ThroughputChart, ServingChart, TradeOffChart, SpeedupChart].map(
  (Chart) => memo(Chart),
);

/** Below this many loaded results a chart redraws in a few milliseconds: no staggering. */
const STAGGER_FROM_RESULTS = 10_000;

/**
 * The view each chart draws, null for a chart not mounted yet (a placeholder holds its place).
 * The charts mount one per task, so the first render of five (each a cascade of measuring and
 * drawing) is five short tasks instead of one that holds the page. When the view changes, the
 * first chart takes it at once and the others one per task after it, so redrawing five charts
 * over a large data set (each a derivation over every visible row, then hundreds of SVG
 * elements) is five tasks, not one long one. Each step is a transition: typing or clicking goes
 * first.
 */
function useStaggeredViews(view: ResultsView): readonly (ResultsView | null)[] {
  const [latest, setLatest] = useState(view);
  const [views, setViews] = useState<readonly (ResultsView | null)[]>(() =>
    CHARTS.map((_, i) => (i === 0 ? view : null)),
  );
  if (latest !== view) {
    // A new view: the first chart follows in this very render (state derived from props); over
    // a small one, every mounted chart takes it together in one commit.
    setLatest(view);
    const together = view.index.results.length < STAGGER_FROM_RESULTS;
    setViews((current) =>
      current.map((shown, i) => (i === 0 || (together && shown !== null) ? view : shown)),
    );
  }
  useEffect(() => {
    const next = views.findIndex((shown) => shown !== latest);
    if (next === -1) return;
    const timer = setTimeout(() => {
      startTransition(() => {
        setViews((current) => current.map((shown, i) => (i === next ? latest : shown)));
      });
    }, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [views, latest]);
  return views;
}

/**
 * The charts, loaded as a chunk of their own (recharts is large) after the tables. Every chart
 * reads the one filtered view the tables read, so the filters apply to both alike.
 */
export function ChartsSection() {
  // Deferred: after a filter or search change the tables paint first and the charts follow, so a
  // large data set never holds the tables back.
  const view = useDeferredValue(useDashboardStore(selectResultsView));
  const palette = useChartPalette();
  const views = useStaggeredViews(view);
  if (view.index.results.length === 0) return null;
  return (
    <section id="charts" className="charts-section" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Charts</h2>
      <div className="chart-grid">
        {CHARTS.map((Chart, i) => {
          const shown = views[i] ?? null;
          return shown === null ? (
            <div key={i} className="chart-placeholder" aria-hidden="true" />
          ) : (
            <Chart key={i} view={shown} palette={palette} />
          );
        })}
      </div>
    </section>
  );
}

export default ChartsSection;
