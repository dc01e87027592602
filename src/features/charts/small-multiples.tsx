import { memo, type ComponentProps, type ReactNode } from 'react';
import type { ChartPanel, SmallMultiples as PanelsData } from '../../data/charts/small-multiples';
import { useStaggeredValues } from '../../store/staggered-views';
import { ChartFigure } from '../../ui/chart-figure';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { ChartMeasure } from './chart-measure';

/** How many small charts sit side by side at a width, and how wide each is (16 px gaps). */
export function smallMultipleLayout(width: number): { columns: number; cellWidth: number } {
  const columns = width >= 960 ? 3 : width >= 600 ? 2 : 1;
  const gap = 16;
  return { columns, cellWidth: Math.max(200, Math.floor((width - (columns - 1) * gap) / columns)) };
}

/** Chart data of small multiples: its panels, and whatever else the chart reads. */
type AnyPanels = PanelsData<ChartPanel>;
type PanelOf<D extends AnyPanels> = D['panels'][number];

/** One panel's small chart, from the chart data it belongs to, at a width, some GPUs turned off. */
export type RenderPanel<D extends AnyPanels> = (
  data: D,
  panel: PanelOf<D>,
  width: number,
  off: ReadonlySet<string>,
) => ReactNode;

/**
 * Panels that take new chart data in one task, over a large data set: one, as a panel's commit
 * alone (about 30 ms at 100k results) is what a task can hold; two took 60-67 ms.
 */
const PANELS_PER_TASK = 1;

interface PanelSlotProps<D extends AnyPanels> {
  readonly data: D;
  readonly index: number;
  readonly width: number;
  readonly off: ReadonlySet<string>;
  readonly render: RenderPanel<D>;
}

/**
 * The panel at `index` of the chart data this slot was last handed. Memoised: a slot still on
 * the data it drew is not drawn again while the others take the new data in turn.
 */
const PanelSlot = memo(function PanelSlot({
  data,
  index,
  width,
  off,
  render,
}: PanelSlotProps<AnyPanels>) {
  const panel = data.panels[index];
  return panel === undefined ? null : render(data, panel, width, off);
}) as <D extends AnyPanels>(props: PanelSlotProps<D>) => ReactNode;

interface SmallMultiplesProps<D extends AnyPanels> {
  readonly data: D;
  readonly off: ReadonlySet<string>;
  readonly render: RenderPanel<D>;
  /** Over a large data set, new chart data reaches the panels one at a time, a task each. */
  readonly staggered: boolean;
}

/**
 * One small chart per panel (model), in as many columns as the width holds. Over a large data
 * set a change of the chart's data is drawn a few panels per task (six small charts drawn in one
 * commit held the page for 60-130 ms at 100k results); the panels not yet turned show the data
 * they drew, whole, until their turn.
 */
export function SmallMultiples<D extends AnyPanels>({
  data,
  off,
  render,
  staggered,
}: SmallMultiplesProps<D>) {
  const slots = useStaggeredValues(data, data.panels.length, {
    together: !staggered,
    firstMount: 'together-when-small',
    perTask: PANELS_PER_TASK,
  });
  return (
    <ChartMeasure fallbackWidth={960} empty={data.panels.length === 0}>
      {(width) => {
        const { columns, cellWidth } = smallMultipleLayout(width);
        return (
          <div
            className="small-multiples"
            style={{ gridTemplateColumns: `repeat(${columns}, ${cellWidth}px)` }}
          >
            {slots.map((shown, index) =>
              shown === null ? (
                <div key={index} className="small-multiple-placeholder" aria-hidden="true" />
              ) : (
                <PanelSlot key={index} {...{ data: shown, index, off, render }} width={cellWidth} />
              ),
            )}
          </div>
        );
      }}
    </ChartMeasure>
  );
}

type FigureProps = Omit<ComponentProps<typeof ChartFigure>, 'legend' | 'children' | 'wide'>;

interface SmallMultiplesFigureProps<D extends AnyPanels> extends FigureProps {
  readonly data: D;
  /**
   * One panel's small chart at the cell width, without the GPUs turned off in the legend; the
   * same function while what it draws with (palette, objective) is the same.
   */
  readonly renderPanel: RenderPanel<D>;
  /** Over a large data set, new data reaches the panels a few at a time (see SmallMultiples). */
  readonly staggered: boolean;
}

/** A wide chart frame of small charts, one per model, with a legend of the GPUs drawn in them. */
export function SmallMultiplesFigure<D extends AnyPanels>({
  data,
  renderPanel,
  staggered,
  ...figure
}: SmallMultiplesFigureProps<D>) {
  const { off, toggle } = useSeriesToggle();
  return (
    <ChartFigure {...figure} legend={{ gpus: data.gpus, off, onToggle: toggle }} wide>
      <SmallMultiples data={data} off={off} render={renderPanel} staggered={staggered} />
    </ChartFigure>
  );
}
