import type { ComponentProps } from 'react';
import type { BarChartData } from '../../data/charts/bar-charts';
import { barChartNotices } from '../../data/charts/chart-notices';
import { barChartSummary } from '../../data/charts/chart-summaries';
import { joinNotices } from '../../ui/chart-text';
import { ChartFigure } from '../../ui/chart-figure';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { BarDataTable } from './bar-data-table';
import { ChartMeasure } from './chart-measure';
import { GpuBarChart } from './gpu-bar-chart';

type FigureProps = Pick<
  ComponentProps<typeof ChartFigure>,
  'id' | 'title' | 'description' | 'controls' | 'palette'
>;

interface GpuBarFigureProps extends FigureProps {
  readonly data: BarChartData;
}

/** A bar chart of a metric per test and GPU in its frame, with its summary and data table. */
export function GpuBarFigure({ data, ...figure }: GpuBarFigureProps) {
  const { off, toggle } = useSeriesToggle();
  return (
    <ChartFigure
      {...figure}
      legend={{ gpus: data.gpus, off, onToggle: toggle }}
      summary={barChartSummary(data)}
      notice={joinNotices(barChartNotices(data))}
      renderData={() => (
        <BarDataTable data={data} caption={`${figure.title}: ${data.label} (${data.unit})`} />
      )}
    >
      <ChartMeasure fallbackWidth={640} empty={data.groups.length === 0}>
        {(width) => (
          <GpuBarChart data={data} palette={figure.palette} off={off} width={width} height={320} />
        )}
      </ChartMeasure>
    </ChartFigure>
  );
}
