import { useMemo, type ReactNode } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type TooltipContentProps,
} from 'recharts';
import { paletteSlot } from '../../data/charts/chart-gpus';
import { formatChange } from '../../data/compare/metric-verdict';
import {
  bandEdgeValues,
  historyChangeAxis,
  historyChartRows,
  historyValueTop,
  type HistoryScale,
  type PlottedBands,
} from '../../data/history/history-plot';
import type { RunLabel } from '../../data/history/history-statistics';
import {
  historyChangeText,
  historyRunHeading,
  historyValueText,
} from '../../data/history/history-text';
import { type HistoryData, type HistorySeries } from '../../data/history/history-data';
import { axisTitle, formatTick, valueScale } from '../../ui/chart-text';
import { ArmedTooltip } from '../../ui/armed-tooltip';
import { TooltipBox, type TooltipEntry } from '../../ui/chart-tooltip';
import { plainTick } from '../../ui/plain-tick';
import { useValueAxisLabel } from '../../ui/use-axis-label';
import { gpuColor, type ChartPalette } from '../../ui/use-chart-palette';
import { diamondPath, seriesShape, shapePath } from './history-marks';
import { runTick } from './run-tick';

const CHART_HEIGHT = 340;
const CHART_MARGIN = { top: 26, right: 24, bottom: 8, left: 8 };
const AXIS_PADDING = { left: 28, right: 28 };
/** Room above and below the plotted range, so a marker on its edge is drawn whole. */
const VALUE_PADDING = { top: 10, bottom: 10 };

interface PlotProps {
  readonly data: HistoryData;
  readonly scale: HistoryScale;
  /** Tests turned off in the legend. */
  readonly off: ReadonlySet<string>;
  readonly palette: ChartPalette;
  readonly width: number;
  /** The one test whose noise band is shaded, or null (several tests, or no statistics). */
  readonly plotted: PlottedBands | null;
  /** Runs to mark with a vertical line and a word: the flagged run, marked runs. */
  readonly runLabels: readonly RunLabel[];
}

function changeTick(value: unknown): string {
  if (typeof value !== 'number') return String(value);
  return formatChange(value);
}

/** The line chart: one line per shown test across the runs, the baseline marked. */
export function HistoryPlot({ data, scale, off, palette, width, plotted, runLabels }: PlotProps) {
  const shown = useMemo(() => data.series.filter((line) => !off.has(line.key)), [data, off]);
  // A test keeps its colour (its place in the series) when others are turned off.
  const slots = useMemo(
    () => new Map(data.series.map((line, i) => [line.key, paletteSlot(i)])),
    [data],
  );
  const rows = useMemo(() => historyChartRows(data, scale, plotted), [data, scale, plotted]);
  const bandEdges = useMemo(() => bandEdgeValues(rows), [rows]);
  const baselineId = data.baseline?.run.id ?? null;
  const baselinePosition = data.baseline?.run.position ?? null;
  const valueTick = useMemo(
    () =>
      plainTick(scale === 'change' ? changeTick : formatTick, {
        fill: palette.text,
        fontSize: 12,
        axis: 'y',
      }),
    [scale, palette.text],
  );
  const tick = useMemo(
    () =>
      runTick(
        data.runs,
        baselineId,
        palette,
        width -
          CHART_MARGIN.left -
          CHART_MARGIN.right -
          AXIS_PADDING.left -
          AXIS_PADDING.right -
          64,
      ),
    [data.runs, baselineId, palette, width],
  );
  const valueAxis = useMemo(
    () => valueScale(Math.max(historyValueTop(data), ...bandEdges)),
    [data, bandEdges],
  );
  const changeAxis = useMemo(
    () => historyChangeAxis(data, shown, bandEdges),
    [data, shown, bandEdges],
  );
  const yAxis = scale === 'change' ? changeAxis : valueAxis;
  const yTitle =
    scale === 'change'
      ? axisTitle('Change from baseline', '%', data.direction)
      : axisTitle(data.label, data.unit, data.direction);
  const yLabel = useValueAxisLabel(yTitle, palette.muted);

  const renderTooltip = ({ active, activeIndex }: TooltipContentProps) => {
    const run = data.runs[Number(activeIndex)];
    if (!active || run === undefined) return null;
    const entries: TooltipEntry[] = [];
    for (const line of shown) {
      const point = line.points[run.position];
      if (point?.value === undefined || point.value === null) continue;
      entries.push({
        key: line.key,
        color: gpuColor(palette, slots.get(line.key) ?? 1),
        name: line.label,
        value: historyValueText(data.metricKey, point.value, data.unit),
        details: [historyChangeText(point)],
      });
    }
    return <TooltipBox heading={historyRunHeading(run, baselineId)} entries={entries} />;
  };

  const renderDot = (line: HistorySeries, index: number) =>
    function drawDot({ cx, cy, index: position }: DotItemDotProps): ReactNode {
      const point = line.points[position];
      if (cx === undefined || cy === undefined || point?.value === null || point === undefined) {
        return null;
      }
      const color = gpuColor(palette, slots.get(line.key) ?? 1);
      if (point.isBaseline) {
        return (
          <path
            d={diamondPath(cx, cy, 7)}
            fill={palette.surface}
            stroke={color}
            strokeWidth={2.5}
            className="history-baseline-mark"
          />
        );
      }
      const shape = seriesShape(index);
      return (
        <path
          d={shapePath(shape, cx, cy, 3.5)}
          fill={shape === 'cross' ? 'none' : color}
          stroke={color}
          strokeWidth={shape === 'cross' ? 2 : 1}
          className="history-point"
        />
      );
    };

  return (
    <ComposedChart
      width={width}
      height={CHART_HEIGHT}
      data={rows}
      margin={CHART_MARGIN}
      accessibilityLayer
      title={`${data.label} on ${data.gpu} across ${data.runs.length} datasets. Arrow keys move between datasets; the tooltip reads them.`}
    >
      <CartesianGrid stroke={palette.grid} vertical={false} />
      <XAxis
        dataKey="position"
        type="category"
        allowDuplicatedCategory={false}
        padding={AXIS_PADDING}
        stroke={palette.grid}
        tick={tick}
        interval={0}
        height={40}
      />
      <YAxis
        stroke={palette.grid}
        tick={valueTick}
        domain={yAxis.domain}
        ticks={yAxis.ticks}
        // Every tick it is given. With another interval, recharts measures each label in the DOM
        // (a forced layout of the whole page), and the grid asks for them again.
        interval={0}
        width={64}
        padding={VALUE_PADDING}
        label={yLabel}
      />
      {scale === 'change' && <ReferenceLine y={0} stroke={palette.muted} />}
      {baselinePosition !== null && (
        <ReferenceLine
          x={baselinePosition}
          stroke={palette.text}
          strokeWidth={1.5}
          strokeDasharray="6 4"
          className="history-baseline-line"
          label={{
            value: 'Baseline',
            position: 'top',
            className: 'history-baseline-label',
            fill: palette.text,
            fontSize: 12,
            fontWeight: 600,
          }}
        />
      )}
      {plotted !== null && (
        <Area
          dataKey="band"
          name="Noise band"
          stroke="none"
          fill={palette.muted}
          fillOpacity={0.3}
          connectNulls={false}
          isAnimationActive={false}
          activeDot={false}
          className="history-noise-band"
        />
      )}
      {runLabels.map((mark) => (
        <ReferenceLine
          key={`${mark.kind}-${String(mark.position)}`}
          x={mark.position}
          stroke={mark.kind === 'flag' ? palette.text : palette.muted}
          strokeWidth={mark.kind === 'flag' ? 2 : 1.5}
          strokeDasharray={mark.kind === 'flag' ? undefined : '2 3'}
          className={`history-run-mark history-mark-${mark.kind.replace(' ', '-')}`}
          label={{
            value: mark.text,
            position: 'insideBottom',
            fill: palette.text,
            fontSize: 11,
            fontWeight: mark.kind === 'flag' ? 600 : 400,
          }}
        />
      ))}
      <ArmedTooltip
        content={renderTooltip}
        isAnimationActive={false}
        cursor={{ stroke: palette.muted }}
      />
      {shown.map((line) => {
        const index = data.series.indexOf(line);
        return (
          <Line
            key={line.key}
            dataKey={line.dataKey}
            name={line.label}
            stroke={gpuColor(palette, slots.get(line.key) ?? 1)}
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
            dot={renderDot(line, index)}
            activeDot={false}
            className={`history-series series-${line.dataKey}`}
          />
        );
      })}
    </ComposedChart>
  );
}
