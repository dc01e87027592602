import { servingNotices } from '../../data/charts/chart-notices';
import { servingSummary } from '../../data/charts/chart-summaries';
import { withStyles } from '../../data/charts/engine-dash';
import { joinNotices } from '../../ui/chart-text';
import {
  plotsAchievedRate,
  servingChartSteps,
  type ServingChartData,
} from '../../data/charts/serving-charts';
import { servingMetricChoices } from '../../data/charts/serving-metrics';
import { SATURATION_RULE } from '../../data/charts/saturation';
import type { ResultsView } from '../../data/results/results-view';
import { SLO_NAMES, percentileLabel, sloLineFor } from '../../data/decisions/slo';
import { useDashboardStore } from '../../store/dashboard-store';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { MetricStatControls, useServingMetricChart } from './metric-stat-controls';
import { useCallback } from 'react';
import { SmallMultiplesFigure, type RenderPanel } from './small-multiples';
import { isLargeView } from '../../store/staggered-views';
import { ServingPanelChart } from './serving-panel';
import { ServingDataTable } from './serving-data-table';
import { ChartPlaceholder } from '../../ui/chart-figure';

const TITLE = 'Serving metrics against offered QPS';

/** The serving chart: a metric picker, then one small chart per model of that metric against QPS. */
export function ServingChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const { metric, data } = useServingMetricChart(
    view,
    servingMetricChoices,
    { id: 'ttft', stat: 'mean', fallbackKey: 'request_throughput' },
    servingChartSteps,
  );
  const decisions = useDashboardStore((state) => state.decisions);
  const slo = sloLineFor(metric.metricKey, decisions.slo, decisions.percentile);
  const quantity = metric.metricKey.split('_')[0] as keyof typeof SLO_NAMES;
  const renderPanel = useCallback<RenderPanel<ServingChartData>>(
    (shown, panel, width, off) => (
      <ServingPanelChart data={shown} {...{ panel, palette, off, width, slo }} />
    ),
    [palette, slo],
  );
  if (data === null) return <ChartPlaceholder />;

  return (
    <SmallMultiplesFigure
      id="serving"
      title={TITLE}
      description={`One small chart per model, one line per GPU, offered QPS from 1 to all requests at once. A ring marks where a GPU saturates. ${SATURATION_RULE}${withStyles(data.engines)}`}
      controls={<MetricStatControls label="Metric" {...metric} />}
      palette={palette}
      legendNote={
        <p className="legend-note">
          <span className="saturation-key" aria-hidden="true" /> saturation point
          {slo !== null && (
            <>
              {' · '}
              <span className="slo-key" aria-hidden="true" />{' '}
              {percentileLabel(decisions.percentile)} {SLO_NAMES[quantity]} SLO {slo} ms
            </>
          )}
          {plotsAchievedRate(data) && (
            <>
              {' · '}
              <span className="offered-key" aria-hidden="true" /> offered QPS
            </>
          )}
        </p>
      }
      summary={
        slo === null
          ? servingSummary(data)
          : `${servingSummary(data)} The dashed line is the ${SLO_NAMES[quantity]} objective, ${String(slo)} ms.`
      }
      notice={joinNotices(servingNotices(data))}
      renderData={() => <ServingDataTable data={data} title={TITLE} />}
      data={data}
      renderPanel={renderPanel}
      staggered={isLargeView(view)}
    />
  );
}
