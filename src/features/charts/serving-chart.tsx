import { createContext, useContext, useMemo, useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
  useXAxisScale,
  useYAxisScale,
  type TooltipContentProps,
} from 'recharts';
import type { LatencyStat } from '../../data/charts/bar-charts';
import { servingSummary } from '../../data/charts/chart-summaries';
import { qpsAxisRows, qpsText, qpsTickLabel, type QpsAxisRow } from '../../data/charts/qps-axis';
import {
  servingChart,
  type ServingChartData,
  type ServingLine,
  type ServingPanel,
} from '../../data/charts/serving-charts';
import { servingMetricChoices, servingMetricKey } from '../../data/charts/serving-metrics';
import type { ResultsView } from '../../data/result-index';
import { ChartFigure } from '../../ui/chart-figure';
import {
  axisTitle,
  formatTick,
  markDatasets,
  markSource,
  valueScale,
  valueWithUnit,
} from '../../ui/chart-text';
import { TooltipBox, type TooltipEntry } from '../../ui/chart-tooltip';
import { DataTable, type DataRow } from '../../ui/data-table';
import { EmptyChart } from './empty-chart';
import { OptionGroup, type Option } from '../../ui/option-group';
import { plainTick } from './plain-tick';
import { smallMultipleLayout } from './small-multiples';
import { dotsPath, linePath, type PixelPoint } from './svg-paths';
import { gpuColor, type ChartPalette } from '../../ui/use-chart-palette';
import { useElementWidth } from '../../ui/use-element-width';
import { useSeriesToggle } from '../../ui/use-series-toggle';

const TITLE = 'Serving metrics against offered QPS';

const STAT_LABELS: Readonly<Record<LatencyStat, string>> = {
  mean: 'Mean',
  median: 'Median',
  p99: 'P99',
};

interface PanelProps {
  readonly data: ServingChartData;
  readonly panel: ServingPanel;
  readonly palette: ChartPalette;
  readonly off: ReadonlySet<string>;
  readonly width: number;
}

interface ServingLayerProps {
  readonly panel: ServingPanel;
  readonly lines: readonly ServingLine[];
  readonly palette: ChartPalette;
  readonly showOffered: boolean;
}

/**
 * The lines, dots and saturation rings, drawn from the chart's scales: one path per GPU for its
 * line and one for its dots. Recharts' <Line> with dots costs several milliseconds per series and
 * a component per dot, too much for 2,000 points in 100 ms.
 */
function ServingLayer({ panel, lines, palette, showOffered }: ServingLayerProps) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (xScale === undefined || yScale === undefined) return null;
  const at = (qps: number, value: number): PixelPoint | null => {
    const x = xScale(qpsTickLabel(qps));
    const y = yScale(value);
    return x === undefined || y === undefined ? null : { x, y };
  };
  // Past a dozen or so QPS values a dot per value only clutters the line (and costs raster time).
  const dense = panel.qpsAxis.length > DOTS_UP_TO;
  const offered = showOffered
    ? panel.qpsAxis.flatMap((qps) => {
        const point = Number.isFinite(qps) ? at(qps, qps) : null;
        return point === null ? [] : [point];
      })
    : [];
  return (
    <g className="serving-lines">
      {offered.length > 1 && (
        <path
          d={linePath(offered)}
          stroke={palette.muted}
          strokeWidth={1.5}
          strokeDasharray="4 4"
          fill="none"
          className="offered-line"
        />
      )}
      {lines.map((line) => {
        const color = gpuColor(palette, line.gpu.slot);
        const points = panel.qpsAxis.flatMap((qps) => {
          const mark = line.points.get(qps);
          const point = mark === undefined ? null : at(qps, mark.value);
          return point === null ? [] : [point];
        });
        const saturation = line.saturation === null ? undefined : line.points.get(line.saturation);
        const ring =
          line.saturation === null || saturation === undefined
            ? null
            : at(line.saturation, saturation.value);
        return (
          <g key={line.gpu.key} className={`chart-series series-${line.gpu.key}`}>
            <path d={linePath(points)} stroke={color} strokeWidth={2} fill="none" />
            <path d={dense ? '' : dotsPath(points, 3)} fill={color} data-points={points.length} />
            {ring !== null && (
              <circle
                cx={ring.x}
                cy={ring.y}
                r={8}
                fill="none"
                stroke={color}
                strokeWidth={2}
                className="saturation-mark"
              />
            )}
          </g>
        );
      })}
    </g>
  );
}

/** The largest value (and offered rate, when drawn) the value axis must show. */
function valueAxisTop(panel: ServingPanel, showOffered: boolean): number {
  let top = 0;
  for (const line of panel.lines)
    for (const mark of line.points.values()) top = Math.max(top, mark.value);
  if (showOffered) {
    for (const qps of panel.qpsAxis) if (Number.isFinite(qps)) top = Math.max(top, qps);
  }
  return top;
}

const AXIS_PADDING = { left: 14, right: 34 };
/** Lines with up to this many QPS values get a dot at each. */
const DOTS_UP_TO = 16;
const PANEL_MARGIN = { top: 10, right: 16, bottom: 18, left: 8 };

/**
 * The QPS ticks to label: all when they fit (about 40 px each), else an even subset that always
 * keeps the last one, so "all at once" is always labelled.
 */
function qpsTicks(rows: readonly QpsAxisRow[], width: number): string[] {
  const labels = rows.map((row) => row.qps);
  const fit = Math.max(2, Math.floor((width - 100) / 40));
  if (labels.length <= fit) return labels;
  const step = Math.ceil((labels.length - 1) / (fit - 1));
  return labels.filter(
    (_, i) => i === labels.length - 1 || (i % step === 0 && labels.length - 1 - i >= step / 2),
  );
}

/** What changes in a small chart when the metric, filters or legend change. */
interface PanelState {
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
const PanelStateContext = createContext<PanelState | null>(null);

function usePanelState(): PanelState {
  const state = useContext(PanelStateContext);
  if (state === null) throw new Error('a serving chart part outside its chart');
  return state;
}

function PanelValueAxis() {
  const { data, panel, palette, isRate } = usePanelState();
  const yTick = useMemo(
    () => plainTick(formatTick, { fill: palette.text, fontSize: 12, axis: 'y' }),
    [palette.text],
  );
  const yTitle = axisTitle(data.label, data.unit, data.direction);
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
  const scale = useMemo(() => valueScale(valueAxisTop(panel, isRate)), [panel, isRate]);
  return (
    <YAxis
      stroke={palette.grid}
      tick={yTick}
      interval={0}
      domain={scale.domain}
      ticks={scale.ticks}
      allowDataOverflow
      niceTicks="none"
      width={58}
      label={yLabel}
    />
  );
}

function PanelTooltip() {
  const { data, panel, lines, palette } = usePanelState();
  const renderTooltip = ({ active, activeIndex }: TooltipContentProps) => {
    const qps = panel.qpsAxis[Number(activeIndex)];
    if (!active || qps === undefined) return null;
    const entries: TooltipEntry[] = [];
    for (const line of lines) {
      const mark = line.points.get(qps);
      if (mark === undefined) continue;
      const details = [markSource(mark)];
      if (line.saturation === qps) details.unshift('Saturates here');
      entries.push({
        key: line.gpu.key,
        color: gpuColor(palette, line.gpu.slot),
        name: line.gpu.label,
        value: valueWithUnit(data.metricKey, mark.value, data.unit),
        details,
      });
    }
    return <TooltipBox heading={`${panel.label} · QPS ${qpsText(qps)}`} entries={entries} />;
  };
  return (
    <Tooltip
      content={renderTooltip}
      isAnimationActive={false}
      cursor={{ stroke: palette.muted }}
      includeHidden
    />
  );
}

function PanelLines() {
  const { panel, lines, palette, isRate } = usePanelState();
  return <ServingLayer panel={panel} lines={lines} palette={palette} showOffered={isRate} />;
}

/** One model's small chart: a line per GPU across QPS, a ring where each GPU saturates. */
function ServingPanelChart({ data, panel, palette, off, width }: PanelProps) {
  // The axis rows stay the same object while the QPS values do, so recharts keeps its data when
  // only the plotted metric changes (the layer draws the values).
  const axisKey = panel.qpsAxis.join(' ');
  const rows = useMemo(() => qpsAxisRows(axisKey.split(' ').map(Number)), [axisKey]);
  const isRate = data.metricKey === 'request_throughput';
  const state = useMemo<PanelState>(
    () => ({
      data,
      panel,
      lines: panel.lines.filter((line) => !off.has(line.gpu.key)),
      palette,
      isRate,
    }),
    [data, panel, off, palette, isRate],
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
        <PanelValueAxis />
        <PanelTooltip />
        {/* Hidden, never drawn: gives the tooltip a value at every QPS. */}
        <Line dataKey="anchor" hide legendType="none" isAnimationActive={false} />
        <PanelLines />
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

function ServingDataTable({ data }: { data: ServingChartData }) {
  const rows: DataRow[] = [];
  for (const panel of data.panels) {
    for (const line of panel.lines) {
      for (const qps of panel.qpsAxis) {
        const mark = line.points.get(qps);
        if (mark === undefined) continue;
        rows.push({
          key: `${panel.key}|${line.gpu.key}|${qps}`,
          cells: [
            panel.label,
            line.gpu.label,
            qpsText(qps),
            valueWithUnit(data.metricKey, mark.value, data.unit),
            line.saturation === qps ? 'saturates here' : '',
            `${mark.testNames.join(', ')} · ${markDatasets(mark)}`,
          ],
        });
      }
    }
  }
  return (
    <DataTable
      caption={`${TITLE}: ${data.label} (${data.unit})`}
      columns={[
        { header: 'Model' },
        { header: 'GPU' },
        { header: 'QPS', numeric: true },
        { header: data.label, numeric: true },
        { header: 'Saturation' },
        { header: 'Source' },
      ]}
      rows={rows}
    />
  );
}

/** The serving chart: a metric picker, then one small chart per model of that metric against QPS. */
export function ServingChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const choices = useMemo(
    () => servingMetricChoices(view.index.metricKeys.serving),
    [view.index.metricKeys.serving],
  );
  const [metricId, setMetricId] = useState('ttft');
  const [stat, setStat] = useState<LatencyStat>('mean');
  const { off, toggle } = useSeriesToggle();
  const [measure, width] = useElementWidth(960);
  const choice = choices.find((entry) => entry.id === metricId) ?? choices[0];
  const metricKey = choice === undefined ? 'request_throughput' : servingMetricKey(choice, stat);
  const data = useMemo(() => servingChart(view, metricKey), [view, metricKey]);
  const { columns, cellWidth } = smallMultipleLayout(width);
  const stats: Option<LatencyStat>[] = (choice?.stats ?? []).map((value) => ({
    value,
    label: STAT_LABELS[value],
  }));

  return (
    <ChartFigure
      id="serving"
      title={TITLE}
      description="One small chart per model, one line per GPU, offered QPS from 1 to all requests at once. A ring marks where a GPU saturates: its achieved req/s falls below 90% of the offered rate."
      controls={
        <>
          <label className="chart-select">
            Metric
            <select
              value={choice?.id ?? ''}
              onChange={(event) => {
                setMetricId(event.target.value);
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
      legendNote={
        <p className="legend-note">
          <span className="saturation-key" aria-hidden="true" /> saturation point
          {data.metricKey === 'request_throughput' && (
            <>
              {' · '}
              <span className="offered-key" aria-hidden="true" /> offered QPS
            </>
          )}
        </p>
      }
      summary={servingSummary(data)}
      notice={
        data.omittedPanels > 0
          ? `Showing ${data.panels.length} models; ${data.omittedPanels} more are left out to keep the charts fast. Narrow the Model filter to see them.`
          : null
      }
      renderData={() => <ServingDataTable data={data} />}
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
              <ServingPanelChart
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
