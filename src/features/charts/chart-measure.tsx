import type { ReactNode } from 'react';
import { TooltipArmedProvider, useTooltipArming } from '../../ui/armed-tooltip';
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

/**
 * The box a chart's plot fills: measured, so the plot is drawn at its width in pixels. Its
 * tooltips are mounted once the pointer or focus first enters it (see `useTooltipArming`).
 */
export function ChartMeasure({ fallbackWidth, empty, children }: ChartMeasureProps) {
  const [measure, width] = useElementWidth(fallbackWidth);
  const [armed, arming] = useTooltipArming();
  return (
    <div ref={measure} className="chart-measure" {...arming}>
      <TooltipArmedProvider value={armed}>
        {empty ? <EmptyChart /> : children(width)}
      </TooltipArmedProvider>
    </div>
  );
}
