import { Fragment, type ComponentProps, type ReactNode } from 'react';
import type { ChartPanel, SmallMultiples as PanelsData } from '../../data/charts/small-multiples';
import { ChartFigure } from '../../ui/chart-figure';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { ChartMeasure } from './chart-measure';

/** How many small charts sit side by side at a width, and how wide each is (16 px gaps). */
export function smallMultipleLayout(width: number): { columns: number; cellWidth: number } {
  const columns = width >= 960 ? 3 : width >= 600 ? 2 : 1;
  const gap = 16;
  return { columns, cellWidth: Math.max(200, Math.floor((width - (columns - 1) * gap) / columns)) };
}

interface SmallMultiplesProps<P extends { readonly key: string }> {
  readonly panels: readonly P[];
  /** One panel's small chart at the cell width. */
  readonly renderPanel: (panel: P, width: number) => ReactNode;
}

/** One small chart per panel (model), in as many columns as the width holds. */
export function SmallMultiples<P extends { readonly key: string }>({
  panels,
  renderPanel,
}: SmallMultiplesProps<P>) {
  return (
    <ChartMeasure fallbackWidth={960} empty={panels.length === 0}>
      {(width) => {
        const { columns, cellWidth } = smallMultipleLayout(width);
        return (
          <div
            className="small-multiples"
            style={{ gridTemplateColumns: `repeat(${columns}, ${cellWidth}px)` }}
          >
            {panels.map((panel) => (
              <Fragment key={panel.key}>{renderPanel(panel, cellWidth)}</Fragment>
            ))}
          </div>
        );
      }}
    </ChartMeasure>
  );
}

type FigureProps = Omit<ComponentProps<typeof ChartFigure>, 'legend' | 'children' | 'wide'>;

interface SmallMultiplesFigureProps<P extends ChartPanel> extends FigureProps {
  readonly data: PanelsData<P>;
  /** One panel's small chart at the cell width, without the GPUs turned off in the legend. */
  readonly renderPanel: (panel: P, width: number, off: ReadonlySet<string>) => ReactNode;
}

/** A wide chart frame of small charts, one per model, with a legend of the GPUs drawn in them. */
export function SmallMultiplesFigure<P extends ChartPanel>({
  data,
  renderPanel,
  ...figure
}: SmallMultiplesFigureProps<P>) {
  const { off, toggle } = useSeriesToggle();
  return (
    <ChartFigure {...figure} legend={{ gpus: data.gpus, off, onToggle: toggle }} wide>
      <SmallMultiples
        panels={data.panels}
        renderPanel={(panel, width) => renderPanel(panel, width, off)}
      />
    </ChartFigure>
  );
}
