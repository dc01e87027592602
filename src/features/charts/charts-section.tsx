import { memo, useDeferredValue } from 'react';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';
import { useStaggeredViews } from '../../store/staggered-views';
import { LatencyChart } from './latency-chart';
import { ServingChart } from './serving-chart';
import { SpeedupChart } from './speedup-chart';
import { ThroughputChart } from './throughput-chart';
import { TradeOffChart } from './trade-off-chart';
import { ChartPlaceholder } from '../../ui/chart-figure';
import { useChartPalette } from '../../ui/use-chart-palette';
import './charts.css';

// Memoized: a chart whose view and palette are unchanged is not drawn again.
const CHARTS = [LatencyChart, ThroughputChart, ServingChart, TradeOffChart, SpeedupChart].map(
  (Chart) => memo(Chart),
);

/**
 * The charts, loaded as a chunk of their own (recharts is large) after the tables. Every chart
 * reads the one filtered view the tables read, so the filters apply to both alike.
 */
export function ChartsSection() {
  // Deferred: after a filter or search change the tables paint first and the charts follow, so a
  // large data set never holds the tables back.
  const view = useDeferredValue(useDashboardStore(selectResultsView));
  const palette = useChartPalette();
  // The charts mount one per task, so the first render of five (each a cascade of measuring
  // and drawing) is five short tasks instead of one that holds the page.
  const views = useStaggeredViews(view, CHARTS.length, 'staggered');
  if (view.index.results.length === 0) return null;
  return (
    <section id="charts" className="charts-section" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Charts</h2>
      <div className="chart-grid">
        {CHARTS.map((Chart, i) => {
          const shown = views[i] ?? null;
          return shown === null ? (
            <ChartPlaceholder key={i} />
          ) : (
            <Chart key={i} view={shown} palette={palette} />
          );
        })}
      </div>
    </section>
  );
}

export default ChartsSection;
