import { createContext, useContext, type Context } from 'react';
import type { ChartPalette } from '../../ui/use-chart-palette';

/** What the changing parts of every small chart read: the chart's data, its panel, the colours. */
export interface SmallChartState<D, P> {
  readonly data: D;
  readonly panel: P;
  readonly palette: ChartPalette;
}

/**
 * A context for a small chart's changing parts (axes, layers, tooltip) and the hook they read it
 * with, which throws outside the chart. The parts read their state from here, so a change
 * re-renders them and not the chart itself: re-rendering a recharts chart makes it re-derive all
 * its state, which at six small charts costs more than drawing 2,000 points.
 */
export function panelStateContext<S>(chart: string): readonly [Context<S | null>, () => S] {
  const context = createContext<S | null>(null);
  const usePanelState = (): S => {
    const state = useContext(context);
    if (state === null) throw new Error(`a ${chart} part outside its chart`);
    return state;
  };
  return [context, usePanelState];
}
