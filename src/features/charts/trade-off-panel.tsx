import { useMemo, useState } from 'react';
import { CartesianGrid, ScatterChart } from 'recharts';
import { qpsText } from '../../data/charts/qps-axis';
import { seriesKeyOf, seriesLabelOf } from '../../data/charts/small-multiples';
import {
  tradeOffPanelPoints,
  tradeOffTops,
  type TradeOffData,
  type TradeOffPanel,
} from '../../data/charts/trade-off';
import { axisTitle, markSource, valueScale, valueWithUnit } from '../../ui/chart-text';
import { TooltipBox } from '../../ui/chart-tooltip';
import { gpuColor, type ChartPalette } from '../../ui/use-chart-palette';
import {
  type ActivePoint,
  type PanelAxesScales,
  type PanelState,
  PanelStateContext,
  PANEL_MARGIN,
  TITLE_LINE,
  PANEL_HEIGHT,
  xAxisTitle,
} from './trade-off-panel-state';
import { TradeOffAxes } from './trade-off-axes';
import { TradeOffLayer } from './trade-off-layer';

interface PanelProps {
  readonly data: TradeOffData;
  readonly panel: TradeOffPanel;
  readonly palette: ChartPalette;
  readonly off: ReadonlySet<string>;
  readonly width: number;
}

/** One model's small chart: a point per GPU and QPS, each GPU's frontier, a tooltip for the pointed point. */
export function TradeOffPanelChart({ data, panel, palette, off, width }: PanelProps) {
  const series = useMemo(
    () => panel.series.filter((entry) => !off.has(entry.gpu.key)),
    [panel, off],
  );
  const points = useMemo(() => tradeOffPanelPoints(series), [series]);
  const [active, setActive] = useState<ActivePoint | null>(null);
  const shown = active === null ? undefined : points[active.index];
  const height = PANEL_HEIGHT;
  // Each axis stays the same object while its top does, so a new latency leaves the x axis alone.
  const tops = tradeOffTops(panel);
  const xScale = useMemo(() => valueScale(tops.x), [tops.x]);
  const yScale = useMemo(() => valueScale(tops.y), [tops.y]);
  const axes = useMemo<PanelAxesScales>(() => ({ x: xScale, y: yScale }), [xScale, yScale]);
  const title = axisTitle(data.x.label, data.x.unit, data.x.direction);
  const xTitle = useMemo(() => xAxisTitle(title, width), [title, width]);
  const titleLines = xTitle.lines.length;
  const state = useMemo<PanelState>(
    () => ({ data, panel, axes, xTitle, series, points, palette, active, onActive: setActive }),
    [data, panel, axes, xTitle, series, points, palette, active],
  );
  const chart = useMemo(
    () => (
      <ScatterChart
        width={width}
        height={PANEL_HEIGHT}
        margin={{
          ...PANEL_MARGIN,
          bottom: PANEL_MARGIN.bottom + (titleLines - 1) * TITLE_LINE,
        }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={palette.grid} />
        <TradeOffAxes />
        <TradeOffLayer />
      </ScatterChart>
    ),
    [width, titleLines, palette.grid],
  );

  return (
    <div className="chart-panel">
      <h4 className="chart-panel-title" data-export-text>
        {panel.label}
      </h4>
      <div className="chart-panel-plot">
        <PanelStateContext.Provider value={state}>{chart}</PanelStateContext.Provider>
        {active !== null && shown !== undefined && (
          <div
            className="chart-tooltip-anchor"
            aria-live="polite"
            style={{
              left: Math.min(active.x + 12, Math.max(0, width - 240)),
              top: Math.min(active.y + 12, height - 40),
            }}
          >
            <TooltipBox
              heading={`${panel.label} · QPS ${qpsText(shown.point.qps)}`}
              entries={[
                {
                  key: seriesKeyOf(shown.series),
                  color: gpuColor(palette, shown.series.gpu.slot),
                  name: seriesLabelOf(shown.series),
                  value: `${valueWithUnit(data.x.metricKey, shown.point.x, data.x.unit)} at ${valueWithUnit(data.y.metricKey, shown.point.y, data.y.unit)} ${data.y.label}`,
                  details: [markSource(shown.point.yMark)],
                },
              ]}
            />
          </div>
        )}
      </div>
    </div>
  );
}
