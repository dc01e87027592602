import { useMemo, useState } from 'react';
import type { LatencyStat } from '../../data/charts/bar-charts';
import { tradeOffSummary } from '../../data/charts/chart-summaries';
import { latencyChoices, servingMetricKey } from '../../data/charts/serving-metrics';
import { tradeOffChart } from '../../data/charts/trade-off';
import type { ResultsView } from '../../data/result-index';
import { ChartFigure } from '../../ui/chart-figure';
import { EmptyChart } from './empty-chart';
import { OptionGroup, type Option } from '../../ui/option-group';
import { smallMultipleLayout } from './small-multiples';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { useElementWidth } from '../../ui/use-element-width';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { TradeOffPanelChart } from './trade-off-panel';
import { TradeOffDataTable } from './trade-off-data-table';

const TITLE = 'Trade-off: achieved rate against response time';

const STAT_LABELS: Readonly<Record<LatencyStat, string>> = {
  mean: 'Mean',
  median: 'Median',
  p99: 'P99',
};

/** Achieved req/s against a chosen latency per GPU and model, with each GPU's Pareto frontier. */
export function TradeOffChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const choices = useMemo(
    () => latencyChoices(view.index.metricKeys.serving),
    [view.index.metricKeys.serving],
  );
  const [quantity, setQuantity] = useState('ttft');
  const [stat, setStat] = useState<LatencyStat>('p99');
  const { off, toggle } = useSeriesToggle();
  const [measure, width] = useElementWidth(960);
  const choice = choices.find((entry) => entry.id === quantity) ?? choices[0];
  const yKey = choice === undefined ? 'ttft_p99' : servingMetricKey(choice, stat);
  const data = useMemo(() => tradeOffChart(view, yKey), [view, yKey]);
  const { columns, cellWidth } = smallMultipleLayout(width);
  const stats: Option<LatencyStat>[] = (choice?.stats ?? []).map((value) => ({
    value,
    label: STAT_LABELS[value],
  }));
  const notices = [
    data.omittedPanels > 0
      ? `${data.omittedPanels} more models are left out to keep the charts fast; narrow the Model filter to see them.`
      : '',
    data.thinnedPoints > 0
      ? `${data.thinnedPoints} points are thinned out (frontier points are all kept).`
      : '',
  ].filter((text) => text !== '');

  return (
    <ChartFigure
      id="trade-off"
      title={TITLE}
      description="Each point is one GPU at one offered QPS: right is more throughput, down is less latency. The line joins each GPU's Pareto frontier, the runs no other run of that GPU beats on both."
      controls={
        <>
          <label className="chart-select">
            Response time
            <select
              value={choice?.id ?? ''}
              onChange={(event) => {
                setQuantity(event.target.value);
              }}
            >
              {choices.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.label}
                </option>
              ))}
            </select>
          </label>
          {stats.length > 0 && (
            <OptionGroup label="Statistic" options={stats} value={stat} onChange={setStat} />
          )}
        </>
      }
      palette={palette}
      legend={{ gpus: data.gpus, off, onToggle: toggle }}
      summary={tradeOffSummary(data)}
      notice={notices.length > 0 ? notices.join(' ') : null}
      renderData={() => <TradeOffDataTable data={data} title={TITLE} />}
      wide
    >
      <div ref={measure} className="chart-measure">
        {data.panels.length === 0 ? (
          <EmptyChart />
        ) : (
          <div
            className="small-multiples"
            style={{ gridTemplateColumns: `repeat(${columns}, ${cellWidth}px)` }}
          >
            {data.panels.map((panel) => (
              <TradeOffPanelChart
                key={panel.key}
                data={data}
                panel={panel}
                palette={palette}
                off={off}
                width={cellWidth}
              />
            ))}
          </div>
        )}
      </div>
    </ChartFigure>
  );
}
