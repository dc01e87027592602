import { useMemo, useState } from 'react';
import { latencyBars, type LatencyStat } from '../../data/charts/bar-charts';
import { barChartSummary } from '../../data/charts/chart-summaries';
import type { ResultsView } from '../../data/result-index';
import { BarDataTable } from './bar-data-table';
import { ChartFigure } from '../../ui/chart-figure';
import { EmptyChart } from './empty-chart';
import { GpuBarChart } from './gpu-bar-chart';
import { OptionGroup, type Option } from '../../ui/option-group';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { useElementWidth } from '../../ui/use-element-width';
import { useSeriesToggle } from '../../ui/use-series-toggle';

const STATS: readonly Option<LatencyStat>[] = [
  { value: 'mean', label: 'Mean' },
  { value: 'median', label: 'Median' },
  { value: 'p99', label: 'P99' },
];

const TITLE = 'Latency by model and GPU';

/** Latency per test, one bar per visible GPU; mean shows the p99 as a whisker. */
export function LatencyChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const [stat, setStat] = useState<LatencyStat>('mean');
  const { off, toggle } = useSeriesToggle();
  const [measure, width] = useElementWidth(640);
  const data = useMemo(() => latencyBars(view, stat), [view, stat]);
  return (
    <ChartFigure
      id="latency"
      title={TITLE}
      description="Time to run one batch (32 input / 128 output tokens, batch 8). With the mean, the whisker reaches the p99."
      controls={<OptionGroup label="Statistic" options={STATS} value={stat} onChange={setStat} />}
      palette={palette}
      legend={{ gpus: data.gpus, off, onToggle: toggle }}
      summary={barChartSummary(data)}
      notice={
        data.omittedGroups > 0
          ? `Showing the first ${data.groups.length} tests; ${data.omittedGroups} more are left out to keep the chart fast. Narrow the filters to see them.`
          : null
      }
      renderData={() => (
        <BarDataTable data={data} caption={`${TITLE}: ${data.label} (${data.unit})`} />
      )}
    >
      <div ref={measure} className="chart-measure">
        {data.groups.length === 0 ? (
          <EmptyChart />
        ) : (
          <GpuBarChart data={data} palette={palette} off={off} width={width} height={320} />
        )}
      </div>
    </ChartFigure>
  );
}
