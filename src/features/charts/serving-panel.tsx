import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, XAxis } from 'recharts';
import { qpsAxisRows } from '../../data/charts/qps-axis';
import {
  plotsAchievedRate,
  type ServingChartData,
  type ServingPanel,
} from '../../data/charts/serving-charts';
import { plainTick } from '../../ui/plain-tick';
import type { ChartPalette } from '../../ui/use-chart-palette';
import {
  type PanelState,
  PanelStateContext,
  PANEL_MARGIN,
  AXIS_PADDING,
  qpsTicks,
} from './serving-panel-state';
import { ServingLayer } from './serving-layer';
import { ServingValueAxis } from './serving-value-axis';
import { ServingTooltip } from './serving-tooltip';

interface PanelProps {
  readonly data: ServingChartData;
  readonly panel: ServingPanel;
  readonly palette: ChartPalette;
  readonly off: ReadonlySet<string>;
  readonly width: number;
  readonly slo: number | null;
}

/** One model's small chart: a line per GPU across QPS, a ring where each GPU saturates. */
export function ServingPanelChart({ data, panel, palette, off, width, slo }: PanelProps) {
  // The axis rows stay the same object while the QPS values do, so recharts keeps its data when
  // only the plotted metric changes (the layer draws the values).
  const axisKey = panel.qpsAxis.join(' ');
  const rows = useMemo(() => qpsAxisRows(axisKey.split(' ').map(Number)), [axisKey]);
  const isRate = plotsAchievedRate(data);
  const state = useMemo<PanelState>(
    () => ({
      data,
      panel,
      lines: panel.lines.filter((line) => !off.has(line.gpu.key)),
      palette,
      isRate,
      slo,
    }),
    [data, panel, off, palette, isRate, slo],
  );
  const chart = useMemo(() => {
    const xTick = plainTick(String, { fill: palette.text, fontSize: 12, axis: 'x' });
    const xLabel = {
      value: 'Offered QPS',
      position: 'insideBottom' as const,
      offset: -12,
      style: { fill: palette.muted, fontSize: 12 },
    };
    return (
      <LineChart
        width={width}
        height={250}
        data={rows}
        margin={PANEL_MARGIN}
        accessibilityLayer
        title={`${panel.label} against offered QPS. Arrow keys move between QPS values; the tooltip reads them.`}
      >
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis
          dataKey="qps"
          padding={AXIS_PADDING}
          stroke={palette.grid}
          tick={xTick}
          ticks={qpsTicks(rows, width)}
          interval={0}
          label={xLabel}
        />
        <ServingValueAxis />
        <ServingTooltip />
        {/* Hidden, never drawn: gives the tooltip a value at every QPS. */}
        <Line dataKey="anchor" hide legendType="none" isAnimationActive={false} />
        <ServingLayer />
      </LineChart>
    );
  }, [width, rows, panel.label, palette.text, palette.muted, palette.grid]);

  return (
    <div className="chart-panel">
      <h4 className="chart-panel-title" data-export-text>
        {panel.label}
      </h4>
      <PanelStateContext.Provider value={state}>{chart}</PanelStateContext.Provider>
    </div>
  );
}
