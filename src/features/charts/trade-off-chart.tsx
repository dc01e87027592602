import { useMemo } from 'react';
import { tradeOffSummary } from '../../data/charts/chart-summaries';
import { latencyChoices, servingMetricKey } from '../../data/charts/serving-metrics';
import { tradeOffChart } from '../../data/charts/trade-off';
import type { ResultsView } from '../../data/results/results-view';
import { ChartFigure } from '../../ui/chart-figure';
import { joinNotices } from '../../ui/chart-text';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { MetricStatControls, useMetricStat } from './metric-stat-controls';
import { SmallMultiples } from './small-multiples';
import { TradeOffPanelChart } from './trade-off-panel';
import { TradeOffDataTable } from './trade-off-data-table';

const TITLE = 'Trade-off: achieved rate against response time';

/** Achieved req/s against a chosen latency per GPU and model, with each GPU's Pareto frontier. */
export function TradeOffChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const choices = useMemo(
    () => latencyChoices(view.index.metricKeys.serving),
    [view.index.metricKeys.serving],
  );
  const metric = useMetricStat(choices, 'ttft', 'p99');
  const { off, toggle } = useSeriesToggle();
  const yKey =
    metric.choice === undefined ? 'ttft_p99' : servingMetricKey(metric.choice, metric.stat);
  const data = useMemo(() => tradeOffChart(view, yKey), [view, yKey]);
  return (
    <ChartFigure
      id="trade-off"
      title={TITLE}
      description="Each point is one GPU at one offered QPS: right is more throughput, down is less latency. The line joins each GPU's Pareto frontier, the runs no other run of that GPU beats on both."
      controls={<MetricStatControls label="Response time" choices={choices} {...metric} />}
      palette={palette}
      legend={{ gpus: data.gpus, off, onToggle: toggle }}
      summary={tradeOffSummary(data)}
      notice={joinNotices([
        data.omittedPanels > 0 &&
          `${data.omittedPanels} more models are left out to keep the charts fast; narrow the Model filter to see them.`,
        data.thinnedPoints > 0 &&
          `${data.thinnedPoints} points are thinned out (frontier points are all kept).`,
      ])}
      renderData={() => <TradeOffDataTable data={data} title={TITLE} />}
      wide
    >
      <SmallMultiples
        panels={data.panels}
        renderPanel={(panel, width) => (
          <TradeOffPanelChart data={data} panel={panel} palette={palette} off={off} width={width} />
        )}
      />
    </ChartFigure>
  );
}
