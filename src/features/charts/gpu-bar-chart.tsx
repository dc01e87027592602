import { useMemo } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  XAxis,
  YAxis,
  useXAxisScale,
  useYAxisScale,
  type TooltipContentProps,
} from 'recharts';
import {
  barChartRows,
  barValueTop,
  whiskerStat,
  WHISKER_SUFFIX,
  type BarChartData,
  type BarChartRow,
} from '../../data/charts/bar-charts';
import type { ChartGpu } from '../../data/charts/chart-gpus';
import { axisTitle, markSource, valueScale, valueWithUnit } from '../../ui/chart-text';
import { useValueAxisLabel } from '../../ui/use-axis-label';
import { ArmedTooltip } from '../../ui/armed-tooltip';
import { TooltipBox, type TooltipEntry } from '../../ui/chart-tooltip';
import { useNumberTick, wrappedTick } from '../../ui/plain-tick';
import { fixedScale } from './value-axis';
import { gpuColor, type ChartPalette } from '../../ui/use-chart-palette';
import { wrapLabel, type WrappedLabel } from '../../ui/wrap-label';

/** Share of each category's band left empty on either side of its bars. */
const CATEGORY_GAP = 0.09;

const MARGIN_LEFT = 16;
const MARGIN_RIGHT = 12;
const Y_AXIS_WIDTH = 64;
const TICK_FONT_SIZE = 12;
/** Room (px) kept clear between neighbouring category labels. */
const LABEL_GAP = 8;
/** Longest a slanted label gets (px), so it stays inside the chart's bottom and left edge. */
const SLANTED_LABEL_WIDTH = 110;

interface BarLayerProps {
  readonly rows: readonly BarChartRow[];
  readonly gpus: readonly ChartGpu[];
  readonly palette: ChartPalette;
  readonly whiskers: boolean;
}

/** A coordinate to a tenth of a pixel: enough on screen, and short path strings. */
const px = (value: number): number => Math.round(value * 10) / 10;

/** A bar as path commands: a closed rectangle. */
function barPath(x: number, y: number, width: number, height: number): string {
  return `M${px(x)} ${px(y)}h${px(width)}v${px(height)}h${px(-width)}Z`;
}

/**
 * The bars, drawn straight from the chart's scales as one path of bars and one path of whiskers
 * per GPU. Recharts' <Bar> spends about 0.15 ms per bar on per-item components, and even a plain
 * <rect> per bar costs four attribute writes on every change: too much for 2,000 bars in 100 ms.
 * Axes, grid, tooltip and keyboard access stay recharts'.
 */
function BarLayer({ rows, gpus, palette, whiskers }: BarLayerProps) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (xScale === undefined || yScale === undefined || gpus.length === 0) return null;
  const zero = yScale(0) ?? 0;
  return (
    <g className="gpu-bars">
      {gpus.map((gpu, series) => {
        let bars = '';
        let count = 0;
        let whiskerPath = '';
        for (const row of rows) {
          const value = row[gpu.key];
          const start = xScale(row.test, { position: 'start' });
          const end = xScale(row.test, { position: 'end' });
          if (typeof value !== 'number' || start === undefined || end === undefined) continue;
          const band = end - start;
          const width = (band * (1 - 2 * CATEGORY_GAP)) / gpus.length;
          const x = start + band * CATEGORY_GAP + series * width;
          const top = yScale(value) ?? zero;
          bars += barPath(x, Math.min(top, zero), Math.max(0.5, width - 1), Math.abs(zero - top));
          count += 1;
          const span = row[`${gpu.key}${WHISKER_SUFFIX}`];
          if (whiskers && typeof span === 'object' && span !== null) {
            const tip = yScale(value + span[1]) ?? top;
            const cap = Math.min(4, width / 3);
            whiskerPath += `M${px(x + width / 2)} ${px(top)}V${px(tip)}m${px(-cap)} 0h${px(2 * cap)}`;
          }
        }
        return (
          <g key={gpu.key} className={`chart-series series-${gpu.key}`}>
            <path
              d={bars}
              fill={gpuColor(palette, gpu.slot)}
              className="chart-bars"
              data-bars={count}
            />
            {whiskerPath !== '' && (
              <path
                d={whiskerPath}
                stroke={palette.text}
                strokeWidth={1.5}
                fill="none"
                className="chart-whiskers"
              />
            )}
          </g>
        );
      })}
    </g>
  );
}

interface GpuBarChartProps {
  readonly data: BarChartData;
  readonly palette: ChartPalette;
  /** Series turned off in the legend. */
  readonly off: ReadonlySet<string>;
  readonly width: number;
  readonly height: number;
}

/** Bars per test (model), one per visible GPU, with optional p99 whiskers. */
export function GpuBarChart({ data, palette, off, width, height }: GpuBarChartProps) {
  const rows = useMemo(() => barChartRows(data), [data]);
  // The axis rows stay the same object while the tests do, so recharts keeps its data when only
  // the plotted values change (the layer draws the bars).
  const testsKey = data.groups.map((group) => group.key).join('\u0000');
  const axisRows = useMemo(
    () => testsKey.split('\u0000').map((test) => ({ test, anchor: 0 })),
    [testsKey],
  );
  const labels = useMemo(
    () => new Map(data.groups.map((group) => [group.key, group.label])),
    [data],
  );
  const shown = data.gpus.filter((gpu) => !off.has(gpu.key));
  const whiskerLabel = whiskerStat(data);

  const renderTooltip = ({ active, activeIndex }: TooltipContentProps) => {
    const index = Number(activeIndex);
    const group = Number.isInteger(index) ? data.groups[index] : undefined;
    if (!active || group === undefined) return null;
    const entries: TooltipEntry[] = [];
    for (const gpu of shown) {
      const bar = group.bars.get(gpu.key);
      if (bar === undefined) continue;
      const details = [markSource(bar)];
      if (bar.whisker !== null && whiskerLabel !== null) {
        details.unshift(`${whiskerLabel} ${valueWithUnit(data.metricKey, bar.whisker, data.unit)}`);
      }
      entries.push({
        key: gpu.key,
        color: gpuColor(palette, gpu.slot),
        name: gpu.label,
        value: valueWithUnit(data.metricKey, bar.value, data.unit),
        details,
      });
    }
    return <TooltipBox heading={group.label} entries={entries} />;
  };

  const many = rows.length > 8;
  // A fixed tick interval: 'preserveStartEnd' measures every label in the DOM on each render.
  const tickInterval = Math.max(
    0,
    Math.ceil(rows.length / Math.max(1, Math.floor(width / 70))) - 1,
  );
  // Each label gets the width of the categories it stands for: on a narrow plot it wraps onto two
  // lines (between its ` · ` parts first) and what still does not fit ends in … with a <title>.
  const plotWidth = Math.max(0, width - MARGIN_LEFT - MARGIN_RIGHT - Y_AXIS_WIDTH);
  const slot = (plotWidth / Math.max(1, rows.length)) * (tickInterval + 1) - LABEL_GAP;
  const wrapped = useMemo(() => {
    const fitted = new Map<string, WrappedLabel>();
    for (const [key, label] of labels) {
      fitted.set(
        key,
        many
          ? wrapLabel(label, SLANTED_LABEL_WIDTH, TICK_FONT_SIZE, 1)
          : wrapLabel(label, slot, TICK_FONT_SIZE, 2),
      );
    }
    return fitted;
  }, [labels, many, slot]);
  const twoLines = [...wrapped.values()].some((label) => label.lines.length > 1);
  const xTick = useMemo(
    () =>
      wrappedTick(
        (test) =>
          wrapped.get(String(test)) ?? {
            text: String(test),
            lines: [String(test)],
            shortened: false,
          },
        {
          fill: palette.text,
          fontSize: TICK_FONT_SIZE,
          axis: 'x',
          angle: many ? -30 : 0,
        },
      ),
    [wrapped, palette.text, many],
  );
  const yTick = useNumberTick(palette.text, 'y');
  const yLabel = useValueAxisLabel(
    axisTitle(data.label, data.unit, data.direction),
    palette.muted,
    -4,
    12,
  );
  const scale = useMemo(() => valueScale(barValueTop(data)), [data]);
  return (
    <ComposedChart
      width={width}
      height={height}
      data={axisRows}
      margin={{ top: 12, right: MARGIN_RIGHT, bottom: many ? 40 : 8, left: MARGIN_LEFT }}
      accessibilityLayer
      title={`${data.label} bar chart. Arrow keys move between tests; the tooltip reads the values.`}
    >
      <CartesianGrid vertical={false} stroke={palette.grid} />
      <XAxis
        dataKey="test"
        scale="band"
        stroke={palette.grid}
        tick={xTick}
        interval={tickInterval}
        height={many ? 70 : twoLines ? 44 : 30}
      />
      <YAxis
        stroke={palette.grid}
        tick={yTick}
        {...fixedScale(scale)}
        width={Y_AXIS_WIDTH}
        label={yLabel}
      />
      <ArmedTooltip
        content={renderTooltip}
        cursor={{ fill: palette.grid, fillOpacity: 0.35 }}
        isAnimationActive={false}
        includeHidden
      />
      {/* Hidden, never drawn: gives the tooltip a value at every test, so it shows over the bars. */}
      <Line dataKey="anchor" hide legendType="none" isAnimationActive={false} />
      <BarLayer rows={rows} gpus={shown} palette={palette} whiskers={data.whiskerKey !== null} />
    </ComposedChart>
  );
}
