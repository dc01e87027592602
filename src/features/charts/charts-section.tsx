import { useDeferredValue } from 'react';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';
import { LatencyChart } from './latency-chart';
import { ServingChart } from './serving-chart';
import { SpeedupChart } from './speedup-chart';
import { ThroughputChart } from './throughput-chart';
import { TradeOffChart } from './trade-off-chart';
import { useChartPalette } from './use-chart-palette';
import './charts.css';

/**
 * The charts, loaded as a chunk of their own (recharts is large) after the tables. Every chart
 * reads the one filtered view the tables read, so the filters apply to both alike.
 */
export function ChartsSection() {
  // Deferred: after a filter or search change the tables paint first and the charts follow, so a
  // large data set never holds the tables back.
  const view = useDeferredValue(useDashboardStore(selectResultsView));
  const palette = useChartPalette();
  if (view.index.results.length === 0) return null;
  return (
    <section className="charts-section" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Charts</h2>
      <div className="chart-grid">
        <LatencyChart view={view} palette={palette} />
        <ThroughputChart view={view} palette={palette} />
        <ServingChart view={view} palette={palette} />
        <TradeOffChart view={view} palette={palette} />
        <SpeedupChart view={view} palette={palette} />
      </div>
    </section>
  );
}

export default ChartsSection;
