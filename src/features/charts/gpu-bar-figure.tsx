import type { ReactNode } from 'react';
import type { BarChartData } from '../../data/charts/bar-charts';
import { barChartSummary } from '../../data/charts/chart-summaries';
import { ChartFigure } from '../../ui/chart-figure';
import type { ChartPalette } from '../../ui/use-chart-palette';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { BarDataTable } from './bar-data-table';
import { ChartMeasure } from './chart-measure';
import { GpuBarChart } from './gpu-bar-chart';

interface GpuBarFigureProps {
  /** Short id used in file names: `latency` → `vllm-latency-chart.png`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly controls: ReactNode;
  readonly data: BarChartData;
  readonly palette: ChartPalette;
}

/** A bar chart of a metric per test and GPU in its frame, with its summary and data table. */
export function GpuBarFigure({
  id,
  title,
  description,
  controls,
  data,
  palette,
}: GpuBarFigureProps) {
  const { off, toggle } = useSeriesToggle();
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      controls={controls}
      palette={palette}
      legend={{ gpus: data.gpus, off, onToggle: toggle }}
      summary={barChartSummary(data)}
      notice={
        data.omittedGroups > 0
          ? `Showing the first ${data.groups.length} tests; ${data.omittedGroups} more are left out to keep the chart fast. Narrow the filters to see them.`
          : null
      }
      renderData={() => (
        <BarDataTable data={data} caption={`${title}: ${data.label} (${data.unit})`} />
      )}
    >
      <ChartMeasure fallbackWidth={640} empty={data.groups.length === 0}>
        {(width) => (
          <GpuBarChart data={data} palette={palette} off={off} width={width} height={320} />
        )}
      </ChartMeasure>
    </ChartFigure>
  );
}
