import { useMemo, useState, type ReactElement } from 'react';
import type { ChartGpu } from '../../data/charts/chart-gpus';
import { formatRatio, speedupSummary } from '../../data/charts/chart-summaries';
import { servingMetricChoices } from '../../data/charts/serving-metrics';
import {
  speedupMatrix,
  speedupShade,
  type SpeedupMatrix,
  type SpeedupRow,
} from '../../data/charts/speedup';
import { describeMetric } from '../../data/metrics';
import type { ResultsView } from '../../data/result-index';
import { ChartFigure } from '../../ui/chart-figure';
import { markSource, valueWithUnit } from '../../ui/chart-text';
import { TooltipBox } from '../../ui/chart-tooltip';
import { mixColors, readableOn } from './color-mix';
import { DataTable, type DataRow } from '../../ui/data-table';
import { EmptyChart } from './empty-chart';
import { gpuColor, type ChartPalette } from '../../ui/use-chart-palette';
import { useElementWidth } from '../../ui/use-element-width';
import { useSeriesToggle } from '../../ui/use-series-toggle';
import { shortenMiddle } from './wrap-label';

const TITLE = 'Speedup over a reference GPU';

const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 44;
const SCALE_HEIGHT = 44;
const FONT_SIZE = 12;
/** How far the strongest cell moves from the background to the faster/slower colour. */
const MAX_TINT = 0.85;

interface MatrixLayout {
  readonly labelWidth: number;
  readonly cellWidth: number;
  readonly width: number;
  readonly height: number;
  readonly meanTop: number;
}

/** The narrowest a cell gets: room for `0.95×` in bold and a short GPU name. */
const MIN_CELL_WIDTH = 72;
/** The narrowest the label column gets, on phones: about 13 characters. */
const MIN_LABEL_WIDTH = 96;

/**
 * The label column takes 45% of the width (180 to 380 px) but gives way to the cells on narrow
 * screens, down to 96 px, so the matrix fits its box at its own size. Only more columns than fit
 * at their narrowest make it wider than its box, which then scrolls sideways (never scaled).
 */
export function matrixLayout(width: number, rows: number, columns: number): MatrixLayout {
  const wanted = Math.min(380, Math.max(180, Math.floor(width * 0.45)));
  const labelWidth = Math.max(
    MIN_LABEL_WIDTH,
    Math.min(wanted, width - Math.max(1, columns) * MIN_CELL_WIDTH),
  );
  const cellWidth = Math.max(
    MIN_CELL_WIDTH,
    Math.min(150, Math.floor((width - labelWidth) / Math.max(1, columns))),
  );
  const meanTop = HEADER_HEIGHT + rows * ROW_HEIGHT + 8;
  return {
    labelWidth,
    cellWidth,
    width: Math.max(width, labelWidth + columns * cellWidth),
    height: meanTop + ROW_HEIGHT + SCALE_HEIGHT,
    meanTop,
  };
}

/** Cuts a label to about `width` px at the matrix font size. */
function fitText(text: string, width: number): string {
  const chars = Math.floor(width / (FONT_SIZE * 0.56));
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

/** The colour scale's caption, as long as fits left of the scale. */
function scaleCaption(width: number): string {
  const captions = ['Colour: slower ← 1× → faster (above 1× is faster)', 'slower ← 1× → faster'];
  return captions.find((caption) => fitText(caption, width) === caption) ?? 'Colour';
}

interface Hovered {
  readonly row: SpeedupRow;
  readonly gpu: ChartGpu;
  readonly x: number;
  readonly y: number;
}

interface MatrixProps {
  readonly matrix: SpeedupMatrix;
  readonly columns: readonly ChartGpu[];
  readonly palette: ChartPalette;
  readonly width: number;
  readonly summary: string;
}

/** Cells are tinted in steps of an eighth of the scale; all cells of a step share one path. */
const TINT_STEPS = 8;
/** Above this many cells the ratios are not written in the cells (colour, tooltip and table remain). */
const LABELLED_CELLS = 600;

function rectPath(x: number, y: number, width: number, height: number): string {
  return `M${x} ${y}h${width}v${height}h${-width}Z`;
}

/**
 * The matrix drawn as SVG: a row per test, a column per GPU, cells tinted by speedup. Cells are
 * drawn as one path per tint and hovering is worked out from the pointer position, so a matrix of
 * 2,000 cells is a few dozen elements.
 */
function SpeedupHeatmap({ matrix, columns, palette, width, summary }: MatrixProps) {
  const [hovered, setHovered] = useState<Hovered | null>(null);
  const layout = matrixLayout(width, matrix.rows.length, columns.length);
  const baseline = matrix.baseline;
  if (baseline === null) return null;

  const tintOf = (step: number): string =>
    mixColors(
      palette.surface,
      step >= 0 ? palette.faster : palette.slower,
      (Math.abs(step) / TINT_STEPS) * MAX_TINT,
    );
  const stepOf = (ratio: number): number => Math.round(speedupShade(ratio) * TINT_STEPS);
  const labelled = (matrix.rows.length + 1) * columns.length <= LABELLED_CELLS;
  const tints = new Map<number, string>();
  const texts: ReactElement[] = [];
  const addCell = (key: string, x: number, y: number, ratio: number, withText: boolean): void => {
    const step = stepOf(ratio);
    tints.set(
      step,
      (tints.get(step) ?? '') + rectPath(x + 1, y + 1, layout.cellWidth - 2, ROW_HEIGHT - 2),
    );
    if (!withText) return;
    texts.push(
      <text
        key={key}
        x={x + layout.cellWidth / 2}
        y={y + ROW_HEIGHT / 2 + 4}
        textAnchor="middle"
        fontSize={FONT_SIZE}
        fontWeight={600}
        fill={readableOn(tintOf(step), [palette.text, palette.surface])}
      >
        {formatRatio(ratio)}
      </text>,
    );
  };
  matrix.rows.forEach((row, r) => {
    const y = HEADER_HEIGHT + r * ROW_HEIGHT;
    columns.forEach((gpu, c) => {
      const x = layout.labelWidth + c * layout.cellWidth;
      const entry = row.cells.get(gpu.key);
      if (entry !== undefined) addCell(`${r}-${gpu.key}`, x, y, entry.ratio, labelled);
      else if (labelled) {
        texts.push(
          <text
            key={`${r}-${gpu.key}`}
            x={x + layout.cellWidth / 2}
            y={y + ROW_HEIGHT / 2 + 4}
            textAnchor="middle"
            fontSize={FONT_SIZE}
            fill={palette.muted}
          >
            —
          </text>,
        );
      }
    });
  });
  columns.forEach((gpu, c) => {
    const mean = matrix.geometricMeans.get(gpu.key);
    const x = layout.labelWidth + c * layout.cellWidth;
    if (mean !== undefined) addCell(`mean-${gpu.key}`, x, layout.meanTop, mean.value, true);
  });

  const steps = [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1];
  const scaleLeft = layout.labelWidth;
  const stepWidth = Math.min(40, Math.floor((layout.width - scaleLeft) / steps.length));
  const scaleTop = layout.meanTop + ROW_HEIGHT + 14;

  const pick = (clientX: number, clientY: number, box: DOMRect): void => {
    const x = clientX - box.left;
    const y = clientY - box.top;
    const c = Math.floor((x - layout.labelWidth) / layout.cellWidth);
    const r = Math.floor((y - HEADER_HEIGHT) / ROW_HEIGHT);
    const row = matrix.rows[r];
    const gpu = columns[c];
    if (
      x < layout.labelWidth ||
      row === undefined ||
      gpu === undefined ||
      !row.cells.has(gpu.key)
    ) {
      if (hovered !== null) setHovered(null);
      return;
    }
    if (hovered?.row === row && hovered.gpu === gpu) return;
    setHovered({
      row,
      gpu,
      x: layout.labelWidth + (c + 1) * layout.cellWidth,
      y: HEADER_HEIGHT + r * ROW_HEIGHT,
    });
  };

  return (
    <div className="speedup-matrix">
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={summary}
        data-export-surface
        onMouseMove={(event) => {
          pick(event.clientX, event.clientY, event.currentTarget.getBoundingClientRect());
        }}
        onMouseLeave={() => {
          setHovered(null);
        }}
      >
        {columns.map((gpu, i) => {
          const x = layout.labelWidth + i * layout.cellWidth;
          return (
            <g key={gpu.key} className={`speedup-column series-${gpu.key}`}>
              <text
                x={x + layout.cellWidth / 2}
                y={HEADER_HEIGHT - 16}
                textAnchor="middle"
                fontSize={FONT_SIZE}
                fontWeight={600}
                fill={palette.text}
              >
                {fitText(gpu.label, layout.cellWidth - 4)}
              </text>
              <rect
                x={x + 8}
                y={HEADER_HEIGHT - 9}
                width={layout.cellWidth - 16}
                height={4}
                rx={2}
                fill={gpuColor(palette, gpu.slot)}
              />
            </g>
          );
        })}
        <text x={0} y={HEADER_HEIGHT - 16} fontSize={FONT_SIZE} fill={palette.muted}>
          {fitText(`Test (each GPU ÷ ${baseline.label})`, layout.labelWidth - 8)}
        </text>
        <g className="speedup-row-labels">
          {matrix.rows.map((row, r) => {
            const shown = shortenMiddle(row.label, layout.labelWidth - 8, FONT_SIZE);
            return (
              <text
                key={`${row.suite}|${row.testName}`}
                x={0}
                y={HEADER_HEIGHT + r * ROW_HEIGHT + ROW_HEIGHT / 2 + 4}
                fontSize={FONT_SIZE}
                fill={palette.text}
              >
                {shown !== row.label && <title>{row.label}</title>}
                {shown}
              </text>
            );
          })}
        </g>
        <g className="speedup-cells">
          {[...tints].map(([step, d]) => (
            <path key={step} d={d} fill={tintOf(step)} />
          ))}
          {texts}
        </g>
        {hovered !== null && (
          <rect
            x={hovered.x - layout.cellWidth + 1}
            y={hovered.y + 1}
            width={layout.cellWidth - 2}
            height={ROW_HEIGHT - 2}
            fill="none"
            stroke={palette.text}
            strokeWidth={1.5}
            pointerEvents="none"
          />
        )}
        <line
          x1={0}
          x2={layout.labelWidth + columns.length * layout.cellWidth}
          y1={layout.meanTop - 4}
          y2={layout.meanTop - 4}
          stroke={palette.grid}
        />
        <text
          x={0}
          y={layout.meanTop + ROW_HEIGHT / 2 + 4}
          fontSize={FONT_SIZE}
          fontWeight={600}
          fill={palette.text}
        >
          Geometric mean
        </text>
        <g className="speedup-scale">
          <text x={0} y={scaleTop + 12} fontSize={FONT_SIZE} fill={palette.muted}>
            {scaleCaption(layout.labelWidth - 8)}
          </text>
          {steps.map((shade, i) => (
            <rect
              key={shade}
              x={scaleLeft + i * stepWidth}
              y={scaleTop}
              width={stepWidth}
              height={14}
              fill={tintOf(Math.round(shade * TINT_STEPS))}
              stroke={palette.grid}
              strokeWidth={0.5}
            />
          ))}
          <text x={scaleLeft} y={scaleTop + 28} fontSize={11} fill={palette.muted}>
            0.5×
          </text>
          <text
            x={scaleLeft + (steps.length * stepWidth) / 2}
            y={scaleTop + 28}
            fontSize={11}
            textAnchor="middle"
            fill={palette.muted}
          >
            1×
          </text>
          <text
            x={scaleLeft + steps.length * stepWidth}
            y={scaleTop + 28}
            fontSize={11}
            textAnchor="end"
            fill={palette.muted}
          >
            2×
          </text>
        </g>
      </svg>
      {hovered !== null && (
        <div
          className="speedup-tooltip"
          style={{ left: Math.min(hovered.x, layout.width - 260), top: hovered.y + ROW_HEIGHT }}
        >
          <HoveredCell hovered={hovered} baseline={baseline} palette={palette} />
        </div>
      )}
    </div>
  );
}

function HoveredCell({
  hovered,
  baseline,
  palette,
}: {
  hovered: Hovered;
  baseline: ChartGpu;
  palette: ChartPalette;
}) {
  const { row, gpu } = hovered;
  const entry = row.cells.get(gpu.key);
  if (entry === undefined) return null;
  const { label, unit } = describeMetric(row.metricKey);
  return (
    <TooltipBox
      heading={row.label}
      entries={[
        {
          key: gpu.key,
          color: gpuColor(palette, gpu.slot),
          name: `${gpu.label} over ${baseline.label}`,
          value: formatRatio(entry.ratio),
          details: [
            `${label}: ${valueWithUnit(row.metricKey, entry.mark.value, unit)} vs ${valueWithUnit(row.metricKey, row.base.value, unit)}`,
            markSource(entry.mark),
            `${baseline.label}: ${markSource(row.base)}`,
          ],
        },
      ]}
    />
  );
}

function SpeedupDataTable({
  matrix,
  columns,
}: {
  matrix: SpeedupMatrix;
  columns: readonly ChartGpu[];
}) {
  const baseline = matrix.baseline;
  if (baseline === null) return null;
  const rows: DataRow[] = matrix.rows.map((row) => {
    const { label, unit } = describeMetric(row.metricKey);
    return {
      key: `${row.suite}|${row.testName}`,
      cells: [
        row.label,
        row.testName,
        `${label} (${unit})`,
        valueWithUnit(row.metricKey, row.base.value, unit),
        ...columns.map((gpu) => {
          const entry = row.cells.get(gpu.key);
          return entry === undefined ? '—' : formatRatio(entry.ratio);
        }),
      ],
    };
  });
  rows.push({
    key: 'geometric-mean',
    cells: [
      'Geometric mean',
      '',
      '',
      '',
      ...columns.map((gpu) => {
        const mean = matrix.geometricMeans.get(gpu.key);
        return mean === undefined ? '—' : formatRatio(mean.value);
      }),
    ],
  });
  return (
    <DataTable
      caption={`${TITLE}: each GPU's speedup over ${baseline.label} (above 1× is faster)`}
      columns={[
        { header: 'Test' },
        { header: 'Test name' },
        { header: 'Compared by' },
        { header: `${baseline.label} value`, numeric: true },
        ...columns.map((gpu) => ({ header: gpu.label, numeric: true })),
      ]}
      rows={rows}
    />
  );
}

/** Serving metrics the matrix can compare serving tests by, flattened with their statistic. */
function servingOptions(metricKeys: readonly string[]): { key: string; label: string }[] {
  return servingMetricChoices(metricKeys).flatMap((choice) =>
    choice.stats.length === 0
      ? [{ key: choice.id, label: choice.label }]
      : choice.stats.map((stat) => ({
          key: `${choice.id}_${stat}`,
          label: describeMetric(`${choice.id}_${stat}`).label,
        })),
  );
}

/** The GPU speedup matrix: pick a reference GPU; every other visible GPU's ratio per test. */
export function SpeedupChart({ view, palette }: { view: ResultsView; palette: ChartPalette }) {
  const options = useMemo(
    () => servingOptions(view.index.metricKeys.serving),
    [view.index.metricKeys.serving],
  );
  const [baselineChoice, setBaselineChoice] = useState<string | null>(null);
  const [servingChoice, setServingChoice] = useState('request_throughput');
  const { off, toggle } = useSeriesToggle();
  const [measure, width] = useElementWidth(720);
  const servingMetric = options.some((option) => option.key === servingChoice)
    ? servingChoice
    : (options[0]?.key ?? 'request_throughput');
  const matrix = useMemo(
    () => speedupMatrix(view, { baseline: baselineChoice, servingMetric }),
    [view, baselineChoice, servingMetric],
  );
  const columns = matrix.candidates.filter((gpu) => !off.has(gpu.key));
  const summary = speedupSummary(matrix);

  return (
    <ChartFigure
      id="speedup"
      title={TITLE}
      description="For every test shown, each GPU's ratio to the reference: rates new ÷ reference, times reference ÷ new, so above 1× always means faster. Latency tests compare mean latency, throughput tests req/s."
      controls={
        <>
          <label className="chart-select">
            Reference GPU
            <select
              value={matrix.baseline?.value ?? ''}
              onChange={(event) => {
                setBaselineChoice(event.target.value);
              }}
            >
              {matrix.gpus.map((gpu) => (
                <option key={gpu.key} value={gpu.value}>
                  {gpu.label}
                </option>
              ))}
            </select>
          </label>
          <label className="chart-select">
            Serving tests by
            <select
              value={servingMetric}
              onChange={(event) => {
                setServingChoice(event.target.value);
              }}
            >
              {options.map((option) => (
                <option key={option.key} value={option.key}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </>
      }
      palette={palette}
      legend={{ gpus: matrix.candidates, off, onToggle: toggle }}
      summary={summary}
      notice={
        [
          matrix.omittedRows > 0
            ? `Showing the first ${matrix.rows.length} tests; ${matrix.omittedRows} more are left out of the drawing (the geometric means include them).`
            : '',
          matrix.testsWithoutBaseline > 0 && matrix.baseline !== null
            ? `${matrix.testsWithoutBaseline} tests shown have no ${matrix.baseline.label} result and have no row.`
            : '',
        ]
          .filter((text) => text !== '')
          .join(' ') || null
      }
      renderData={() => <SpeedupDataTable matrix={matrix} columns={columns} />}
      wide
    >
      <div ref={measure} className="chart-measure">
        {matrix.baseline === null || matrix.rows.length === 0 ? (
          <EmptyChart />
        ) : (
          <SpeedupHeatmap
            matrix={matrix}
            columns={columns}
            palette={palette}
            width={width}
            summary={summary}
          />
        )}
      </div>
    </ChartFigure>
  );
}
