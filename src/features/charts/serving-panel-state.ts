import type { QpsAxisRow } from '../../data/charts/qps-axis';
import type { ServingChartData, ServingLine, ServingPanel } from '../../data/charts/serving-charts';
import { panelStateContext, type SmallChartState } from './panel-state';

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
export interface PanelState extends SmallChartState<ServingChartData, ServingPanel> {
  /** The lines of the GPUs the legend leaves on. */
  readonly lines: readonly ServingLine[];
  /** Whether the achieved rate is plotted, so the offered rate is drawn with it. */
  readonly isRate: boolean;
  /** The service-level objective set for the plotted metric (ms), drawn as a line; or null. */
  readonly slo: number | null;
}

/** A new metric re-renders the value axis, tooltip and lines from here, not the chart. */
export const [PanelStateContext, usePanelState] = panelStateContext<PanelState>('serving chart');
