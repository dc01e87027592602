import { useId, useRef, useState, type ReactNode } from 'react';
import type { ChartGpu } from '../data/charts/chart-gpus';
import { downloadChartPng, downloadChartSvg, type ExportLegendItem } from './export-chart';
import { GpuLegend } from './gpu-legend';
import { gpuColor, type ChartPalette } from './use-chart-palette';
import './chart-figure.css';

interface ChartFigureProps {
  /** Short id used in file names: `latency` → `vllm-latency-chart.png`. */
  readonly id: string;
  readonly title: string;
  /** A sentence under the title on how to read the chart. */
  readonly description: ReactNode;
  readonly controls?: ReactNode;
  readonly palette: ChartPalette;
  /** Visible GPUs; the legend toggles their series. Null for a chart without series. */
  readonly legend: {
    readonly gpus: readonly ChartGpu[];
    readonly off: ReadonlySet<string>;
    readonly onToggle: (key: string) => void;
  } | null;
  /** Extra legend entries (e.g. the saturation marker), drawn after the GPUs. */
  readonly legendNote?: ReactNode;
  /** The text alternative: a summary of what the chart shows. */
  readonly summary: string;
  /** Said when groups were left out to stay within the point budget. */
  readonly notice?: string | null;
  /** The "Show data" table, built only when shown. */
  readonly renderData: () => ReactNode;
  readonly wide?: boolean;
  /** The plot; the figure measures and exports what it holds. */
  readonly children: ReactNode;
}

/**
 * The frame every chart shares: a <figure> named by its title, the controls, the plot, a legend
 * that toggles series, a summary sentence, a "Show data" table and the PNG/SVG downloads.
 */
export function ChartFigure({
  id,
  title,
  description,
  controls,
  palette,
  legend,
  legendNote,
  summary,
  notice,
  renderData,
  wide = false,
  children,
}: ChartFigureProps) {
  const titleId = useId();
  const summaryId = useId();
  const dataId = useId();
  const plotRef = useRef<HTMLDivElement>(null);
  const [showData, setShowData] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const exportChart = (format: 'png' | 'svg'): void => {
    const plot = plotRef.current;
    if (plot === null) return;
    const items: ExportLegendItem[] =
      legend?.gpus.map((gpu) => ({
        label: gpu.label,
        color: gpuColor(palette, gpu.slot),
        off: legend.off.has(gpu.key),
      })) ?? [];
    const chart = {
      plot,
      title,
      legend: items,
      background: palette.surface,
      textColor: palette.text,
      fileName: `vllm-${id}-chart`,
    };
    setExportError(null);
    if (format === 'svg') {
      downloadChartSvg(chart);
      return;
    }
    downloadChartPng(chart).catch((error: unknown) => {
      setExportError(error instanceof Error ? error.message : String(error));
    });
  };

  return (
    <figure
      className={wide ? 'chart-figure wide' : 'chart-figure'}
      aria-labelledby={titleId}
      aria-describedby={summaryId}
    >
      {/* A heading too: the charts' small multiples have h4 titles, and headings must not skip. */}
      <figcaption id={titleId} className="chart-title">
        <h3>{title}</h3>
      </figcaption>
      <p className="chart-description">{description}</p>
      <div className="chart-toolbar wrap-row">
        <div className="chart-controls">{controls}</div>
        <div className="chart-actions">
          {(['png', 'svg'] as const).map((format) => (
            <button
              key={format}
              type="button"
              onClick={() => {
                exportChart(format);
              }}
            >
              {`Download ${format.toUpperCase()}`}
            </button>
          ))}
        </div>
      </div>
      {notice !== null && notice !== undefined && <p className="chart-notice">{notice}</p>}
      <div ref={plotRef} className="chart-plot">
        {children}
      </div>
      {legend !== null && (
        <div className="chart-legend-row">
          <GpuLegend
            gpus={legend.gpus}
            off={legend.off}
            palette={palette}
            onToggle={legend.onToggle}
          />
          {legendNote}
        </div>
      )}
      {exportError !== null && (
        <p role="alert" className="problem">
          The chart could not be saved: {exportError}
        </p>
      )}
      <p id={summaryId} className="chart-summary">
        {summary}
      </p>
      <button
        type="button"
        className="show-data"
        aria-expanded={showData}
        aria-controls={dataId}
        onClick={() => {
          setShowData((shown) => !shown);
        }}
      >
        Show data
      </button>
      <div id={dataId} hidden={!showData}>
        {showData && renderData()}
      </div>
    </figure>
  );
}

/** A chart still to be drawn (its data not made yet): it holds roughly the chart's place. */
export function ChartPlaceholder() {
  return <div className="chart-placeholder" aria-hidden="true" />;
}
