import { useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type BaseTickContentProps,
  type DotItemDotProps,
  type TooltipContentProps,
} from 'recharts';
import type { ChartGpu } from '../../data/charts/chart-gpus';
import { PALETTE_SIZE } from '../../data/charts/chart-gpus';
import { formatChange } from '../../data/compare';
import {
  canMoveRun,
  defaultHistoryMetric,
  formatHistoryDate,
  historyChangeAxis,
  historyChangeText,
  historyChartRows,
  historyData,
  historyEmptyText,
  historyMetricKeys,
  historyMetricLabel,
  historySource,
  historySummary,
  historyTestChoices,
  historyValueText,
  moveRun,
  type HistoryData,
  type HistoryOrdering,
  type HistoryRun,
  type HistoryScale,
  type HistorySeries,
} from '../../data/history';
import { selectResultsView, useDashboardStore } from '../../store/dashboard-store';
import { ChartFigure } from '../../ui/chart-figure';
import { axisTitle, formatTick, valueScale } from '../../ui/chart-text';
import { TooltipBox, type TooltipEntry } from '../../ui/chart-tooltip';
import { DataTable, type DataRow } from '../../ui/data-table';
import { OptionGroup, type Option } from '../../ui/option-group';
import { gpuColor, useChartPalette, type ChartPalette } from '../../ui/use-chart-palette';
import { useElementWidth } from '../../ui/use-element-width';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import './history.css';

const TITLE = 'History';

const SCALES: readonly Option<HistoryScale>[] = [
  { value: 'change', label: 'Change from baseline' },
  { value: 'value', label: 'Values' },
];

const ORDER_TEXT: Readonly<Record<HistoryOrdering, string>> = {
  date: 'in the order of the dates their files give',
  user: 'in the order set below (these files give no date)',
  mixed: 'runs with a date in date order, the others where they are set below',
};

const ALL_TESTS = '';
/** The most tests the Test select lists; the search box narrows the rest. */
const MAX_TEST_OPTIONS = 500;
/** The value of the note that more tests exist (never a test key: those are JSON arrays). */
const MORE_TESTS = 'more';
const CHART_HEIGHT = 340;
const CHART_MARGIN = { top: 26, right: 24, bottom: 8, left: 8 };
const AXIS_PADDING = { left: 28, right: 28 };
/** Room above and below the plotted range, so a marker on its edge is drawn whole. */
const VALUE_PADDING = { top: 10, bottom: 10 };
/** Longest run label an axis tick shows; the full label is in its tooltip and the data table. */
const TICK_LABEL_LENGTH = 22;

/** Marker shapes, so series that share a colour (more than eight tests) still differ. */
type Shape = 'circle' | 'square' | 'triangle' | 'cross';
const SHAPES: readonly Shape[] = ['circle', 'square', 'triangle', 'cross'];

function seriesShape(index: number): Shape {
  return SHAPES[Math.floor(index / PALETTE_SIZE) % SHAPES.length] ?? 'circle';
}

const SHAPE_GLYPHS: Readonly<Record<Shape, string>> = {
  circle: '●',
  square: '■',
  triangle: '▲',
  cross: '✕',
};

/**
 * A series' legend label: its test name, and its marker's shape when colours repeat (more tests
 * than colours), so each line can be told from the one sharing its colour.
 */
function legendLabel(label: string, index: number, count: number): string {
  return count > PALETTE_SIZE ? `${label} ${SHAPE_GLYPHS[seriesShape(index)]}` : label;
}

function seriesSlot(index: number): number {
  return (index % PALETTE_SIZE) + 1;
}

function shapePath(shape: Shape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'square':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle':
      return `M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`;
    case 'cross':
      return `M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`;
    case 'circle':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
}

/** The baseline's marker: a large hollow diamond, whatever the series' own shape. */
function diamondPath(x: number, y: number, r: number): string {
  return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;
}

function shortLabel(label: string): string {
  return label.length > TICK_LABEL_LENGTH ? `${label.slice(0, TICK_LABEL_LENGTH - 1)}…` : label;
}

/** A run's tick: its label (shortened) and, below, its date; the baseline's in bold. */
function runTick(runs: readonly HistoryRun[], baselineId: string | null, palette: ChartPalette) {
  return function RunTick({ x, y, payload }: BaseTickContentProps) {
    const run = runs[Number(payload.value)];
    if (run === undefined) return null;
    const isBaseline = run.id === baselineId;
    return (
      <text
        x={Number(x)}
        y={Number(y)}
        textAnchor="middle"
        fill={palette.text}
        fontSize={11}
        fontWeight={isBaseline ? 700 : 400}
        className="history-tick"
      >
        <title>{run.date === null ? run.label : `${run.label} · ${run.date}`}</title>
        <tspan x={Number(x)} dy="0.9em">
          {shortLabel(run.axisLabel)}
        </tspan>
        {run.date !== null && (
          <tspan x={Number(x)} dy="1.2em" fill={palette.muted}>
            {formatHistoryDate(run.date).slice(0, 10)}
          </tspan>
        )}
      </text>
    );
  };
}

interface PlotProps {
  readonly data: HistoryData;
  readonly scale: HistoryScale;
  readonly shown: readonly HistorySeries[];
  readonly slots: ReadonlyMap<string, number>;
  readonly palette: ChartPalette;
  readonly width: number;
}

function changeTick(value: unknown): string {
  if (typeof value !== 'number') return String(value);
  return formatChange(value);
}

/** The line chart: one line per shown test across the runs, the baseline marked. */
function HistoryPlot({ data, scale, shown, slots, palette, width }: PlotProps) {
  const rows = useMemo(() => historyChartRows(data, scale), [data, scale]);
  const baselineId = data.baseline?.run.id ?? null;
  const baselinePosition = data.baseline?.run.position ?? null;
  const tick = useMemo(
    () => runTick(data.runs, baselineId, palette),
    [data.runs, baselineId, palette],
  );
  const valueAxis = useMemo(() => {
    let top = 0;
    for (const line of data.series) {
      for (const point of line.points) if (point.value !== null) top = Math.max(top, point.value);
    }
    return valueScale(top);
  }, [data.series]);
  const changeAxis = useMemo(() => historyChangeAxis(data, shown), [data, shown]);
  const yAxis = scale === 'change' ? changeAxis : valueAxis;
  const yTitle =
    scale === 'change'
      ? axisTitle('Change from baseline', '%', data.direction)
      : axisTitle(data.label, data.unit, data.direction);

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
    const parts = [run.label];
    if (run.date !== null) parts.push(formatHistoryDate(run.date));
    if (run.id === baselineId) parts.push('Baseline');
    return <TooltipBox heading={parts.join(' · ')} entries={entries} />;
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
    <LineChart
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
        tick={{ fill: palette.text, fontSize: 12 }}
        tickFormatter={scale === 'change' ? changeTick : formatTick}
        domain={yAxis.domain}
        ticks={yAxis.ticks}
        width={64}
        padding={VALUE_PADDING}
        label={{
          value: yTitle,
          angle: -90,
          position: 'insideLeft',
          offset: 2,
          style: { textAnchor: 'middle', fill: palette.muted, fontSize: 11 },
        }}
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
      <Tooltip
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
    </LineChart>
  );
}

function HistoryDataTable({ data }: { data: HistoryData }) {
  const rows: DataRow[] = [];
  for (const line of data.series) {
    for (const run of data.runs) {
      const point = line.points[run.position];
      if (point === undefined) continue;
      rows.push({
        key: `${line.key}|${run.id}`,
        cells: [
          line.label,
          String(run.position + 1),
          run.label,
          run.date === null ? 'no date' : formatHistoryDate(run.date),
          historyValueText(data.metricKey, point.value, data.unit),
          historyChangeText(point),
        ],
      });
    }
  }
  const unit = data.unit === '' ? '' : ` (${data.unit})`;
  return (
    <DataTable
      caption={`${TITLE}: ${data.label}${unit} on ${data.gpu}`}
      columns={[
        { header: 'Test' },
        { header: '#', numeric: true },
        { header: 'Dataset' },
        { header: 'Date' },
        { header: `${data.label}${unit}`, numeric: true },
        { header: 'Change from baseline', numeric: true },
      ]}
      rows={rows}
    />
  );
}

interface OrderListProps {
  readonly data: HistoryData;
  readonly onMove: (id: string, delta: -1 | 1) => void;
}

/** The runs in their order, each with buttons to move it earlier or later. */
function RunOrder({ data, onMove }: OrderListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<{ id: string; delta: -1 | 1 } | null>(null);
  // Moving a run re-orders the list: keep the focus on the button just used (or its partner when
  // the run reached an end), so Earlier, Earlier, Earlier works from the keyboard.
  useEffect(() => {
    const focus = pendingFocus.current;
    pendingFocus.current = null;
    if (focus === null || listRef.current === null) return;
    const buttons = listRef.current.querySelectorAll<HTMLButtonElement>('button[data-run]');
    const mine = [...buttons].filter((button) => button.dataset.run === focus.id);
    const wanted = mine.find(
      (button) => button.dataset.delta === String(focus.delta) && !button.disabled,
    );
    (wanted ?? mine.find((button) => !button.disabled))?.focus();
  }, [data]);
  const runs = data.runs;
  return (
    <div className="history-order">
      <p className="history-order-note">
        {data.ordering === 'mixed'
          ? 'Datasets with a date stay in date order; place the ones without a date.'
          : 'These datasets have no date: set their order.'}
      </p>
      <ol ref={listRef} className="history-order-list" aria-label="Order of datasets">
        {runs.map((run, index) => (
          <li key={run.id}>
            <span className="history-order-label">{run.label}</span>
            <span className="history-order-date">
              {run.date === null ? 'no date' : formatHistoryDate(run.date)}
            </span>
            <button
              type="button"
              data-run={run.id}
              data-delta="-1"
              aria-label={`Move ${run.axisLabel} earlier`}
              disabled={!canMoveRun(runs, index, -1)}
              onClick={() => {
                pendingFocus.current = { id: run.id, delta: -1 };
                onMove(run.id, -1);
              }}
            >
              ↑ Earlier
            </button>
            <button
              type="button"
              data-run={run.id}
              data-delta="1"
              aria-label={`Move ${run.axisLabel} later`}
              disabled={!canMoveRun(runs, index, 1)}
              onClick={() => {
                pendingFocus.current = { id: run.id, delta: 1 };
                onMove(run.id, 1);
              }}
            >
              ↓ Later
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Select({
  label,
  value,
  options,
  onChange,
}: {
  readonly label: string;
  readonly value: string;
  readonly options: readonly {
    readonly value: string;
    readonly label: string;
    readonly disabled?: boolean;
  }[];
  readonly onChange: (value: string) => void;
}) {
  return (
    <label className="chart-select">
      {label}
      <select
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

interface HistoryChartProps {
  /**
   * The run to compare against (the Compare view's baseline dataset). Null: the chart offers its
   * own Baseline choice, the first run by default.
   */
  readonly baselineId: string | null;
}

/**
 * History: a metric of the same tests across the runs of one GPU, in date order (or the order
 * set), with the baseline run marked, so a slow drift shows as plainly as a jump.
 */
export function HistoryChart({ baselineId }: HistoryChartProps) {
  // Deferred, as the other charts: tables paint first after a filter change.
  const view = useDeferredValue(useDashboardStore(selectResultsView));
  const datasets = useDashboardStore((state) => state.datasets);
  const palette = useChartPalette();
  const source = useMemo(() => historySource(view), [view]);
  const [gpuChoice, setGpuChoice] = useState<string | null>(null);
  const [metricChoice, setMetricChoice] = useState<string | null>(null);
  const [testChoice, setTestChoice] = useState<string>(ALL_TESTS);
  const [scale, setScale] = useState<HistoryScale>('change');
  const [order, setOrder] = useState<readonly string[]>([]);
  const [ownBaseline, setOwnBaseline] = useState<string | null>(null);
  const { off, toggle } = useSeriesToggle();
  const [measure, width] = useElementWidth(720);

  const group = source.groups.find((entry) => entry.gpu === gpuChoice) ?? source.groups[0] ?? null;
  const metricKeys = useMemo(() => (group === null ? [] : historyMetricKeys(group)), [group]);
  const metricKey =
    metricChoice !== null && metricKeys.includes(metricChoice)
      ? metricChoice
      : defaultHistoryMetric(metricKeys);
  const tests = useMemo(
    () => (group === null || metricKey === null ? [] : historyTestChoices(group, metricKey)),
    [group, metricKey],
  );
  const testKey = tests.some((test) => test.key === testChoice) ? testChoice : null;
  const requestedBaseline = baselineId ?? ownBaseline;
  const data = useMemo(
    () =>
      group === null || metricKey === null
        ? null
        : historyData(group, { metricKey, order, baselineId: requestedBaseline, testKey }),
    [group, metricKey, order, requestedBaseline, testKey],
  );

  if (data === null || group === null) {
    const text = historyEmptyText(source.emptyReason ?? 'no-results');
    return (
      <ChartFigure
        id="history"
        title={TITLE}
        description="A metric of the same tests across runs of one GPU, in date order, with the baseline marked."
        palette={palette}
        legend={null}
        summary="No history to show: fewer than two datasets share a GPU and tests."
        renderData={() => <p className="chart-empty">No data.</p>}
        wide
      >
        <p className="chart-empty history-empty">{text}</p>
      </ChartFigure>
    );
  }

  const slots = new Map(data.series.map((line, i) => [line.key, seriesSlot(i)]));
  const legendEntries: ChartGpu[] = data.series.map((line, i) => ({
    value: line.key,
    label: legendLabel(line.label, i, data.series.length),
    key: line.key,
    slot: seriesSlot(i),
  }));
  const shown = data.series.filter((line) => !off.has(line.key));
  const baselineLabel = data.baseline?.run.label ?? '';
  const missingBaseline =
    data.baselineMissing && requestedBaseline !== null
      ? (datasets.find((dataset) => dataset.id === requestedBaseline)?.label ?? requestedBaseline)
      : null;

  const moveRunBy = (id: string, delta: -1 | 1): void => {
    const moved = moveRun(
      data.runs.map((run) => run.id),
      id,
      delta,
    );
    setOrder((current) => [...moved, ...current.filter((other) => !moved.includes(other))]);
  };

  const notices: string[] = [];
  if (data.omittedSeries > 0) {
    notices.push(
      `Showing the first ${data.series.length} of ${data.series.length + data.omittedSeries} tests. Pick one test, or narrow the filters or the search, to see the others.`,
    );
  }
  if (missingBaseline !== null) {
    notices.push(
      `The baseline ${missingBaseline} has no results of these tests on ${data.gpu} that the filters show; changes are from the first dataset instead.`,
    );
  } else if (data.baseline !== null && data.series.every((line) => line.baselineValue === null)) {
    notices.push(
      `The baseline ${baselineLabel} has no ${data.label} value for these tests, so no change can be worked out.`,
    );
  }

  // A select of thousands of tests helps no one and costs a DOM node each: the search narrows.
  const testOptions: { value: string; label: string; disabled?: boolean }[] = [
    { value: ALL_TESTS, label: `All tests (${tests.length})` },
    ...tests.slice(0, MAX_TEST_OPTIONS).map((test) => ({ value: test.key, label: test.label })),
  ];
  if (tests.length > MAX_TEST_OPTIONS) {
    testOptions.push({
      value: MORE_TESTS,
      label: `…and ${(tests.length - MAX_TEST_OPTIONS).toLocaleString('en-US')} more: narrow the search`,
      disabled: true,
    });
  }
  if (testKey !== null && !testOptions.some((option) => option.value === testKey)) {
    const chosen = tests.find((test) => test.key === testKey);
    if (chosen !== undefined) testOptions.push({ value: chosen.key, label: chosen.label });
  }

  const controls: ReactNode = (
    <>
      <Select
        label="Metric"
        value={data.metricKey}
        options={metricKeys.map((key) => ({ value: key, label: historyMetricLabel(key) }))}
        onChange={setMetricChoice}
      />
      <Select
        label="GPU"
        value={group.gpu}
        options={source.groups.map((entry) => ({
          value: entry.gpu,
          label: `${entry.gpu} (${entry.datasets.length} datasets)`,
        }))}
        onChange={setGpuChoice}
      />
      <Select
        label="Test"
        value={testKey ?? ALL_TESTS}
        options={testOptions}
        onChange={setTestChoice}
      />
      {baselineId === null && (
        <Select
          label="Baseline"
          value={data.baseline?.run.id ?? ''}
          options={data.runs.map((run) => ({ value: run.id, label: run.axisLabel }))}
          onChange={setOwnBaseline}
        />
      )}
      <OptionGroup label="Show" options={SCALES} value={scale} onChange={setScale} />
    </>
  );

  return (
    <ChartFigure
      id="history"
      title={TITLE}
      description={`One line per test across the runs of ${data.gpu}, ${ORDER_TEXT[data.ordering]}. The dashed line and hollow diamonds mark the baseline run.`}
      controls={controls}
      palette={palette}
      legend={{ gpus: legendEntries, off, onToggle: toggle }}
      legendNote={
        <p className="legend-note">
          <span className="history-baseline-key" aria-hidden="true" /> baseline:{' '}
          <span className="history-baseline-name">{baselineLabel}</span>
        </p>
      }
      summary={historySummary(data)}
      notice={notices.length === 0 ? null : notices.join(' ')}
      renderData={() => <HistoryDataTable data={data} />}
      wide
    >
      <div ref={measure} className="chart-measure">
        {data.runs.length < 2 || data.series.length === 0 ? (
          <p className="chart-empty">
            {`Fewer than two datasets on ${data.gpu} have ${data.label} values for ${testKey === null ? 'these tests' : 'this test'}.`}
          </p>
        ) : (
          <HistoryPlot
            data={data}
            scale={scale}
            shown={shown}
            slots={slots}
            palette={palette}
            width={width}
          />
        )}
      </div>
      {data.ordering !== 'date' && data.runs.length > 1 && (
        <RunOrder data={data} onMove={moveRunBy} />
      )}
    </ChartFigure>
  );
}

export default HistoryChart;
