import type { ReactNode } from 'react';
import { ChartBox } from '../../ui/armed-tooltip';
import { EmptyChart } from './empty-chart';

interface ChartMeasureProps {
  /** The width (px) drawn at where nothing can be measured. */
  readonly fallbackWidth: number;
  /** Nothing to draw: the filters left the chart no results. */
  readonly empty: boolean;
  /** The plot at the measured width. */
  readonly children: (width: number) => ReactNode;
}

/** A chart's box (see `ChartBox`), or what says there is nothing to draw. */
export function ChartMeasure({ fallbackWidth, empty, children }: ChartMeasureProps) {
  return (
    <ChartBox fallbackWidth={fallbackWidth}>
      {(width) => (empty ? <EmptyChart /> : children(width))}
    </ChartBox>
  );
}
