import type {
  TradeOffData,
  TradeOffPanel,
  TradeOffPanelPoint,
  TradeOffSeries,
} from '../../data/charts/trade-off';
import type { ValueScale } from '../../ui/chart-text';
import { panelStateContext, type SmallChartState } from './panel-state';
import { wrapLabel, type WrappedLabel } from '../../ui/wrap-label';

export interface ActivePoint {
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

export const PANEL_MARGIN = { top: 10, right: 16, bottom: 22, left: 8 };
export const Y_AXIS_WIDTH = 58;
export const AXIS_TITLE_SIZE = 12;
/** Line height (px) of a wrapped axis title. */
export const TITLE_LINE = 14;

/**
 * The x-axis title in the lines it needs: one where the chart is wide enough, else broken at its
 * ` · ` (`Achieved throughput (req/s)` over `higher is better`). It is centred under the plot,
 * so it may use the plot's width and the right margin on both sides.
 */
export function xAxisTitle(title: string, width: number): WrappedLabel {
  const plotWidth = width - PANEL_MARGIN.left - PANEL_MARGIN.right - Y_AXIS_WIDTH;
  return wrapLabel(title, plotWidth + 2 * PANEL_MARGIN.right - 8, AXIS_TITLE_SIZE, 2);
}

/** The two value axes of a small chart, both from 0. */
export interface PanelAxesScales {
  readonly x: ValueScale;
  readonly y: ValueScale;
}

/** What changes in a small chart when the latency, filters, legend or pointed point change. */
export interface PanelState extends SmallChartState<TradeOffData, TradeOffPanel> {
  readonly axes: PanelAxesScales;
  /** The x-axis title, in lines that fit the chart's width. */
  readonly xTitle: WrappedLabel;
  readonly series: readonly TradeOffSeries[];
  /** In the order the keyboard walks them. */
  readonly points: readonly TradeOffPanelPoint[];
  readonly active: ActivePoint | null;
  readonly onActive: (active: ActivePoint | null) => void;
}

/** A new latency or pointed point re-renders the axes and points from here, not the chart. */
export const [PanelStateContext, usePanelState] = panelStateContext<PanelState>('trade-off chart');

export const PANEL_HEIGHT = 260;
