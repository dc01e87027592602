import { createContext, useContext, useMemo, useState } from 'react';
import { CartesianGrid, ScatterChart, XAxis, YAxis, usePlotArea, type LabelProps } from 'recharts';
import type { LatencyStat } from '../../data/charts/bar-charts';
import type { ChartGpu } from '../../data/charts/chart-gpus';
import { tradeOffSummary } from '../../data/charts/chart-summaries';
import { qpsText } from '../../data/charts/qps-axis';
import { latencyChoices, servingMetricKey } from '../../data/charts/serving-metrics';
import {
  tradeOffChart,
  type TradeOffData,
  type TradeOffPanel,
  type TradeOffPoint,
  type TradeOffSeries,
} from '../../data/charts/trade-off';
import type { ResultsView } from '../../data/result-index';
import { ChartFigure } from '../../ui/chart-figure';
import {
  axisTitle,
  formatTick,
  markDatasets,
  markSource,
  valueScale,
  type ValueScale,
  valueWithUnit,
} from '../../ui/chart-text';
import { TooltipBox } from '../../ui/chart-tooltip';
import { DataTable, type DataRow } from '../../ui/data-table';
import { EmptyChart } from './empty-chart';
import { OptionGroup, type Option } from '../../ui/option-group';
import { plainTick } from './plain-tick';
import { smallMultipleLayout } from './small-multiples';
import { dotsPath, linePath, type PixelPoint } from './svg-paths';
import { gpuColor, type ChartPalette } from '../../ui/use-chart-palette';
import { useElementWidth } from '../../ui/use-element-width';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { wrapLabel, type WrappedLabel } from './wrap-label';

const TITLE = 'Trade-off: achieved rate against response time';

const STAT_LABELS: Readonly<Record<LatencyStat, string>> = {
  mean: 'Mean',
  median: 'Median',
  p99: 'P99',
};

/** One point of the panel, with its series, in the order the keyboard walks them. */
interface PanelPoint {
  readonly gpu: ChartGpu;
  readonly point: TradeOffPoint;
}

interface ActivePoint {
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

/** How close (px) the pointer must come to a point to show it. */
const HOVER_RADIUS = 24;

interface TradeOffLayerProps {
  readonly axes: PanelAxesScales;
  readonly series: readonly TradeOffSeries[];
  readonly points: readonly PanelPoint[];
  readonly palette: ChartPalette;
  readonly active: ActivePoint | null;
  readonly onActive: (active: ActivePoint | null) => void;
  readonly label: string;
}

/**
 * Points and frontiers drawn from the chart's scales, one path per GPU for each, and the pointer
 * and keyboard handling that picks a point for the tooltip. Recharts' <Scatter> renders a
 * component per point and its item tooltip needs one per series: too slow at 2,000 points.
 */
function TradeOffLayer({
  axes,
  series,
  points,
  palette,
  active,
  onActive,
  label,
}: TradeOffLayerProps) {
  const area = usePlotArea();
  // Pixel positions and paths, worked out once per drawing (not on every pointer move). Both axes
  // are linear from the domains this chart set, so a point's pixel is plain arithmetic.
  const drawn = useMemo(() => {
    if (area === undefined) return null;
    const [x0, x1] = axes.x.domain;
    const [y0, y1] = axes.y.domain;
    const xPer = area.width / (x1 - x0);
    const yPer = area.height / (y1 - y0);
    const at = new Map<TradeOffPoint, PixelPoint>();
    for (const { point } of points) {
      at.set(point, {
        x: area.x + (point.x - x0) * xPer,
        y: area.y + area.height - (point.y - y0) * yPer,
      });
    }
    const placed = (list: readonly TradeOffPoint[]): PixelPoint[] =>
      list.flatMap((point) => {
        const pixel = at.get(point);
        return pixel === undefined ? [] : [pixel];
      });
    return {
      pixels: points.map(({ point }) => at.get(point) ?? null),
      series: series.map((entry) => {
        const own = placed(entry.points);
        return {
          gpu: entry.gpu,
          dots: dotsPath(own, 4.5),
          count: own.length,
          frontier: linePath(placed(entry.frontier)),
        };
      }),
    };
  }, [area, axes, points, series]);
  if (drawn === null || area === undefined) return null;
  const { pixels } = drawn;
  const activate = (index: number): void => {
    const pixel = pixels[index];
    onActive(pixel === null || pixel === undefined ? null : { index, ...pixel });
  };
  const nearest = (x: number, y: number): number => {
    let best = -1;
    let bestDistance = HOVER_RADIUS;
    pixels.forEach((pixel, index) => {
      if (pixel === null) return;
      const distance = Math.hypot(pixel.x - x, pixel.y - y);
      if (distance < bestDistance) {
        best = index;
        bestDistance = distance;
      }
    });
    return best;
  };
  const activePixel = active === null ? null : (pixels[active.index] ?? null);
  const activeGpu = active === null ? undefined : points[active.index]?.gpu;

  return (
    <g className="trade-off-points">
      {drawn.series.map((entry) => {
        const color = gpuColor(palette, entry.gpu.slot);
        return (
          <g key={entry.gpu.key} className={`chart-series series-${entry.gpu.key}`}>
            <path
              d={entry.frontier}
              stroke={color}
              strokeWidth={2}
              fill="none"
              className="frontier-line"
            />
            <path d={entry.dots} fill={color} data-points={entry.count} />
          </g>
        );
      })}
      {activePixel !== null && activeGpu !== undefined && (
        <circle
          cx={activePixel.x}
          cy={activePixel.y}
          r={8}
          fill="none"
          stroke={gpuColor(palette, activeGpu.slot)}
          strokeWidth={2}
          className="active-point"
        />
      )}
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        className="trade-off-hit"
        tabIndex={0}
        role="application"
        aria-label={`${label}. Arrow keys move between points; the tooltip reads each one.`}
        onMouseMove={(event) => {
          const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
          if (box === undefined) return;
          const index = nearest(event.clientX - box.left, event.clientY - box.top);
          if (index === -1) onActive(null);
          else if (index !== active?.index) activate(index);
        }}
        onMouseLeave={() => {
          onActive(null);
        }}
        onFocus={() => {
          if (active === null && points.length > 0) activate(0);
        }}
        onBlur={() => {
          onActive(null);
        }}
        onKeyDown={(event) => {
          const count = points.length;
          if (count === 0) return;
          const current = active?.index ?? -1;
          let next: number | null = null;
          if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (current + 1) % count;
          else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
            next = (current - 1 + count) % count;
          else if (event.key === 'Home') next = 0;
          else if (event.key === 'End') next = count - 1;
          else if (event.key === 'Escape') {
            onActive(null);
            return;
          }
          if (next === null) return;
          event.preventDefault();
          activate(next);
        }}
      />
    </g>
  );
}

interface PanelProps {
  readonly data: TradeOffData;
  readonly panel: TradeOffPanel;
  readonly palette: ChartPalette;
  readonly off: ReadonlySet<string>;
  readonly width: number;
}

const PANEL_MARGIN = { top: 10, right: 16, bottom: 22, left: 8 };
const Y_AXIS_WIDTH = 58;
const AXIS_TITLE_SIZE = 12;
/** Line height (px) of a wrapped axis title. */
const TITLE_LINE = 14;

/**
 * The x-axis title in the lines it needs: one where the chart is wide enough, else broken at its
 * ` · ` (`Achieved throughput (req/s)` over `higher is better`). It is centred under the plot,
 * so it may use the plot's width and the right margin on both sides.
 */
function xAxisTitle(title: string, width: number): WrappedLabel {
  const plotWidth = width - PANEL_MARGIN.left - PANEL_MARGIN.right - Y_AXIS_WIDTH;
  return wrapLabel(title, plotWidth + 2 * PANEL_MARGIN.right - 8, AXIS_TITLE_SIZE, 2);
}

/** The two value axes of a small chart, both from 0. */
interface PanelAxesScales {
  readonly x: ValueScale;
  readonly y: ValueScale;
}

/** What changes in a small chart when the latency, filters, legend or pointed point change. */
interface PanelState {
  readonly data: TradeOffData;
  readonly panel: TradeOffPanel;
  readonly axes: PanelAxesScales;
  /** The x-axis title, in lines that fit the chart's width. */
  readonly xTitle: WrappedLabel;
  readonly series: readonly TradeOffSeries[];
  readonly points: readonly PanelPoint[];
  readonly palette: ChartPalette;
  readonly active: ActivePoint | null;
  readonly onActive: (active: ActivePoint | null) => void;
}

/**
 * The changing parts of a small chart (axes, points) read their state from here, so a change
 * re-renders them and not the chart itself: re-rendering a recharts chart makes it re-derive all
 * its state, which at six small charts costs more than drawing 2,000 points.
 */
const PanelStateContext = createContext<PanelState | null>(null);

function usePanelState(): PanelState {
  const state = useContext(PanelStateContext);
  if (state === null) throw new Error('a trade-off chart part outside its chart');
  return state;
}

function PanelAxes() {
  const { data, axes, xTitle, palette } = usePanelState();
  const xTick = useMemo(
    () => plainTick(formatTick, { fill: palette.text, fontSize: 12, axis: 'x' }),
    [palette.text],
  );
  const yTick = useMemo(
    () => plainTick(formatTick, { fill: palette.text, fontSize: 12, axis: 'y' }),
    [palette.text],
  );
  const yTitle = axisTitle(data.yLabel, data.yUnit, 'lower');
  const xLabel = useMemo(
    () => ({
      position: 'insideBottom' as const,
      offset: -14,
      // Recharts places the first line's baseline; further lines go below it, in the margin the
      // chart keeps for them.
      content: ({ x, y }: LabelProps) => {
        const drawn = (
          <text
            className="recharts-label"
            x={x}
            y={y}
            textAnchor="middle"
            fill={palette.muted}
            fontSize={AXIS_TITLE_SIZE}
          >
            {xTitle.lines.map((line, i) => (
              <tspan key={i} x={x} dy={i === 0 ? 0 : TITLE_LINE}>
                {line}
              </tspan>
            ))}
          </text>
        );
        if (!xTitle.shortened) return drawn;
        return (
          <g>
            <title>{xTitle.text}</title>
            {drawn}
          </g>
        );
      },
    }),
    [xTitle, palette.muted],
  );
  const yLabel = useMemo(
    () => ({
      value: yTitle,
      angle: -90,
      position: 'insideLeft' as const,
      offset: 2,
      style: { textAnchor: 'middle' as const, fill: palette.muted, fontSize: 11 },
    }),
    [yTitle, palette.muted],
  );
  return (
    <>
      <XAxis
        type="number"
        dataKey="x"
        domain={axes.x.domain}
        ticks={axes.x.ticks}
        allowDataOverflow
        niceTicks="none"
        name={data.xLabel}
        stroke={palette.grid}
        tick={xTick}
        interval={0}
        label={xLabel}
      />
      <YAxis
        type="number"
        dataKey="y"
        domain={axes.y.domain}
        ticks={axes.y.ticks}
        allowDataOverflow
        niceTicks="none"
        name={data.yLabel}
        stroke={palette.grid}
        tick={yTick}
        interval={0}
        width={Y_AXIS_WIDTH}
        label={yLabel}
      />
    </>
  );
}

function PanelPoints() {
  const { data, panel, axes, series, points, palette, active, onActive } = usePanelState();
  return (
    <TradeOffLayer
      axes={axes}
      series={series}
      points={points}
      palette={palette}
      active={active}
      onActive={onActive}
      label={`${data.yLabel} against achieved throughput for ${panel.label}`}
    />
  );
}

const PANEL_HEIGHT = 260;

function TradeOffPanelChart({ data, panel, palette, off, width }: PanelProps) {
  const series = useMemo(
    () => panel.series.filter((entry) => !off.has(entry.gpu.key)),
    [panel, off],
  );
  const points = useMemo(
    () => series.flatMap((entry) => entry.points.map((point) => ({ gpu: entry.gpu, point }))),
    [series],
  );
  const [active, setActive] = useState<ActivePoint | null>(null);
  const shown = active === null ? undefined : points[active.index];
  const height = PANEL_HEIGHT;
  // Axes cover every GPU of the panel, so turning one off in the legend keeps them still; each
  // stays the same object while its top does, so a new latency leaves the x axis alone.
  let xMax = 0;
  let yMax = 0;
  for (const entry of panel.series) {
    for (const point of entry.points) {
      xMax = Math.max(xMax, point.x);
      yMax = Math.max(yMax, point.y);
    }
  }
  const xScale = useMemo(() => valueScale(xMax), [xMax]);
  const yScale = useMemo(() => valueScale(yMax), [yMax]);
  const axes = useMemo<PanelAxesScales>(() => ({ x: xScale, y: yScale }), [xScale, yScale]);
  const title = axisTitle(data.xLabel, data.xUnit, 'higher');
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
        <PanelAxes />
        <PanelPoints />
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
                  key: shown.gpu.key,
                  color: gpuColor(palette, shown.gpu.slot),
                  name: shown.gpu.label,
                  value: `${valueWithUnit(data.xKey, shown.point.x, data.xUnit)} at ${valueWithUnit(data.yKey, shown.point.y, data.yUnit)} ${data.yLabel}`,
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

function TradeOffDataTable({ data }: { data: TradeOffData }) {
  const rows: DataRow[] = [];
  for (const panel of data.panels) {
    for (const series of panel.series) {
      const frontier = new Set(series.frontier);
      for (const point of series.points) {
        rows.push({
          key: `${panel.key}|${series.gpu.key}|${point.qps}`,
          cells: [
            panel.label,
            series.gpu.label,
            qpsText(point.qps),
            valueWithUnit(data.xKey, point.x, data.xUnit),
            valueWithUnit(data.yKey, point.y, data.yUnit),
            frontier.has(point) ? 'yes' : 'no',
            markDatasets(point.yMark),
          ],
        });
      }
    }
  }
  return (
    <DataTable
      caption={`${TITLE}: ${data.xLabel} (${data.xUnit}) and ${data.yLabel} (${data.yUnit})`}
      columns={[
        { header: 'Model' },
        { header: 'GPU' },
        { header: 'QPS', numeric: true },
        { header: `${data.xLabel} (${data.xUnit})`, numeric: true },
        { header: `${data.yLabel} (${data.yUnit})`, numeric: true },
        { header: 'On frontier' },
        { header: 'Source' },
      ]}
      rows={rows}
    />
  );
}

/** Achieved req/s against a chosen latency per GPU and model, with each GPU's Pareto frontier. */
export function TradeOffChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const choices = useMemo(
    () => latencyChoices(view.index.metricKeys.serving),
    [view.index.metricKeys.serving],
  );
  const [quantity, setQuantity] = useState('ttft');
  const [stat, setStat] = useState<LatencyStat>('p99');
  const { off, toggle } = useSeriesToggle();
  const [measure, width] = useElementWidth(960);
  const choice = choices.find((entry) => entry.id === quantity) ?? choices[0];
  const yKey = choice === undefined ? 'ttft_p99' : servingMetricKey(choice, stat);
  const data = useMemo(() => tradeOffChart(view, yKey), [view, yKey]);
  const { columns, cellWidth } = smallMultipleLayout(width);
  const stats: Option<LatencyStat>[] = (choice?.stats ?? []).map((value) => ({
    value,
    label: STAT_LABELS[value],
  }));
  const notices = [
    data.omittedPanels > 0
      ? `${data.omittedPanels} more models are left out to keep the charts fast; narrow the Model filter to see them.`
      : '',
    data.thinnedPoints > 0
      ? `${data.thinnedPoints} points are thinned out (frontier points are all kept).`
      : '',
  ].filter((text) => text !== '');

  return (
    <ChartFigure
      id="trade-off"
      title={TITLE}
      description="Each point is one GPU at one offered QPS: right is more throughput, down is less latency. The line joins each GPU's Pareto frontier, the runs no other run of that GPU beats on both."
      controls={
        <>
          <label className="chart-select">
            Response time
            <select
              value={choice?.id ?? ''}
              onChange={(event) => {
                setQuantity(event.target.value);
              }}
            >
              {choices.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.label}
                </option>
              ))}
            </select>
          </label>
          {stats.length > 0 && (
            <OptionGroup label="Statistic" options={stats} value={stat} onChange={setStat} />
          )}
        </>
      }
      palette={palette}
      legend={{ gpus: data.gpus, off, onToggle: toggle }}
      summary={tradeOffSummary(data)}
      notice={notices.length > 0 ? notices.join(' ') : null}
      renderData={() => <TradeOffDataTable data={data} />}
      wide
    >
      <div ref={measure} className="chart-measure">
        {data.panels.length === 0 ? (
          <EmptyChart />
        ) : (
          <div
            className="small-multiples"
            style={{ gridTemplateColumns: `repeat(${columns}, ${cellWidth}px)` }}
          >
            {data.panels.map((panel) => (
              <TradeOffPanelChart
                key={panel.key}
                data={data}
                panel={panel}
                palette={palette}
                off={off}
                width={cellWidth}
              />
            ))}
          </div>
        )}
      </div>
    </ChartFigure>
  );
}
