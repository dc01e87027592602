import { tradeOffNotices } from '../../data/charts/chart-notices';
import { tradeOffSummary } from '../../data/charts/chart-summaries';
import { withStyles } from '../../data/charts/engine-dash';
import { latencyChoices } from '../../data/charts/serving-metrics';
import { tradeOffChartSteps, type TradeOffData } from '../../data/charts/trade-off';
import type { ResultsView } from '../../data/results/results-view';
import { joinNotices } from '../../ui/chart-text';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { MetricStatControls, useServingMetricChart } from './metric-stat-controls';
import { useCallback } from 'react';
import { SmallMultiplesFigure, type RenderPanel } from './small-multiples';
import { isLargeView } from '../../store/staggered-views';
import { TradeOffPanelChart } from './trade-off-panel';
import { TradeOffDataTable } from './trade-off-data-table';
import { ChartPlaceholder } from '../../ui/chart-figure';

const TITLE = 'Trade-off: achieved rate against response time';

/** Achieved req/s against a chosen latency per GPU and model, with each GPU's Pareto frontier. */
export function TradeOffChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const { metric, data } = useServingMetricChart(
    view,
    latencyChoices,
    { id: 'ttft', stat: 'p99', fallbackKey: 'ttft_p99' },
    tradeOffChartSteps,
  );
  const renderPanel = useCallback<RenderPanel<TradeOffData>>(
    (shown, panel, width, off) => (
      <TradeOffPanelChart data={shown} panel={panel} palette={palette} off={off} width={width} />
    ),
    [palette],
  );
  if (data === null) return <ChartPlaceholder />;
  return (
    <SmallMultiplesFigure
      id="trade-off"
      title={TITLE}
      description={`Each point is one GPU at one offered QPS: right is more throughput, down is less latency. The line joins each GPU's Pareto frontier, the runs no other run of that GPU beats on both.${withStyles(data.engines)}`}
      controls={<MetricStatControls label="Response time" {...metric} />}
      palette={palette}
      summary={tradeOffSummary(data)}
      notice={joinNotices(tradeOffNotices(data))}
      renderData={() => <TradeOffDataTable data={data} title={TITLE} />}
      data={data}
      renderPanel={renderPanel}
      staggered={isLargeView(view)}
    />
  );
}
