import { useDeferredValue, useEffect, useState } from 'react';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';
import { LatencyChart } from './latency-chart';
import { ServingChart } from './serving-chart';
import { SpeedupChart } from './speedup-chart';
import { ThroughputChart } from './throughput-chart';
import { TradeOffChart } from './trade-off-chart';
import { useChartPalette } from './use-chart-palette';
import './charts.css';

const CHARTS = [LatencyChart, ThroughputChart, ServingChart, TradeOffChart, SpeedupChart];

/**
 * How many charts are mounted: one more per task, so the first render of five charts (each a
 * cascade of measuring and drawing) is five short tasks instead of one that holds the page.
 */
function useChartsMounted(): number {
  const [mounted, setMounted] = useState(1);
  useEffect(() => {
    if (mounted >= CHARTS.length) return;
    const timer = setTimeout(() => {
      setMounted((count) => count + 1);
    }, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [mounted]);
  return mounted;
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
  const mounted = useChartsMounted();
  if (view.index.results.length === 0) return null;
  return (
    <section className="charts-section" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Charts</h2>
      <div className="chart-grid">
        {CHARTS.map((Chart, i) =>
          i < mounted ? (
            <Chart key={i} view={view} palette={palette} />
          ) : (
            <div key={i} className="chart-placeholder" aria-hidden="true" />
          ),
        )}
      </div>
    </section>
  );
}

export default ChartsSection;
