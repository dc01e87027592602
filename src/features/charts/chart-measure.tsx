import type { ReactNode } from 'react';
import { useElementWidth } from '../../ui/use-element-width';
import { EmptyChart } from './empty-chart';

interface ChartMeasureProps {
  /** The width (px) drawn at where nothing can be measured. */
  readonly fallbackWidth: number;
  /** Nothing to draw: the filters left the chart no results. */
  readonly empty: boolean;
  /** The plot at the measured width. */
  readonly children: (width: number) => ReactNode;
}

/** The box a chart's plot fills: measured, so the plot is drawn at its width in pixels. */
export function ChartMeasure({ fallbackWidth, empty, children }: ChartMeasureProps) {
  const [measure, width] = useElementWidth(fallbackWidth);
  return (
    <div ref={measure} className="chart-measure">
      {empty ? <EmptyChart /> : children(width)}
    </div>
  );
}
