import { createContext, useContext } from 'react';
import type { QpsAxisRow } from '../../data/charts/qps-axis';
import type { ServingChartData, ServingLine, ServingPanel } from '../../data/charts/serving-charts';
import type { ChartPalette } from '../../ui/use-chart-palette';

export const AXIS_PADDING = { left: 14, right: 34 };
/** Lines with up to this many QPS values get a dot at each. */
export const DOTS_UP_TO = 16;
export const PANEL_MARGIN = { top: 10, right: 16, bottom: 18, left: 8 };

/**
 * The QPS ticks to label: all when they fit (about 40 px each), else an even subset that always
 * keeps the last one, so "all at once" is always labelled.
 */
export function qpsTicks(rows: readonly QpsAxisRow[], width: number): string[] {
  const labels = rows.map((row) => row.qps);
  const fit = Math.max(2, Math.floor((width - 100) / 40));
  if (labels.length <= fit) return labels;
  const step = Math.ceil((labels.length - 1) / (fit - 1));
  return labels.filter(
    (_, i) => i === labels.length - 1 || (i % step === 0 && labels.length - 1 - i >= step / 2),
  );
}

/** What changes in a small chart when the metric, filters or legend change. */
export interface PanelState {
  readonly data: ServingChartData;
  readonly panel: ServingPanel;
  readonly lines: readonly ServingLine[];
  readonly palette: ChartPalette;
  readonly isRate: boolean;
}

/**
 * The changing parts of a small chart read their state from here, so a new metric re-renders
 * the value axis, tooltip and lines, not the chart itself: re-rendering a recharts chart makes it
 * re-derive all its state, which at six small charts costs more than drawing 2,000 points.
 */
export const PanelStateContext = createContext<PanelState | null>(null);

export function usePanelState(): PanelState {
  const state = useContext(PanelStateContext);
  if (state === null) throw new Error('a serving chart part outside its chart');
  return state;
}
