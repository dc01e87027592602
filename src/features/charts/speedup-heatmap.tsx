import { useState, type ReactElement } from 'react';
import type { ChartGpu } from '../../data/charts/chart-gpus';
import { formatRatio } from '../../data/charts/chart-summaries';
import { speedupShade, type SpeedupMatrix } from '../../data/charts/speedup';
import { mixColors, readableOn } from './color-mix';
import { gpuColor, type ChartPalette } from '../../ui/use-chart-palette';
import { shortenMiddle } from '../../ui/wrap-label';
import {
  matrixLayout,
  fitText,
  scaleCaption,
  rectPath,
  ROW_HEIGHT,
  HEADER_HEIGHT,
  FONT_SIZE,
  MAX_TINT,
  TINT_STEPS,
  LABELLED_CELLS,
} from './speedup-layout';
import { SpeedupCellTooltip, type Hovered } from './speedup-cell-tooltip';

interface MatrixProps {
  readonly matrix: SpeedupMatrix;
  readonly columns: readonly ChartGpu[];
  readonly palette: ChartPalette;
  readonly width: number;
  readonly summary: string;
}

/**
 * The matrix drawn as SVG: a row per test, a column per GPU, cells tinted by speedup. Cells are
 * drawn as one path per tint and hovering is worked out from the pointer position, so a matrix of
 * 2,000 cells is a few dozen elements.
 */
export function SpeedupHeatmap({ matrix, columns, palette, width, summary }: MatrixProps) {
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
          <SpeedupCellTooltip hovered={hovered} baseline={baseline} palette={palette} />
        </div>
      )}
    </div>
  );
}
